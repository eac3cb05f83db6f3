"""Checked exercises of the notebooks: where their tests and solutions live, and injecting them.

A notebook ``notebooks/NN_name.ipynb`` with exercises has

- otter test files in ``notebooks/tests/NN/`` (``q1.py``, ``q2.py``, ...), which the notebook's
  ``grader = otter.Notebook(tests_dir="tests/NN")`` and ``grader.check("q1")`` run;
- answer cells tagged ``answer-q1``, ``answer-q2``, ... whose answers are ``...`` (Ellipsis) in
  the committed, student version;
- a solutions file ``notebooks/solutions/NN_name.py``, split into blocks by lines
  ``# %% answer-q1``; each block replaces the answer cell with the same tag.
"""

from __future__ import annotations

import re
from pathlib import Path

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
BLOCK = re.compile(r"^# %% (answer-\S+)\s*$", re.MULTILINE)


def checks_dir(notebook: Path) -> Path:
    """``notebooks/tests/NN`` for ``notebooks/NN_name.ipynb``."""
    return notebook.parent / "tests" / notebook.name.split("_", 1)[0]


def solutions_file(notebook: Path) -> Path:
    """``notebooks/solutions/NN_name.py`` for ``notebooks/NN_name.ipynb``."""
    return notebook.parent / "solutions" / f"{notebook.stem}.py"


def questions(notebook: Path) -> list[str]:
    """The names of the checked questions of a notebook (``["q1", "q2", ...]``), maybe none."""
    folder = checks_dir(notebook)
    return sorted(p.stem for p in folder.glob("q*.py")) if folder.is_dir() else []


def read_solutions(path: Path) -> dict[str, str]:
    """``{"answer-q1": code, ...}``: the blocks of a solutions file, each without its marker."""
    text = path.read_text()
    marks = list(BLOCK.finditer(text))
    blocks = {}
    for mark, following in zip(marks, marks[1:] + [None]):
        end = following.start() if following else len(text)
        blocks[mark.group(1)] = text[mark.end() : end].strip("\n") + "\n"
    return blocks


def answer_tag(cell) -> str | None:
    """The ``answer-...`` tag of a cell, or ``None``."""
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith("answer-")]
    return tags[0] if tags else None


def inject_solutions(nb, solutions: dict[str, str]) -> None:
    """Replace every answer cell of ``nb`` by its solution block, in place.

    Raises
    ------
    KeyError
        When an answer cell has no block, or a block no answer cell.
    """
    seen = set()
    for cell in nb.cells:
        tag = answer_tag(cell)
        if tag is None:
            continue
        cell.source = solutions[tag]  # KeyError: an answer cell without a solution
        seen.add(tag)
    unused = set(solutions) - seen
    if unused:
        raise KeyError(f"solution blocks without an answer cell: {sorted(unused)}")
