"""`superatom screen` killed half way with SIGKILL, then run again: only the missing rows compute.

The command runs as a person runs it, in its own process with its own LocalCluster
(`--workers 1`, so the candidates finish one at a time), on eight small species
and one entry that cannot be computed (C60: more basis functions than the quick
preset allows).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pandas as pd
import psutil
import pytest

pytestmark = pytest.mark.pyscf

VALID = ["Li", "F", "Cl", "Br", "O", "OH", "CN", "Na"]
BROKEN = "C60"
#: How many candidates must have finished before the client is killed.
KILL_AFTER = 3
PLAN = re.compile(r"(\d+) candidates: (\d+) from the cache, (\d+) to compute")


def _command(folder, out):
    script = "from superatom_lab.cli.main import main; raise SystemExit(main())"
    argv = ["screen", str(folder / "species.txt"), "--workers", "1", "--out", str(out)]
    return [sys.executable, "-c", f"import sys; sys.argv[1:] = {argv!r}; {script}"]


def _environment(cache):
    return {**os.environ, "SUPERATOM_LAB_CACHE": str(cache), "OMP_NUM_THREADS": "1"}


def _wait_for_done(log, process, count: int, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    pattern = re.compile(rf"\[superatom\] {count}/\d+ ")
    while time.monotonic() < deadline:
        if pattern.search(log.read_text()):
            return
        assert process.poll() is None, f"the screen ended early:\n{log.read_text()}"
        time.sleep(0.2)
    raise AssertionError(f"{count} candidates did not finish in {timeout} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def killed_then_rerun(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-rerun")
    (folder / "species.txt").write_text("\n".join([*VALID, BROKEN]) + "\n")
    cache, out = folder / "cache", folder / "species.csv"
    log = folder / "first.log"
    with log.open("w") as stderr:
        first = subprocess.Popen(
            _command(folder, out), stderr=stderr, stdout=subprocess.DEVNULL,
            env=_environment(cache), cwd=folder,
        )  # fmt: skip
        try:
            _wait_for_done(log, first, KILL_AFTER)
            family = psutil.Process(first.pid).children(recursive=True)
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=30)
        finally:
            if first.poll() is None:
                first.kill()
    _gone, alive = psutil.wait_procs(family, timeout=30)
    second = subprocess.run(
        _command(folder, out), capture_output=True, text=True, env=_environment(cache),
        cwd=folder, timeout=600,
    )  # fmt: skip
    return log.read_text(), family, alive, second, out


def test_the_killed_client_leaves_no_worker_behind(killed_then_rerun):
    _log, family, alive, *_ = killed_then_rerun
    assert family, "the screen had started no worker process"
    assert not alive, [p.pid for p in alive]


def test_the_rerun_computes_only_the_missing_rows(killed_then_rerun):
    first_log, _family, _alive, second, _out = killed_then_rerun
    finished = re.findall(r"\[superatom\] \d+/\d+ (\S+): ", first_log)
    assert KILL_AFTER <= len(finished) < len(VALID), first_log
    assert "wrote" not in first_log  # killed before it could write its table
    total, cached, to_compute = (int(n) for n in PLAN.search(second.stderr).groups())
    assert total == len(VALID) + 1
    # every species finished before the kill comes from the cache; C60 is refused by a
    # worker, which stores nothing, so it is asked again
    assert cached == len([name for name in finished if name != BROKEN])
    assert cached + to_compute == total
    assert len(re.findall(r"\[superatom\] \d+/\d+ ", second.stderr)) == to_compute


def test_every_valid_species_has_a_converged_value_and_the_broken_one_its_error(
    killed_then_rerun,
):
    *_, second, out = killed_then_rerun
    assert second.returncode == 1, second.stderr  # one row failed
    table = pd.read_csv(out, keep_default_na=False).set_index("name")
    assert sorted(table.index) == sorted([*VALID, BROKEN])
    valid = table.loc[VALID]
    assert valid["converged"].all() and (valid["error"] == "").all()
    assert pd.to_numeric(valid["value_ev"]).between(-1.5, 4.5).all()
    assert table.loc[BROKEN, "error"].startswith("SystemTooLargeError")
    assert table.loc[BROKEN, "value_ev"] == ""
