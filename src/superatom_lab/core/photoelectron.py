"""A simulated anion photoelectron spectrum: shifted orbital energies broadened by Gaussians.

The picture is Koopmans-like, shifted: every occupied orbital gives one peak,
the orbitals keep the spacing of their energies, and the whole ladder is moved
so that the highest occupied orbital (HOMO) sits at the vertical detachment
energy (VDE) of a total-energy calculation or an experiment,

    binding = VDE - (e - e_HOMO).

What it leaves out: the relaxation of the other electrons when one is removed
(which shifts the deeper peaks by different amounts), the vibrational structure
of each band, spin-orbit splitting, and the cross sections that make some bands
strong and others weak at a given photon energy.

Normalization: each occupied spin orbital is one stick of weight equal to its
occupation (1 per spin orbital, 2 for a closed-shell orbital given once), and
each stick becomes a Gaussian of that *height*; a band's height is therefore
its electron count, and the spectrum's area is the number of electrons in it
times :data:`AREA_PER_HEIGHT` × FWHM.

Examples
--------
>>> sticks = pes_sticks([-9.0, -6.0, 1.0], [2, 2, 0], vde_ev=3.5)
>>> sticks.binding_ev.tolist(), sticks.weight.tolist()
([3.5, 6.5], [2.0, 2.0])
>>> float(pes_curve(sticks, 0.2, [3.5])[0])
2.0
>>> [(b.binding_ev, b.electrons) for b in bands(sticks)]
[(3.5, 2.0), (6.5, 2.0)]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from superatom_lab.core.levels import DEGENERACY_TOL_EV, OCCUPIED_MIN, group_by_energy
from superatom_lab.errors import InputError

#: sigma of a Gaussian = FWHM × this.
FWHM_TO_SIGMA = 1.0 / (2.0 * np.sqrt(2.0 * np.log(2.0)))
#: Area of a Gaussian of height 1 = FWHM × this (sqrt(pi / (4 ln 2)) = 1.0645).
AREA_PER_HEIGHT = float(np.sqrt(np.pi / (4.0 * np.log(2.0))))


class PesSticks(NamedTuple):
    """The occupied orbitals as sticks, lowest binding energy (the HOMO) first.

    ``binding_ev`` are binding energies (eV), ``weight`` the occupations and
    ``index`` the position of each orbital in the flattened input, so that
    labels given beside the energies can be attached to the sticks.
    """

    binding_ev: np.ndarray
    weight: np.ndarray
    index: np.ndarray


def _flat(values, what: str) -> np.ndarray:
    """One flat array from numbers or from one sequence of numbers per spin channel."""
    try:
        parts = [np.ravel(np.asarray(v, dtype=float)) for v in values]
    except (TypeError, ValueError):
        raise InputError(
            f"{what} must be numbers, or one list of numbers per spin channel"
        ) from None
    return np.concatenate(parts) if parts else np.zeros(0)


def pes_sticks(orbital_energies_ev, occupations, vde_ev: float) -> PesSticks:
    """Binding energies of the occupied orbitals, the HOMO put at ``vde_ev``.

    Parameters
    ----------
    orbital_energies_ev : sequence of float, or one sequence per spin channel
        Orbital energies (eV) of the species that loses the electron (the
        anion, for an anion photoelectron spectrum), such as
        ``ScfResult.orbital_energies_ev``.
    occupations : same shape as ``orbital_energies_ev``
        Their occupations (``ScfResult.occupations``); empty orbitals are
        left out.
    vde_ev : float
        The vertical detachment energy (eV): where the HOMO's stick goes.

    Returns
    -------
    PesSticks
        ``binding_ev`` ascending (deeper orbitals bind more strongly and come
        later), ``weight`` and ``index``.

    Raises
    ------
    InputError
        For a VDE that is not a finite number, energies and occupations of
        different lengths, or no occupied orbital.

    Examples
    --------
    >>> s = pes_sticks([[-20.0, -5.0, -5.0], [-20.0, -5.0, -5.0]],
    ...                [[1, 1, 1], [1, 1, 0]], vde_ev=4.0)
    >>> s.binding_ev.tolist(), s.index.tolist()
    ([4.0, 4.0, 4.0, 19.0, 19.0], [1, 2, 4, 0, 3])
    """
    vde = float(vde_ev)
    if not np.isfinite(vde):
        raise InputError(f"vde_ev must be a finite number of eV, got {vde_ev!r}")
    energies = _flat(orbital_energies_ev, "orbital energies")
    occ = _flat(occupations, "occupations")
    if energies.shape != occ.shape:
        raise InputError(
            f"{energies.size} orbital energies but {occ.size} occupations: give one per orbital"
        )
    occupied = np.flatnonzero(occ > OCCUPIED_MIN)
    if occupied.size == 0:
        raise InputError("no occupied orbital: there is no electron to detach")
    e_homo = energies[occupied].max()
    order = occupied[np.argsort(e_homo - energies[occupied], kind="stable")]
    return PesSticks(vde + (e_homo - energies[order]), occ[order], order)


def pes_curve(sticks: PesSticks, fwhm_ev: float, energies) -> np.ndarray:
    """The spectrum at each binding energy of ``energies`` (eV): a sum of Gaussians.

    Each stick becomes a Gaussian of full width at half maximum ``fwhm_ev``
    whose height is the stick's weight (its area is weight × FWHM ×
    :data:`AREA_PER_HEIGHT`).

    Examples
    --------
    >>> s = pes_sticks([-2.0], [1.0], vde_ev=3.0)
    >>> pes_curve(s, 0.4, [2.8, 3.0, 3.2]).round(3).tolist()
    [0.5, 1.0, 0.5]
    """
    fwhm = float(fwhm_ev)
    if not (np.isfinite(fwhm) and fwhm > 0):
        raise InputError(f"fwhm_ev must be a positive width in eV, got {fwhm_ev!r}")
    e = np.asarray(energies, dtype=float)
    z = (e[..., None] - sticks.binding_ev) / (fwhm * FWHM_TO_SIGMA)
    return (sticks.weight * np.exp(-0.5 * z**2)).sum(axis=-1)


class Band(NamedTuple):
    """Sticks within :data:`~superatom_lab.core.levels.DEGENERACY_TOL_EV` of each other: one band.

    ``binding_ev`` is their mean binding energy, ``electrons`` the sum of
    their weights and ``sticks`` their positions in the :class:`PesSticks`.
    """

    binding_ev: float
    electrons: float
    sticks: tuple


def bands(sticks: PesSticks, tol_ev: float = DEGENERACY_TOL_EV) -> list[Band]:
    """The sticks grouped into bands of degenerate orbitals, lowest binding energy first.

    The grouping is that of the level diagrams
    (:func:`~superatom_lab.core.levels.group_by_energy`); a band's height in
    :func:`pes_curve` is its electron count when it stands apart from the others.

    Examples
    --------
    >>> s = pes_sticks([[-9.0, -4.0, -4.0, -4.0]] * 2, [[1, 1, 1, 1]] * 2, vde_ev=3.6)
    >>> [(b.binding_ev, b.electrons) for b in bands(s)]
    [(3.6, 6.0), (8.6, 2.0)]
    """
    found = []
    for group in group_by_energy([float(b) for b in sticks.binding_ev], tol_ev):
        members = tuple(sorted(group))
        found.append(Band(float(np.mean(sticks.binding_ev[list(members)])),
                          float(sticks.weight[list(members)].sum()), members))  # fmt: skip
    return found
