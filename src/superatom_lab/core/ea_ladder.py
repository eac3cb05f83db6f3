"""Successive electron affinities: which extra electrons a species holds, and a simple why.

EA_n is the energy released when the n-th extra electron is added,
EA_n = E(charge 1-n) - E(charge -n) (:mod:`superatom_lab.qc.successive`
computes it).  A species holds its extra electrons up to the last positive
EA_n in a row.  Table 4 of the review this project grew from (H. Fang, Q. Sun
and P. Jena, "Cluster-based materials: design and applications", Chem. Soc.
Rev., 2025; values of H. Fang and P. Jena, Angew. Chem. Int. Ed. 58, 11248
(2019)) lists the computed EA_n of stable gas-phase anions, all positive, with
a dash where the next electron is not bound.  This module holds:

- **sign patterns**: ``"+"`` for a bound electron, ``"—"`` for one that is not
  (:func:`sign_pattern`, :func:`table4_ladder`, :func:`table4_pattern`);
- **the potential well of the review's Fig. 2A**: its depth is the sum of the
  EA_n of the bound electrons (:func:`well_depth_ev`), its width the radius of
  the anion (:func:`table4_wells`);
- **a simple electrostatic estimate**: the n-th electron lands on a sphere of
  radius R that already carries n - 1 extra electrons, which repel it by
  (n - 1) e^2 / (4 pi eps0 R), so ``EA_n ~ EA_1 - (n - 1) x 14.40 eV A / R``
  (:func:`coulomb_ea_ev`).  Outside the sphere the same charge makes a
  repulsive Coulomb barrier (:func:`coulomb_potential_ev`).  The estimate only
  holds while the electrons fill the same shell: a halogen or superhalogen
  anion (Cl-, BF4-) is closed, and a second electron would have to start a
  new, much higher shell, whatever the radius.

Examples
--------
>>> table4_pattern("B12H12", 3), table4_pattern("BF4", 2)
(('+', '+', '—'), ('+', '—'))
>>> round(coulomb_ea_ev(4.57, 3.91, 2), 2)  # Table 4: EA_1 4.57 eV, IR 3.91 A; EA_2 0.86 eV
0.89
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from superatom_lab.core.reference import (
    computed_ea,
    ionic_radius_range_angstrom,
    ionic_radius_species,
)
from superatom_lab.core.units import COULOMB_EV_ANGSTROM

BOUND = "+"
"""The sign of an electron that is bound (EA_n > 0)."""
NOT_BOUND = "—"
"""The sign of an electron that is not bound (EA_n <= 0, or none listed): Table 4's dash."""
#: Table 4 lists EA_1 to EA_5.
TABLE4_STEPS = 5


def sign_pattern(values: Sequence[float | None] | None, n: int | None = None) -> tuple[str, ...]:
    """``"+"`` for each EA_n above zero, ``"—"`` for one at or below zero or missing.

    Parameters
    ----------
    values : sequence of float or None
        EA_1, EA_2, ... in eV; ``None`` for a step with no value.
    n : int, optional
        Length of the pattern: shorter ``values`` are padded with ``"—"`` (the way
        Table 4 writes a step it lists no value for), longer ones cut.

    Examples
    --------
    >>> sign_pattern([3.78, -7.88]), sign_pattern([3.62], n=2), sign_pattern([], n=1)
    (('+', '—'), ('+', '—'), ('—',))
    """
    values = list(values or [])
    if n is not None:
        values = (values + [None] * n)[:n]
    return tuple(BOUND if v is not None and v > 0 else NOT_BOUND for v in values)


def bound_electrons(values: Sequence[float | None]) -> int:
    """How many extra electrons are held: the EA_n above zero before the first that is not.

    Examples
    --------
    >>> bound_electrons([4.57, 0.86]), bound_electrons([3.78, -7.88]), bound_electrons([-0.1])
    (2, 1, 0)
    """
    pattern = sign_pattern(values)
    return pattern.index(NOT_BOUND) if NOT_BOUND in pattern else len(pattern)


def well_depth_ev(values: Sequence[float | None]) -> float:
    """The depth of the well of Fig. 2A: the sum of EA_n over the bound electrons, in eV.

    It is the energy that takes the most negative stable anion back to the
    neutral, one electron at a time.

    Examples
    --------
    >>> round(well_depth_ev([4.57, 0.86]), 6), well_depth_ev([3.78, -7.88])
    (5.43, 3.78)
    """
    return float(sum(values[: bound_electrons(values)]))


def table4_ladder(name: str) -> tuple[float, ...] | None:
    """Table 4's computed EA_1, EA_2, ... of ``name`` in eV, or ``None`` if Table 4 lacks it.

    A step Table 4 marks with a dash is not in the tuple; for the M(CN)4 row
    (stored as ``"Ca(CN)4"``) each value is the middle of the range over M.

    Examples
    --------
    >>> table4_ladder("B12(CN)12"), table4_ladder("Cl"), table4_ladder("LiF2")
    ((8.56, 5.28), (3.62,), None)
    """
    if ionic_radius_range_angstrom(name) is None:  # every row of Table 4 has a radius
        return None
    values = []
    for n in range(1, TABLE4_STEPS + 1):
        found = computed_ea(name, n)
        if found is None:
            break
        values.append(found.value_ev)
    return tuple(values)


def table4_pattern(name: str, n: int) -> tuple[str, ...] | None:
    """Table 4's signs of EA_1 ... EA_n of ``name``, or ``None`` if Table 4 lacks it.

    Examples
    --------
    >>> table4_pattern("Ca(CN)4", 3), table4_pattern("Na8", 2)
    (('+', '+', '—'), None)
    """
    ladder = table4_ladder(name)
    return None if ladder is None else sign_pattern(ladder, n)


@dataclass(frozen=True)
class Well:
    """One anion of Table 4 as a potential well (the review's Fig. 2A).

    Attributes
    ----------
    name : str
        The neutral parent, as in the reference data.
    charge : int
        The charge of the anion: minus the number of bound extra electrons.
    radius_angstrom, depth_ev : float
        Table 4's ionic radius and the sum of its EA_n.
    radius_range, depth_range : tuple of float
        ``(low, high)``; both ends the same except for a row that spans several
        species (M(CN)4, M = Ca, Sr, Ba), where each species' sum of EA_n lies
        between the sums of the lower and of the upper ends.

    Examples
    --------
    >>> w = {w.name: w for w in table4_wells()}["B12H12"]
    >>> w.charge, w.radius_angstrom, w.depth_ev
    (-2, 3.91, 5.43)
    """

    name: str
    charge: int
    radius_angstrom: float
    depth_ev: float
    radius_range: tuple[float, float]
    depth_range: tuple[float, float]


def table4_wells() -> list[Well]:
    """Every anion of Table 4 as a :class:`Well`, in the table's order.

    Examples
    --------
    >>> wells = table4_wells()
    >>> len(wells), wells[0].name, min(w.charge for w in wells)
    (19, 'Cl', -5)
    >>> ca = [w for w in wells if w.name == "Ca(CN)4"][0]
    >>> ca.radius_range, tuple(round(x, 2) for x in ca.depth_range)
    ((3.77, 4.07), (9.7, 10.0))
    """
    wells = []
    for name in ionic_radius_species():
        ladder = table4_ladder(name)
        steps = [computed_ea(name, n) for n in range(1, len(ladder) + 1)]
        ends = [s.range_ev or (s.value_ev, s.value_ev) for s in steps]
        low, high = ionic_radius_range_angstrom(name)
        depth = round(well_depth_ev(ladder), 6)
        span = (round(sum(e[0] for e in ends), 6), round(sum(e[1] for e in ends), 6))
        wells.append(Well(name, -len(ladder), (low + high) / 2, depth, (low, high), span))
    return wells


def coulomb_step_ev(radius_angstrom: float) -> float:
    """e^2 / (4 pi eps0 R) in eV: the repulsion one extra electron on a sphere of radius R adds.

    Examples
    --------
    >>> round(coulomb_step_ev(3.91), 2), round(coulomb_step_ev(5.88), 2)
    (3.68, 2.45)
    """
    if radius_angstrom <= 0:
        raise ValueError(f"a radius is positive, got {radius_angstrom!r}")
    return COULOMB_EV_ANGSTROM / radius_angstrom


def coulomb_ea_ev(ea_1_ev: float, radius_angstrom: float, n: int) -> float:
    """The electrostatic estimate EA_n ~ EA_1 - (n - 1) e^2 / (4 pi eps0 R), in eV.

    Valid only while the n electrons fill the same shell (see the module text).

    Examples
    --------
    >>> round(coulomb_ea_ev(8.56, 5.88, 2), 2)  # B12(CN)12; Table 4 gives EA_2 = 5.28 eV
    6.11
    >>> coulomb_ea_ev(7.0, 3.0, 1)
    7.0
    """
    return ea_1_ev - (n - 1) * coulomb_step_ev(radius_angstrom)


def coulomb_radius_angstrom(ea_1_ev: float, n: int) -> float:
    """The smallest radius at which the estimate binds the n-th electron (EA_n = 0), in A.

    Examples
    --------
    >>> round(coulomb_radius_angstrom(4.57, 2), 2), round(coulomb_radius_angstrom(8.5, 3), 2)
    (3.15, 3.39)
    """
    if ea_1_ev <= 0:
        raise ValueError(f"EA_1 must be positive for any electron to be bound, got {ea_1_ev!r}")
    return (n - 1) * COULOMB_EV_ANGSTROM / ea_1_ev


def coulomb_potential_ev(r_angstrom, radius_angstrom: float, ea_1_ev: float, n: int):
    """The potential energy of the n-th extra electron in the electrostatic model, in eV.

    Inside the sphere (r < R) it is flat at ``-EA_1 + (n - 1) e^2/(4 pi eps0 R)``:
    the attraction that binds the first electron, raised by the repulsion of
    the n - 1 already there.  Outside it is the Coulomb repulsion of the
    charge -(n - 1), ``(n - 1) e^2/(4 pi eps0 r)``, falling to zero far away:
    for n > 1 the electron must cross a barrier of height
    ``(n - 1) e^2/(4 pi eps0 R)`` at the surface to leave.

    Examples
    --------
    >>> v = coulomb_potential_ev([1.0, 3.91, 7.82], 3.91, 4.57, 2)
    >>> [round(float(x), 2) for x in v]
    [-0.89, 3.68, 1.84]
    """
    r = np.asarray(r_angstrom, dtype=float)
    step = coulomb_step_ev(radius_angstrom)
    inside = -ea_1_ev + (n - 1) * step
    outside = (n - 1) * COULOMB_EV_ANGSTROM / np.maximum(r, radius_angstrom)
    return np.where(r < radius_angstrom, inside, outside)
