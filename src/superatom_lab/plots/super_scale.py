"""A value on the scale of the halogens' electron affinities and the alkalis' ionization energies.

Two rows share one energy axis (eV): the measured EAs of F, Cl, Br and I, with
everything above chlorine's marked "superhalogen"; the measured IEs of Li, Na,
K and Cs, with everything below caesium's marked "superalkali".  A computed
value is drawn on its row.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ax = plot_super_scale(4.1, "EA", label="BO2")
>>> sorted(t.get_text() for t in ax.texts if t.get_gid() == "region")
['superalkali', 'superhalogen']
"""

from __future__ import annotations

from superatom_lab.core.classification import ALKALIS, HALOGENS, thresholds_ev
from superatom_lab.core.reference import experimental_ea, experimental_ie
from superatom_lab.plots.axes import new_axes

#: Height of each row on the y axis.
ROWS = {"EA": 1.0, "IE": 0.0}


def plot_super_scale(value_ev: float | None = None, prop: str = "EA", *, label: str = "",
                     ax=None):  # fmt: skip
    """Draw the reference scale and, if given, ``value_ev`` as a star on the ``prop`` row.

    Parameters
    ----------
    value_ev : float, optional
        A computed EA (``prop="EA"``) or IE (``prop="IE"``) in eV.
    prop : {"EA", "IE"}
    label : str
        Name written next to the value.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The value is a ``Line2D`` with ``gid="value"``; region names are texts with
        ``gid="region"``.
    """
    ax = new_axes(ax, figsize=(7.0, 2.4))
    limits = thresholds_ev()
    refs = {
        "EA": [(s, experimental_ea(s).value_ev) for s in HALOGENS],
        "IE": [(s, experimental_ie(s).value_ev) for s in ALKALIS],
    }
    values = [v for row in refs.values() for _, v in row]
    if value_ev is not None:
        values.append(value_ev)
    lo, hi = min(0.0, min(values) - 0.5), max(6.0, max(values) + 0.5)
    y_ea, y_ie = ROWS["EA"], ROWS["IE"]
    ax.axvspan(limits["EA"], hi, ymin=0.5, ymax=1.0, color="#d9ecff", zorder=0)
    ax.axvspan(lo, limits["IE"], ymin=0.0, ymax=0.5, color="#fff0d6", zorder=0)
    # below the row: a large EA's label goes above it, at the right end of the band
    ax.text(hi - 0.1, y_ea - 0.35, "superhalogen", ha="right", va="center", fontsize=9,
            color="#1f5f9f", gid="region")  # fmt: skip
    ax.text(lo + 0.1, y_ie + 0.35, "superalkali", ha="left", va="center", fontsize=9,
            color="#9f5f1f", gid="region")  # fmt: skip
    for prop_name, color in (("EA", "#1f77b4"), ("IE", "#d62728")):
        y = ROWS[prop_name]
        ax.axhline(y, color="0.8", lw=1, zorder=1)
        for i, (symbol, v) in enumerate(sorted(refs[prop_name], key=lambda r: r[1])):
            ax.plot([v], [y], "o", color=color, ms=6, zorder=2, gid="reference")
            # below the row (the computed value is labelled above it), staggered for
            # neighbours as close as Br and F (0.04 eV apart)
            ax.annotate(symbol, (v, y), xytext=(0, -22 if i % 2 else -12),
                        textcoords="offset points", ha="center", va="center", fontsize=8,
                        gid="reference-label")  # fmt: skip
    if value_ev is not None:
        y = ROWS.get(prop, y_ea)
        ax.plot([value_ev], [y], "*", color="black", ms=16, zorder=3, gid="value")
        ax.annotate(f"{label} {value_ev:.2f} eV".strip(), (value_ev, y), xytext=(0, 14),
                    textcoords="offset points", ha="center", fontsize=10,
                    fontweight="bold")  # fmt: skip
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.6, 1.6)
    ax.set_yticks([y_ie, y_ea], ["IE of alkalis", "EA of halogens"])
    ax.set_xlabel("energy (eV)")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return ax
