"""Orbital level diagram of one calculation: shells, HOMO, LUMO and gap.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
>>> w = (1, 0, 0, 0, 0, 0, 0)
>>> orbs = (OrbitalInfo(0, "alpha", -6.0, 2.0, "1S", w, 0.9),
...         OrbitalInfo(1, "alpha", -2.0, 0.0, "1P", (0, 1, 0, 0, 0, 0, 0), 0.8))
>>> table = OrbitalTable("Na2", 0, 0, {}, orbs, 0, 1, 1.5)
>>> ax = plot_orbital_levels(table)
>>> len([a for a in ax.lines if a.get_gid() == "level"])
2
"""

from __future__ import annotations

from superatom_lab.core.levels import channel, energy_window, frontier
from superatom_lab.plots.axes import new_axes
from superatom_lab.plots.level_drawing import (
    LABEL_FONTSIZE,
    draw_orbital_ladder,
    level_legend,
    place_labels,
    shell_label_items,
)


def _charge_text(charge: int) -> str:
    if charge == 0:
        return ""
    sign = "+" if charge > 0 else "−"
    return f"$^{{{abs(charge) if abs(charge) > 1 else ''}{sign}}}$"


def species_title(table) -> str:
    """``"Na$_8$"``-style formula with its charge, for titles.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> species_title(SimpleNamespace(formula="Al13", charge=-1))
    'Al$_{13}$$^{−}$'
    """
    import re

    formula = re.sub(r"(\d+)", r"$_{\1}$", table.formula)
    return formula + _charge_text(table.charge)


def draw_gap(ax, homo_ev: float, lumo_ev: float, x: float) -> None:
    """A double arrow from HOMO to LUMO at ``x`` with the gap written beside it.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> draw_gap(ax, -3.0, -1.7, x=0.0)
    >>> ax.texts[-1].get_text().split()
    ['gap', '1.30', 'eV']
    """
    ax.annotate(
        "",
        xy=(x, lumo_ev),
        xytext=(x, homo_ev),
        arrowprops={"arrowstyle": "<->", "color": "0.25", "lw": 1.2, "shrinkA": 0, "shrinkB": 0},
        gid="gap",
    )
    ax.text(
        x - 0.25,
        0.5 * (homo_ev + lumo_ev),
        f"gap\n{lumo_ev - homo_ev:.2f} eV",
        ha="right",
        va="center",
        fontsize=LABEL_FONTSIZE,
        gid="gap-label",
    )


def plot_orbital_levels(
    table,
    ax=None,
    spin: str = "alpha",
    window_ev: tuple[float, float] | None = None,
    show_labels: bool = True,
):
    """Draw the orbital levels of one spin channel as a level diagram.

    Each orbital is a short horizontal bar at its energy.  Orbitals within
    0.05 eV of each other are degenerate and stand side by side, so a 1P shell
    shows three bars and a 1F shell split by the cluster's symmetry shows two
    groups (for example 3 + 4).  Occupied orbitals are thick blue bars, empty
    ones thin red bars.  Beside each group is its superatomic label and the number of
    orbitals (``"1F ×3"``); the HOMO and LUMO groups are marked and the gap
    between them is drawn as an arrow.

    Parameters
    ----------
    table : OrbitalTable
        From :func:`superatom_lab.qc.orbitals.analyse_orbitals` or a cache.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    spin : {"alpha", "beta"}
        The spin channel (a closed-shell table lists everything as ``"alpha"``).
    window_ev : (float, float), optional
        Energy range in eV.  By default every orbital except the atomic cores.
    show_labels : bool
        Write the shell labels and the HOMO/LUMO marks.

    Returns
    -------
    matplotlib.axes.Axes
        Level bars are ``Line2D`` artists with ``gid="level"``; shell labels are
        ``Text`` artists with ``gid="shell-label"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> p = (0, 1, 0, 0, 0, 0, 0)
    >>> orbs = tuple(OrbitalInfo(i, "alpha", -3.0, 2.0, "1P", p, 0.8) for i in range(3))
    >>> table = OrbitalTable("Na8", 0, 0, {}, orbs, 2, None, 3.0)
    >>> ax = plot_orbital_levels(table)
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "shell-label"]
    ['1P ×3  HOMO']
    """
    orbitals = channel(table, spin)
    lo, hi = energy_window(orbitals, window_ev)
    shown = [o for o in orbitals if lo <= o.energy_ev <= hi]
    ax = new_axes(ax, figsize=(5.2, 6.4))
    homo, lumo = frontier(orbitals)
    groups = draw_orbital_ladder(ax, shown, x_center=0.0)
    widest = max((g.x_right - g.x_left for g in groups), default=1.0)
    ax.set_xlim(-widest / 2 - 3.2, widest / 2 + 4.2)
    ax.set_ylim(lo, hi)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel("orbital energy (eV)")
    title = species_title(table) + " orbital levels"
    if any(o.spin == "beta" for o in table.orbitals):
        title += f" ({spin} spin)"
    ax.set_title(title)

    if show_labels and groups:
        items = shell_label_items(groups, homo, lumo, side="right")
        place_labels(ax, items, x=widest / 2 + 0.5, ha="left", gid="shell-label")
    if homo is not None and lumo is not None and lo <= homo.energy_ev and lumo.energy_ev <= hi:
        draw_gap(ax, homo.energy_ev, lumo.energy_ev, x=-widest / 2 - 0.5)
    level_legend(ax, loc="lower left")
    return ax
