"""A guest scanned along a bare site's outward line: BF4 - loses F -, Ar comes to BF3."""

import pytest

from superatom_lab.core import catalogue
from superatom_lab.errors import InputError
from superatom_lab.qc.binding_scan import site_binding_scan
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request
from superatom_lab.store import ResultStore

DISTANCES = [2.6, 3.2]


@pytest.fixture(scope="module")
def bf4():
    return catalogue.build("BF4", charge=-1)


@pytest.fixture(scope="module")
def scanned(bf4, tmp_path_factory):
    store = ResultStore(tmp_path_factory.mktemp("scan"))
    request = Request.make(
        "site_binding_scan", bf4, get_method("quick"), ligand=1, guest="Ar", distances=DISTANCES
    )
    return request, store, request.run(store=store)


@pytest.mark.pyscf
def test_each_distance_has_an_uncorrected_point_and_the_best_is_corrected(scanned):
    _, _, scan = scanned
    assert scan.distances_angstrom == DISTANCES
    assert [r.kind for r in scan.uncorrected] == ["uncorrected", "uncorrected"]
    values = [r.value_ev for r in scan.uncorrected]
    assert scan.best_distance_angstrom == DISTANCES[values.index(max(values))]
    assert scan.corrected.kind == "counterpoise" and scan.converged
    # the superposition error only ever adds binding
    assert scan.corrected.value_ev < max(values)
    whole, host, guest = scan.corrected.states
    assert (whole.formula, host.formula, guest.formula) == ("ArBF3", "BF3", "Ar")
    assert (whole.charge, host.charge, guest.charge) == (0, 0, 0)


@pytest.mark.pyscf
def test_the_fragments_alone_are_computed_once_for_the_whole_scan(scanned):
    _, _, scan = scanned
    first, second = scan.uncorrected
    assert first.states[0].energy_hartree != second.states[0].energy_hartree  # the complex moves
    for role in (1, 2):  # host and guest: one geometry, one basis, one SCF
        assert first.states[role].wall_s == second.states[role].wall_s


@pytest.mark.pyscf
def test_a_finished_scan_is_answered_from_the_store(scanned):
    request, store, scan = scanned
    again = request.cached(store)
    assert again is not None and again.value_ev == pytest.approx(scan.value_ev, abs=1e-12)
    assert again.best_distance_angstrom == scan.best_distance_angstrom


@pytest.mark.parametrize("distances", [[2.0], [2.0, -1.0], "2.0", [2.0, float("nan")], [True, 2]])
def test_a_scan_needs_two_or_more_positive_distances(bf4, distances):
    with pytest.raises(InputError, match="two or more positive distances"):
        site_binding_scan(bf4, get_method("quick"), ligand=1, distances=distances)


def test_a_bad_guest_or_ligand_is_refused_before_any_calculation(bf4):
    with pytest.raises(InputError):
        site_binding_scan(bf4, get_method("quick"), ligand=1, guest="Xx")
    with pytest.raises(InputError):
        site_binding_scan(bf4, get_method("quick"), ligand=9)


def _scan(distances, values):
    from superatom_lab.qc.binding_scan import BindingScan
    from superatom_lab.qc.results import PropertyResult

    points = [PropertyResult("binding_energy", "uncorrected", v, [], {}) for v in values]
    return BindingScan(list(distances), points, None, {})


def test_a_parabola_through_the_best_point_finds_the_top_of_a_known_curve():
    curve = [(d, 0.8 - 2.0 * (d - 2.05) ** 2) for d in (1.7, 1.9, 2.1, 2.4, 2.8)]
    scan = _scan(*zip(*curve))
    assert scan.bracketed and scan.best_distance_angstrom == 2.1
    distance, value = scan.parabola_minimum()
    assert distance == pytest.approx(2.05, abs=1e-9) and value == pytest.approx(0.8, abs=1e-9)


def test_a_best_point_at_the_end_of_the_scan_is_not_bracketed():
    assert not _scan([2.4, 1.9, 2.1], [0.613, 0.853, 0.837]).bracketed  # order does not matter
    with pytest.raises(InputError, match="three scanned distances"):
        _scan([1.9, 2.1], [0.85, 0.84]).parabola_minimum()
