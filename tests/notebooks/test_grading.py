"""Grading a class's notebooks with otter's own tools, as docs/instructors.md tells instructors.

``otter generate`` packs a notebook's checks (``notebooks/tests/NN``) into an autograder zip, and
``otter run`` executes one submitted notebook against it outside any container, writing
``results.json``. The submissions here are notebook 04 as a student receives it (nothing
answered) and with the solutions in its answer cells.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.notebooks.exercises import (
    NOTEBOOK_DIR,
    checks_dir,
    inject_solutions,
    read_solutions,
    solutions_file,
)

pytestmark = pytest.mark.notebook

NOTEBOOK = NOTEBOOK_DIR / "04_superalkalis.ipynb"
OTTER = str(Path(sys.executable).with_name("otter"))


@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grading")
    zip_path = folder / "autograder-04.zip"
    subprocess.run(
        [OTTER, "generate", "-t", str(checks_dir(NOTEBOOK)), "--no-requirements",
         "--no-environment", "--no-config", "-o", str(zip_path)],
        check=True, cwd=folder, capture_output=True, text=True,
    )  # fmt: skip
    return zip_path


def _grade(autograder: Path, nb, folder: Path) -> dict:
    submission = folder / "submission.ipynb"
    nbformat.write(nb, submission)
    subprocess.run(
        [OTTER, "run", "-a", str(autograder), "--no-logo", "-o", str(folder), str(submission)],
        check=True, cwd=folder, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    tests = json.loads((folder / "results.json").read_text())["tests"]
    return {t["name"]: (t["score"], t["max_score"]) for t in tests if t["name"].startswith("q")}


def test_a_solved_notebook_gets_full_marks(autograder, tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    inject_solutions(nb, read_solutions(solutions_file(NOTEBOOK)))
    scores = _grade(autograder, nb, tmp_path)
    assert scores and all(score == top > 0 for score, top in scores.values()), scores


def test_an_unanswered_notebook_gets_nothing(autograder, tmp_path):
    scores = _grade(autograder, nbformat.read(NOTEBOOK, as_version=4), tmp_path)
    assert scores and all(score == 0 < top for score, top in scores.values()), scores
