"""Ideal clusters of one element: Mackay icosahedra, decahedra, octahedra, cuboctahedra.

Each function wraps the matching ``ase.cluster`` builder, checks its input (an
:class:`~superatom_lab.errors.InputError` subclass with a one-line message) and
returns a :class:`~superatom_lab.core.cluster.Cluster`.  Distances are in Angstrom.

Examples
--------
>>> from superatom_lab.core.shapes import icosahedron, octahedron
>>> al13 = icosahedron("Al")
>>> al13.name, al13.with_charge(-1).n_valence_electrons
('Al13', 40)
>>> octahedron("Au", 3, cutoff=1).n_atoms  # a cuboctahedron
13
"""

from __future__ import annotations

import math
import numbers

from ase import Atoms
from ase.data import reference_states

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.elements import atomic_number, checked_symbol
from superatom_lab.errors import InputError

MAX_BUILD_ATOMS = 2000
"""Largest cluster the shape builders make; beyond it no quantum-chemistry run is sensible."""


def default_lattice_constant(element: str) -> float:
    """The fcc lattice constant whose nearest-neighbour distance is the element's own.

    ASE's ``ase.data.reference_states`` gives each element's crystal.  For fcc
    metals that lattice constant is used as it is (Al: 4.05 A, Au: 4.08 A).  For
    bcc, hcp, simple-cubic and diamond crystals the nearest-neighbour distance
    ``d`` of that crystal is turned into the fcc value ``sqrt(2) * d``, so that
    Na13 or W13 get a sensible bond length rather than a bcc cube edge.

    Raises
    ------
    UnknownSpeciesError
        For a symbol that is not an element.
    InputError
        For elements with no cubic or hcp reference crystal (B, molecular
        solids, ...): pass ``lattice_constant`` yourself.

    Examples
    --------
    >>> default_lattice_constant("Al"), round(default_lattice_constant("Na"), 3)
    (4.05, 5.181)
    """
    z = atomic_number(element)
    state = reference_states[z] or {}
    a = state.get("a")
    nearest = {
        "fcc": lambda: a / math.sqrt(2),
        "bcc": lambda: a * math.sqrt(3) / 2,
        "hcp": lambda: a,
        "sc": lambda: a,
        "diamond": lambda: a * math.sqrt(3) / 4,
    }.get(state.get("symmetry"))
    if nearest is None or a is None:
        raise InputError(
            f"no reference lattice constant for {element} (crystal: "
            f"{state.get('symmetry', 'unknown')}): pass lattice_constant in Angstrom"
        )
    return a if state["symmetry"] == "fcc" else math.sqrt(2) * nearest()


def icosahedron(element: str, shells: int = 2, lattice_constant: float | None = None) -> Cluster:
    """A Mackay icosahedron of one element (13 atoms for 2 shells, 55 for 3).

    Wraps ``ase.cluster.Icosahedron(element, noshells=shells, latticeconstant=...)``;
    the centre-to-vertex distance of the 13-atom cluster is ``lattice_constant / sqrt(2)``.

    Parameters
    ----------
    element : str
        Element symbol.
    shells : int
        Number of shells, >= 1 (1 is a single atom).
    lattice_constant : float or None
        fcc lattice constant in Angstrom; ``None`` takes
        :func:`default_lattice_constant`.

    Examples
    --------
    >>> al13 = icosahedron("Al")
    >>> al13.n_atoms, round(al13.min_distance_angstrom, 3)
    (13, 2.864)
    >>> icosahedron("Al", shells=3).n_atoms
    55
    """
    shells = _whole(shells, "shells", minimum=1, maximum=30)
    n_atoms = (10 * shells**3 - 15 * shells**2 + 11 * shells - 3) // 3
    _check_size(n_atoms)
    a = _lattice(element, lattice_constant)
    from ase.cluster import Icosahedron  # ase.cluster costs 0.5 s of imports: only when used

    return Cluster(Icosahedron(element, noshells=shells, latticeconstant=a))


def decahedron(
    element: str, p: int, q: int, r: int = 0, lattice_constant: float | None = None
) -> Cluster:
    """A Marks or Ino decahedron, from ``ase.cluster.Decahedron``.

    Parameters
    ----------
    element : str
        Element symbol.
    p : int
        Atoms on the (100) facets perpendicular to the five-fold axis, >= 1.
    q : int
        Atoms on the (100) facets parallel to the five-fold axis, >= 1.
    r : int
        Depth of the Marks re-entrance, >= 0.
    lattice_constant : float or None
        As for :func:`icosahedron`.

    Examples
    --------
    >>> decahedron("Au", 2, 2, 0).n_atoms
    13
    >>> decahedron("Au", 0, 1)
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: p must be a whole number >= 1, got 0
    """
    p = _whole(p, "p", minimum=1, maximum=12)
    q = _whole(q, "q", minimum=1, maximum=12)
    r = _whole(r, "r", minimum=0, maximum=12)
    a = _lattice(element, lattice_constant)
    from ase.cluster import Decahedron

    atoms = Decahedron(element, p, q, r, latticeconstant=a)
    _check_size(len(atoms))
    return Cluster(atoms)


def octahedron(
    element: str, length: int, cutoff: int = 0, lattice_constant: float | None = None
) -> Cluster:
    """An fcc octahedron, truncated octahedron or cuboctahedron, from ``ase.cluster.Octahedron``.

    Parameters
    ----------
    element : str
        Element symbol.
    length : int
        Atoms along an edge of the full octahedron, >= 1.
    cutoff : int
        Layers cut from each vertex, 0 <= cutoff <= (length - 1) / 2.
        ``length = 2 * cutoff + 1`` gives a cuboctahedron.
    lattice_constant : float or None
        As for :func:`icosahedron`.

    Examples
    --------
    >>> octahedron("Au", 3).n_atoms, octahedron("Au", 3, cutoff=1).n_atoms
    (19, 13)
    """
    length = _whole(length, "length", minimum=1, maximum=20)
    cutoff = _whole(cutoff, "cutoff", minimum=0, maximum=20)
    if length < 2 * cutoff + 1:
        raise InputError(
            f"cutoff {cutoff} is too deep for length {length}: cutoff must be at most "
            f"(length - 1) / 2 = {(length - 1) // 2}"
        )
    a = _lattice(element, lattice_constant)
    from ase.cluster import Octahedron

    atoms = Octahedron(element, length, cutoff=cutoff, latticeconstant=a)
    _check_size(len(atoms))
    return Cluster(Atoms(atoms.get_chemical_symbols(), positions=atoms.get_positions()))


def _whole(value, what: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise InputError(f"{what} must be a whole number >= {minimum}, got {value!r}")
    if value > maximum:
        raise InputError(f"{what} = {value} is too large for a cluster here (at most {maximum})")
    return int(value)


def _check_size(n_atoms: int) -> None:
    if n_atoms > MAX_BUILD_ATOMS:
        raise InputError(
            f"that shape has {n_atoms} atoms, more than the {MAX_BUILD_ATOMS} this builder makes"
        )


def _lattice(element: str, lattice_constant) -> float:
    checked_symbol(element)
    if lattice_constant is None:
        return default_lattice_constant(element)
    if (
        isinstance(lattice_constant, bool)
        or not isinstance(lattice_constant, numbers.Real)
        or not math.isfinite(lattice_constant)
        or lattice_constant <= 0
    ):
        raise InputError(
            f"lattice_constant must be a positive number of Angstrom, got {lattice_constant!r}"
        )
    return float(lattice_constant)
