"""Bar chart of an orbital's angular-momentum (l) character about the cluster centre.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from superatom_lab.qc.orbital_table import OrbitalInfo
>>> orb = OrbitalInfo(3, "alpha", -3.1, 2.0, "1P", (0.02, 0.93, 0.03, 0, 0, 0, 0), 0.8)
>>> ax = plot_l_weights(orb)
>>> [round(float(p.get_height()), 2) for p in ax.patches][:3]
[0.02, 0.93, 0.03]
"""

from __future__ import annotations

import numpy as np

from superatom_lab.plots.axes import new_axes

L_NAMES = ("S", "P", "D", "F", "G", "H", "I")
L_COLORS = ("#1f4e9c", "#c0392b", "#2e8b57", "#8e44ad", "#e08e0b", "#16a2b8", "#7f7f7f")


def _describe(orb) -> str:
    return f"#{orb.index} {orb.label}, {orb.energy_ev:.2f} eV"


def plot_l_weights(orbital, ax=None, *, annotate: bool = True):
    """Draw the l-weights (S P D F G H I) of one orbital, or of several side by side.

    The weight of ``l`` is the share of the orbital that looks like an
    ``l``-type function seen from the cluster centre, so a superatomic 1P
    orbital has almost all its weight on P.  Whatever is left over (l > 6,
    written in the corner when it is more than 5 %) is not drawn.

    Parameters
    ----------
    orbital : OrbitalInfo or list of OrbitalInfo
        One orbital gives one bar per l, with its value written on top; a list
        gives a group of bars per l, one colour per orbital.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    annotate : bool
        Write the values on the bars (one orbital only).

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.patches`` holds the bars, orbital by orbital, l = 0..6 within each.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo
    >>> d = OrbitalInfo(5, "alpha", -6.4, 2.0, "1D", (0.01, 0.02, 0.9, 0.05, 0, 0, 0), 0.8)
    >>> s = OrbitalInfo(6, "alpha", -6.1, 2.0, "2S", (0.88, 0.0, 0.1, 0, 0, 0, 0), 0.7)
    >>> len(plot_l_weights([d, s]).patches)
    14
    """
    orbitals = list(orbital) if isinstance(orbital, (list, tuple)) else [orbital]
    if not orbitals:
        from superatom_lab.errors import InputError

        raise InputError("plot_l_weights needs at least one orbital")
    ax = new_axes(ax, figsize=(5.6 if len(orbitals) == 1 else 7.6, 3.6))
    x = np.arange(len(L_NAMES))
    n = len(orbitals)
    width = 0.8 / n
    for k, orb in enumerate(orbitals):
        w = np.zeros(len(L_NAMES))
        given = np.asarray(orb.l_weights[: len(L_NAMES)], dtype=float)
        w[: len(given)] = given
        offset = (k - (n - 1) / 2) * width
        if n == 1:
            bars = ax.bar(x, w, width=0.65, color=L_COLORS, edgecolor="0.2", lw=0.6)
            if annotate:
                for xi, wi in zip(x, w):
                    if wi >= 0.005:
                        ax.text(xi, wi + 0.02, f"{wi:.2f}", ha="center", va="bottom",
                                fontsize=9, gid="weight-value")  # fmt: skip
        else:
            bars = ax.bar(x + offset, w, width=width, label=_describe(orb), edgecolor="0.2",
                          lw=0.4, color=f"C{k % 10}")  # fmt: skip
        for bar in bars:
            bar.set_gid(f"lweight-{k}")
    ax.set_xticks(x, L_NAMES)
    ax.set_xlabel("angular momentum about the cluster centre (l = 0 … 6)")
    ax.set_ylabel("weight")
    ax.set_ylim(0, 1.12)
    ax.spines[["top", "right"]].set_visible(False)
    if n == 1:
        orb = orbitals[0]
        ax.set_title(f"Orbital {_describe(orb)}, occupation {orb.occupation:g}", fontsize=11)
        rest = 1.0 - float(sum(orb.l_weights))
        if rest > 0.05:
            ax.text(0.99, 0.97, f"l > 6: {rest:.2f}", transform=ax.transAxes, ha="right",
                    va="top", fontsize=9, color="0.35")  # fmt: skip
    else:
        ax.set_title("Angular-momentum character of the orbitals", fontsize=11)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                  title="orbital", title_fontsize=8)  # fmt: skip
    return ax
