"""Cluster ions in perovskites: ionic radii, Goldschmidt's tolerance factor and the cubic cell.

A perovskite ABX3 (MAPbI3: A = CH3NH3+, B = Pb2+, X = I-) and an antiperovskite
(Li3OCl: A = Cl-, B = O2-, X = Li+, the same cubic structure with the charges
swapped) are built from corner-sharing BX6 octahedra with A in the cages between
them.  A cluster ion can take a halide's place (BH4- for Cl- in Li3O(BH4), for
I- in MAPb(BH4)3) when it fits, and Goldschmidt's tolerance factor

    t = (r_A + r_X) / (sqrt(2) (r_B + r_X))

says whether it does: 1 for the ideal cubic cell, and a perovskite usually forms
for 0.8 <= t <= 1.0 (:data:`STABLE_RANGE`).

Radii: the halides and the cluster anions take the ionic radii of the review's
Table 4 (:func:`~superatom_lab.core.reference.ionic_radius_angstrom`), the other
simple ions Shannon's, and methylammonium its effective radius, each with its
source (``superatom_lab/data/crystal_radii.json``).

Ion names carry their charge: ``"Li+"``, ``"O2-"``, ``"Pb2+"``, ``"BH4-"``,
``"MA+"``.  A name listed in the radii file is read as written there; any other
ends in one sign for a single charge (``"BH4-"`` is BH4 with charge -1, not
-4), and a multiply charged cluster ion is written with a space: ``"B12H12 2-"``.

Examples
--------
>>> round(tolerance_factor("Cl-", "O2-", "Li+"), 3)  # Li3OCl
0.841
>>> round(tolerance_factor("BH4-", "O2-", "Li+"), 3)  # Li3O(BH4)
0.982
>>> cell = cubic_cell("BH4-", "O2-", "Li+")
>>> cell.get_chemical_formula(mode="hill"), round(float(cell.cell[0, 0]), 2)
('H4BLi3O', 4.32)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from ase import Atoms
from ase.build import molecule

from superatom_lab.core import reference
from superatom_lab.core.catalogue import build
from superatom_lab.core.data_files import read_data_json
from superatom_lab.errors import AtomsTooCloseError, InputError, UnknownSpeciesError

DATA_FILE = "crystal_radii.json"
#: The usual window of Goldschmidt's factor for a perovskite to form (as Kieslich et al. 2014 use).
STABLE_RANGE = (0.8, 1.0)
#: Fractional positions of the sites of the cubic (Pm-3m) cell, B at the origin.
SITES = {
    "A": [(0.5, 0.5, 0.5)],
    "B": [(0.0, 0.0, 0.0)],
    "X": [(0.5, 0.0, 0.0), (0.0, 0.5, 0.0), (0.0, 0.0, 0.5)],
}
#: Closest approach (Angstrom) allowed between atoms of neighbouring ions in a built cell.
MIN_CONTACT_ANGSTROM = 0.5


@dataclass(frozen=True)
class Ion:
    """An ion of a crystal, with the radius used for it and where that radius comes from.

    Attributes
    ----------
    name : str
        As given, e.g. ``"BH4-"``.
    formula : str
        Without the charge: ``"BH4"``, ``"CH3NH3"`` for ``"MA+"``.
    charge : int
    radius_angstrom : float
    source : str
        The reference of the radius.
    """

    name: str
    formula: str
    charge: int
    radius_angstrom: float
    source: str


@cache
def _listed() -> dict[str, Ion]:
    data = read_data_json(DATA_FILE)
    listed = {}
    for row in data["ions"]:
        formula = row.get("formula", re.sub(r"\d*[+-]$", "", row["ion"]))
        source = data["sources"][row["source"]]
        listed[row["ion"]] = Ion(
            row["ion"], formula, int(row["charge"]), float(row["radius_angstrom"]), source
        )
    return listed


def _split(name: str) -> tuple[str, int]:
    """Formula and charge of an ion not in the radii file: one sign, or a count after a space.

    Examples
    --------
    >>> _split("BH4-"), _split("SCN-"), _split("B12H12 2-")
    (('BH4', -1), ('SCN', -1), ('B12H12', -2))
    """
    spaced = re.fullmatch(r"(\S+)\s+(\d+)([+-])", name.strip())
    if spaced:
        formula, count, sign = spaced.groups()
        return formula, int(count) * (1 if sign == "+" else -1)
    simple = re.fullmatch(r"(\w[\w()]*)([+-])", name.strip())
    if not simple:
        raise InputError(
            f"an ion is a formula and its charge, such as 'Li+', 'O2-', 'BH4-' or "
            f"'B12H12 2-', got {name!r}"
        )
    formula, sign = simple.groups()
    return formula, 1 if sign == "+" else -1  # "BH4-": the digit belongs to the formula


def ion(name: str) -> Ion:
    """The ion called ``name`` with its radius and source.

    Raises
    ------
    InputError
        For a name without a charge, or an ion with no radius on record.

    Examples
    --------
    >>> ion("O2-").radius_angstrom, ion("BH4-").radius_angstrom, ion("MA+").formula
    (1.4, 2.24, 'CH3NH3')
    """
    if not isinstance(name, str):
        raise InputError(f"an ion is named by text such as 'Li+', got {name!r}")
    listed = _listed()
    if name.strip() in listed:
        return listed[name.strip()]
    formula, charge = _split(name)
    radius = reference.ionic_radius_angstrom(formula) if charge < 0 else None
    if radius is None:
        known = sorted(listed) + [f"{s}-" for s in reference.ionic_radius_species()[:6]]
        raise InputError(
            f"no ionic radius on record for {name!r}: the anions of the review's Table 4 "
            f"and {', '.join(sorted(listed))} have one (e.g. {', '.join(known[:8])})"
        )
    return Ion(name.strip(), formula, charge, radius, reference.ionic_radius_source(formula))


def tolerance_factor(a: str | Ion, b: str | Ion, x: str | Ion) -> float:
    """Goldschmidt's tolerance factor of the perovskite A B X3 from its ions' radii.

    Examples
    --------
    >>> round(tolerance_factor("MA+", "Pb2+", "I-"), 3)
    0.912
    """
    ra, rb, rx = (i.radius_angstrom for i in map(_as_ion, (a, b, x)))
    return (ra + rx) / (math.sqrt(2) * (rb + rx))


def in_stable_range(t: float) -> bool:
    """Whether a tolerance factor lies in :data:`STABLE_RANGE` (ends included).

    Examples
    --------
    >>> in_stable_range(0.84), in_stable_range(1.07)
    (True, False)
    """
    return STABLE_RANGE[0] <= t <= STABLE_RANGE[1]


def lattice_constant(a: str | Ion, b: str | Ion, x: str | Ion) -> float:
    """Edge of the cubic cell in which the ions touch (Angstrom).

    The larger of 2 (r_B + r_X) and sqrt(2) (r_A + r_X): B-X contact sets it
    when t <= 1, A-X contact when the A ion is too large.

    Examples
    --------
    >>> round(lattice_constant("Cl-", "O2-", "Li+"), 2)
    4.32
    """
    ra, rb, rx = (i.radius_angstrom for i in map(_as_ion, (a, b, x)))
    return max(2 * (rb + rx), math.sqrt(2) * (ra + rx))


def cubic_cell(a: str | Ion, b: str | Ion, x: str | Ion) -> Atoms:
    """The cubic A B X3 cell (one formula unit) with every ion as atoms, for a 3D view.

    The edge is :func:`lattice_constant`.  A simple ion is one atom on its
    site; a cluster ion (BH4-, SCN-, MA+) is its catalogue geometry with its
    centre on the site.  On an X site, an elongated ion (SCN-) lies along the
    B-X-B line; every other cluster keeps the orientation of its catalogue
    geometry.

    Raises
    ------
    AtomsTooCloseError
        When atoms of neighbouring ions come closer than
        :data:`MIN_CONTACT_ANGSTROM` (the ion does not fit that site).
    """
    ions = {"A": _as_ion(a), "B": _as_ion(b), "X": _as_ion(x)}
    edge = lattice_constant(*ions.values())
    symbols, positions = [], []
    for site, fractions in SITES.items():
        for k, fraction in enumerate(fractions):
            axis = np.eye(3)[k] if site == "X" else None
            group = _geometry(ions[site], axis)
            symbols += group.get_chemical_symbols()
            positions += list(group.get_positions() + edge * np.array(fraction))
    cell = Atoms(symbols, positions=positions, cell=[edge] * 3, pbc=True)
    distances = cell.get_all_distances(mic=True)
    np.fill_diagonal(distances, np.inf)
    if len(cell) > 1 and distances.min() < MIN_CONTACT_ANGSTROM:
        raise AtomsTooCloseError(
            f"in the {edge:.2f} A cell of {ions['A'].name} {ions['B'].name} {ions['X'].name}3 "
            f"two atoms come {distances.min():.2f} A apart: the ions do not fit "
            f"(tolerance factor {tolerance_factor(*ions.values()):.2f})"
        )
    return cell


def _as_ion(value) -> Ion:
    return value if isinstance(value, Ion) else ion(value)


def _geometry(item: Ion, axis) -> Atoms:
    """The atoms of one ion, centred at the origin (along ``axis`` when elongated)."""
    if item.formula == "CH3NH3":
        atoms = methylammonium()
    else:
        try:
            atoms = build(item.formula, charge=item.charge).atoms
        except UnknownSpeciesError:
            atoms = Atoms(item.formula) if re.fullmatch(r"[A-Z][a-z]?", item.formula) else None
        if atoms is None:
            raise InputError(f"no geometry for {item.name}: it is not in the catalogue")
    atoms = atoms.copy()
    atoms.translate(-atoms.get_positions().mean(axis=0))
    if axis is not None and len(atoms) > 1:
        moments, vectors = np.linalg.eigh(_inertia(atoms))
        if moments[0] < 0.9 * moments[1]:  # a distinct long axis
            atoms.rotate(vectors[:, 0], axis, center=(0, 0, 0))
    return atoms


def _inertia(atoms: Atoms) -> np.ndarray:
    """The inertia tensor of equal point masses (only the shape matters here)."""
    r = atoms.get_positions()
    return np.eye(3) * (r**2).sum() - r.T @ r


def methylammonium() -> Atoms:
    """CH3NH3+: ASE's methylamine (G2 set) with a third H on N, C first and N second.

    Examples
    --------
    >>> ma = methylammonium()
    >>> ma.get_chemical_formula(), round(float(ma.get_distance(0, 1)), 2)
    ('CH6N', 1.46)
    """
    atoms = molecule("H3CNH2")
    symbols = atoms.get_chemical_symbols()
    c, n = symbols.index("C"), symbols.index("N")
    on_n = [i for i, s in enumerate(symbols) if s == "H" and atoms.get_distance(i, n) < 1.2]
    bond = atoms.get_distance(n, on_n[0])
    inward = sum(atoms.positions[i] - atoms.positions[n] for i in on_n) + (
        atoms.positions[c] - atoms.positions[n]
    )  # the third H sits opposite the other three bonds of N
    extra = atoms.positions[n] - bond * inward / np.linalg.norm(inward)
    atoms += Atoms("H", positions=[extra])
    order = [c, n] + [i for i in range(len(atoms)) if i not in (c, n)]
    return atoms[order]
