"""Successive electron affinities: ladders beside Table 4, the wells of Fig. 2A, a Coulomb well.

Three figures for multiply charged anions (:mod:`superatom_lab.core.ea_ladder`):

- :func:`plot_successive_eas`: EA_1, EA_2, ... of several species, computed
  beside reference values, with the region of unbound electrons (EA_n <= 0)
  shaded;
- :func:`plot_wells`: the anions of Table 4 as potential wells, radius against
  the sum of their EA_n (the review's Fig. 2A), coloured by charge;
- :func:`plot_coulomb_well`: the potential energy of the n-th extra electron in
  the electrostatic model: a flat well inside the sphere, the Coulomb barrier
  outside, and the electron's level.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ax = plot_coulomb_well(3.91, 4.57, 2)
>>> sorted({line.get_gid() for line in ax.lines} - {None})
['barrier', 'first level', 'level', 'potential', 'vacuum']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from superatom_lab.core.ea_ladder import (
    Well,
    coulomb_ea_ev,
    coulomb_potential_ev,
    coulomb_step_ev,
)
from superatom_lab.plots.axes import new_axes

#: One colour per step n (EA_1, EA_2, ...).
STEP_COLOURS = ("#1f4e9c", "#b03a2e", "#2e8b57", "#8e44ad", "#d35400")
#: One colour per charge of a Table 4 anion (-1 ... -5).
CHARGE_COLOURS = {-1: "#1f4e9c", -2: "#b03a2e", -3: "#2e8b57", -4: "#8e44ad", -5: "#d35400"}


def plot_successive_eas(
    names: Sequence[str],
    computed: Mapping[str, Sequence[float] | None],
    reference: Mapping[str, Sequence[float] | None] | None = None,
    measured: Mapping[str, Sequence[float | None] | None] | None = None,
    *,
    n: int = 2,
    missing_text: str = "not\nprecomputed",
    labels: Mapping[str, str] | None = None,
    ax=None,
):
    """EA_1 ... EA_n of each species: computed (filled), reference (open), measured (diamond).

    Parameters
    ----------
    names : sequence of str
        The species, one column each, in this order.
    computed : mapping
        ``name -> [EA_1, EA_2, ...]`` in eV, or ``None`` for a species with no
        computed values (it gets ``missing_text`` instead).
    reference : mapping, optional
        ``name -> [EA_1, ...]`` from a table (Table 4); a step it does not list
        is not drawn.
    measured : mapping, optional
        ``name -> [EA_1, EA_2, ...]`` with ``None`` where nothing is measured.
    n : int
        How many steps per species.
    labels : mapping, optional
        ``name -> text`` under each column (the name itself by default), for
        instance the preset each ladder was computed with.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Markers have ``gid`` ``"computed"``, ``"reference"`` or ``"measured"``;
        the text of a species without values has ``gid="missing"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_successive_eas(["Cl", "B12H12"], {"Cl": [3.78, -7.88], "B12H12": None},
    ...                          {"Cl": [3.62], "B12H12": [4.57, 0.86]})
    >>> [t.get_text() for t in ax.texts if t.get_gid() == "missing"]
    ['not\\nprecomputed']
    >>> ax = plot_successive_eas(["Cl"], {"Cl": [3.78, -7.88]}, labels={"Cl": "Cl (standard)"})
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Cl (standard)']
    """
    ax = new_axes(ax, figsize=(8.0, 4.5))
    reference, measured = reference or {}, measured or {}
    width = 0.6 / max(n, 1)
    shown = [0.0]
    labelled: set[str] = set()

    def once(label: str) -> str | None:  # each legend entry once
        if label in labelled:
            return None
        labelled.add(label)
        return label

    for x, name in enumerate(names):
        for k in range(n):
            xk = x + (k - (n - 1) / 2) * width
            colour = STEP_COLOURS[k % len(STEP_COLOURS)]
            values = computed.get(name)
            if values is not None and k < len(values):
                ax.plot([xk], [values[k]], "o", color=colour, ms=9, gid="computed",
                        label=once(f"EA$_{k + 1}$ computed"))  # fmt: skip
                ax.annotate(f"{values[k]:.2f}", (xk, values[k]), xytext=(6, 0),
                            textcoords="offset points", va="center", fontsize=7)  # fmt: skip
                shown.append(values[k])
            listed = reference.get(name)
            if listed is not None and k < len(listed):
                ax.plot([xk], [listed[k]], "s", mfc="none", mec=colour, ms=11, mew=1.5,
                        gid="reference", label=once(f"EA$_{k + 1}$ Table 4"))  # fmt: skip
                shown.append(listed[k])
            seen = measured.get(name)
            if seen is not None and k < len(seen) and seen[k] is not None:
                ax.plot([xk], [seen[k]], "D", color="grey", mfc="none", ms=8, mew=1.5,
                        gid="measured", label=once("measured"))  # fmt: skip
                shown.append(seen[k])
        if computed.get(name) is None:
            ax.text(x, -0.3, missing_text, ha="center", va="top", fontsize=8, color="grey",
                    gid="missing")  # fmt: skip
    low, high = min(shown) - 0.8, max(shown) + 0.8
    ax.axhspan(low, 0.0, color="#f2f2f2", zorder=0)
    ax.axhline(0.0, color="black", lw=1)
    ax.text(len(names) - 0.5, low + 0.2, "EA$_n$ < 0: the electron is not bound", ha="right",
            va="bottom", fontsize=8, color="grey")  # fmt: skip
    ax.set_xticks(range(len(names)), [(labels or {}).get(name, name) for name in names])
    ax.set_xlim(-0.6, len(names) - 0.4)
    ax.set_ylim(low, high)
    ax.set_ylabel("successive electron affinity EA$_n$ (eV)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_wells(
    wells: Sequence[Well],
    computed: Mapping[str, float] | None = None,
    *,
    highlight: str | None = None,
    ax=None,
):
    """Radius against the depth of the well (sum of EA_n) for each anion, as in Fig. 2A.

    Parameters
    ----------
    wells : sequence of Well
        From :func:`~superatom_lab.core.ea_ladder.table4_wells`; a row with a
        range gets error bars over it.
    computed : mapping, optional
        ``name -> depth`` in eV from this package's own ladders, drawn as stars at
        the radius of the same anion.
    highlight : str, optional
        A name to ring.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Table 4 points have ``gid`` ``"well -<charge>"``, computed ones
        ``"computed"``, the ring ``"highlight"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.core.ea_ladder import table4_wells
    >>> ax = plot_wells(table4_wells(), {"B12H12": 5.6})
    >>> len([line for line in ax.lines if line.get_gid() == "computed"])
    1
    """
    ax = new_axes(ax, figsize=(7.0, 4.8))
    computed = computed or {}
    by_name = {w.name: w for w in wells}
    for charge in sorted({w.charge for w in wells}, reverse=True):
        group = [w for w in wells if w.charge == charge]
        colour = CHARGE_COLOURS.get(charge, "black")
        x = [w.radius_angstrom for w in group]
        y = [w.depth_ev for w in group]
        ax.plot(x, y, "o", color=colour, ms=8, gid=f"well {charge}",
                label=f"charge {charge} (Table 4)")  # fmt: skip
        for w in group:
            if w.radius_range[0] != w.radius_range[1] or w.depth_range[0] != w.depth_range[1]:
                ax.errorbar(w.radius_angstrom, w.depth_ev,
                            xerr=[[w.radius_angstrom - w.radius_range[0]],
                                  [w.radius_range[1] - w.radius_angstrom]],
                            yerr=[[w.depth_ev - w.depth_range[0]],
                                  [w.depth_range[1] - w.depth_ev]],
                            fmt="none", ecolor=colour, capsize=3)  # fmt: skip
            ax.annotate(w.name, (w.radius_angstrom, w.depth_ev), xytext=(5, -3),
                        textcoords="offset points", fontsize=7)  # fmt: skip
    stars = [(by_name[n].radius_angstrom, d) for n, d in computed.items() if n in by_name]
    if stars:
        xs, ys = zip(*stars, strict=True)
        ax.plot(xs, ys, "*", color="black", ms=12, gid="computed",
                label="this package (standard preset)")  # fmt: skip
    if highlight in by_name:
        w = by_name[highlight]
        ax.plot([w.radius_angstrom], [w.depth_ev], "o", mfc="none", mec="black", ms=18,
                mew=1.5, gid="highlight")  # fmt: skip
    ax.set_xlabel("radius of the anion R (Table 4's IR, Å): the width of the well")
    ax.set_ylabel("sum of EA$_n$ (eV): the depth of the well")
    ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_coulomb_well(
    radius_angstrom: float, ea_1_ev: float, n: int, *, r_max: float | None = None, ax=None
):
    """The potential energy of the n-th extra electron on a charged sphere (a simple model).

    Inside the sphere the well is flat; the level of the first electron is at
    ``-EA_1``, and each of the n - 1 electrons already there lifts the n-th by
    e^2/(4 pi eps0 R).  Outside, the charge -(n - 1) repels the electron: a
    Coulomb barrier of height (n - 1) e^2/(4 pi eps0 R) at the surface, falling
    to zero (the vacuum level) far away.  See
    :func:`~superatom_lab.core.ea_ladder.coulomb_potential_ev`.

    Parameters
    ----------
    radius_angstrom : float
        The radius R of the sphere.
    ea_1_ev : float
        The first electron affinity: how deep the first electron lies.
    n : int
        Which extra electron (1, 2, ...).
    r_max : float, optional
        Right end of the r axis (by default 4 R).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Lines with ``gid`` ``"potential"``, ``"level"`` (the n-th electron at
        ``-EA_n``), ``"first level"`` (at ``-EA_1``), ``"vacuum"`` and, for
        n > 1, ``"barrier"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_coulomb_well(3.91, 4.57, 2)
    >>> [round(float(y), 2) for y in [l for l in ax.lines if l.get_gid() == "level"][0].get_ydata()]
    [-0.89, -0.89]
    """
    ax = new_axes(ax, figsize=(6.0, 4.0))
    r_max = r_max or 4 * radius_angstrom
    r = np.linspace(0.0, r_max, 600)
    v = coulomb_potential_ev(r, radius_angstrom, ea_1_ev, n)
    ea_n = coulomb_ea_ev(ea_1_ev, radius_angstrom, n)
    barrier = (n - 1) * coulomb_step_ev(radius_angstrom)
    ax.plot(r, v, color="black", lw=2, gid="potential", label="potential energy of electron n")
    ax.axhline(0.0, color="grey", ls=":", lw=1, gid="vacuum")
    ax.text(r_max, 0.1, "vacuum level", ha="right", va="bottom", fontsize=8, color="grey")
    ax.plot([0, radius_angstrom], [-ea_1_ev] * 2, color="grey", ls="--", lw=1.2,
            gid="first level", label=f"first electron, -EA$_1$ = {-ea_1_ev:.2f} eV")  # fmt: skip
    held = ea_n > 0
    colour = "#2e8b57" if held else "#b03a2e"
    word = "bound" if held else ("held only by the barrier" if -ea_n < barrier else "free")
    ax.plot([0, radius_angstrom], [-ea_n] * 2, color=colour, lw=3, gid="level",
            label=f"electron {n}: -EA$_{n}$ = {-ea_n:.2f} eV ({word})")  # fmt: skip
    if n > 1:
        ax.plot([radius_angstrom], [barrier], "v", color="#b03a2e", ms=8, gid="barrier")
        ax.annotate(f"Coulomb barrier {barrier:.2f} eV", (radius_angstrom, barrier),
                    xytext=(8, 4), textcoords="offset points", fontsize=8,
                    color="#b03a2e")  # fmt: skip
        ax.annotate("", xy=(radius_angstrom / 2, -ea_n), xytext=(radius_angstrom / 2, -ea_1_ev),
                    arrowprops={"arrowstyle": "->", "color": "grey"})  # fmt: skip
        ax.text(radius_angstrom / 2 + 0.1, (-ea_n - ea_1_ev) / 2,
                f"+{n - 1} × 14.40/R", fontsize=8, color="grey", va="center")  # fmt: skip
    low, high = min(-ea_1_ev, -ea_n) - 1.0, max(barrier, 0.0, -ea_n) + 1.0
    ax.set_ylim(low, high)
    ax.axvline(radius_angstrom, color="grey", lw=0.8)
    ax.text(radius_angstrom, low, " R", fontsize=9, va="bottom")
    ax.set_xlim(0, r_max)
    ax.set_xlabel("distance from the centre r (Å)")
    ax.set_ylabel("energy (eV)")
    ax.legend(loc="lower right", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return ax
