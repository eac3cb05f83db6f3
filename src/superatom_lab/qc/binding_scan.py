"""A guest's binding energy along the outward line of a bare site: a distance scan.

Take one ligand off a cluster (:func:`~superatom_lab.core.sites.remove_ligand`),
put a guest on the line through the bare site at each distance given
(:func:`~superatom_lab.core.sites.place_at_site`), and compute the binding
energy there (:func:`~superatom_lab.qc.binding.binding_energy`).  The scan
points are *uncorrected*: the host and the guest alone keep one geometry and
one basis each, so they are computed once for the whole scan and only the
complex is new at each distance.  The point that binds most is then computed
again with the counterpoise correction, which needs two more SCFs (each
fragment in the complex's basis).  That corrected value is the scan's answer:
for Ar on B12(CN)11 - the review quotes 0.61 eV.

The host keeps the geometry it has in the cluster it came from, and only the
guest's distance is varied: the value is the binding at the best distance of
a rigid host, not a fully relaxed complex.

Examples
--------
>>> scan = BindingScan([2.0, 2.5], [], None, {})
>>> scan.distances_angstrom
[2.0, 2.5]
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.elements import checked_symbol
from superatom_lab.core.sites import place_at_site, remove_ligand
from superatom_lab.errors import InputError
from superatom_lab.qc.binding import binding_energy
from superatom_lab.qc.presets import Method
from superatom_lab.qc.results import PropertyResult


@dataclass
class BindingScan:
    """Binding energies along a site's outward line, and the corrected value at the best point.

    Attributes
    ----------
    distances_angstrom : list of float
        From the bare site to the guest, in the order scanned.
    uncorrected : list of PropertyResult
        The binding energy at each distance, without counterpoise correction.
    corrected : PropertyResult
        The counterpoise-corrected binding energy at :attr:`best_distance_angstrom`.
    method : dict
        The method's summary.
    """

    distances_angstrom: list
    uncorrected: list
    corrected: PropertyResult | None
    method: dict

    @property
    def best_distance_angstrom(self) -> float:
        """The scanned distance where the uncorrected binding is strongest."""
        best = max(range(len(self.uncorrected)), key=lambda i: self.uncorrected[i].value_ev)
        return float(self.distances_angstrom[best])

    @property
    def bracketed(self) -> bool:
        """Whether a scanned point on each side binds less than the best one.

        ``False`` when the best point is the shortest or the longest distance
        scanned: the minimum of the curve may then lie outside the scan.
        """
        order = sorted(range(len(self.distances_angstrom)), key=self.distances_angstrom.__getitem__)
        best = self.distances_angstrom.index(self.best_distance_angstrom)
        return best not in (order[0], order[-1])

    def parabola_minimum(self) -> tuple[float, float]:
        """Distance (Angstrom) and uncorrected binding energy (eV) at the top of a parabola.

        The parabola passes through the best point and its two nearest
        neighbours in distance (the three shortest or longest when the best is
        at an end), so it interpolates when :attr:`bracketed` and
        extrapolates a little otherwise.

        Examples
        --------
        >>> from superatom_lab.qc.results import PropertyResult
        >>> points = [PropertyResult("binding_energy", "uncorrected", be, [], {})
        ...           for be in (0.853, 0.837, 0.613)]
        >>> scan = BindingScan([1.9, 2.1, 2.4], points, None, {})
        >>> scan.bracketed, [round(x, 2) for x in scan.parabola_minimum()]
        (False, [1.97, 0.86])
        """
        import numpy as np

        order = sorted(range(len(self.distances_angstrom)), key=self.distances_angstrom.__getitem__)
        at = order.index(self.distances_angstrom.index(self.best_distance_angstrom))
        start = min(max(at - 1, 0), len(order) - 3)
        if start < 0:
            raise InputError("a parabola needs three scanned distances")
        chosen = order[start : start + 3]
        x = np.array([self.distances_angstrom[i] for i in chosen])
        y = np.array([self.uncorrected[i].value_ev for i in chosen])
        a, b, c = np.polyfit(x, y, 2)
        top = -b / (2 * a) if a < 0 else float(x[np.argmax(y)])
        return float(top), float(np.polyval([a, b, c], top))

    @property
    def value_ev(self) -> float:
        """The counterpoise-corrected binding energy at the best distance (eV)."""
        return self.corrected.value_ev

    @property
    def converged(self) -> bool:
        """Every state behind the scan converged (the engine raises otherwise)."""
        return all(r.converged for r in [*self.uncorrected, self.corrected])


def _guest_atoms(guest) -> int:
    if isinstance(guest, str):
        checked_symbol(guest, "guest", example="Ar")
        return 1
    if isinstance(guest, Atoms) and len(guest):
        return len(guest)
    raise InputError("the guest is an element symbol or a non-empty ase.Atoms")


def _checked_distances(distances) -> list[float]:
    values = list(distances) if isinstance(distances, (list, tuple)) else None
    if (
        not values
        or len(values) < 2
        or not all(
            isinstance(d, numbers.Real) and not isinstance(d, bool) and math.isfinite(d) and d > 0
            for d in values
        )
    ):
        raise InputError(
            f"the scan needs two or more positive distances in Angstrom, got {distances!r}"
        )
    return [float(d) for d in values]


def site_binding_scan(
    cluster: Cluster,
    method: Method,
    *,
    ligand: int,
    guest="Ar",
    distances=(1.8, 2.0, 2.2, 2.5, 3.0),
    spin: int | None = None,
    **kwargs,
) -> BindingScan:
    """Bind ``guest`` at the site left by ligand ``ligand``, at each of ``distances``.

    Parameters
    ----------
    cluster : Cluster
        The intact cluster at its charge (B12(CN)12 2-).
    method : Method
    ligand : int
        Index of the ligand's first atom; it leaves as an anion
        (:func:`~superatom_lab.core.sites.remove_ligand`).
    guest : str or ase.Atoms
        A neutral atom or small molecule; its first atom faces the site.
    distances : sequence of float
        Site-to-guest distances (Angstrom), two or more.
    spin : int, optional
        2S of the complex; searched when omitted.
    **kwargs
        ``store``, ``read_cache``, ``cache_only``, ``progress`` and ``cancel``.

    Returns
    -------
    BindingScan

    Raises
    ------
    InputError
        For a bad ligand index, guest or distance list.
    """
    points = _checked_distances(distances)
    n_guest = _guest_atoms(guest)
    host, site = remove_ligand(cluster, ligand)
    complexes = [place_at_site(host, site, guest, d) for d in points]
    curve = [
        binding_energy(c, method, guest_atoms=n_guest, counterpoise=False, spin=spin, **kwargs)
        for c in complexes
    ]
    scan = BindingScan(points, curve, None, method.summary())
    best = complexes[points.index(scan.best_distance_angstrom)]
    scan.corrected = binding_energy(best, method, guest_atoms=n_guest, spin=spin, **kwargs)
    return scan
