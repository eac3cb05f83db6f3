"""Shared pieces of the level diagrams: styles, grouping, label spreading, one ladder.

Private to :mod:`superatom_lab.plots`; the public functions live in ``levels.py``,
``jellium_plot.py`` and ``pes.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

DEGENERACY_TOL_EV = 0.05
SEMICORE_GAP_EV = 8.0
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


def new_axes(ax, figsize):
    """Return ``ax``, or a new pyplot axes of ``figsize`` when ``ax`` is None."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def group_by_energy(energies, tol_ev: float = DEGENERACY_TOL_EV) -> list[list[int]]:
    """Indices of ``energies`` in groups within ``tol_ev`` of the group's lowest, lowest first.

    Examples
    --------
    >>> group_by_energy([-3.0, -5.0, -3.02, -1.0])
    [[1], [2, 0], [3]]
    """
    order = sorted(range(len(energies)), key=lambda i: energies[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and energies[i] - energies[groups[-1][0]] <= tol_ev:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def group_label(labels) -> str:
    """``"1F ×3"`` for three 1F orbitals, ``"1F ×2, 2P"`` for a mixed group."""
    counts = Counter(labels)
    parts = [f"{name} ×{n}" if n > 1 else name for name, n in counts.items()]
    return ", ".join(parts)


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
            kind = "occupied" if orb.occupation > 1e-6 else "empty"
            ax.plot([x0, x0 + BAR_WIDTH], [orb.energy_ev] * 2, **STYLES[kind],
                    solid_capstyle="butt", gid="level")  # fmt: skip
        groups.append(
            LevelGroup(
                energy_ev=float(np.mean([o.energy_ev for o in members])),
                members=members,
                label=group_label([o.label for o in members]),
                occupied=any(o.occupation > 1e-6 for o in members),
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


def energy_window(orbitals, window_ev) -> tuple[float, float]:
    """``window_ev``, or by default the valence levels (padded by 0.4 eV).

    The valence levels are the orbitals not labelled ``"core"``, down from the
    top to the first gap wider than ``SEMICORE_GAP_EV`` (which leaves out
    semicore shells such as Na 2p, 25 eV below the 1S shell of Na8).

    Examples
    --------
    >>> from types import SimpleNamespace as O
    >>> levels = [O(energy_ev=e, label="") for e in (-27.9, -4.4, -3.0, -1.7)]
    >>> [round(e, 2) for e in energy_window(levels, None)]
    [-4.8, -1.3]
    """
    if window_ev is not None:
        lo, hi = window_ev
        return float(min(lo, hi)), float(max(lo, hi))
    energies = sorted(o.energy_ev for o in orbitals if o.label != "core") or sorted(
        o.energy_ev for o in orbitals
    )
    lowest = energies[-1]
    for below, above in zip(energies[-2::-1], energies[::-1]):
        if above - below > SEMICORE_GAP_EV:
            break
        lowest = below
    return lowest - 0.4, energies[-1] + 0.4


def channel(table, spin: str) -> list:
    """The orbitals of one spin channel, lowest energy first."""
    if spin not in ("alpha", "beta"):
        from superatom_lab.errors import InputError

        raise InputError(f"spin must be 'alpha' or 'beta', got {spin!r}")
    orbitals = sorted((o for o in table.orbitals if o.spin == spin), key=lambda o: o.energy_ev)
    if not orbitals:
        from superatom_lab.errors import InputError

        raise InputError(
            f"the orbital table of {table.formula} has no {spin} orbitals "
            "(a closed-shell calculation lists them all as 'alpha')"
        )
    return orbitals


def frontier(orbitals) -> tuple:
    """``(homo, lumo)`` of one channel; ``lumo`` is None when no empty orbital is listed."""
    occupied = [o for o in orbitals if o.occupation > 1e-6]
    empty = [o for o in orbitals if o.occupation <= 1e-6]
    homo = max(occupied, key=lambda o: o.energy_ev) if occupied else None
    lumo = min(empty, key=lambda o: o.energy_ev) if empty else None
    return homo, lumo


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
