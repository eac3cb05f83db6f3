"""The orbital explorer's diagram: DFT levels (beside the jellium ladder), one level highlighted.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from superatom_lab.core.levels import level_groups
>>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
>>> s = (1, 0, 0, 0, 0, 0, 0)
>>> table = OrbitalTable("Na2", 0, 0, {}, (OrbitalInfo(0, "alpha", -4, 2, "1S", s, 1),),
...                      0, None, 2.0)
>>> ax = plot_orbital_diagram(table, level=level_groups(table)[0])
>>> [p.get_gid() for p in ax.patches]
['selected-level']
"""

from __future__ import annotations

from superatom_lab.plots.axes import new_axes
from superatom_lab.plots.jellium_plot import plot_levels_beside_jellium
from superatom_lab.plots.level_drawing import BAR_STEP
from superatom_lab.plots.levels import plot_orbital_levels

HIGHLIGHT_COLOR = "#ffd54f"


def orbital_diagram_figsize(with_jellium: bool) -> tuple[float, float]:
    """Figure size of :func:`plot_orbital_diagram`: wider with the jellium ladder beside it.

    Examples
    --------
    >>> orbital_diagram_figsize(True), orbital_diagram_figsize(False)
    ((7.6, 6.0), (5.6, 6.0))
    """
    return (7.6, 6.0) if with_jellium else (5.6, 6.0)


def highlight_level(ax, level) -> None:
    """Draw a yellow box behind ``level``'s bars (DFT column, centred on x = 0).

    ``level`` has ``orbitals``, each with ``energy_ev`` (a
    :class:`~superatom_lab.core.levels.Level`).  Call it after the y limits are set.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from types import SimpleNamespace as O
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> ax.set_ylim(-5, 0)
    (-5.0, 0.0)
    >>> highlight_level(ax, O(orbitals=(O(energy_ev=-2.0),)))
    >>> [(p.get_gid(), round(p.get_width(), 2)) for p in ax.patches]
    [('selected-level', 1.2)]
    """
    from matplotlib.patches import Rectangle

    half_width = (len(level.orbitals) - 1) * BAR_STEP / 2 + 0.6
    lo, hi = ax.get_ylim()
    half_height = max(0.08, 0.015 * abs(hi - lo))
    energies = [o.energy_ev for o in level.orbitals]
    ax.add_patch(
        Rectangle(
            (-half_width, min(energies) - half_height), 2 * half_width,
            max(energies) - min(energies) + 2 * half_height, facecolor=HIGHLIGHT_COLOR,
            edgecolor="#e0a800", lw=1.0, alpha=0.8, zorder=0, gid="selected-level",
        )
    )  # fmt: skip


def plot_orbital_diagram(table, jellium=None, level=None, ax=None):
    """The DFT levels of ``table`` (beside the ``jellium`` ladder), ``level`` highlighted.

    Parameters
    ----------
    table : OrbitalTable
    jellium : JelliumResult, optional
        Drawn beside the DFT levels with
        :func:`~superatom_lab.plots.jellium_plot.plot_levels_beside_jellium`.
    level : Level, optional
        The level to highlight (see :func:`highlight_level`).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = new_axes(ax, figsize=orbital_diagram_figsize(jellium is not None))
    if jellium is not None:
        plot_levels_beside_jellium(table, jellium, ax=ax)
    else:
        plot_orbital_levels(table, ax=ax)
    if level is not None:
        highlight_level(ax, level)
    return ax
