"""Matplotlib figures for teaching: level diagrams, jellium ladders, l-weights, spectra,
the superhalogen/superalkali scale, successive electron affinities and their wells.

Every figure function has the signature ``f(..., ax=None) -> ax``: it draws on
the given axes, or on a new figure when ``ax`` is omitted, and returns the axes.
Nothing here imports Jupyter, and matplotlib itself is imported only when a
figure is drawn.

Examples
--------
>>> from superatom_lab.plots import plot_orbital_levels, simulated_pes  # doctest: +SKIP
"""

from __future__ import annotations

from superatom_lab.plots.ea_ladders import plot_coulomb_well, plot_successive_eas, plot_wells
from superatom_lab.plots.jellium_plot import plot_jellium_ladder, plot_levels_beside_jellium
from superatom_lab.plots.levels import plot_orbital_levels
from superatom_lab.plots.lweights import plot_l_weights
from superatom_lab.plots.orbital_diagram import plot_orbital_diagram
from superatom_lab.plots.pes import plot_pes, simulated_pes
from superatom_lab.plots.pes_pair import plot_pes_side_by_side
from superatom_lab.plots.super_scale import plot_super_scale

__all__ = [
    "plot_coulomb_well",
    "plot_jellium_ladder",
    "plot_l_weights",
    "plot_levels_beside_jellium",
    "plot_orbital_diagram",
    "plot_orbital_levels",
    "plot_pes",
    "plot_pes_side_by_side",
    "plot_successive_eas",
    "plot_super_scale",
    "plot_wells",
    "simulated_pes",
]
