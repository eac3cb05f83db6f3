"""Two or more simulated photoelectron spectra side by side, on one binding-energy axis.

For an isoelectronic pair such as ZrO and Pd (the review's example of a cluster
that mimics a transition-metal atom), the point is to compare the positions of
the bands, so every panel shares the same binding-energy range and the same
broadening.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from superatom_lab.core.photoelectron import pes_sticks
>>> axes = plot_pes_side_by_side({"ZrO-": pes_sticks([-1.5, -5.0], [1, 2], 1.6),
...                               "Pd-": pes_sticks([-0.6, -4.1], [1, 2], 0.6)})
>>> [ax.get_title() for ax in axes], axes[0].get_xlim() == axes[1].get_xlim()
(['ZrO-', 'Pd-'], True)
"""

from __future__ import annotations

from superatom_lab.errors import InputError
from superatom_lab.plots.pes import plot_pes

#: Margin (eV) below the lowest VDE and above the highest one on the shared axis.
BELOW_VDE_EV, ABOVE_VDE_EV = 1.0, 4.0


def plot_pes_side_by_side(
    spectra: dict,
    fwhm_ev: float = 0.2,
    axes=None,
    *,
    photon_ev: float | None = None,
    references: dict | None = None,
):
    """Draw each spectrum of ``spectra`` (title -> ``PesSticks``) in its own panel, in order.

    Parameters
    ----------
    spectra : dict
        Panel title (e.g. ``"ZrO- (quick)"``) to the sticks of that species'
        anion, from :func:`superatom_lab.core.photoelectron.pes_sticks`.
    fwhm_ev : float
        Gaussian width of every band (eV).
    axes : sequence of matplotlib.axes.Axes, optional
        One per spectrum; by default a new figure with the panels in a row.
    photon_ev : float, optional
        Photon energy of the experiment, greyed beyond, as in :func:`plot_pes`.
    references : dict, optional
        Title to a :class:`~superatom_lab.core.reference.ReferenceValue` marked
        in that panel.

    Returns
    -------
    list of matplotlib.axes.Axes
        The panels, all with the same binding-energy range: from
        ``BELOW_VDE_EV`` under the lowest VDE to ``ABOVE_VDE_EV`` over the highest.
    """
    if not spectra:
        raise InputError("no spectrum to draw: give at least one species")
    vdes = [float(s.binding_ev[0]) for s in spectra.values()]
    window = (max(0.0, min(vdes) - BELOW_VDE_EV), max(vdes) + ABOVE_VDE_EV)
    if axes is None:
        import matplotlib.pyplot as plt

        width = 4.2 * len(spectra)
        _, axes = plt.subplots(1, len(spectra), figsize=(width, 3.8), layout="constrained",
                               sharex=True, squeeze=False)  # fmt: skip
        axes = list(axes[0])
    if len(axes) != len(spectra):
        raise InputError(f"{len(spectra)} spectra need {len(spectra)} axes, got {len(axes)}")
    references = references or {}
    for ax, (title, sticks) in zip(axes, spectra.items(), strict=True):
        plot_pes(sticks, fwhm_ev, ax, title=title, binding_range_ev=window,
                 photon_ev=photon_ev, reference=references.get(title))  # fmt: skip
    return list(axes)
