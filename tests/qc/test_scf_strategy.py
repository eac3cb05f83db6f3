"""The SCF driver: results carry their provenance; failures and cancellation raise."""

from __future__ import annotations

import threading

import pytest
from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import CalculationCancelled, ConvergenceError, SystemTooLargeError
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.runner import compute_state
from superatom_lab.qc.scf import run_scf
from superatom_lab.store import ResultStore

pytestmark = pytest.mark.pyscf

OH = Cluster(Atoms("OH", positions=[(0, 0, 0), (0, 0, 0.9697)]), name="OH")


def test_open_shell_result_records_spin_and_method():
    result = run_scf(OH, get_method("quick"), charge=0, spin=1)
    assert result.converged
    assert result.method["xc"] == "wb97x" and result.method["basis"] == "def2-svpd"
    assert result.method["metal_basis"] == "lanl2dz"
    assert result.s2_expected == pytest.approx(0.75)
    assert result.s2 == pytest.approx(0.75, abs=0.02)
    assert sum(result.occupations[0]) == pytest.approx(5) and sum(result.occupations[1]) == 4
    assert result.homo_ev < 0 < result.wall_s
    assert result.strategy[0]["step"] == "diis"


def test_unconverged_scf_raises_and_is_not_cached(tmp_path):
    store = ResultStore(tmp_path)
    hopeless = get_method("quick", max_cycle=2, conv_tol=1e-12)
    with pytest.raises(ConvergenceError, match="did not converge"):
        compute_state(OH, hopeless, charge=0, spin=1, store=store)
    assert store.keys() == []


def test_cancel_before_start_raises_and_stores_nothing(tmp_path):
    store = ResultStore(tmp_path)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CalculationCancelled):
        compute_state(OH, get_method("quick"), charge=0, spin=1, store=store, cancel=cancel)
    assert store.keys() == []


def test_progress_reports_every_cycle():
    events = []
    result = run_scf(OH, get_method("quick"), charge=-1, spin=0, progress=events.append)
    assert len(events) == result.n_cycles > 2
    assert [e["cycle"] for e in events] == list(range(1, result.n_cycles + 1))


def test_too_large_system_names_the_basis_function_count():
    tiny = get_method("quick", max_basis_functions=10)
    with pytest.raises(SystemTooLargeError, match=r"needs \d+ basis functions"):
        run_scf(OH, tiny, charge=0, spin=1)


def test_closed_shell_orbital_energies_are_not_rescaled():
    result = run_scf(OH, get_method("quick"), charge=-1, spin=0)
    alpha, beta = result.orbital_energies_ev
    assert alpha == beta
    assert min(alpha) < -400  # the O 1s level (about -497 eV in PBE), at full size
    assert result.occupations[0][:5] == [1.0] * 5 and result.occupations[0][5] == 0.0
    assert result.lumo_ev - result.homo_ev > 1.0


def test_states_share_grids_and_integrals():
    from superatom_lab.qc.scf import SharedIntegrals

    shared = SharedIntegrals()
    neutral = run_scf(OH, get_method("quick"), charge=0, spin=1, shared=shared)
    anion = run_scf(OH, get_method("quick"), charge=-1, spin=0, shared=shared, partner=neutral)
    assert shared.builds == 1
    alone = run_scf(OH, get_method("quick"), charge=-1, spin=0)
    assert anion.energy_hartree == pytest.approx(alone.energy_hartree, abs=1e-7)
    with pytest.raises(ValueError, match="another geometry"):
        run_scf(Cluster(Atoms("H")), get_method("quick"), charge=0, spin=1, shared=shared)


def test_a_stalled_step_hands_its_orbitals_to_newton(monkeypatch):
    """Force the stall test to fire early: Newton must finish from the stalled orbitals."""
    from superatom_lab.qc import scf

    plain = run_scf(OH, get_method("quick"), charge=0, spin=1)
    monkeypatch.setattr(scf, "STALL_MIN_CYCLES", 3)
    monkeypatch.setattr(scf, "STALL_WINDOW", 2)
    monkeypatch.setattr(scf, "STALL_ENERGY_HARTREE", 1.0)
    monkeypatch.setattr(scf, "STALL_GRADIENT_GAIN", 0.0)
    forced = run_scf(OH, get_method("quick"), charge=0, spin=1)
    steps = [(s["step"], s.get("stalled", False), s["converged"]) for s in forced.strategy]
    assert steps == [("diis", True, False), ("newton", False, True)]
    assert forced.strategy[0]["cycles"] == 3
    assert forced.energy_hartree == pytest.approx(plain.energy_hartree, abs=1e-6)
    assert forced.s2 == pytest.approx(0.75, abs=0.02)


def _force_early_stalls(monkeypatch, scf):
    monkeypatch.setattr(scf, "STALL_MIN_CYCLES", 3)
    monkeypatch.setattr(scf, "STALL_WINDOW", 2)
    monkeypatch.setattr(scf, "STALL_ENERGY_HARTREE", 1.0)
    monkeypatch.setattr(scf, "STALL_GRADIENT_GAIN", 0.0)


def test_a_small_radical_from_a_partner_has_newton_from_the_partner_as_plan_b(monkeypatch):
    """OH from its anion: a short level-shifted step; stalled, Newton from the anion's orbitals."""
    from superatom_lab.qc import scf

    anion = run_scf(OH, get_method("quick"), charge=-1, spin=0)
    plain = run_scf(OH, get_method("quick"), charge=0, spin=1, partner=anion)
    assert plain.strategy[0]["step"] == "short level shift"
    assert plain.strategy[0]["cycles"] <= scf.SHORT_SHIFT_MAX_CYCLE
    _force_early_stalls(monkeypatch, scf)
    forced = run_scf(OH, get_method("quick"), charge=0, spin=1, partner=anion)
    steps = [(s["step"], s.get("stalled", False), s["converged"]) for s in forced.strategy]
    assert steps == [("short level shift", True, False), ("newton from partner", False, True)]
    assert forced.energy_hartree == pytest.approx(plain.energy_hartree, abs=1e-6)


def test_a_stalled_level_shift_goes_on_to_plain_diis_first(monkeypatch):
    """Past the size of partner_newton, a stalled level shift tries DIIS, then Newton."""
    from superatom_lab.qc import scf

    monkeypatch.setattr(scf, "PARTNER_NEWTON_MAX_BASIS", 0)  # OH treated as a large system
    anion = run_scf(OH, get_method("quick"), charge=-1, spin=0)
    plain = run_scf(OH, get_method("quick"), charge=0, spin=1, partner=anion)
    assert plain.strategy[0]["step"] == "level shift"
    _force_early_stalls(monkeypatch, scf)
    forced = run_scf(OH, get_method("quick"), charge=0, spin=1, partner=anion)
    steps = [(s["step"], s.get("stalled", False), s["converged"]) for s in forced.strategy]
    assert steps == [("level shift", True, False), ("diis", True, False), ("newton", False, True)]
    assert forced.energy_hartree == pytest.approx(plain.energy_hartree, abs=1e-6)


def test_a_diis_step_that_climbs_above_the_level_shift_goes_to_newton_from_the_shift(
    monkeypatch,
):
    """Force the climb test to fire: Newton finishes from the level-shifted orbitals."""
    from superatom_lab.qc import scf

    monkeypatch.setattr(scf, "PARTNER_NEWTON_MAX_BASIS", 0)  # OH treated as a large system
    anion = run_scf(OH, get_method("quick"), charge=-1, spin=0)
    plain = run_scf(OH, get_method("quick"), charge=0, spin=1, partner=anion)
    _force_early_stalls(monkeypatch, scf)
    monkeypatch.setattr(scf, "STALL_WATCHED_STEPS", ("level shift",))
    monkeypatch.setattr(scf, "CLIMB_CYCLES", 2)
    monkeypatch.setattr(scf, "CLIMB_HARTREE", -1.0)  # any energy counts as a climb
    forced = run_scf(OH, get_method("quick"), charge=0, spin=1, partner=anion)
    steps = [(s["step"], s.get("climbed", False), s["converged"]) for s in forced.strategy]
    assert steps == [("level shift", False, False), ("diis", True, False), ("newton", False, True)]
    assert forced.strategy[1]["cycles"] == 2
    assert forced.energy_hartree == pytest.approx(plain.energy_hartree, abs=1e-6)


def test_an_atom_is_not_watched_for_a_climb(monkeypatch):
    """Pd-: Newton from a level-shifted atom found a higher state than DIIS; atoms keep DIIS."""
    from superatom_lab.qc import scf

    o_minus = run_scf(Cluster(Atoms("O")), get_method("quick"), charge=-1, spin=1)
    _force_early_stalls(monkeypatch, scf)
    monkeypatch.setattr(scf, "STALL_WATCHED_STEPS", ("level shift",))
    monkeypatch.setattr(scf, "CLIMB_HARTREE", -1.0)
    monkeypatch.setattr(scf, "CLIMB_CYCLES", 1)
    o = run_scf(Cluster(Atoms("O")), get_method("quick"), charge=0, spin=2, partner=o_minus)
    assert [s["step"] for s in o.strategy][:2] == ["level shift", "diis"]
    assert not any(s.get("climbed") for s in o.strategy)


def test_settle_rejects_a_filled_orbital_above_an_empty_one():
    """A converged Li doublet obeys aufbau; the same density with 2s and 2p swapped does not."""
    import numpy as np

    from superatom_lab.qc.molecule import build_mole
    from superatom_lab.qc.scf import _make_mf, settle

    method = get_method("large")
    mf = _make_mf(build_mole(Cluster(Atoms("Li")), method, charge=0, spin=1), method).run()
    assert settle(mf)
    alpha = np.asarray(mf.mo_occ[0])
    swapped = np.array(mf.mo_occ, dtype=float)
    swapped[0, 1], swapped[0, 2] = 0.0, 1.0  # the 2s electron put into an empty 2p-like orbital
    assert alpha[1] == 1.0 and alpha[2] == 0.0
    mf.mo_occ = swapped
    assert not settle(mf)


def test_bf4s_neutral_reaches_newtons_state_from_the_anion_in_at_most_20_cycles():
    """BF4's neutral from its anion at quick: the hole sits in the degenerate t1 shell.

    First-order steps crawl along that shell (37 cycles before, 20 level-shifted, 10 of
    DIIS, 7 of Newton); the plan of ``partner_newton`` reaches in at most 20 cycles the
    state PySCF's Newton reaches on its own from the anion's orbitals (checked here
    independently of the strategy), with the hole spread over all four fluorines.
    """
    from superatom_lab.core.catalogue import build
    from superatom_lab.qc.molecule import build_mole
    from superatom_lab.qc.scf import SharedIntegrals, _make_mf, guess_from_partner

    method, bf4, shared = get_method("quick"), build("BF4"), SharedIntegrals()
    anion = run_scf(bf4, method, charge=-1, spin=0, shared=shared)
    neutral = run_scf(bf4, method, charge=0, spin=1, partner=anion, shared=shared)
    assert neutral.n_cycles <= 20
    mol = build_mole(bf4, method, charge=0, spin=1)
    newton = _make_mf(mol, method, shared).newton()
    shared.attach(newton, mol, method)
    dm = guess_from_partner(anion.arrays, *mol.nelec, restricted=False)
    newton.kernel(dm.mo_coeff, dm.mo_occ)
    assert newton.converged
    assert neutral.energy_hartree == pytest.approx(newton.e_tot, abs=1e-6)
