"""`superatom ea/ip/list` on real calculations, and answers from the cache."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

SUPERATOM = str(Path(sys.executable).with_name("superatom"))
REQUIRED_KEYS = {
    "structure", "formula", "charge", "preset", "method", "kind", "value_ev",
    "energies_hartree", "converged", "wall_s", "cached", "warnings",
}  # fmt: skip


def run_json(*args):
    result = subprocess.run(
        [SUPERATOM, *args, "--json"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.pyscf
def test_ea_of_chlorine_then_from_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("SUPERATOM_LAB_CACHE", str(tmp_path))  # an empty cache of its own
    first = run_json("ea", "Cl", "--no-cache")  # Cl is shipped precomputed: compute it anyway
    assert REQUIRED_KEYS <= set(first)
    assert first["converged"] is True and first["cached"] is False
    assert first["precomputed"] is False
    assert abs(first["value_ev"] - 3.61) <= 0.35
    assert first["kind"] == "vertical" and first["charge"] == 0 and first["formula"] == "Cl"
    assert first["method"]["xc"] == "b3lyp" and first["method"]["basis"] == "def2-svpd"
    assert first["energies_hartree"].keys() == {"+0", "-1"}
    assert first["spins"] == {"+0": 1, "-1": 0}
    assert isinstance(first["warnings"], list)

    start = time.perf_counter()
    second = run_json("ea", "Cl")
    elapsed = time.perf_counter() - start
    assert second["cached"] is True and second["precomputed"] is False  # the user's record
    assert second["value_ev"] == first["value_ev"]
    assert elapsed < 2.0, f"cached answer took {elapsed:.2f} s"


@pytest.mark.pyscf
def test_ea_from_xyz_file(tmp_path):
    path = tmp_path / "oh.xyz"
    path.write_text("2\nhydroxyl\nO 0 0 0\nH 0 0 0.9697\n")
    data = run_json("ea", str(path))
    assert data["formula"] == "HO" and abs(data["value_ev"] - 1.83) <= 0.35


@pytest.mark.pyscf
def test_no_cache_recomputes():
    run_json("ea", "F")
    again = run_json("ea", "F", "--no-cache")
    assert again["cached"] is False


def test_list_prints_the_catalogue():
    result = subprocess.run([SUPERATOM, "list"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for name in ("Al13", "BF4", "Li3O", "B12(CN)12", "W@Au12", "ZrO", "Pd"):
        assert name in result.stdout


@pytest.mark.pyscf
def test_ladder_of_oxygen():
    data = run_json("ea", "O", "--ladder", "2", "--preset", "quick")
    assert data["kind"] == "vertical ladder"
    first, second = data["ladder"]
    assert (first["label"], second["label"]) == ("EA_1", "EA_2")
    assert first["value_ev"] > 1.0 and second["value_ev"] < 0  # O2- is unbound
    assert first["reference"]["value_ev"] == pytest.approx(1.4611)
    assert set(data["energies_hartree"]) == {"+0", "-1", "-2"}


@pytest.mark.pyscf
def test_adiabatic_kind_reports_relaxations():
    data = run_json("ea", "OH", "--kind", "adiabatic", "--preset", "quick")
    assert data["kind"] == "adiabatic" and data["label"] == "EA_1"
    assert [r["charge"] for r in data["relaxations"]] == [0, -1]
    assert abs(data["value_ev"] - 1.83) < 0.5


def test_ladder_and_kind_do_not_mix():
    result = subprocess.run(
        [SUPERATOM, "ea", "O", "--ladder", "2", "--kind", "adiabatic"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("error: --ladder")
