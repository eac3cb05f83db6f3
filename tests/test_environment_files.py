"""The conda and Binder set-ups install the same pinned project as `make lab`."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = ("jupyterlab", "ipywidgets", "nglview", "ase", "pyscf", "matplotlib", "voila")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def _python(env_file: Path) -> str:
    deps = yaml.safe_load(env_file.read_text())["dependencies"]
    return next(d.split("=", 1)[1] for d in deps if isinstance(d, str) and d.startswith("python"))


def test_constraints_pin_every_required_dependency():
    pins = _pins()
    missing = [name for name in REQUIRED if name not in pins]
    assert not missing, f"requirements/constraints.txt does not pin {missing}"
    assert pins["nglview"] == "4.0"  # 4.0.1 ships a mismatched front end


def test_conda_environment_installs_the_pinned_project():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-c requirements/constraints.txt" in pip_section
    assert "-e ." in pip_section
    assert (ROOT / "requirements" / "constraints.txt").is_file()


def test_binder_matches_the_root_environment_and_pyproject():
    binder_python = _python(ROOT / "binder" / "environment.yml")
    assert binder_python == _python(ROOT / "environment.yml")
    pyproject = (ROOT / "pyproject.toml").read_text()
    requires = re.search(r'requires-python\s*=\s*">=([0-9.]+)"', pyproject).group(1)
    minimum = tuple(int(x) for x in requires.split("."))
    assert tuple(int(x) for x in binder_python.split(".")) >= minimum


def test_binder_post_build_installs_with_the_pins_and_checks_versions():
    script = ROOT / "binder" / "postBuild"
    text = script.read_text()
    assert script.stat().st_mode & 0o111, "binder/postBuild must be executable"
    assert "-c requirements/constraints.txt" in text
    assert "superatom doctor" in text
    assert "set -e" in text  # a failed install fails the image build


def test_jupyterlab_overrides_are_installed_by_make_and_binder():
    import json

    overrides = json.loads((ROOT / "config" / "jupyterlab-overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert "config/jupyterlab-overrides.json" in (ROOT / "Makefile").read_text()
    assert "config/jupyterlab-overrides.json" in (ROOT / "binder" / "postBuild").read_text()
