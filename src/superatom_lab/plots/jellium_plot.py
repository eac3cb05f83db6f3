"""Jellium-model level ladders, alone or beside a DFT level diagram.

The jellium result is read through a thin interface: ``levels`` (each with
``label``, ``l``, ``energy_ev`` and ``degeneracy``), ``occupations``,
``n_electrons``, ``rs_bohr`` and, when present, ``major_magic_numbers``.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from superatom_lab.core.jellium import solve_jellium
>>> ax = plot_jellium_ladder(solve_jellium(8, 3.93))
>>> sorted({t.get_text().split()[0] for t in ax.texts if t.get_gid() == "shell-label"})
['1D', '1F', '1P', '1S', '2P', '2S']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from superatom_lab.core.levels import channel, energy_window, frontier
from superatom_lab.plots.axes import new_axes
from superatom_lab.plots.level_drawing import (
    BAR_STEP,
    BAR_WIDTH,
    CONNECTOR_COLOR,
    LABEL_FONTSIZE,
    STYLES,
    data_per_point,
    draw_orbital_ladder,
    level_legend,
    place_labels,
    shell_label_items,
)
from superatom_lab.plots.levels import species_title


@dataclass
class _JelliumBar:
    label: str
    energy_ev: float  # after the shift
    x_left: float
    x_right: float
    filled: str  # "full", "partly" or "empty"
    total: int  # electrons held by this level and all below it


def _draw_jellium(ax, result, x_center: float, shift_ev: float) -> list[_JelliumBar]:
    """One bar per spatial orbital (2l + 1 side by side) for every bound level."""
    bars, total = [], 0
    for level, occ in zip(result.levels, result.occupations):
        n = 2 * int(level.l) + 1
        total += int(level.degeneracy)
        if occ >= level.degeneracy - 1e-6:
            filled, style = "full", STYLES["occupied"]
        elif occ > 1e-6:
            filled, style = "partly", STYLES["partly"]
        else:
            filled, style = "empty", STYLES["empty"]
        y = level.energy_ev + shift_ev
        x_left = x_center - (n - 1) * BAR_STEP / 2 - BAR_WIDTH / 2
        for k in range(n):
            x0 = x_left + k * BAR_STEP
            ax.plot([x0, x0 + BAR_WIDTH], [y, y], **style, solid_capstyle="butt",
                    gid="jellium-level")  # fmt: skip
        x_right = x_left + (n - 1) * BAR_STEP + BAR_WIDTH
        bars.append(_JelliumBar(level.label, y, x_left, x_right, filled, total))
    return bars


def _label_jellium(ax, result, bars, x: float) -> None:
    """Two columns right of the ladder: ``"1F (14 e⁻)"`` and the running electron total."""
    major = set(getattr(result, "major_magic_numbers", ()) or ())
    items = [
        (b.energy_ev, f"{b.label} ({lv.degeneracy} e⁻)", b.x_right, "normal")
        for b, lv in zip(bars, result.levels)
    ]
    placed = place_labels(ax, items, x=x, ha="left", gid="shell-label")
    order = sorted(range(len(bars)), key=lambda i: bars[i].energy_ev)  # as place_labels sorts
    for i, (_, y) in zip(order, placed):
        bar = bars[i]
        bold = bar.total in major
        ax.text(x + 3.6, y, str(bar.total), ha="right", va="center", fontsize=LABEL_FONTSIZE,
                fontweight="bold" if bold else "normal", color="0.15" if bold else "0.45",
                gid="magic-total")  # fmt: skip
    top = ax.get_ylim()[1]
    ax.text(x + 3.6, top, "total e⁻", ha="right", va="top", fontsize=9, color="0.35",
            gid="column-header")  # fmt: skip


def plot_jellium_ladder(result, ax=None, *, shift_ev: float = 0.0, show_labels: bool = True):
    """Draw the levels of a jellium model as a ladder, with the magic numbers beside it.

    Each level stands as ``2l + 1`` bars side by side (one per orbital), so a
    1F shell shows seven.  Full levels are thick blue bars, a partly filled
    level orange, empty levels thin red bars.  The label gives the shell and how many
    electrons it holds, and the right-hand column the total number of
    electrons once it is full: the magic numbers 2, 8, 18, 20, 34, 40 ...
    (the major closures in bold).

    Parameters
    ----------
    result : JelliumResult
        From :func:`superatom_lab.core.jellium.solve_jellium`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    shift_ev : float
        Added to every level energy (to align it with another diagram).
    show_labels : bool
        Write the shell labels and electron totals.

    Returns
    -------
    matplotlib.axes.Axes
        Bars are ``Line2D`` artists with ``gid="jellium-level"``; labels are
        ``Text`` artists with ``gid="shell-label"`` and ``gid="magic-total"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.core.jellium import solve_jellium
    >>> ax = plot_jellium_ladder(solve_jellium(40, 2.07, charge=-1))
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "magic-total"]
    ['2', '8', '18', '20', '34', '40']
    """
    ax = new_axes(ax, figsize=(5.2, 6.0))
    energies = [lv.energy_ev + shift_ev for lv in result.levels]
    widest = max(2 * int(lv.l) + 1 for lv in result.levels)
    bars = _draw_jellium(ax, result, x_center=0.0, shift_ev=shift_ev)
    ax.set_xlim(-widest / 2 - 2.5, widest / 2 + 6.0)
    pad = 0.06 * (max(energies) - min(energies) + 1.0)
    ax.set_ylim(min(energies) - pad, max(energies) + 2 * pad)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel("jellium level energy (eV)")
    charge = int(getattr(result, "charge", 0))
    charged = f", charge {charge:+d}".replace("-", "−") if charge else ""
    ax.set_title(
        f"Jellium model: {result.n_electrons} electrons{charged}, "
        f"$r_s$ = {result.rs_bohr:.2f} bohr",
        fontsize=11,
    )
    if show_labels:
        _label_jellium(ax, result, bars, x=widest / 2 + 0.5)
    level_legend(ax, partly=any(b.filled == "partly" for b in bars), loc="lower left")
    return ax


def _shell_names(group) -> set[str]:
    return {o.label for o in group.members}


def plot_levels_beside_jellium(
    table,
    jellium_result,
    ax=None,
    *,
    spin: str = "alpha",
    window_ev: tuple[float, float] | None = None,
):
    """DFT levels (left) beside the jellium ladder (right), aligned at the HOMO.

    The jellium levels are shifted so that both HOMOs sit at the same height
    (the right-hand axis gives the jellium's own energies).  Dotted lines join
    each DFT group to the jellium shell of the same label, so a student sees a
    1F shell split into 3 + 4 orbitals by the cluster's real shape.

    Parameters
    ----------
    table : OrbitalTable
        The DFT orbitals (see :func:`superatom_lab.plots.levels.plot_orbital_levels`).
    jellium_result : JelliumResult
        The jellium model of the same electron count.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    spin : {"alpha", "beta"}
        The DFT spin channel.
    window_ev : (float, float), optional
        DFT energy range in eV; by default every non-core orbital.

    Returns
    -------
    matplotlib.axes.Axes
        DFT bars have ``gid="level"``, jellium bars ``gid="jellium-level"``,
        connectors ``gid="connector"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.core.jellium import solve_jellium
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> s, p = (1, 0, 0, 0, 0, 0, 0), (0, 1, 0, 0, 0, 0, 0)
    >>> orbs = (OrbitalInfo(0, "alpha", -4.0, 2.0, "1S", s, 0.9),) + tuple(
    ...     OrbitalInfo(i, "alpha", -2.5, 2.0, "1P", p, 0.8) for i in (1, 2, 3))
    >>> table = OrbitalTable("Na8", 0, 0, {}, orbs, 3, None, 3.0)
    >>> ax = plot_levels_beside_jellium(table, solve_jellium(8, 3.93))
    >>> len([a for a in ax.lines if a.get_gid() == "connector"])
    2
    """
    orbitals = channel(table, spin)
    lo, hi = energy_window(orbitals, window_ev)
    shown = [o for o in orbitals if lo <= o.energy_ev <= hi]
    homo, lumo = frontier(orbitals)
    jel_homo = jellium_result.homo.energy_ev
    shift = (homo.energy_ev if homo is not None else 0.0) - jel_homo
    ax = new_axes(ax, figsize=(8.0, 6.4))

    groups = draw_orbital_ladder(ax, shown, x_center=0.0)
    w_dft = max((g.x_right - g.x_left for g in groups), default=1.0)
    w_jel = max(2 * int(lv.l) + 1 for lv in jellium_result.levels)
    x_jel = w_dft / 2 + 4.0 + w_jel / 2
    bars = _draw_jellium(ax, jellium_result, x_center=x_jel, shift_ev=shift)

    energies = [o.energy_ev for o in shown] + [b.energy_ev for b in bars]
    y_lo = min(lo, min(energies) - 0.3)
    y_hi = max(hi, max(energies) + 0.3)
    ax.set_ylim(y_lo, y_hi + 0.12 * (y_hi - y_lo))
    ax.set_xlim(-w_dft / 2 - 4.6, x_jel + w_jel / 2 + 5.2)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel("DFT orbital energy (eV)")
    ax.set_title(f"{species_title(table)}: DFT orbitals and the jellium model")
    header = ax.get_ylim()[1]
    method = table.method.get("xc", "").upper() or "DFT"
    ax.text(0.0, header, f"DFT ({method})" if method != "DFT" else "DFT", ha="center",
            va="top", fontsize=10, fontweight="bold", gid="column-header")  # fmt: skip
    ax.text(x_jel, header, f"jellium ($r_s$ = {jellium_result.rs_bohr:.2f} bohr)",
            ha="center", va="top", fontsize=10, fontweight="bold", gid="column-header")  # fmt: skip
    moved = f"drawn {abs(shift):.2f} eV {'lower' if shift < 0 else 'higher'}: HOMOs aligned"
    ax.text(x_jel, header - 1.6 * 10 * data_per_point(ax), moved, ha="center", va="top",
            fontsize=8.5, color="0.4", gid="column-header")  # fmt: skip

    jel_by_label = {b.label: b for b in bars}
    for g in groups:
        for name in sorted(_shell_names(g)):
            bar = jel_by_label.get(name)
            if bar is not None:
                ax.plot([g.x_right + 0.15, bar.x_left - 0.15], [g.energy_ev, bar.energy_ev],
                        color=CONNECTOR_COLOR, lw=0.9, ls=":", gid="connector")  # fmt: skip

    items = shell_label_items(groups, homo, lumo, side="left")
    place_labels(ax, items, x=-w_dft / 2 - 0.5, ha="right", gid="shell-label")
    _label_jellium(ax, jellium_result, bars, x=x_jel + w_jel / 2 + 0.5)
    ax.secondary_yaxis(
        "right", functions=(lambda y: np.asarray(y) - shift, lambda y: np.asarray(y) + shift)
    ).set_ylabel("jellium level energy (eV)")
    level_legend(ax, partly=any(b.filled == "partly" for b in bars), below=True)
    return ax


def ladder_figsize(result) -> tuple[float, float]:
    """A figure wide enough for the ladder's widest level (2l + 1 bars) and its labels.

    Examples
    --------
    >>> from superatom_lab.core.jellium import solve_jellium
    >>> ladder_figsize(solve_jellium(8, 3.93))  # levels up to 1F (seven bars)
    (5.48, 6.0)
    """
    widest = max(2 * int(level.l) + 1 for level in result.levels)
    return (round(max(5.2, 3.8 + 0.24 * widest), 2), 6.0)
