"""Build clusters: read .xyz files, cut ideal shapes, dope, fill cages, swap ligands.

Every function checks its input, raises a :class:`~superatom_lab.errors.InputError`
subclass whose one-line message says what was wrong, and returns a
:class:`~superatom_lab.core.cluster.Cluster`.  Distances are in Angstrom.

Examples
--------
>>> from superatom_lab.core.builders import icosahedron, endohedral, remove_center
>>> al13 = icosahedron("Al")
>>> al13.name, al13.with_charge(-1).n_valence_electrons
('Al13', 40)
>>> endohedral("W", remove_center(icosahedron("Au"))).name
'W@Au12'
"""

from __future__ import annotations

import math
import numbers
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from ase import Atoms
from ase.cluster import Decahedron, Icosahedron, Octahedron
from ase.data import covalent_radii, reference_states

from superatom_lab.core.cluster import MIN_DISTANCE_ANGSTROM, Cluster
from superatom_lab.core.elements import atomic_number, symbol_of
from superatom_lab.errors import (
    AtomsTooCloseError,
    ChargeSpinError,
    InputError,
    StructureFileError,
    UnknownSpeciesError,
)

MAX_BUILD_ATOMS = 2000
"""Largest cluster the shape builders make; beyond it no quantum-chemistry run is sensible."""

BOND_FACTOR = 1.25
"""Two atoms are bonded when closer than this times the sum of their covalent radii."""

LIGANDS: dict[str, tuple[tuple[str, float | None], ...]] = {
    "CN": (("C", None), ("N", 1.16)),  # C-bonded cyanide, C-N triple bond
    "NC": (("N", None), ("C", 1.17)),  # N-bonded isocyanide
    "CCH": (("C", None), ("C", 1.20), ("H", 1.06)),  # ethynyl, C-C triple bond
    "F": (("F", None),),
    "Cl": (("Cl", None),),
    "Br": (("Br", None),),
    "I": (("I", None),),
}
"""Named linear ligands: ``(element, distance from the previous atom)`` from the anchor out.

A distance of ``None`` (only for the atom bonded to the cluster) means the sum
of the two covalent radii (ASE's ``covalent_radii``); pass ``bond_lengths`` to
:func:`replace_ligands` to set every distance yourself.
"""


# --- .xyz files --------------------------------------------------------------
def from_xyz(
    path: str | os.PathLike,
    charge: int = 0,
    spin: int | None = None,
    name: str | None = None,
) -> Cluster:
    """Read a single-structure .xyz file (Angstrom) into a :class:`Cluster`.

    Parameters
    ----------
    path : str or path-like
        The file: line 1 the number of atoms, line 2 a comment, then one
        ``symbol x y z`` line per atom (extra columns are ignored).
    charge : int
        Total charge of the species.
    spin : int or None
        ``2S``; ``None`` leaves the ground state to be found.
    name : str or None
        Label; defaults to the file name without its extension.

    Raises
    ------
    StructureFileError
        For a missing, empty, unreadable or malformed file.
    UnknownSpeciesError
        For a symbol that is not an element.
    AtomsTooCloseError
        For atoms closer than 0.5 A.  Every message starts with the file name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "lif.xyz"
    >>> _ = p.write_text("2\\nLiF\\nLi 0 0 0\\nF 0 0 1.564\\n")
    >>> from_xyz(p).name, from_xyz(p, charge=1).n_electrons
    ('lif', 11)
    """
    path = Path(path)
    label = str(path)
    if not path.exists():
        raise StructureFileError(f"{label}: no such file")
    if path.is_dir():
        raise StructureFileError(f"{label}: is a folder, not an .xyz file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise StructureFileError(f"{label}: not a text file (an .xyz file is plain text)") from None
    except OSError as exc:
        raise StructureFileError(f"{label}: cannot be read ({exc.strerror})") from None
    return _cluster_from_text(text, label, charge, spin, path.stem if name is None else name)


def from_xyz_text(
    text: str,
    charge: int = 0,
    spin: int | None = None,
    name: str | None = None,
    source: str = "uploaded .xyz",
) -> Cluster:
    """Read .xyz content given as a string, e.g. from a file upload widget.

    Parameters
    ----------
    text : str
        The content of an .xyz file.
    charge, spin
        As for :func:`from_xyz`.
    name : str or None
        Label; defaults to the chemical formula.
    source : str
        How error messages name the input (an uploaded file's name, say).

    Raises
    ------
    StructureFileError, UnknownSpeciesError, AtomsTooCloseError
        As for :func:`from_xyz`, with ``source`` in place of the file name.

    Examples
    --------
    >>> from_xyz_text("1\\n\\nNa 0 0 0\\n", charge=1).n_electrons
    10
    >>> from_xyz_text("2\\n\\nH 0 0 0\\n", source="h2.xyz")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.StructureFileError: h2.xyz: line 1 says 2 atoms but 1 atom line follows
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise StructureFileError(f"{source}: not a text file") from None
    if not isinstance(text, str):
        raise StructureFileError(f"{source}: expected the text of an .xyz file")
    return _cluster_from_text(text.lstrip("\ufeff"), source, charge, spin, name or "")


def _cluster_from_text(text: str, label: str, charge, spin, name: str) -> Cluster:
    atoms = _parse_xyz(text, label)
    try:
        return Cluster(atoms, charge=charge, spin=spin, name=name)
    except ChargeSpinError:
        raise
    except InputError as exc:
        raise type(exc)(f"{label}: {exc}") from None


def _shown(line: str) -> str:
    """A line of input, quoted and shortened for a one-line message."""
    line = line.strip()
    return repr(line if len(line) <= 40 else line[:37] + "...")


def _parse_xyz(text: str, label: str) -> Atoms:
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise StructureFileError(f"{label}: the file is empty")
    first = lines[0].split()
    try:
        count = int(first[0]) if first else None
    except ValueError:
        count = None
    if count is None:
        raise StructureFileError(
            f"{label}: line 1 should be the number of atoms, found {_shown(lines[0])}"
        )
    if count < 1:
        raise StructureFileError(f"{label}: line 1 says {count} atoms; a structure needs one")
    atom_lines = lines[2 : 2 + count]
    if len(atom_lines) < count:
        found = len(atom_lines)
        raise StructureFileError(
            f"{label}: line 1 says {count} atoms but {found} atom line"
            f"{'' if found == 1 else 's'} follow{'s' if found == 1 else ''}"
        )
    rest = [line for line in lines[2 + count :] if line.strip()]
    if rest:
        if re.fullmatch(r"\s*\d+\s*", rest[0]):
            raise StructureFileError(
                f"{label}: holds more than one structure; save the one you want on its own"
            )
        raise StructureFileError(
            f"{label}: has {len(rest)} more non-empty lines than the {count} atoms line 1 says"
        )
    symbols, positions = [], []
    for number, line in enumerate(atom_lines, start=3):
        fields = line.split()
        if len(fields) < 4:
            raise StructureFileError(
                f"{label}: line {number} should be 'symbol x y z', found {_shown(line)}"
            )
        symbols.append(_xyz_symbol(fields[0], label, number))
        xyz = []
        for value in fields[1:4]:
            try:
                coordinate = float(value)
            except ValueError:
                raise StructureFileError(
                    f"{label}: line {number}: coordinate {value!r} is not a number"
                ) from None
            if not math.isfinite(coordinate):
                raise StructureFileError(
                    f"{label}: line {number}: coordinate {value!r} is not a finite number"
                )
            xyz.append(coordinate)
        positions.append(xyz)
    return Atoms(symbols, positions=positions)


def _xyz_symbol(field: str, label: str, number: int) -> str:
    """An element symbol from an .xyz field: 'CL' and 'cl' mean Cl, '17' means Cl too."""
    if field.isdigit():
        try:
            return symbol_of(int(field))
        except UnknownSpeciesError:
            pass
    else:
        symbol = field.capitalize()
        try:
            atomic_number(symbol)
            return symbol
        except UnknownSpeciesError:
            pass
    raise UnknownSpeciesError(f"{label}: line {number}: {field!r} is not an element symbol")


# --- ideal shapes -----------------------------------------------------------
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
    if not isinstance(element, str):
        raise UnknownSpeciesError(f"element must be a symbol such as 'Al', got {element!r}")
    atomic_number(element)
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


# --- changing a cluster -----------------------------------------------------
def substitute(cluster: Cluster, index: int, element: str, name: str | None = None) -> Cluster:
    """Replace atom ``index`` by ``element`` (a dopant); charge kept, spin left open.

    Parameters
    ----------
    cluster : Cluster
        The host.
    index : int
        Which atom, counted from 0; negative numbers count from the end.
    element : str
        The dopant's symbol.
    name : str or None
        Label; defaults to the new formula.

    Examples
    --------
    >>> al12c = substitute(icosahedron("Al"), 0, "C")
    >>> al12c.formula, al12c.n_valence_electrons
    ('CAl12', 40)
    """
    _check_cluster(cluster)
    n = cluster.n_atoms
    if isinstance(index, bool) or not isinstance(index, numbers.Integral) or not -n <= index < n:
        raise InputError(f"atom index must be a whole number from 0 to {n - 1}, got {index!r}")
    if not isinstance(element, str):
        raise UnknownSpeciesError(f"element must be a symbol such as 'Al', got {element!r}")
    atomic_number(element)
    symbols = cluster.symbols
    symbols[int(index)] = element
    atoms = Atoms(symbols, positions=cluster.positions_angstrom)
    return Cluster(atoms, charge=cluster.charge, name=name or "")


def remove_center(
    cluster: Cluster, tolerance_angstrom: float = 0.5, name: str | None = None
) -> Cluster:
    """Remove the atom at the geometric centre, e.g. Au13 -> the empty Au12 cage.

    Parameters
    ----------
    cluster : Cluster
        A centred cluster such as a 13-atom icosahedron.
    tolerance_angstrom : float
        How far from the centre (the mean position) that atom may be.
    name : str or None
        Label; defaults to the new formula.

    Raises
    ------
    InputError
        If no atom lies within ``tolerance_angstrom`` of the centre, or the
        cluster has a single atom.

    Examples
    --------
    >>> remove_center(icosahedron("Au")).name
    'Au12'
    """
    _check_cluster(cluster)
    if cluster.n_atoms < 2:
        raise InputError("a single atom has no cage to leave behind")
    offsets = np.linalg.norm(cluster.positions_angstrom - cluster.center_angstrom, axis=1)
    k = int(np.argmin(offsets))
    if offsets[k] > tolerance_angstrom:
        raise InputError(
            f"{cluster.name} has no atom at its centre: the nearest, atom {k}, is "
            f"{offsets[k]:.2f} A away (tolerance {tolerance_angstrom} A)"
        )
    atoms = cluster.atoms.copy()
    del atoms[k]
    return Cluster(atoms, charge=cluster.charge, name=name or "")


def endohedral(center_element: str, cage: Cluster, name: str | None = None) -> Cluster:
    """Put one atom at the geometric centre of a cage: W@Au12, M@Si16, ...

    Parameters
    ----------
    center_element : str
        The encapsulated atom's symbol.
    cage : Cluster
        The empty cage; its charge is kept, the spin is left open.
    name : str or None
        Label; defaults to ``"<element>@<cage name>"``.

    Raises
    ------
    AtomsTooCloseError
        If an atom already sits at (or within 0.5 A of) the centre; use
        :func:`remove_center` first.

    Examples
    --------
    >>> w_au12 = endohedral("W", remove_center(icosahedron("Au")))
    >>> w_au12.name, w_au12.n_atoms, round(w_au12.radius_angstrom, 3)
    ('W@Au12', 13, 2.885)
    """
    _check_cluster(cage)
    if not isinstance(center_element, str):
        raise UnknownSpeciesError(f"element must be a symbol such as 'W', got {center_element!r}")
    atomic_number(center_element)
    center = cage.center_angstrom
    offsets = np.linalg.norm(cage.positions_angstrom - center, axis=1)
    k = int(np.argmin(offsets))
    if offsets[k] < MIN_DISTANCE_ANGSTROM:
        raise AtomsTooCloseError(
            f"{cage.name} already has an atom at its centre (atom {k}, {cage.symbols[k]}, "
            f"{offsets[k]:.3f} A away): use remove_center() to make an empty cage first"
        )
    atoms = Atoms(
        [center_element, *cage.symbols],
        positions=np.vstack([center, cage.positions_angstrom]),
    )
    return Cluster(atoms, charge=cage.charge, name=name or f"{center_element}@{cage.name}")


def replace_ligands(
    cluster: Cluster,
    old: str = "H",
    ligand: str | Sequence = "CN",
    bond_lengths: Sequence[float] | None = None,
    name: str | None = None,
) -> Cluster:
    """Replace every terminal ``old`` atom by a linear group along the old bond.

    Each ``old`` atom must be bonded to exactly one atom, its anchor (bonded:
    closer than 1.25 times the sum of covalent radii).  The new group starts at
    the anchor and runs outward along the anchor-to-``old`` direction.

    Parameters
    ----------
    cluster : Cluster
        The cluster, e.g. B12H12.
    old : str
        The terminal element to replace.
    ligand : str or sequence
        A name in :data:`LIGANDS` (``"CN"``, ``"NC"``, ``"CCH"``, ``"F"``, ...),
        or the group itself from the anchor outward: element symbols, or
        ``(element, distance from the previous atom)`` pairs.
    bond_lengths : sequence of float or None
        One distance per group atom, first the anchor-to-ligand bond; overrides
        the distances of ``ligand``.  Missing distances default to the sum of
        covalent radii.
    name : str or None
        Label; by default ``"B12H12"`` becomes ``"B12(CN)12"``, other names the formula.

    Raises
    ------
    InputError
        If ``old`` is absent or not terminal, or the ligand or bond lengths are
        malformed.  :class:`AtomsTooCloseError` if new atoms clash.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> b12cn12 = replace_ligands(build("B12H12"), "H", "CN", bond_lengths=(1.56, 1.16))
    >>> b12cn12.name, b12cn12.formula
    ('B12(CN)12', 'C12B12N12')
    """
    _check_cluster(cluster)
    if not isinstance(old, str):
        raise UnknownSpeciesError(f"old must be an element symbol such as 'H', got {old!r}")
    atomic_number(old)
    group = _ligand_group(ligand, bond_lengths)
    symbols, positions = cluster.symbols, cluster.positions_angstrom
    targets = [i for i, s in enumerate(symbols) if s == old]
    if not targets:
        raise InputError(f"{cluster.name} has no {old} atom to replace")
    radii = np.array([covalent_radii[atomic_number(s)] for s in symbols])
    distances = cluster.atoms.get_all_distances()
    new_symbols: list[str] = []
    new_positions: list[np.ndarray] = []
    for i, (symbol, position) in enumerate(zip(symbols, positions, strict=True)):
        if symbol != old:
            new_symbols.append(symbol)
            new_positions.append(position)
            continue
        bonded = [
            j
            for j in range(len(symbols))
            if j != i and distances[i, j] < BOND_FACTOR * (radii[i] + radii[j])
        ]
        if len(bonded) != 1:
            raise InputError(
                f"atom {i} ({old}) of {cluster.name} is bonded to {len(bonded)} atoms, "
                "not 1: only terminal atoms can be replaced by a ligand"
            )
        anchor = bonded[0]
        direction = (position - positions[anchor]) / distances[i, anchor]
        reach = 0.0
        previous = symbols[anchor]
        for element, distance in group:
            if distance is None:
                distance = (
                    covalent_radii[atomic_number(previous)] + covalent_radii[atomic_number(element)]
                )
            reach += distance
            new_symbols.append(element)
            new_positions.append(positions[anchor] + reach * direction)
            previous = element
    if name is None:
        name = _ligand_name(cluster.name, old, ligand, len(targets), group)
    atoms = Atoms(new_symbols, positions=np.array(new_positions))
    return Cluster(atoms, charge=cluster.charge, name=name)


def _ligand_group(ligand, bond_lengths) -> list[tuple[str, float | None]]:
    if isinstance(ligand, str):
        if ligand not in LIGANDS:
            raise InputError(
                f"unknown ligand {ligand!r}: use one of {', '.join(LIGANDS)} or give the group "
                "as (element, distance) pairs"
            )
        group = list(LIGANDS[ligand])
    elif isinstance(ligand, Sequence) and len(ligand) > 0:
        group = []
        for item in ligand:
            if isinstance(item, str):
                group.append((item, None))
            elif isinstance(item, Sequence) and len(item) == 2 and isinstance(item[0], str):
                group.append((item[0], item[1]))
            else:
                raise InputError(
                    f"ligand entries must be symbols or (symbol, distance) pairs, got {item!r}"
                )
    else:
        raise InputError(f"ligand must be a name or a non-empty list of atoms, got {ligand!r}")
    if bond_lengths is not None:
        if isinstance(bond_lengths, str | bytes) or not isinstance(bond_lengths, Sequence):
            raise InputError(f"bond_lengths must be a list of distances, got {bond_lengths!r}")
        if len(bond_lengths) != len(group):
            raise InputError(
                f"bond_lengths has {len(bond_lengths)} distances but the ligand has "
                f"{len(group)} atoms: give one per atom, starting with the bond to the cluster"
            )
        group = [(element, d) for (element, _), d in zip(group, bond_lengths, strict=True)]
    for element, distance in group:
        atomic_number(element)
        if distance is not None and (
            isinstance(distance, bool)
            or not isinstance(distance, numbers.Real)
            or not math.isfinite(distance)
            or distance < MIN_DISTANCE_ANGSTROM
        ):
            raise InputError(
                f"ligand distance for {element} must be a number >= {MIN_DISTANCE_ANGSTROM} A, "
                f"got {distance!r}"
            )
    return [(e, None if d is None else float(d)) for e, d in group]


def _ligand_name(old_name: str, old: str, ligand, count: int, group) -> str:
    """'B12H12' -> 'B12(CN)12'; any other name -> '' (the formula)."""
    suffix = f"{old}{count}" if count > 1 else old
    if not old_name.endswith(suffix) or old_name == suffix:
        return ""
    text = ligand if isinstance(ligand, str) else "".join(e for e, _ in group)
    if count == 1:
        return old_name[: -len(suffix)] + text
    return old_name[: -len(suffix)] + (f"({text})" if len(group) > 1 else text) + str(count)


def _check_cluster(cluster) -> None:
    if not isinstance(cluster, Cluster):
        raise InputError(f"expected a Cluster, got {type(cluster).__name__}")
