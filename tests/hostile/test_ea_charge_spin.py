"""Charge and spin on the way to an EA/IE request: any whole number gives one clear line.

No worker is started: the runner answers from the shipped results when it can, and
otherwise ends the job with :data:`NOT_COMPUTED` where a worker would start.
"""

from __future__ import annotations

import pytest
from ase import Atoms
from hypothesis import event, given
from hypothesis import strategies as st

from superatom_lab.apps import BuilderModel, ClusterSession, EAModel
from superatom_lab.apps.ea.model import KINDS, PROPERTIES
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.session import BUILT
from superatom_lab.core import catalogue
from superatom_lab.core.cluster import Cluster, check_spin
from superatom_lab.errors import ChargeSpinError
from tests.hostile.cases import assert_one_clear_line, counted, hostile_settings

NOT_COMPUTED = "valid request: not computed in this test"
INTS = st.one_of(st.integers(-(10**9), 10**9), st.integers(-60, 60))
SPECIES = st.sampled_from(["Cl", "Al13", "BF4", "Li3O", "B12H12", "Na8", "W@Au12", "O2"])


class NoWorkerRunner(JobRunner):
    """A runner that checks and looks up every request but never starts a worker."""

    def submit(self, task, cluster, method, *, guard=None, **options):
        self.submitted = (task, cluster, method)
        super().submit(task, cluster, method, guard=lambda request: NOT_COMPUTED, **options)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile-cache")


def assert_computed_or_one_line(model: EAModel, typed: str) -> None:
    assert model.runner.state != "running"
    if model.error in ("", NOT_COMPUTED):
        event("valid request")
        assert model.runner.submitted[1].charge == model.charge
    else:
        event("refused")
        assert_one_clear_line(model.error, typed)


@hostile_settings(400)
@given(structure=SPECIES, charge=INTS, prop=st.sampled_from(list(PROPERTIES)),
       kind=st.sampled_from(list(KINDS)))  # fmt: skip
@counted
def test_any_charge_of_a_catalogue_species(store, structure, charge, prop, kind):
    model = EAModel(runner=NoWorkerRunner(store=store), structure=structure)
    model.prop, model.kind, model.charge = prop, kind, charge
    model.compute()
    assert_computed_or_one_line(model, str(charge))
    n_electrons = catalogue.build(structure).n_electrons - charge
    if n_electrons < 0:
        assert model.error.startswith(f"the charge leaves {n_electrons} electrons")


@hostile_settings(300)
@given(
    built_charge=st.one_of(INTS, st.integers(-3, 3)),
    built_spin=st.one_of(INTS, st.integers(-1, 5)),
    charge=INTS,
)
@counted
def test_any_charge_and_spin_of_a_built_cluster(store, built_charge, built_spin, charge):
    session = ClusterSession()
    builder = BuilderModel(session=session, species="BF4", charge=built_charge, spin=built_spin)
    model = EAModel(runner=NoWorkerRunner(store=store), session=session)
    if builder.cluster is None:
        assert_one_clear_line(builder.error, f"{built_charge} {built_spin}")
        assert not builder.share() and builder.shared.startswith("nothing to share")
        model.structure = BUILT
        model.compute()
        assert model.error == "no built cluster: build one and press 'Use in other apps'"
        return
    assert builder.share()
    model.structure = BUILT
    assert model.charge == built_charge
    model.charge = charge
    model.compute()
    assert_computed_or_one_line(model, str(charge))


@hostile_settings(400)
@given(n_electrons=INTS, spin=st.one_of(INTS, st.none(), st.floats(), st.booleans(), st.text()))
@counted
def test_check_spin_raises_only_its_own_error(n_electrons, spin):
    try:
        check_spin(n_electrons, spin)
    except ChargeSpinError as exc:
        event("refused")
        assert_one_clear_line(str(exc), repr(spin))
    else:
        event("accepted")
        assert n_electrons >= 0 and (spin is None or 0 <= spin <= n_electrons)


@hostile_settings(300)
@given(charge=INTS, spin=st.one_of(INTS, st.none()))
@counted
def test_cluster_charge_and_spin_raise_only_charge_spin_error(charge, spin):
    water = Cluster(Atoms("OH2", positions=[(0, 0, 0.12), (0, 0.76, -0.47), (0, -0.76, -0.47)]))
    try:
        ion = water.with_charge(charge, spin=spin)
    except ChargeSpinError as exc:
        assert_one_clear_line(str(exc))
    else:
        assert ion.n_electrons == 10 - charge and ion.spin == spin
