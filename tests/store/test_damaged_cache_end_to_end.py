"""End to end: `superatom ea F` with a truncated cached .npz recomputes, with one warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SUPERATOM = str(Path(sys.executable).with_name("superatom"))


def ea_fluorine(cache_root):
    env = {**os.environ, "SUPERATOM_LAB_CACHE": str(cache_root)}
    return subprocess.run(
        [SUPERATOM, "ea", "F", "--preset", "quick", "--json"],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip


def messages(stderr: str) -> list[str]:
    """Lines of stderr other than progress lines."""
    return [line for line in stderr.splitlines() if not line.startswith("[superatom ")]


@pytest.mark.pyscf
def test_truncated_npz_is_reported_once_and_recomputed(tmp_path):
    first = ea_fluorine(tmp_path)
    assert first.returncode == 0, first.stderr
    value = json.loads(first.stdout)["value_ev"]
    npz = sorted(tmp_path.glob("v*/*/*.npz"))
    assert len(npz) == 2, "F and F- each stored with their orbitals"
    damaged = npz[0]
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])

    second = ea_fluorine(tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    lines = messages(second.stderr)
    assert len(lines) == 1, second.stderr
    assert lines[0].startswith("warning: cache record ") and damaged.stem in lines[0]
    result = json.loads(second.stdout)
    assert result["cached"] is False, "the damaged state was computed again"
    # One state is re-converged from a different initial guess: equal to SCF tolerance.
    assert result["value_ev"] == pytest.approx(value, abs=1e-3)
    quarantined = sorted(p.name for p in (tmp_path / "quarantine").iterdir())
    assert [name.endswith(f"{damaged.stem}.json") for name in quarantined] == [True, False]
    assert quarantined[1].endswith(f"{damaged.stem}.npz")

    third = ea_fluorine(tmp_path)
    assert third.returncode == 0 and messages(third.stderr) == [], third.stderr
    assert json.loads(third.stdout)["cached"] is True
    assert json.loads(third.stdout)["value_ev"] == result["value_ev"]
