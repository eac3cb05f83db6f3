"""The Voila dashboards are thin: a few cells, no outputs in git, and they run to a widget."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tests.notebooks.running import run_notebook

pytestmark = pytest.mark.notebook

DASHBOARDS = sorted(
    (Path(__file__).resolve().parents[2] / "notebooks" / "dashboards").glob("*.ipynb")
)
WIDGET = "application/vnd.jupyter.widget-view+json"


def test_there_are_dashboards():
    assert {p.name for p in DASHBOARDS} >= {
        "jellium_playground.ipynb",
        "ea_explorer.ipynb",
        "cluster_builder.ipynb",
        "orbital_explorer.ipynb",
        "index.ipynb",
    }


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_dashboard_is_thin_and_shows_a_widget(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert 1 <= len(code) <= 3
    assert all(not c.get("outputs") for c in code), "dashboards are committed without outputs"
    run_notebook(nb, path.parent, timeout=120)  # waits for each reply in 2-s slices
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    assert WIDGET in outputs[-1].get("data", {})
