"""The front-end version check, and that importing superatom_lab.viz stays cheap."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from superatom_lab.viz import versions
from superatom_lab.viz.versions import Finding, satisfies, version_check


def test_this_environment_matches():
    findings = version_check()
    assert [f.name for f in findings] == [
        "nglview front end",
        "ipywidgets / jupyterlab_widgets",
        "widget manager lab extension",
    ]
    assert all(isinstance(f, Finding) for f in findings)
    bad = [f for f in findings if not f.ok]
    assert not bad, bad
    assert "3.1.5" in findings[0].python_side and "3.1.5" in findings[0].front_end


@pytest.mark.parametrize(
    ("version", "wanted", "ok"),
    [
        ("3.1.5", "3.1.5", True),
        ("3.1.5", "4.0", False),  # nglview 4.0.1 with its 3.1.5 extension
        ("4.0.2", "4.0", True),
        ("5.0.16", "5", True),
        ("3.0.1", "5", False),
        ("2.3.1", "^2.0.0", True),
        ("3.0.0", "^2.0.0", False),
        ("1.2.9", "~1.2.0", True),
        ("1.3.0", "~1.2.0", False),
    ],
)
def test_satisfies(version, wanted, ok):
    assert satisfies(version, wanted) is ok


def test_mismatched_nglview_extension_is_caught(tmp_path, monkeypatch):
    """nglview 4.0.1's Python side asks for 4.0 while its extension is 3.1.5."""
    stale = tmp_path / "user" / versions.NGLVIEW_EXTENSION
    stale.mkdir(parents=True)
    (stale / "package.json").write_text(
        json.dumps({"name": "nglview-js-widgets", "version": "3.1.5"})
    )
    monkeypatch.setattr(versions, "labextension_paths", lambda: [tmp_path / "user"])
    monkeypatch.setattr(versions, "_nglview_frontend_version", lambda: "4.0")
    finding = versions.check_nglview()
    assert not finding.ok
    assert "4.0" in finding.python_side and "3.1.5" in finding.front_end
    assert "nglview==4.0" in finding.fix


def test_stale_copy_that_hides_the_right_one_is_named(tmp_path, monkeypatch):
    for where, version in (("user", "2.7.7"), ("env", "3.1.5")):
        folder = tmp_path / where / versions.NGLVIEW_EXTENSION
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps({"version": version}))
    monkeypatch.setattr(
        versions, "labextension_paths", lambda: [tmp_path / "user", tmp_path / "env"]
    )
    monkeypatch.setattr(versions, "_nglview_frontend_version", lambda: "3.1.5")
    finding = versions.check_nglview()
    assert not finding.ok
    assert "2.7.7" in finding.front_end and "other copies: 3.1.5" in finding.front_end
    assert f"remove the stale copy {tmp_path / 'user' / versions.NGLVIEW_EXTENSION}" in finding.fix


def test_missing_extension(tmp_path, monkeypatch):
    monkeypatch.setattr(versions, "labextension_paths", lambda: [tmp_path])
    finding = versions.check_nglview()
    assert not finding.ok and finding.front_end == "lab extension not installed"
    manager = versions.check_widgets()[1]
    assert not manager.ok and manager.front_end == "not installed"


def test_importing_viz_loads_no_widget_or_plotting_library():
    code = (
        "import sys, superatom_lab.viz, superatom_lab.plots; "
        "print(sorted(m for m in ('nglview', 'ipywidgets', 'matplotlib', 'pyscf') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
