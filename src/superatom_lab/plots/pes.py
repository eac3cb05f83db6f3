"""A simulated photoelectron spectrum from orbital energies (Koopmans-like picture).

Every occupied orbital gives one peak.  The orbitals keep their spacing, but
the whole ladder is moved so that the HOMO sits at the vertical detachment
energy (VDE) from a delta-SCF calculation or an experiment:
``binding = vde - (e - e_homo)``.  Each peak is a Gaussian whose height is the
orbital's occupation (1 per spin orbital, 2 for a closed-shell orbital).

Examples
--------
>>> import numpy as np
>>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
>>> s = (1, 0, 0, 0, 0, 0, 0)
>>> orbs = (OrbitalInfo(0, "alpha", -5.0, 2.0, "1S", s, 0.9),
...         OrbitalInfo(1, "alpha", -3.0, 2.0, "1P", s, 0.9))
>>> table = OrbitalTable("X", -1, 0, {}, orbs, 1, None, 2.0)
>>> pes_sticks(table, vde_ev=3.5).binding_ev.tolist()
[3.5, 5.5]
>>> float(pes_curve(table, 3.5, 0.2, np.array([3.5]))[0])
2.0
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from superatom_lab.core.levels import group_by_energy, group_label
from superatom_lab.errors import InputError
from superatom_lab.plots.axes import new_axes
from superatom_lab.plots.levels import species_title

FWHM_TO_SIGMA = 1.0 / (2.0 * np.sqrt(2.0 * np.log(2.0)))


class PesSticks(NamedTuple):
    """One stick per occupied spin-orbital channel entry, in order of binding energy."""

    binding_ev: np.ndarray
    weight: np.ndarray
    labels: tuple


def pes_sticks(table, vde_ev: float) -> PesSticks:
    """Binding energies and weights of the occupied orbitals, the HOMO at ``vde_ev``.

    Parameters
    ----------
    table : OrbitalTable
        Orbitals of the species whose electrons are detached (the anion for
        an anion photoelectron spectrum).
    vde_ev : float
        Vertical detachment energy in eV: where the HOMO peak is put.

    Returns
    -------
    PesSticks
        ``binding_ev`` (ascending), ``weight`` (the occupations) and ``labels``.

    Examples
    --------
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> o = OrbitalInfo(0, "alpha", -2.0, 2.0, "2P", (0, 1, 0, 0, 0, 0, 0), 0.9)
    >>> pes_sticks(OrbitalTable("X", -1, 0, {}, (o,), 0, None, 2.0), 3.6).labels
    ('2P',)
    """
    vde = float(vde_ev)
    if not np.isfinite(vde):
        raise InputError(f"vde_ev must be a finite number of eV, got {vde_ev!r}")
    occupied = [o for o in table.orbitals if o.occupation > 1e-6]
    e_homo = table.homo.energy_ev
    occupied.sort(key=lambda o: e_homo - o.energy_ev)
    binding = np.array([vde - (o.energy_ev - e_homo) for o in occupied])
    weight = np.array([float(o.occupation) for o in occupied])
    return PesSticks(binding, weight, tuple(o.label for o in occupied))


def pes_curve(table, vde_ev: float, fwhm_ev: float, energies) -> np.ndarray:
    """Intensity of the simulated spectrum at each binding energy in ``energies`` (eV).

    A sum of Gaussians of full width at half maximum ``fwhm_ev``, one per
    occupied orbital, each as high as the orbital's occupation.

    Examples
    --------
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> o = OrbitalInfo(0, "alpha", -2.0, 1.0, "2P", (0, 1, 0, 0, 0, 0, 0), 0.9)
    >>> t = OrbitalTable("X", -1, 1, {}, (o,), 0, None, 2.0)
    >>> pes_curve(t, 3.0, 0.4, [2.8, 3.0, 3.2]).round(3).tolist()
    [0.5, 1.0, 0.5]
    """
    fwhm = float(fwhm_ev)
    if not (np.isfinite(fwhm) and fwhm > 0):
        raise InputError(f"fwhm_ev must be a positive width in eV, got {fwhm_ev!r}")
    sticks = pes_sticks(table, vde_ev)
    e = np.asarray(energies, dtype=float)
    sigma = fwhm * FWHM_TO_SIGMA
    z = (e[..., None] - sticks.binding_ev) / sigma
    return (sticks.weight * np.exp(-0.5 * z**2)).sum(axis=-1)


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
    """Plot a simulated photoelectron spectrum: Gaussian peaks on orbital sticks.

    Parameters
    ----------
    table : OrbitalTable
        Orbitals of the species that loses the electron.
    vde_ev : float
        Vertical detachment energy (eV); the HOMO peak is centred on it.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    fwhm_ev : float
        Full width at half maximum of every peak (eV).
    binding_range_ev : (float, float), optional
        Binding-energy axis range; by default from 1 eV below the VDE to 4 eV above.
    photon_ev : float, optional
        Photon energy of the experiment: binding energies above it cannot be
        reached and are greyed out.
    show_sticks, show_labels : bool
        Draw the orbital sticks; write their shell labels above the peaks.

    Returns
    -------
    matplotlib.axes.Axes
        The curve is the ``Line2D`` with ``gid="pes"``; the sticks, one per
        group of degenerate orbitals and as high as its electron count, are a
        ``LineCollection`` with ``gid="sticks"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> o = OrbitalInfo(0, "alpha", -2.0, 2.0, "2P", (0, 1, 0, 0, 0, 0, 0), 0.9)
    >>> ax = simulated_pes(OrbitalTable("Al13", -1, 0, {}, (o,), 0, None, 2.0), 3.6)
    >>> ax.get_xlabel()
    'binding energy (eV)'
    """
    sticks = pes_sticks(table, vde_ev)
    if binding_range_ev is None:
        lo, hi = max(0.0, vde_ev - 1.0), vde_ev + 4.0
    else:
        lo, hi = sorted(float(v) for v in binding_range_ev)
    ax = new_axes(ax, figsize=(6.4, 3.8))
    grid = np.linspace(lo, hi, 1200)
    curve = pes_curve(table, vde_ev, fwhm_ev, grid)
    ax.fill_between(grid, curve, color="#9ab3dd", alpha=0.45, lw=0)
    ax.plot(grid, curve, color="#1f4e9c", lw=1.8, gid="pes", label=f"FWHM {fwhm_ev:.2f} eV")
    groups = group_by_energy(list(sticks.binding_ev))
    at = np.array([float(np.mean(sticks.binding_ev[g])) for g in groups])
    height = np.array([float(sticks.weight[g].sum()) for g in groups])
    inside = (at >= lo) & (at <= hi)
    if show_sticks and inside.any():
        ax.vlines(at[inside], 0, height[inside], color="0.2", lw=1.2, gid="sticks",
                  label="levels (height = electrons)")  # fmt: skip
    top = max(float(curve.max()), float(height[inside].max(initial=0.0)), 1e-9)
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, 1.4 * top)
    if show_labels:
        for group, b, h in zip(groups, at, height):
            if not lo <= b <= hi:
                continue
            text = group_label([sticks.labels[i] for i in group])
            peak = max(float(pes_curve(table, vde_ev, fwhm_ev, [b])[0]), h)
            ax.text(b, peak + 0.03 * top, text, rotation=90, ha="center", va="bottom", fontsize=9,
                    gid="peak-label", bbox={"fc": "white", "ec": "none", "pad": 0.5})  # fmt: skip
    ax.axvline(vde_ev, color="#c0392b", lw=1.0, ls="--", gid="vde", zorder=1,
               label=f"VDE {vde_ev:.2f} eV")  # fmt: skip
    if photon_ev is not None and photon_ev < hi:
        ax.axvspan(photon_ev, hi, color="0.88", zorder=0, gid="unreachable")
        ax.text(photon_ev, 0.5 * top, f" beyond hν = {photon_ev:.2f} eV", rotation=90,
                ha="left", va="center", fontsize=9, color="0.35")  # fmt: skip
    ax.set_xlabel("binding energy (eV)")
    ax.set_ylabel("intensity (arb. units)")
    ax.set_title(f"Simulated photoelectron spectrum of {species_title(table)}", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="best", fontsize=8, framealpha=0.9)
    return ax
