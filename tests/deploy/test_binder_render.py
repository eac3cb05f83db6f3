"""The Dockerfile that Binder would build, rendered by repo2docker without Docker.

``jupyter-repo2docker --no-build --debug .`` picks the build pack from the
repository's files and prints the Dockerfile it would build; no Docker engine
is needed.  The test asserts that the image is built from ``binder/`` (the
conda environment file, ``postBuild`` and ``start``) and that the install step
it runs installs this package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dockerfile() -> str:
    exe = Path(sys.executable).parent / "jupyter-repo2docker"
    command = str(exe) if exe.exists() else shutil.which("jupyter-repo2docker")
    assert command, "jupyter-repo2docker is a test dependency (pyproject.toml [test])"
    done = subprocess.run(
        [command, "--no-build", "--debug", "."],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout + done.stderr


def test_the_conda_environment_of_binder_is_used(dockerfile):
    assert "Building conda environment for python=3.11" in dockerfile
    assert '--file "binder/environment.yml"' in dockerfile
    assert "COPY --chown=0:0 src/environment.yml" not in dockerfile  # not the root one


def test_post_build_and_start_are_picked_up(dockerfile):
    assert "RUN ./binder/postBuild" in dockerfile
    assert 'ENV R2D_ENTRYPOINT="${REPO_DIR}/binder/start"' in dockerfile


def test_the_install_step_installs_this_package(dockerfile):
    post_build = (ROOT / "binder" / "postBuild").read_text()
    install = next(line for line in post_build.splitlines() if "pip install" in line)
    assert install.split()[-1] == "."  # the repository root: pyproject.toml's project
    assert "superatom-lab" in (ROOT / "pyproject.toml").read_text()
    assert "COPY --chown=0:0 src/ ${REPO_DIR}/" in dockerfile  # the root is in the image


def test_start_limits_threads_and_hands_over(tmp_path):
    start = ROOT / "binder" / "start"
    assert start.stat().st_mode & 0o111, "binder/start must be executable"
    done = subprocess.run(
        [str(start), sys.executable, "-c", "import os; print(os.environ['OMP_NUM_THREADS'])"],
        capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
