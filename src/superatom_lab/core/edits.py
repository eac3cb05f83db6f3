"""Change a cluster: a dopant, the central atom removed or another put there, ligands swapped.

Every function checks its input, raises a :class:`~superatom_lab.errors.InputError`
subclass whose one-line message says what was wrong, and returns a new
:class:`~superatom_lab.core.cluster.Cluster`; the one given is left as it was.
Distances are in Angstrom.

Examples
--------
>>> from superatom_lab.core.edits import endohedral, remove_center
>>> from superatom_lab.core.shapes import icosahedron
>>> endohedral("W", remove_center(icosahedron("Au"))).name
'W@Au12'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
from ase import Atoms
from ase.data import covalent_radii

from superatom_lab.core.bonding import LIGAND_ANCHOR_BOND_SCALE
from superatom_lab.core.cluster import MIN_DISTANCE_ANGSTROM, Cluster
from superatom_lab.core.elements import atomic_number, checked_symbol
from superatom_lab.errors import AtomsTooCloseError, InputError

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
    >>> from superatom_lab.core.shapes import icosahedron
    >>> al12c = substitute(icosahedron("Al"), 0, "C")
    >>> al12c.formula, al12c.n_valence_electrons
    ('CAl12', 40)
    """
    _check_cluster(cluster)
    n = cluster.n_atoms
    if isinstance(index, bool) or not isinstance(index, numbers.Integral) or not -n <= index < n:
        raise InputError(f"atom index must be a whole number from 0 to {n - 1}, got {index!r}")
    checked_symbol(element)
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
    >>> from superatom_lab.core.shapes import icosahedron
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
    >>> from superatom_lab.core.shapes import icosahedron
    >>> w_au12 = endohedral("W", remove_center(icosahedron("Au")))
    >>> w_au12.name, w_au12.n_atoms, round(w_au12.radius_angstrom, 3)
    ('W@Au12', 13, 2.885)
    """
    _check_cluster(cage)
    checked_symbol(center_element, example="W")
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
    closer than :data:`~superatom_lab.core.bonding.LIGAND_ANCHOR_BOND_SCALE`, 1.25,
    times the sum of covalent radii).  The new group starts at
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
    checked_symbol(old, "old", example="H")
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
            if j != i and distances[i, j] < LIGAND_ANCHOR_BOND_SCALE * (radii[i] + radii[j])
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
