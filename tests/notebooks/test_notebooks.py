"""Every notebook runs top to bottom without an error, as a student would run it.

A notebook with checked exercises (``tests/notebooks/exercises.py``) runs twice: as committed,
where every unanswered exercise must report "not answered yet", and with the solutions put into
its answer cells, where every check must pass.
"""

from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from tests.notebooks.exercises import (
    NOTEBOOK_DIR,
    inject_solutions,
    questions,
    read_solutions,
    solutions_file,
)

pytestmark = pytest.mark.notebook

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
WITH_EXERCISES = [p for p in NOTEBOOKS if questions(p)]


def _execute(nb, path):
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()  # raises CellExecutionError on the first failing cell
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors
    assert not _widget_errors(nb)


def _widget_errors(nb) -> list:
    """Errors raised inside widgets (e.g. an ``interactive`` function): kept in the widget state."""
    widgets = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return [
        o
        for model in widgets.get("state", {}).values()
        if model.get("model_name") == "OutputModel"
        for o in model.get("state", {}).get("outputs", [])
        if o.get("output_type") == "error"
    ]


def _check_outputs(nb) -> dict[str, str]:
    """``{"q1": text}``: the plain-text output of each ``grader.check("q...")`` cell."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.source.startswith("grader.check("):
            continue
        question = cell.source.split('"')[1]
        found[question] = "\n".join(
            o.get("data", {}).get("text/plain", "") + o.get("text", "") for o in cell.outputs
        )
    return found


def test_there_are_notebooks():
    assert any(p.name == "00_start_here.ipynb" for p in NOTEBOOKS)
    assert any(p.name == "03_superhalogens.ipynb" for p in WITH_EXERCISES)
    assert any(p.name == "04_superalkalis.ipynb" for p in WITH_EXERCISES)
    assert any(p.name == "05_multiply_charged_anions.ipynb" for p in WITH_EXERCISES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, artifacts):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        "notebooks are committed without outputs"
    )
    _execute(nb, path)
    nbformat.write(nb, artifacts / f"executed-{path.name}")
    if questions(path):  # the student version: every check answers "not answered yet"
        outputs = _check_outputs(nb)
        assert sorted(outputs) == questions(path)
        for question, text in outputs.items():
            assert "not answered yet" in text, (question, text)
            assert "All test cases passed" not in text, (question, text)


@pytest.mark.parametrize("path", WITH_EXERCISES, ids=lambda p: p.name)
def test_notebook_with_solutions_passes_every_check(path, artifacts):
    nb = nbformat.read(path, as_version=4)
    inject_solutions(nb, read_solutions(solutions_file(path)))
    asked = questions(path)
    nb.cells.append(
        new_code_cell(
            f"import json\nprint(json.dumps({{q: grader.check(q).passed_all for q in {asked!r}}}))"
        )
    )
    _execute(nb, path)
    nbformat.write(nb, artifacts / f"executed-solved-{path.name}")
    outputs = _check_outputs(nb)
    for question in asked:
        assert "All test cases passed" in outputs[question], (question, outputs[question])
    passed = json.loads(nb.cells[-1].outputs[-1]["text"])
    assert passed == {q: True for q in asked}
