"""JobRunner with real PySCF workers: progress, the cache, cancel, replacement and errors."""

from __future__ import annotations

import threading
import time

import pytest

from superatom_lab.apps.jobs import JobRunner
from superatom_lab.core import catalogue
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request
from superatom_lab.store import ResultStore
from tests.apps.polling import wait_for
from tests.helpers import cache_files

pytestmark = pytest.mark.pyscf

QUICK = get_method("quick")


def test_a_small_job_runs_to_done_and_is_then_answered_from_the_cache(tmp_path):
    runner = JobRunner(store=tmp_path)
    states = []
    runner.observe(lambda change: states.append(change.new), "state")
    runner.submit("electron_affinity", catalogue.build("F"), QUICK)
    assert runner.state == "running"
    assert runner.wait(180), runner.progress_text
    assert runner.state == "done", runner.error
    assert runner.cycle > 0 and not runner.from_cache
    first = runner.result
    assert first.converged and not first.cached and 2.5 < first.value_ev < 4.5
    assert cache_files(tmp_path)

    start = time.perf_counter()
    runner.submit("electron_affinity", catalogue.build("F"), QUICK)
    latency = time.perf_counter() - start
    assert latency < 1.0
    assert runner.state == "done" and runner.from_cache and runner.cycle == 0
    assert runner.result.cached and runner.result.value_ev == pytest.approx(first.value_ev)
    assert states == ["running", "done", "running", "done"]


def test_cache_probe_needs_every_state(tmp_path):
    store = ResultStore(tmp_path)
    f = catalogue.build("F")
    request = Request.make("electron_affinity", f, QUICK)
    assert request.cached(store) is None
    runner = JobRunner(store=store)
    runner.submit("electron_affinity", f, QUICK)
    assert runner.wait(180) and runner.state == "done", runner.error
    assert request.cached(store).cached
    # the anion's orbitals gone: its checked energy still answers (a probe needs no orbitals)
    anion = runner.result.states[1]
    store.path_for(anion.key).with_suffix(".npz").unlink()
    assert request.cached(store).cached
    # its record gone too: the anion would be computed again, so the probe says no
    store.path_for(anion.key).unlink()
    assert request.cached(store) is None


def test_cancel_stops_a_longer_job_within_5_s_and_stores_nothing(tmp_path):
    runner = JobRunner(store=tmp_path)
    runner.submit("electron_affinity", catalogue.build("Al13"), QUICK)
    assert wait_for(lambda: runner.cycle > 0, 120), runner.progress_text
    start = time.perf_counter()
    assert runner.cancel() is True
    elapsed = time.perf_counter() - start
    assert elapsed < 5.0
    assert runner.state == "cancelled" and runner.result is None
    assert "cancelled" in runner.progress_text
    assert cache_files(tmp_path) == []
    cycles = runner.cycle
    assert not wait_for(lambda: runner.cycle != cycles or runner.state != "cancelled", 1.0)
    assert runner.cancel() is False  # nothing left to cancel


def test_a_new_submit_replaces_the_running_job(tmp_path):
    runner = JobRunner(store=tmp_path)
    runner.submit("electron_affinity", catalogue.build("Al13"), QUICK)
    assert wait_for(lambda: runner.cycle > 0, 120), runner.progress_text
    runner.submit("electron_affinity", catalogue.build("F"), QUICK)
    assert "cancelled the running vertical EA of Al13" in runner.notice
    assert runner.wait(180) and runner.state == "done", runner.error
    assert runner.result.states[0].formula == "F"


def test_bad_input_ends_in_error_at_once_with_one_line(tmp_path):
    runner = JobRunner(store=tmp_path)
    runner.submit("electron_affinity", catalogue.build("F"), QUICK, spin=0)
    assert runner.state == "error" and runner.wait(0)
    assert "cannot have spin 2S = 0" in runner.error
    assert "\n" not in runner.error and "Traceback" not in runner.error


def test_errors_in_the_worker_end_in_error_with_one_line(tmp_path):
    runner = JobRunner(store=tmp_path)
    done = threading.Event()
    runner.observe(lambda change: done.set() if change.new == "error" else None, "state")
    # read_cache=False skips the in-process probe, so the worker meets the bad spin
    runner.submit("electron_affinity", catalogue.build("F"), QUICK, spin=0, read_cache=False)
    assert done.wait(120), runner.progress_text
    assert runner.error.startswith("9 electrons cannot have spin 2S = 0")
    assert "\n" not in runner.error and "Traceback" not in runner.error
    assert runner.result is None and cache_files(tmp_path) == []


def test_unknown_task_is_an_error(tmp_path):
    runner = JobRunner(store=tmp_path)
    runner.submit("melting_point", catalogue.build("F"), QUICK)
    assert runner.state == "error" and "unknown task" in runner.error
