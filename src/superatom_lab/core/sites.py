"""Open a site on a cluster and put a guest there: one ligand taken off, an atom or molecule added.

Taking one cyanide off B12(CN)12 2- leaves B12(CN)11 -, whose bare boron atom
is so electron-poor that it binds even a noble-gas atom (the review quotes
0.61 eV for Ar).  :func:`remove_ligand` makes such an anion and says where its
bare site is; :func:`place_at_site` puts a guest on the outward line through a
site, at a chosen distance, for a binding-energy scan.

A *ligand* here is the atom given and every atom bonded to it farther out,
each one farther from the cluster's centre than the atom it is reached from:
for B12(CN)12 the C and N of one cyanide, not the boron cage behind them.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> anion, site = remove_ligand(build("B12(CN)12", charge=-2), 12)
>>> anion.name, anion.charge, anion.symbols[site]
('B12(CN)11', -1, 'B')
>>> with_ar = place_at_site(anion, site, "Ar", 2.8)
>>> with_ar.name, round(float(with_ar.atoms.get_distance(site, -1)), 3)
('B12(CN)11Ar', 2.8)
"""

from __future__ import annotations

import math
import numbers
import re

import numpy as np
from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.connectivity import bonded_neighbours
from superatom_lab.core.elements import checked_symbol
from superatom_lab.errors import InputError

#: How much farther from the centre (Angstrom) a bonded atom must be to count as "outward".
OUTWARD_MARGIN_ANGSTROM = 0.05


def _check_index(cluster: Cluster, index) -> int:
    if not isinstance(cluster, Cluster):
        raise InputError(f"expected a Cluster, got {type(cluster).__name__}")
    if isinstance(index, bool) or not isinstance(index, numbers.Integral):
        raise InputError(f"an atom index is a whole number, got {index!r}")
    n = cluster.n_atoms
    if not -n <= index < n:
        raise InputError(f"{cluster.name} has atoms 0 to {n - 1}, not {index}")
    return int(index) % n


def ligand_atoms(cluster: Cluster, index: int) -> tuple[list[int], int]:
    """The atoms of the ligand that starts at atom ``index``, and the atom it is bonded to.

    Returns
    -------
    atoms : list of int
        ``index`` first, then the atoms reached outward from it, in order.
    anchor : int
        The one atom nearer the centre that ``index`` is bonded to (the site it leaves).

    Raises
    ------
    InputError
        If ``index`` is not bonded to exactly one atom nearer the centre (it is
        part of the core, or not attached at all), or the "ligand" would be the
        whole cluster.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> ligand_atoms(build("B12(CN)12"), 12)  # the C of one cyanide: C, N and their boron
    ([12, 13], 0)
    """
    index = _check_index(cluster, index)
    neighbours = bonded_neighbours(cluster.atoms)
    r = np.linalg.norm(cluster.positions_angstrom - cluster.center_angstrom, axis=1)
    inward = [j for j in neighbours[index] if r[j] < r[index] - OUTWARD_MARGIN_ANGSTROM]
    if len(inward) != 1:
        raise InputError(
            f"atom {index} ({cluster.symbols[index]}) of {cluster.name} is bonded to "
            f"{len(inward)} atoms nearer the centre, not 1: give the first atom of a ligand "
            "(the one bonded to the cluster)"
        )
    group, frontier = [index], [index]
    while frontier:
        i = frontier.pop(0)
        for j in sorted(neighbours[i]):
            if j not in group and r[j] > r[i] + OUTWARD_MARGIN_ANGSTROM:
                group.append(j)
                frontier.append(j)
    if len(group) == cluster.n_atoms - 1:
        raise InputError(f"atom {index} of {cluster.name} is not a ligand: it holds the cluster")
    return group, inward[0]


def remove_ligand(
    cluster: Cluster, index: int, ligand_charge: int = -1, name: str | None = None
) -> tuple[Cluster, int]:
    """Take off the ligand that starts at atom ``index``; return the cluster and its bare site.

    The ligand leaves as an ion of charge ``ligand_charge`` (-1: it takes the
    bond's electron pair with it, as CN- or F- do), so the cluster's charge
    becomes ``cluster.charge - ligand_charge``: B12(CN)12 2- gives B12(CN)11 -.

    Parameters
    ----------
    cluster : Cluster
        The cluster at its charge (B12(CN)12 at -2).
    index : int
        The ligand's first atom (bonded to the cluster); see :func:`ligand_atoms`.
    ligand_charge : int
        Charge the ligand leaves with (0 for a neutral radical).
    name : str or None
        Label; by default a name ending in ``(CN)12`` loses one ``CN``:
        ``"B12(CN)11"``; any other name becomes the formula.

    Returns
    -------
    cluster : Cluster
        The new cluster, spin left open.
    site : int
        Index, in the new cluster, of the atom the ligand was bonded to.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> anion, site = remove_ligand(build("B12(CN)12"), 0)  # a boron of the cage
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: atom 0 (B) of B12(CN)12 is bonded to 0 atoms nearer \
the centre, not 1: give the first atom of a ligand (the one bonded to the cluster)
    """
    if isinstance(ligand_charge, bool) or not isinstance(ligand_charge, numbers.Integral):
        raise InputError(f"the ligand's charge is a whole number, got {ligand_charge!r}")
    group, anchor = ligand_atoms(cluster, index)
    keep = [i for i in range(cluster.n_atoms) if i not in group]
    symbols = [cluster.symbols[i] for i in group]
    atoms = Atoms([cluster.symbols[i] for i in keep], positions=cluster.positions_angstrom[keep])
    new = Cluster(
        atoms,
        charge=cluster.charge - int(ligand_charge),
        name=name or _name_without(cluster.name, "".join(symbols)),
    )
    return new, keep.index(anchor)


def _name_without(old: str, ligand: str) -> str:
    """``"B12(CN)12"`` without one ``"CN"`` is ``"B12(CN)11"``; otherwise ``""`` (the formula).

    Examples
    --------
    >>> _name_without("B12(CN)12", "CN"), _name_without("B12F12", "F"), _name_without("X", "CN")
    ('B12(CN)11', 'B12F11', '')
    """
    match = re.fullmatch(rf"(.*?)(\({re.escape(ligand)}\)|{re.escape(ligand)})(\d+)", old)
    if not match or int(match.group(3)) < 2:
        return ""
    head, group, count = match.group(1), match.group(2), int(match.group(3)) - 1
    return f"{head}{group}{count if count > 1 else ''}"


def site_direction(cluster: Cluster, site: int) -> np.ndarray:
    """Unit vector pointing out of the cluster at atom ``site`` (the local outward normal).

    From the centre of the atoms bonded to ``site`` that are not farther out
    than it (its own shell and below, not its ligands) to ``site`` itself: for
    a boron of an icosahedral cage, the line from the cage centre through it;
    for a terminal atom, along its bond.  An atom with no bonded neighbours
    (or whose neighbours surround it evenly) uses the cluster's centre instead.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> b12 = build("B12H12")
    >>> radial = b12.positions_angstrom[0] - b12.center_angstrom
    >>> bool(np.allclose(site_direction(b12, 0), radial / np.linalg.norm(radial)))
    True
    """
    site = _check_index(cluster, site)
    positions = cluster.positions_angstrom
    r = np.linalg.norm(positions - cluster.center_angstrom, axis=1)
    neighbours = [j for j in sorted(bonded_neighbours(cluster.atoms)[site])
                  if r[j] <= r[site] + OUTWARD_MARGIN_ANGSTROM]  # fmt: skip
    for origin in (positions[neighbours].mean(axis=0) if neighbours else None,
                   cluster.center_angstrom):  # fmt: skip
        if origin is not None and np.linalg.norm(positions[site] - origin) > 1e-3:
            vector = positions[site] - origin
            return vector / np.linalg.norm(vector)
    raise InputError(f"atom {site} of {cluster.name} sits at the centre: it has no outward side")


def place_at_site(
    cluster: Cluster, site: int, guest, distance: float, name: str | None = None
) -> Cluster:
    """Put ``guest`` on the outward line through atom ``site``, ``distance`` Angstrom from it.

    Parameters
    ----------
    cluster : Cluster
        The host (B12(CN)11 -); its charge is kept (the guest is neutral).
    site : int
        The atom the guest binds to.
    guest : str or ase.Atoms
        An element symbol (``"Ar"``) or a small molecule.  A molecule's first
        atom binds to the site; the molecule is turned so that its centre lies
        outward from that atom along the line.
    distance : float
        From the site atom to the guest's (first) atom, in Angstrom.
    name : str or None
        Label; by default the host's name followed by the guest's formula.

    Raises
    ------
    InputError
        For a bad site, guest or distance; :class:`~superatom_lab.errors.AtomsTooCloseError`
        when the guest lands within 0.5 A of another atom.
    """
    direction = site_direction(cluster, site)
    site = _check_index(cluster, site)
    if (
        isinstance(distance, bool)
        or not isinstance(distance, numbers.Real)
        or not (math.isfinite(distance) and distance > 0)
    ):
        raise InputError(f"the distance is a positive number of Angstrom, got {distance!r}")
    if isinstance(guest, str):
        guest = Atoms(checked_symbol(guest, "guest", example="Ar"))
    if not isinstance(guest, Atoms) or len(guest) == 0:
        raise InputError("the guest is an element symbol or a non-empty ase.Atoms")
    positions = guest.get_positions() - guest.get_positions()[0]
    axis = positions.mean(axis=0)
    if np.linalg.norm(axis) > 1e-6:
        positions = positions @ _rotation(axis / np.linalg.norm(axis), direction).T
    start = cluster.positions_angstrom[site] + float(distance) * direction
    atoms = Atoms(
        cluster.symbols + guest.get_chemical_symbols(),
        positions=np.vstack([cluster.positions_angstrom, positions + start]),
    )
    label = name or f"{cluster.name}{guest.get_chemical_formula()}"
    return Cluster(atoms, charge=cluster.charge, name=label)


def _rotation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The rotation matrix that turns unit vector ``a`` onto unit vector ``b``.

    Examples
    --------
    >>> r = _rotation(np.array([1.0, 0, 0]), np.array([0, 0, 1.0]))
    >>> np.round(r @ np.array([1.0, 0, 0]), 6).tolist()
    [0.0, 0.0, 1.0]
    """
    v, c = np.cross(a, b), float(np.dot(a, b))
    if c < -1 + 1e-9:  # opposite: half a turn about any axis perpendicular to a
        perpendicular = np.cross(a, [1.0, 0, 0] if abs(a[0]) < 0.9 else [0, 1.0, 0])
        perpendicular /= np.linalg.norm(perpendicular)
        return 2 * np.outer(perpendicular, perpendicular) - np.eye(3)
    skew = np.array([[0, -v[2], v[1]], [v[2], 0, -v[0]], [-v[1], v[0], 0]])
    return np.eye(3) + skew + skew @ skew / (1 + c)
