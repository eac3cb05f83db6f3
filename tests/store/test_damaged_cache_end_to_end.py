"""End to end: a truncated cached .npz of F is reported once and recomputed when it is needed.

An EA is answered from the checked energies of its records without the orbitals; the orbital
table of the same state needs them, and finds the damage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from superatom_lab.core.catalogue import build
from superatom_lab.qc.presets import get_method
from superatom_lab.store.keys import state_key

SUPERATOM = str(Path(sys.executable).with_name("superatom"))


def ea_fluorine(cache_root):
    env = {**os.environ, "SUPERATOM_LAB_CACHE": str(cache_root)}
    return subprocess.run(
        [SUPERATOM, "ea", "F", "--preset", "quick", "--json"],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip


def orbitals_fluorine(cache_root):
    env = {**os.environ, "SUPERATOM_LAB_CACHE": str(cache_root)}
    return subprocess.run(
        [SUPERATOM, "orbitals", "F", "--preset", "quick", "--json"],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip


def messages(stderr: str) -> list[str]:
    """Lines of stderr other than progress lines."""
    return [line for line in stderr.splitlines() if not line.startswith("[superatom ")]


@pytest.mark.pyscf
def test_truncated_npz_is_reported_once_and_recomputed(tmp_path):
    first = ea_fluorine(tmp_path)
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    npz = sorted(tmp_path.glob("v*/*/*.npz"))
    assert len(npz) == 2, "F and F- each stored with their orbitals"
    spin = next(s["spin"] for s in data["states"] if s["charge"] == 0)
    neutral = state_key(build("F"), get_method("quick"), charge=0, spin=spin)
    damaged = next(p for p in npz if p.stem == neutral)
    raw = damaged.read_bytes()
    damaged.write_bytes(raw[: len(raw) // 2])

    # the EA needs only the checked energies of both records: answered, nothing reported
    second = ea_fluorine(tmp_path)
    assert second.returncode == 0 and messages(second.stderr) == [], second.stderr
    assert json.loads(second.stdout)["cached"] is True
    assert json.loads(second.stdout)["value_ev"] == data["value_ev"]

    # the orbital table of F needs that state's orbitals: the damage is reported once,
    # the pair is moved aside and the state computed again
    third = orbitals_fluorine(tmp_path)
    assert third.returncode == 0, third.stderr
    assert "Traceback" not in third.stderr
    lines = messages(third.stderr)
    assert len(lines) == 1, third.stderr
    assert lines[0].startswith("warning: cache record ") and damaged.stem in lines[0]
    quarantined = sorted(p.name for p in (tmp_path / "quarantine").iterdir())
    assert [name.endswith(f"{damaged.stem}.json") for name in quarantined] == [True, False]
    assert quarantined[1].endswith(f"{damaged.stem}.npz")

    fourth = orbitals_fluorine(tmp_path)
    assert fourth.returncode == 0 and messages(fourth.stderr) == [], fourth.stderr
    assert json.loads(fourth.stdout)["homo_index"] == json.loads(third.stdout)["homo_index"]
