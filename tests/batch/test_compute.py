"""What a worker runs: PySCF on one thread, failures returned as text (no calculation here)."""

from __future__ import annotations

from superatom_lab.batch.compute import compute_candidate, one_thread
from superatom_lab.core.catalogue import build
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request


def test_one_thread_overrides_a_larger_setting(monkeypatch):
    from pyscf import lib

    before = lib.num_threads()
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    try:
        lib.num_threads(2)
        one_thread()
        assert lib.num_threads() == 1
        import os

        assert os.environ["OMP_NUM_THREADS"] == "1"
    finally:
        lib.num_threads(before)


def test_a_request_that_cannot_run_comes_back_as_an_error_row():
    # Cl has 17 electrons: spin 0 is impossible, found before any SCF
    request = Request.make("electron_affinity", build("Cl"), get_method("quick"), spin=0)
    outcome = compute_candidate(request)
    assert outcome["error"].startswith("ChargeSpinError")
    assert outcome["records"] == [] and outcome["value_ev"] != outcome["value_ev"]  # NaN
    assert outcome["worker"] and outcome["wall_s"] >= 0
