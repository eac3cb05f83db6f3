"""Binding energies with the counterpoise correction, against the water dimer of the S22 set."""

import pytest
from ase.collections import s22

from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import InputError
from superatom_lab.qc.binding import NO_COUNTERPOISE_WARNING, binding_energy, fragments
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request
from superatom_lab.store import ResultStore
from superatom_lab.store.keys import state_key

# S22 water dimer (ASE's copy of the set's geometry): interaction energy 4.92 kcal/mol =
# 0.213 eV, CCSD(T)/CBS (Takatani et al., J. Chem. Phys. 132, 144104, 2010). wB97X in a
# double-zeta basis is expected within 0.05 eV once the superposition error is removed.
WATER_DIMER_EV = 0.213
TOLERANCE_EV = 0.05


@pytest.fixture(scope="module")
def dimer():
    return Cluster(s22["Water_dimer"], name="water dimer")  # O H H, then the guest O H H


@pytest.fixture(scope="module")
def results(dimer, tmp_path_factory):
    store = ResultStore(tmp_path_factory.mktemp("binding"))
    method = get_method("quick")
    request = Request.make("binding_energy", dimer, method, guest_atoms=3)
    corrected = request.run(store=store)
    uncorrected = binding_energy(dimer, method, guest_atoms=3, counterpoise=False, store=store)
    return request, store, corrected, uncorrected


@pytest.mark.pyscf
def test_water_dimer_binds_by_the_s22_value(results):
    _, _, corrected, _ = results
    assert corrected.kind == "counterpoise" and corrected.converged
    assert corrected.value_ev == pytest.approx(WATER_DIMER_EV, abs=TOLERANCE_EV)


@pytest.mark.pyscf
def test_the_correction_removes_a_positive_superposition_error(results):
    _, _, corrected, uncorrected = results
    # a fragment in the complex's larger basis can only go down in energy
    assert uncorrected.value_ev > corrected.value_ev
    assert NO_COUNTERPOISE_WARNING in uncorrected.warnings
    assert NO_COUNTERPOISE_WARNING not in corrected.warnings
    whole, host, guest = corrected.states
    assert host.n_basis_functions == guest.n_basis_functions == whole.n_basis_functions
    assert uncorrected.states[1].n_basis_functions * 2 == whole.n_basis_functions
    assert (host.charge, guest.charge) == (0, 0)
    assert (whole.formula, host.formula, guest.formula) == ("H4O2", "H2O", "H2O")  # no ghosts


@pytest.mark.pyscf
def test_a_cached_binding_energy_is_answered_from_the_store(results):
    request, store, corrected, _ = results
    again = request.cached(store)
    assert again is not None and again.value_ev == pytest.approx(corrected.value_ev, abs=1e-12)


def test_ghosts_change_the_key_and_only_when_present(dimer):
    method = get_method("quick")
    host, _ = fragments(dimer, guest_atoms=3, guest_charge=0)
    plain = Cluster(dimer.atoms)
    assert state_key(host, method, charge=0, spin=0) != state_key(plain, method, charge=0, spin=0)
    assert host.n_electrons == 10 and plain.n_electrons == 20


@pytest.mark.parametrize("guest_atoms", [0, 6, True, 1.5])
def test_the_guest_must_be_some_but_not_all_atoms(dimer, guest_atoms):
    with pytest.raises(InputError):
        fragments(dimer, guest_atoms=guest_atoms, guest_charge=0)


def test_a_fractional_guest_charge_is_refused(dimer):
    with pytest.raises(InputError):
        fragments(dimer, guest_atoms=3, guest_charge=0.5)


@pytest.mark.parametrize("ghosts", [[6], [-1], [0, 1, 2, 3, 4, 5], ["a"]])
def test_bad_ghost_sets_are_refused(dimer, ghosts):
    with pytest.raises(InputError):
        Cluster(dimer.atoms, ghosts=ghosts)
