"""`superatom doctor`: versions, the front-end check, and a faked mismatch.

The mismatch is faked the way a stale install happens: a lab extension folder
earlier in ``$JUPYTER_PATH`` holds an ``nglview-js-widgets`` (and a widget
manager) of another version, and JupyterLab would load that copy first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from superatom_lab.cli.main import main

SUPERATOM = str(Path(sys.executable).with_name("superatom"))


def fake_extension(root: Path, name: str, version: str) -> None:
    folder = root / "labextensions" / name
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps({"name": name, "version": version}))


@pytest.fixture
def stale_jupyter_path(tmp_path) -> Path:
    """A Jupyter data folder with an nglview front end 4.0.0 and a widget manager 2.0.0."""
    fake_extension(tmp_path, "nglview-js-widgets", "4.0.0")
    fake_extension(tmp_path, "@jupyter-widgets/jupyterlab-manager", "2.0.0")
    return tmp_path


def doctor(*args, jupyter_path=None):
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    if jupyter_path is not None:
        env["JUPYTER_PATH"] = str(jupyter_path)
    return subprocess.run(
        [SUPERATOM, "doctor", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_doctor_passes_on_this_install():
    result = doctor()
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("python", "pyscf", "numpy", "ase", "ipywidgets", "jupyterlab_widgets",
                 "nglview front-end module", "nglview-js-widgets lab extension",
                 "jupyterlab", "voila"):  # fmt: skip
        assert name in result.stdout
    assert "all checks passed" in result.stdout
    assert "fix:" not in result.stdout
    assert result.stderr == ""


def test_doctor_json_is_one_object():
    result = doctor("--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert (
        data["versions"]["nglview front-end module"]
        == data["versions"]["nglview-js-widgets lab extension"]
    )
    assert {f["name"] for f in data["findings"]} == {
        "nglview front end",
        "ipywidgets / jupyterlab_widgets",
        "widget manager lab extension",
    }


def test_doctor_reports_a_stale_front_end_with_a_fix(stale_jupyter_path):
    result = doctor(jupyter_path=stale_jupyter_path)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    fixes = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("fix:")]
    assert len(fixes) == 2, result.stdout
    assert "nglview==4.0" in fixes[0] and str(stale_jupyter_path) in fixes[0]
    assert "jupyterlab_widgets" in fixes[1]
    assert "4.0.0" in result.stdout and "2 problems found" in result.stdout


def test_doctor_json_in_process_with_a_stale_front_end(stale_jupyter_path, monkeypatch, capsys):
    monkeypatch.setenv("JUPYTER_PATH", str(stale_jupyter_path))
    assert main(["doctor", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["versions"]["nglview-js-widgets lab extension"] == "4.0.0"
    bad = {f["name"]: f for f in data["findings"] if not f["ok"]}
    assert set(bad) == {"nglview front end", "widget manager lab extension"}
    assert all(f["fix"] for f in bad.values())


def test_importing_the_viz_layer_warns_about_a_stale_front_end(stale_jupyter_path):
    env = {**os.environ, "JUPYTER_PATH": str(stale_jupyter_path)}
    code = "import superatom_lab.viz"
    stale = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                           timeout=120)  # fmt: skip
    assert stale.returncode == 0, stale.stderr
    assert "FrontEndMismatchWarning" in stale.stderr
    assert "nglview==4.0" in stale.stderr and "4.0.0" in stale.stderr
    env.pop("JUPYTER_PATH")
    clean = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                           timeout=120)  # fmt: skip
    assert clean.returncode == 0 and clean.stderr == ""
