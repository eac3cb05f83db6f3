"""`superatom cache info` and `superatom cache clean` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from superatom_lab.store import ResultStore
from tests.cli.test_cli_errors import assert_one_line_error

SUPERATOM = str(Path(sys.executable).with_name("superatom"))
DAY = 86400.0


def cache(root, *args):
    env = {**os.environ, "SUPERATOM_LAB_CACHE": str(root)}
    return subprocess.run(
        [SUPERATOM, "cache", *args], capture_output=True, text=True, timeout=120, env=env
    )


def info_json(root) -> dict:
    result = cache(root, "info", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _age(path, days):
    when = time.time() - days * DAY
    os.utime(path, (when, when))


def _fill(root) -> ResultStore:
    """Two records (one 10 days old) and two cube files (one 10 days old)."""
    store = ResultStore(root)
    store.put("aa" * 32, {"converged": True}, arrays={"mo_coeff": np.ones((4, 4))})
    store.put("bb" * 32, {"converged": True})
    store.cube_path("aaaa-alpha-1-0p25").write_text("old cube")
    store.cube_path("bbbb-alpha-1-0p25").write_text("new cube")
    _age(store.path_for("aa" * 32), 10)
    _age(store.cube_path("aaaa-alpha-1-0p25"), 10)
    return store


def test_info_reports_records_cubes_oldest_and_root(tmp_path):
    _fill(tmp_path)
    data = info_json(tmp_path)
    assert data["root"] == str(tmp_path)
    assert (data["n_records"], data["n_cube_files"], data["n_quarantined"]) == (2, 2, 0)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert data["size_bytes"] == sum(p.stat().st_size for p in files)
    oldest = time.time() - 10 * DAY
    assert data["oldest"][:10] == time.strftime("%Y-%m-%d", time.localtime(oldest))
    text = cache(tmp_path, "info")
    assert text.returncode == 0 and text.stderr == ""
    lines = dict(line.split(None, 1) for line in text.stdout.splitlines() if "  " in line)
    assert lines["folder"].strip() == str(tmp_path)
    assert lines["records"].strip() == "2"
    assert "cube files   2" in text.stdout


def test_info_of_an_empty_cache(tmp_path):
    data = info_json(tmp_path / "never-used")
    assert (data["n_records"], data["size_bytes"], data["oldest"]) == (0, 0, None)
    assert not (tmp_path / "never-used").exists(), "info creates nothing"


def test_clean_older_than_then_clean_all(tmp_path):
    store = _fill(tmp_path)
    (tmp_path / "v1" / "aa").mkdir(parents=True)  # a folder of an older schema
    (tmp_path / "v1" / "aa" / f"{'aa' * 32}.json").write_text('{"converged": true}')
    result = cache(tmp_path, "clean", "--older-than", "7")
    assert result.returncode == 0, result.stderr
    assert "1 record\n" in result.stdout and "1 cube file\n" in result.stdout
    assert "old schema folders: v1" in result.stdout and str(tmp_path) in result.stdout
    assert store.keys() == ["bb" * 32]
    assert not store.cube_path("aaaa-alpha-1-0p25").exists()
    assert store.cube_path("bbbb-alpha-1-0p25").read_text() == "new cube"
    assert not (tmp_path / "v1").exists()
    data = info_json(tmp_path)
    assert (data["n_records"], data["n_cube_files"], data["n_old_schema"]) == (1, 1, 0)
    result = cache(tmp_path, "clean", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["n_records"], report["n_cube_files"]) == (1, 1) and report["freed_bytes"] > 0
    data = info_json(tmp_path)
    assert (data["n_records"], data["n_cube_files"], data["size_bytes"]) == (0, 0, 0)


def test_clean_refuses_negative_and_non_numeric_days(tmp_path):
    store = _fill(tmp_path)
    assert_one_line_error(cache(tmp_path, "clean", "--older-than", "-1"), "--older-than", "-1")
    assert_one_line_error(cache(tmp_path, "clean", "--older-than", "week"), "week")
    assert_one_line_error(cache(tmp_path), "info")
    assert len(store.keys()) == 2, "nothing was removed"
