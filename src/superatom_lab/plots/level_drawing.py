"""Drawing pieces of the level diagrams: bar styles, one ladder of bars, spread labels, legend.

The figures of :mod:`superatom_lab.plots.levels`, :mod:`superatom_lab.plots.jellium_plot`
and :mod:`superatom_lab.plots.orbital_diagram` are built from these.  Which
orbitals form a level, the valence window and the frontier orbitals are
science and come from :mod:`superatom_lab.core.levels`.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from types import SimpleNamespace as O
>>> from superatom_lab.plots.axes import new_axes
>>> orbs = [O(energy_ev=-2.0, occupation=2.0, label="1P") for _ in range(3)]
>>> [g.label for g in draw_orbital_ladder(new_axes(None, (3, 3)), orbs, x_center=0.0)]
['1P ×3']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from superatom_lab.core.levels import OCCUPIED_MIN, group_by_energy, group_label

OCCUPIED_COLOR = "#1f4e9c"
EMPTY_COLOR = "#c0392b"
PARTLY_COLOR = "#e08e0b"
CONNECTOR_COLOR = "#8c8c8c"
LABEL_FONTSIZE = 10
BAR_WIDTH = 0.66
BAR_STEP = 1.0


STYLES = {
    "occupied": {"color": OCCUPIED_COLOR, "lw": 2.6},
    "partly": {"color": PARTLY_COLOR, "lw": 2.6},
    "empty": {"color": EMPTY_COLOR, "lw": 1.3},
}
"""Bar styles: colour and thickness, so occupied and empty differ even in grey print."""


@dataclass
class LevelGroup:
    """Orbitals drawn side by side at (nearly) one energy."""

    energy_ev: float
    members: list
    label: str
    occupied: bool
    x_left: float
    x_right: float


def spread(wanted, min_gap: float) -> list[float]:
    """Positions close to ``wanted`` (sorted ascending) at least ``min_gap`` apart.

    Overlapping labels are merged into blocks centred on their wanted positions,
    so a crowded run of labels fans out evenly around where it belongs.

    Examples
    --------
    >>> spread([0.0, 0.1, 0.2, 5.0], 1.0)
    [-0.9, 0.1, 1.1, 5.0]
    """
    blocks: list[list[int]] = []  # indices, consecutive
    bottoms: list[float] = []
    for i in range(len(wanted)):
        blocks.append([i])
        bottoms.append(wanted[i])
        while len(blocks) > 1 and bottoms[-2] + len(blocks[-2]) * min_gap > bottoms[-1]:
            merged = blocks[-2] + blocks[-1]
            blocks[-2:] = [merged]
            bottom = float(np.mean([wanted[j] - k * min_gap for k, j in enumerate(merged)]))
            bottoms[-2:] = [bottom]
    out = [0.0] * len(wanted)
    for block, bottom in zip(blocks, bottoms):
        for k, j in enumerate(block):
            out[j] = round(bottom + k * min_gap, 12)
    return out


def data_per_point(ax) -> float:
    """Energy units per typographic point on the y axis (after ``set_ylim``)."""
    lo, hi = ax.get_ylim()
    height_pt = ax.get_window_extent().height * 72.0 / ax.figure.dpi
    return abs(hi - lo) / max(height_pt, 1.0)


def place_labels(ax, items, *, x: float, ha: str, fontsize: float = LABEL_FONTSIZE, gid: str):
    """Write ``(y, text, x_anchor, weight)`` items at ``x``, spread apart, with leader lines.

    A leader line joins a label to ``x_anchor`` at its level's energy when the
    label had to move away from that energy.  Returns ``[(item, y_written)]`` in
    order of energy, so a second column can be written at the same heights.
    """
    items = sorted(items, key=lambda item: item[0])
    gap = 1.3 * fontsize * data_per_point(ax)
    ys = spread([item[0] for item in items], gap)
    for (y0, text, x_anchor, weight), y in zip(items, ys):
        ax.text(x, y, text, ha=ha, va="center", fontsize=fontsize, fontweight=weight, gid=gid)
        if abs(y - y0) > 0.05 * gap:
            pad = 0.15 if ha == "left" else -0.15
            ax.plot([x_anchor, x - pad], [y0, y], color=CONNECTOR_COLOR, lw=0.6, gid="leader")
    return list(zip(items, ys))


def draw_orbital_ladder(ax, orbitals, x_center: float) -> list[LevelGroup]:
    """Draw one bar per orbital, degenerate orbitals side by side around ``x_center``.

    Occupied orbitals are solid blue lines, empty ones dashed red.  Every bar is a
    ``Line2D`` with ``gid="level"``.
    """
    energies = [o.energy_ev for o in orbitals]
    groups = []
    for indices in group_by_energy(energies):
        members = [orbitals[i] for i in indices]
        n = len(members)
        x_left = x_center - (n - 1) * BAR_STEP / 2 - BAR_WIDTH / 2
        for k, orb in enumerate(members):
            x0 = x_left + k * BAR_STEP
            kind = "occupied" if orb.occupation > OCCUPIED_MIN else "empty"
            ax.plot([x0, x0 + BAR_WIDTH], [orb.energy_ev] * 2, **STYLES[kind],
                    solid_capstyle="butt", gid="level")  # fmt: skip
        groups.append(
            LevelGroup(
                energy_ev=float(np.mean([o.energy_ev for o in members])),
                members=members,
                label=group_label([o.label for o in members]),
                occupied=any(o.occupation > OCCUPIED_MIN for o in members),
                x_left=x_left,
                x_right=x_left + (n - 1) * BAR_STEP + BAR_WIDTH,
            )
        )
    return groups


def level_legend(ax, *, partly: bool = False, loc: str = "lower left", below: bool = False):
    """Legend of the bar styles: occupied, empty (and partly filled).

    With ``below=True`` it sits in one row under the axes, out of the way.
    """
    from matplotlib.lines import Line2D

    kinds = ["occupied", "partly", "empty"] if partly else ["occupied", "empty"]
    names = {"occupied": "occupied", "partly": "partly filled", "empty": "empty"}
    handles = [Line2D([], [], **STYLES[k], label=names[k]) for k in kinds]
    if below:
        return ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                         ncol=len(handles), fontsize=9, frameon=False)  # fmt: skip
    return ax.legend(handles=handles, loc=loc, fontsize=9, framealpha=0.9)


def shell_label_items(groups, homo, lumo, *, side: str) -> list:
    """Label items for :func:`place_labels`: each group's label, HOMO/LUMO tagged in bold.

    ``side`` names the group edge the leader line starts from: ``"left"`` or ``"right"``.
    """
    items = []
    for g in groups:
        tag = ""
        if homo is not None and any(o is homo for o in g.members):
            tag = "  HOMO"
        elif lumo is not None and any(o is lumo for o in g.members):
            tag = "  LUMO"
        x = g.x_left if side == "left" else g.x_right
        items.append((g.energy_ev, g.label + tag, x, "bold" if tag else "normal"))
    return items
