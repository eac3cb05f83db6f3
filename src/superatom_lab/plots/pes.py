"""Simulated photoelectron spectra, drawn from :mod:`superatom_lab.core.photoelectron`.

:func:`plot_pes` draws the sticks of any orbital energies (such as an anion
state's ``ScfResult.orbital_energies_ev``) broadened by Gaussians, with the VDE
and, when given, a reference value and its source; :func:`simulated_pes` does
the same for an orbital table and writes each band's shell labels.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from superatom_lab.core.photoelectron import pes_sticks
>>> ax = plot_pes(pes_sticks([-9.0, -6.0], [2, 2], vde_ev=3.5), fwhm_ev=0.3)
>>> [ln.get_gid() for ln in ax.lines]
['pes', 'vde']
"""

from __future__ import annotations

import textwrap

import numpy as np

from superatom_lab.core.levels import group_label
from superatom_lab.core.photoelectron import bands, pes_curve, pes_sticks
from superatom_lab.plots.axes import new_axes
from superatom_lab.plots.levels import species_title

#: Colour of the reference (measured) marker.
REFERENCE_COLOUR = "#1e8449"


def reference_words(reference) -> str:
    """``"measured adiabatic EA"`` or ``"computed VDE (literature)"``: what a reference value is.

    Examples
    --------
    >>> from superatom_lab.core.reference import computed_vde, experimental_ea
    >>> reference_words(experimental_ea("Cl")), reference_words(computed_vde("AlF4"))
    ('measured adiabatic EA', 'computed VDE (literature)')
    """
    if reference.measured:
        return f"measured {reference.kind}"
    return f"{reference.kind} (literature)"


def plot_pes(
    sticks,
    fwhm_ev: float = 0.2,
    ax=None,
    *,
    labels=None,
    title: str = "Simulated photoelectron spectrum",
    vde_label: str = "VDE",
    reference=None,
    binding_range_ev: tuple[float, float] | None = None,
    photon_ev: float | None = None,
    show_sticks: bool = True,
):
    """Plot a simulated photoelectron spectrum: Gaussian bands on the orbital sticks.

    Parameters
    ----------
    sticks : PesSticks
        From :func:`superatom_lab.core.photoelectron.pes_sticks`; the first
        stick (the HOMO) sits at the VDE.
    fwhm_ev : float
        Full width at half maximum of every Gaussian (eV).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    labels : sequence of str, optional
        One label per stick (in the order of ``sticks``), written above each
        band of degenerate sticks.
    title : str
        The axes title.
    vde_label : str
        Legend text of the dashed VDE line, before its value.
    reference : ReferenceValue, optional
        A value from :mod:`superatom_lab.core.reference` (a measured VDE, or
        for an atom its measured EA) marked by a dotted line with a triangle,
        its kind and value in the legend and its source under the axes.
    binding_range_ev : (float, float), optional
        Binding-energy axis range; by default from 1 eV below the VDE to 4 eV above.
    photon_ev : float, optional
        Photon energy of the experiment: binding energies above it cannot be
        reached and are greyed out.
    show_sticks : bool
        Draw the sticks, one per band of degenerate orbitals, as high as its
        electron count.

    Returns
    -------
    matplotlib.axes.Axes
        The curve is the ``Line2D`` with ``gid="pes"``, the VDE line
        ``gid="vde"``, the sticks a ``LineCollection`` with ``gid="sticks"``;
        a reference adds the line ``gid="reference"``, its triangle
        ``gid="reference-marker"`` and the text ``gid="reference-source"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.core.photoelectron import pes_sticks
    >>> from superatom_lab.core.reference import experimental_ea
    >>> s = pes_sticks([[-13.1, -0.9, -0.9, -0.9]] * 2, [[1, 1, 1, 1]] * 2, vde_ev=3.78)
    >>> ax = plot_pes(s, 0.25, reference=experimental_ea("Cl"))
    >>> [t.get_text() for t in ax.get_legend().get_texts()][-1]
    'measured adiabatic EA 3.61 eV'
    """
    vde = float(sticks.binding_ev[0])
    if binding_range_ev is None:
        lo, hi = max(0.0, vde - 1.0), vde + 4.0
    else:
        lo, hi = sorted(float(v) for v in binding_range_ev)
    ax = new_axes(ax, figsize=(6.4, 3.8))
    grid = np.linspace(lo, hi, 1200)
    curve = pes_curve(sticks, fwhm_ev, grid)
    ax.fill_between(grid, curve, color="#9ab3dd", alpha=0.45, lw=0)
    ax.plot(grid, curve, color="#1f4e9c", lw=1.8, gid="pes", label=f"FWHM {fwhm_ev:.2f} eV")
    found = bands(sticks)
    at = np.array([b.binding_ev for b in found])
    height = np.array([b.electrons for b in found])
    inside = (at >= lo) & (at <= hi)
    if show_sticks and inside.any():
        ax.vlines(at[inside], 0, height[inside], color="0.2", lw=1.2, gid="sticks",
                  label="levels (height = electrons)")  # fmt: skip
    top = max(float(curve.max()), float(height[inside].max(initial=0.0)), 1e-9)
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, (1.4 if reference is None else 1.75) * top)  # room for the legend
    if labels is not None:
        for band, b, h in zip(found, at, height):
            if not lo <= b <= hi:
                continue
            text = group_label([labels[i] for i in band.sticks])
            peak = max(float(pes_curve(sticks, fwhm_ev, [b])[0]), h)
            ax.text(b, peak + 0.03 * top, text, rotation=90, ha="center", va="bottom", fontsize=9,
                    gid="peak-label", bbox={"fc": "white", "ec": "none", "pad": 0.5})  # fmt: skip
    ax.axvline(vde, color="#c0392b", lw=1.0, ls="--", gid="vde", zorder=1,
               label=f"{vde_label} {vde:.2f} eV")  # fmt: skip
    if reference is not None:
        _draw_reference(ax, reference, top)
    if photon_ev is not None and photon_ev < hi:
        ax.axvspan(photon_ev, hi, color="0.88", zorder=0, gid="unreachable")
        ax.text(photon_ev, 0.5 * top, f" beyond hν = {photon_ev:.2f} eV", rotation=90,
                ha="left", va="center", fontsize=9, color="0.35")  # fmt: skip
    ax.set_xlabel("binding energy (eV)")
    ax.set_ylabel("intensity (arb. units)")
    ax.set_title(title, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="best", fontsize=8, framealpha=0.9)
    return ax


def _draw_reference(ax, reference, top: float) -> None:
    """A dotted line and a triangle at the reference value; its source under the axes."""
    x = float(reference.value_ev)
    words = reference_words(reference)
    ax.axvline(x, color=REFERENCE_COLOUR, lw=1.6, ls=":", gid="reference", zorder=2,
               label=f"{words} {x:.2f} eV")  # fmt: skip
    ax.plot([x], [1.08 * top], "v", color=REFERENCE_COLOUR, ms=9, gid="reference-marker")
    # wrapped to about the axes' width (7-point text: some 19 characters an inch)
    width_in = ax.get_position().width * ax.figure.get_figwidth()
    source = textwrap.fill(f"{words}: {reference.source}", width=max(40, int(19 * width_in)))
    ax.annotate(source, xy=(0, 0), xycoords="axes fraction", xytext=(0, -30),
                textcoords="offset points", va="top", ha="left", fontsize=7, color="0.3",
                gid="reference-source")  # fmt: skip


def simulated_pes(
    table,
    vde_ev: float,
    ax=None,
    fwhm_ev: float = 0.2,
    *,
    binding_range_ev: tuple[float, float] | None = None,
    photon_ev: float | None = None,
    show_sticks: bool = True,
    show_labels: bool = True,
):
    """Plot the simulated photoelectron spectrum of an orbital table, bands labelled by shell.

    Parameters
    ----------
    table : OrbitalTable
        Orbitals of the species that loses the electron.
    vde_ev : float
        Vertical detachment energy (eV); the HOMO peak is centred on it.
    ax, fwhm_ev, binding_range_ev, photon_ev, show_sticks
        As for :func:`plot_pes`.
    show_labels : bool
        Write the shell labels of the table above the bands.

    Returns
    -------
    matplotlib.axes.Axes
        As :func:`plot_pes`; the labels are texts with ``gid="peak-label"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> o = OrbitalInfo(0, "alpha", -2.0, 2.0, "2P", (0, 1, 0, 0, 0, 0, 0), 0.9)
    >>> ax = simulated_pes(OrbitalTable("Al13", -1, 0, {}, (o,), 0, None, 2.0), 3.6)
    >>> ax.get_xlabel(), [t.get_text() for t in ax.texts if t.get_gid() == "peak-label"]
    ('binding energy (eV)', ['2P'])
    """
    orbitals = table.orbitals
    sticks = pes_sticks([o.energy_ev for o in orbitals], [o.occupation for o in orbitals], vde_ev)
    labels = [orbitals[i].label for i in sticks.index] if show_labels else None
    return plot_pes(sticks, fwhm_ev, ax, labels=labels, binding_range_ev=binding_range_ev,
                    title=f"Simulated photoelectron spectrum of {species_title(table)}",
                    photon_ev=photon_ev, show_sticks=show_sticks)  # fmt: skip
