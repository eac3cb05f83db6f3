"""Cancelling from another thread and killing a worker process leave the cache clean."""

from __future__ import annotations

import threading

import pytest

from superatom_lab.core import catalogue
from superatom_lab.errors import CalculationCancelled
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.properties import electron_affinity
from superatom_lab.qc.tasks import Request
from superatom_lab.qc.worker import WorkerJob
from superatom_lab.store import ResultStore

pytestmark = pytest.mark.pyscf


def _files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_cancel_from_another_thread_leaves_the_cache_unchanged(tmp_path):
    store = ResultStore(tmp_path)
    started, cancel = threading.Event(), threading.Event()
    outcome = {}

    def progress(event):
        started.set()

    def work():
        try:
            electron_affinity(catalogue.build("Al13"), get_method("quick"), store=store,
                              progress=progress, cancel=cancel)  # fmt: skip
            outcome["result"] = "finished"
        except CalculationCancelled as exc:
            outcome["result"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(120), "the calculation never reported progress"
    cancel.set()
    thread.join(60)
    assert not thread.is_alive()
    assert isinstance(outcome["result"], CalculationCancelled)
    assert _files(tmp_path) == []


def test_worker_process_can_be_killed_mid_scf(tmp_path):
    request = Request.make("electron_affinity", catalogue.build("Al13"), get_method("quick"))
    job = WorkerJob(request, store_root=str(tmp_path))
    job.start()
    events = []
    for _ in range(600):
        events += job.poll(0.5)
        if events:
            break
    assert events and events[0]["cycle"] == 1
    job.kill()
    assert not job.alive
    with pytest.raises(CalculationCancelled):
        job.result(timeout=5)
    assert _files(tmp_path) == []


def test_worker_returns_a_result_and_fills_the_cache(tmp_path):
    request = Request.make("electron_affinity", catalogue.build("F"), get_method("quick"))
    job = WorkerJob(request, store_root=str(tmp_path))
    job.start()
    result = job.result(timeout=300)
    assert result.converged and 2.5 < result.value_ev < 4.5
    assert job.events and all("cycle" in e for e in job.events)
    assert len(ResultStore(tmp_path).keys()) == len(result.candidates)
