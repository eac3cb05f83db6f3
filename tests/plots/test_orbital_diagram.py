"""The orbital explorer's diagram: DFT levels, the jellium ladder beside them, one highlighted."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from superatom_lab.core.jellium import solve_jellium
from superatom_lab.core.levels import level_groups
from superatom_lab.plots import plot_orbital_diagram
from superatom_lab.plots.orbital_diagram import orbital_diagram_figsize
from tests.plots.fake_tables import al13_anion


def new_ax():
    return Figure(figsize=orbital_diagram_figsize(True), layout="constrained").add_subplot()


def test_the_highlight_covers_exactly_the_bars_of_the_selected_level():
    table = al13_anion()
    f7 = next(lv for lv in level_groups(table) if lv.label == "1F ×4")
    ax = plot_orbital_diagram(table, level=f7, ax=new_ax())
    (box,) = [p for p in ax.patches if p.get_gid() == "selected-level"]
    bars = [ln for ln in ax.lines if ln.get_gid() == "level"]
    inside = [
        ln for ln in bars
        if box.get_y() <= ln.get_ydata()[0] <= box.get_y() + box.get_height()
    ]  # fmt: skip
    assert len(inside) == 4  # the four 1F orbitals at -4.45 eV, not the three at -4.7
    assert all(box.get_x() < min(ln.get_xdata()) for ln in inside)
    assert all(max(ln.get_xdata()) < box.get_x() + box.get_width() for ln in inside)


def test_the_jellium_ladder_is_drawn_only_when_given():
    table = al13_anion()
    alone = plot_orbital_diagram(table, ax=new_ax())
    beside = plot_orbital_diagram(table, solve_jellium(40, 2.07, charge=-1), ax=new_ax())
    assert not [ln for ln in alone.lines if ln.get_gid() == "jellium-level"]
    assert len([ln for ln in beside.lines if ln.get_gid() == "jellium-level"]) == 20
    assert not alone.patches  # nothing selected, nothing highlighted


def test_the_diagram_is_wider_beside_the_jellium_ladder():
    assert orbital_diagram_figsize(True)[0] > orbital_diagram_figsize(False)[0]
    assert orbital_diagram_figsize(False)[1] == pytest.approx(6.0)
