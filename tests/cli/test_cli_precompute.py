"""`superatom precompute` and the shipped results as the command line shows them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from superatom_lab.cli.main import main
from superatom_lab.qc.manifest import load_manifest, select
from superatom_lab.store import shipped as shipped_module
from tests.cli.test_cli_errors import assert_one_line_error
from tests.helpers import cache_files

SUPERATOM = str(Path(sys.executable).with_name("superatom"))


def superatom(cache_root, *args):
    env = {**os.environ, "SUPERATOM_LAB_CACHE": str(cache_root)}
    return subprocess.run([SUPERATOM, *args], capture_output=True, text=True, timeout=600, env=env)


def test_a_shipped_result_is_precomputed_and_survives_cache_clean(tmp_path):
    shipped = cache_files(shipped_module.shipped_dir())
    n_shipped = len(shipped_module.ShippedRecords().keys())
    for _ in range(2):  # before and after `cache clean`
        result = superatom(tmp_path, "ea", "Cl", "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["precomputed"] is True and data["cached"] is True
        assert all(s["precomputed"] for s in data["states"])
        assert data["method"]["xc"] == "b3lyp" and 3.3 < data["value_ev"] < 4.0
        assert cache_files(tmp_path) == []  # nothing was computed or copied into the cache
        info = json.loads(superatom(tmp_path, "cache", "info", "--json").stdout)
        assert info["n_records"] == 0 and info["n_shipped"] == n_shipped > 0
        cleaned = superatom(tmp_path, "cache", "clean")
        assert cleaned.returncode == 0 and "0 records" in cleaned.stdout
        assert cache_files(shipped_module.shipped_dir()) == shipped
    text = superatom(tmp_path, "ip", "Li3O")
    assert text.returncode == 0 and "precomputed" in text.stdout
    assert "from cache" not in text.stdout and "computed in" not in text.stdout


@pytest.mark.pyscf
def test_no_cache_computes_a_shipped_result_again(tmp_path):
    result = superatom(tmp_path, "ip", "Li", "--no-cache", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["precomputed"] is False and data["cached"] is False
    assert cache_files(tmp_path) != []  # computed and stored in the user's cache


def test_list_shows_every_entry_shipped(capsys):
    assert main(["precompute", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(load_manifest())
    assert all(line.startswith("shipped ") and " eV " in line for line in lines), lines
    assert main(["precompute", "--list", "--only", "cl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(select(load_manifest(), "Cl")) >= 2, lines
    assert all(" of Cl " in line for line in lines), lines
    assert main(["precompute", "--list", "--only", "Cl", "--preset", "accurate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and " of Cl " in lines[0] and " accurate " in lines[0], lines


def test_precompute_refusal_is_one_error_line(tmp_path):
    code = (
        "import sys; from pathlib import Path; import superatom_lab.store.shipped as s; "
        f"s.shipped_dir = lambda: Path({str(tmp_path / 'f')!r}) / 'shipped'; "
        "from superatom_lab.cli.main import main; sys.exit(main(['precompute']))"
    )
    (tmp_path / "f").write_text("not a folder")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert_one_line_error(result, "not writable", "source checkout")


def test_precompute_only_an_unknown_species_is_one_error_line(tmp_path):
    result = superatom(tmp_path, "precompute", "--only", "Xe", "--list")
    assert_one_line_error(result, "no shipped result for 'Xe'", "Cl")


def test_precompute_preset_that_no_entry_uses_is_one_error_line(tmp_path):
    result = superatom(tmp_path, "precompute", "--only", "Cl", "--preset", "quick", "--list")
    assert_one_line_error(result, "no selected shipped result uses preset 'quick'", "accurate")
