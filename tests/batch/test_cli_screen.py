"""`superatom screen`: the table sorted by value, the CSV, and exit statuses 0, 1 and 2."""

from __future__ import annotations

import pandas as pd
import pytest

from superatom_lab.cli.main import main


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-screen-cache")


def _screen(tmp_path, monkeypatch, cache_dir, text, *options):
    monkeypatch.setenv("SUPERATOM_LAB_CACHE", str(cache_dir))
    path = tmp_path / "input.txt"
    path.write_text(text)
    out = tmp_path / "out.csv"
    status = main(["screen", str(path), "--out", str(out), *options])
    return status, out


@pytest.mark.pyscf
@pytest.mark.filterwarnings("error:Port 8787 is already in use")  # a second cluster is running
def test_every_row_has_a_value_exit_0(tmp_path, monkeypatch, capsys, cache_dir, dask_client):
    # --workers 1: the command starts (and closes) its own one-process LocalCluster
    status, out = _screen(tmp_path, monkeypatch, cache_dir, "OH\nF\n", "--workers", "1")
    printed = capsys.readouterr()
    assert status == 0, printed.err
    table = pd.read_csv(out)
    assert table["name"].tolist() == ["OH", "F"] and table["converged"].all()
    shared = set(dask_client.scheduler_info()["workers"])
    assert table["worker"].nunique() == 1 and table["worker"][0] not in shared
    lines = printed.out.splitlines()
    assert lines[0].split()[0] == "name"
    assert [line.split()[0] for line in lines[1:]] == ["F", "OH"]  # sorted by value, largest first
    assert "2 candidates: 0 from the cache, 2 to compute" in printed.err


@pytest.mark.pyscf
def test_a_failed_row_exit_1(tmp_path, monkeypatch, capsys, cache_dir, dask_client):
    address = dask_client.scheduler.address
    text = "Cl\nC60\nnowhere.xyz\n"  # Cl is computed on the shared cluster
    status, out = _screen(tmp_path, monkeypatch, cache_dir, text, "--scheduler", address)
    printed = capsys.readouterr()
    assert status == 1, printed.err
    table = pd.read_csv(out, keep_default_na=False)
    assert table["name"].tolist() == ["Cl", "C60"]
    assert table["converged"].tolist() == [True, False] and not table["cached"][0]
    assert table["worker"][0] in set(dask_client.scheduler_info()["workers"])
    assert table["error"].tolist()[1].startswith("SystemTooLargeError")
    assert "line 3: " in printed.err and "no such file" in printed.err
    assert printed.out.splitlines()[-1].split()[0] == "C60"  # failures last


def test_no_usable_line_exit_2(tmp_path, monkeypatch, capsys, cache_dir):
    status, out = _screen(tmp_path, monkeypatch, cache_dir, "# only\nAl31\nF 1 2\n")
    printed = capsys.readouterr()
    assert status == 2 and not out.exists()
    assert "line 2: " in printed.err and "line 3: " in printed.err
    assert "no usable line" in printed.err


def test_a_missing_input_file_exit_2(tmp_path, capsys):
    assert main(["screen", str(tmp_path / "none.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_property_and_workers_are_checked(tmp_path, capsys):
    path = tmp_path / "input.txt"
    path.write_text("F\n")
    assert main(["screen", str(path), "--workers", "0"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["screen", str(path), "--property", "colour"])
    assert exit_info.value.code == 2
