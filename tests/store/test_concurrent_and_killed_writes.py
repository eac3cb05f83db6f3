"""Real processes: concurrent writers of one key, and writers killed with SIGKILL mid-write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from superatom_lab.errors import CacheRecordWarning
from superatom_lab.store import ResultStore
from tests.store.writer_process import array_sha256, key_of

ROOT = Path(__file__).resolve().parents[2]
KEY = "c0" * 32


def _writer(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.writer_process", *map(str, args)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _check_every_record(store: ResultStore) -> int:
    """Every record reads back whole and consistent, or as absent; returns how many are whole."""
    whole = 0
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheRecordWarning)
        for key in store.keys():
            record, arrays = store.get_with_arrays(key)
            if record is None:
                continue
            assert arrays is not None, f"{key[:8]}: a record without its orbitals"
            assert array_sha256(arrays["values"]) == record["array_sha256"], key[:8]
            whole += 1
    return whole


def test_two_processes_writing_one_key_leave_one_valid_record(tmp_path):
    writers = [_writer(tmp_path, "same", KEY, n, 150) for n in (1, 2)]
    for proc in writers:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    store = ResultStore(tmp_path)
    assert store.keys() == [KEY]
    record, arrays = store.get_with_arrays(KEY)
    assert record["writer"] in (1, 2) and record["i"] == 149
    assert arrays["values"][0] == record["writer"] * 100_000 + 149
    assert _check_every_record(store) == 1
    assert not list(tmp_path.rglob(".tmp-*")) and not store.quarantine_dir.exists()


@pytest.mark.parametrize("seed", [0])
def test_writers_killed_at_random_moments_leave_no_wrong_record(tmp_path, seed):
    rng = random.Random(seed)
    store = ResultStore(tmp_path)
    delays = [0.0, 0.02, 0.05] + [rng.uniform(0.05, 0.6) for _ in range(7)]
    for delay in delays:
        proc = _writer(tmp_path, "many", 3, 400_000)  # 3.2 MB of random floats per record
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        _check_every_record(store)
    assert _check_every_record(store) >= 1, "some writes completed"
    assert not store.quarantine_dir.exists(), "a killed write is never mistaken for damage"
    for key in {key_of(i) for i in range(3)} - set(store.keys()):
        assert store.get(key) is None
    # Leftovers of killed writes are ignored by reads and removed by clean.
    leftovers = list(tmp_path.rglob(".tmp-*"))
    kept = _check_every_record(store)
    report = store.clean(older_than_days=1)
    assert report.n_tmp_files >= len(leftovers) and report.n_records == 0
    assert not list(tmp_path.rglob(".tmp-*"))
    assert _check_every_record(store) == kept
