"""The conda and Binder set-ups install the same pinned project as `make lab`.

The runtime set is defined once, in ``pyproject.toml``; ``requirements/constraints.txt``
pins it.  ``environment.yml`` (conda users) and ``binder/environment.yml`` with
``binder/postBuild`` (Binder) add nothing to it but Python and pip, and install the
project through pip with those pins, so the three cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import tomllib
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
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


def _runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(line) for line in project["dependencies"]]


def test_every_runtime_dependency_is_pinned_within_its_range():
    pins = _pins()
    for req in _runtime_requirements():
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{req.name} (pyproject.toml) has no pin in constraints.txt"
        assert req.specifier.contains(Version(pins[name]), prereleases=True), (
            f"{req.name}=={pins[name]} in constraints.txt is outside {req.specifier} (pyproject)"
        )
    names = {r.name.lower() for r in _runtime_requirements()}
    assert set(REQUIRED) <= names, f"pyproject.toml lacks {set(REQUIRED) - names}"


def _conda_packages(env_file: Path) -> set[str]:
    deps = yaml.safe_load(env_file.read_text())["dependencies"]
    return {d.split("=")[0] for d in deps if isinstance(d, str)}


def test_conda_files_add_nothing_but_python_and_pip():
    """Any other conda package would be a second, unpinned copy of the runtime set."""
    assert _conda_packages(ROOT / "environment.yml") == {"python", "pip"}
    assert _conda_packages(ROOT / "binder" / "environment.yml") == {"python", "pip"}
    binder = yaml.safe_load((ROOT / "binder" / "environment.yml").read_text())
    assert not any(isinstance(d, dict) for d in binder["dependencies"]), (
        "binder/environment.yml must leave the pip install to postBuild (one place)"
    )


def test_binder_installs_the_runtime_set_only():
    """No test extras, no pip cache and no compilers from apt in the image."""
    text = (ROOT / "binder" / "postBuild").read_text()
    installs = [
        line for line in text.splitlines() if "pip install" in line and not line.startswith("#")
    ]
    assert len(installs) == 1, installs
    assert "--no-cache-dir" in installs[0]
    assert installs[0].rstrip().endswith(" ."), "postBuild installs the project without extras"
    assert "[test]" not in text
    assert not (ROOT / "binder" / "apt.txt").exists()
