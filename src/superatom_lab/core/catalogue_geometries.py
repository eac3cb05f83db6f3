"""The geometry makers of the catalogue: idealized molecules and clusters in Angstrom.

Each entry of the catalogue's data file names its geometry as a shape and its
parameters, e.g. ``{"shape": "tetrahedral", "centre": "B", "ligand": "F",
"bond": 1.40}``; :func:`make_geometry` calls the maker of that name in
:data:`MAKERS` with the parameters as keyword arguments.  Every maker returns a
new ``ase.Atoms``.

Examples
--------
>>> bf4 = make_geometry({"shape": "tetrahedral", "centre": "B", "ligand": "F", "bond": 1.40})
>>> bf4.get_chemical_formula(), round(float(bf4.get_distance(0, 1)), 3)
('BF4', 1.4)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.edits import endohedral, remove_center, replace_ligands
from superatom_lab.core.shapes import icosahedron

TETRAHEDRAL_DIRECTIONS = np.array([(1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)]) / np.sqrt(3)
"""The four unit vectors from the centre of a regular tetrahedron to its vertices."""


# --- helpers -----------------------------------------------------------------
def _star(centre: str, ligand: str, bond: float, directions) -> Atoms:
    """A central atom with one ligand along each unit vector in ``directions``."""
    directions = np.asarray(directions, dtype=float)
    positions = np.vstack([[0.0, 0.0, 0.0], bond * directions])
    return Atoms([centre] + [ligand] * len(directions), positions=positions)


def _planar(n: int) -> np.ndarray:
    """``n`` unit vectors evenly spread in the xy plane."""
    angles = 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(angles), np.sin(angles), np.zeros(n)])


def _icosahedron_vertices(edge: float) -> np.ndarray:
    """The 12 vertices of a regular icosahedron of the given edge, centred at the origin."""
    phi = (1 + np.sqrt(5)) / 2
    base = []
    for a in (-1, 1):
        for b in (-phi, phi):
            base += [(0, a, b), (a, b, 0), (b, 0, a)]
    return np.array(base, dtype=float) * edge / 2.0


def _circumcentre_cap(p1, p2, p3, bond: float, centre) -> np.ndarray:
    """The point ``bond`` away from all three of p1, p2, p3, on the side away from ``centre``."""
    a, b = p2 - p1, p3 - p1
    normal = np.cross(a, b)
    # circumcentre of the triangle, in its plane
    circ = p1 + (np.dot(b, b) * np.cross(normal, a) + np.dot(a, a) * np.cross(b, normal)) / (
        2 * np.dot(normal, normal)
    )
    normal /= np.linalg.norm(normal)
    if np.dot(normal, circ - centre) < 0:
        normal = -normal
    height = np.sqrt(bond**2 - np.dot(p1 - circ, p1 - circ))
    return circ + height * normal


# --- the makers ----------------------------------------------------------------
def atom(symbol: str) -> Atoms:
    """A single atom at the origin.

    Examples
    --------
    >>> atom("Cl").get_chemical_symbols()
    ['Cl']
    """
    return Atoms(symbol, positions=[(0.0, 0.0, 0.0)])


def linear(symbols: list[str], bonds: list[float]) -> Atoms:
    """A chain along z, each bond length from the previous atom, centred at the origin.

    Examples
    --------
    >>> scn = linear(["S", "C", "N"], [1.65, 1.17])
    >>> round(float(scn.get_distance(0, 2)), 2), abs(float(scn.positions[:, 2].mean())) < 1e-12
    (2.82, True)
    """
    z = np.concatenate([[0.0], np.cumsum(bonds)])
    atoms = Atoms(symbols, positions=[(0.0, 0.0, zi) for zi in z])
    atoms.positions -= atoms.positions.mean(axis=0)
    return atoms


def tetrahedral(centre: str, ligand: str, bond: float) -> Atoms:
    """A central atom with four ligands at the vertices of a regular tetrahedron (Td).

    Examples
    --------
    >>> round(float(tetrahedral("B", "H", 1.24).get_angle(1, 0, 2)), 2)
    109.47
    """
    return _star(centre, ligand, bond, TETRAHEDRAL_DIRECTIONS)


def trigonal_planar(centre: str, ligand: str, bond: float) -> Atoms:
    """A central atom with three ligands 120 degrees apart in the xy plane (D3h).

    Examples
    --------
    >>> round(float(trigonal_planar("O", "Li", 1.62).get_angle(1, 0, 2)), 6)
    120.0
    """
    return _star(centre, ligand, bond, _planar(3))


def pyramidal(centre: str, ligand: str, bond: float, angle_deg: float) -> Atoms:
    """A C3v pyramid: three ligands with ligand-centre-ligand angle ``angle_deg``.

    Examples
    --------
    >>> round(float(pyramidal("I", "O", 1.81, 99.0).get_angle(1, 0, 3)), 6)
    99.0
    """
    sin2 = (1 - np.cos(np.radians(angle_deg))) / 1.5
    sin_b, cos_b = np.sqrt(sin2), np.sqrt(1 - sin2)
    phi = 2 * np.pi * np.arange(3) / 3
    directions = np.column_stack([sin_b * np.cos(phi), sin_b * np.sin(phi), -cos_b * np.ones(3)])
    return _star(centre, ligand, bond, directions)


def bent(centre: str, ligand: str, bond: float, angle_deg: float) -> Atoms:
    """A bent triatomic (C2v) in the xz plane with the given angle at the centre.

    Examples
    --------
    >>> round(float(bent("N", "O", 1.194, 134.1).get_angle(1, 0, 2)), 6)
    134.1
    """
    half = np.radians(angle_deg) / 2
    directions = [(np.sin(half), 0.0, np.cos(half)), (-np.sin(half), 0.0, np.cos(half))]
    return _star(centre, ligand, bond, directions)


def stellated_tetrahedron(element: str, bond: float) -> Atoms:
    """Eight atoms (Td): an inner tetrahedron with a cap over each face, all 18 bonds ``bond``.

    Examples
    --------
    >>> import numpy as np
    >>> d = stellated_tetrahedron("Na", 3.60).get_all_distances()
    >>> int(np.isclose(d, 3.60).sum()) // 2
    18
    """
    s = bond / (2 * np.sqrt(2))
    inner = TETRAHEDRAL_DIRECTIONS * np.sqrt(3) * s
    radius = np.linalg.norm(inner[0])
    caps = -TETRAHEDRAL_DIRECTIONS * (radius / 3 + bond * np.sqrt(2 / 3))
    return Atoms([element] * 8, positions=np.vstack([inner, caps]))


def capped_double_icosahedron(element: str, axial: float, cap_bond: float) -> Atoms:
    """The 19-atom double icosahedron (D5h) with one atom capping a waist face: 20 atoms.

    ``axial`` is the distance between neighbouring atoms on the five-fold axis
    (and from each icosahedron's centre to its waist atoms); ``cap_bond`` the
    distance of the capping atom from the three atoms of its face.

    Examples
    --------
    >>> len(capped_double_icosahedron("Na", 3.45, 3.60))
    20
    """

    def ring(z, radius, phase_deg):
        phi = np.radians(phase_deg + 72 * np.arange(5))
        return np.column_stack([radius * np.cos(phi), radius * np.sin(phi), np.full(5, z)])

    r = axial
    h = r / np.sqrt(5)
    waist = np.sqrt(r**2 - (r / 2) ** 2)  # waist atoms at distance r from both centres
    core = np.vstack(
        [
            [(0, 0, r), (0, 0, 0)],
            ring(h, 2 * h, 0),
            ring(-r / 2, waist, 36),
            [(0, 0, -r)],
            ring(-r - h, 2 * h, 0),
            [(0, 0, -2 * r)],
        ]
    )
    cap = _circumcentre_cap(core[2], core[3], core[7], cap_bond, core.mean(axis=0))
    atoms = Atoms([element] * 20, positions=np.vstack([core, cap]))
    atoms.positions -= atoms.positions.mean(axis=0)
    return atoms


def icosahedral_cage(cage: str, terminal: str, edge: float, terminal_bond: float) -> Atoms:
    """An icosahedron of 12 ``cage`` atoms, each with one radial ``terminal`` atom (Ih).

    Examples
    --------
    >>> b12h12 = icosahedral_cage("B", "H", 1.78, 1.20)
    >>> b12h12.get_chemical_formula(), round(float(b12h12.get_distance(0, 12)), 6)
    ('H12B12', 1.2)
    """
    inner = _icosahedron_vertices(edge)
    outer = inner * (1 + terminal_bond / np.linalg.norm(inner[0]))
    return Atoms([cage] * 12 + [terminal] * 12, positions=np.vstack([inner, outer]))


def ligands_replaced(
    parent: dict, parent_name: str, old: str, ligand: str, bond_lengths: list[float]
) -> Atoms:
    """The geometry ``parent`` (a shape spec) with every terminal ``old`` atom swapped.

    See :func:`~superatom_lab.core.edits.replace_ligands`; ``parent_name`` is
    the name the parent cluster is given there.

    Examples
    --------
    >>> parent = {"shape": "linear", "symbols": ["O", "H"], "bonds": [0.97]}
    >>> ligands_replaced(parent, "OH", "H", "CN", [1.4, 1.16]).get_chemical_symbols()
    ['O', 'C', 'N']
    """
    cluster = Cluster(make_geometry(parent), name=parent_name)
    return replace_ligands(cluster, old, ligand, bond_lengths=tuple(bond_lengths)).atoms


def carbonyl_bipyramid(metal: str, axial: float, equatorial: float, co: float) -> Atoms:
    """M(CO)5 as a D3h trigonal bipyramid with linear M-C-O.

    ``axial`` and ``equatorial`` are the M-C distances, ``co`` the C-O distance.

    Examples
    --------
    >>> fe_co5 = carbonyl_bipyramid("Fe", 1.81, 1.83, 1.15)
    >>> fe_co5.get_chemical_formula(), round(float(fe_co5.get_distance(1, 6)), 6)
    ('C5FeO5', 1.15)
    """
    directions = np.vstack([[(0, 0, 1), (0, 0, -1)], _planar(3)])
    bonds = [axial] * 2 + [equatorial] * 3
    carbons = directions * np.array(bonds)[:, None]
    oxygens = directions * (np.array(bonds) + co)[:, None]
    return Atoms(
        [metal] + ["C"] * 5 + ["O"] * 5, positions=np.vstack([[0, 0, 0], carbons, oxygens])
    )


def ase_molecule(name: str) -> Atoms:
    """One of ASE's built-in molecules (``ase.build.molecule``).

    Examples
    --------
    >>> len(ase_molecule("C60"))
    60
    """
    from ase.build import molecule  # ase.build costs 0.6 s of imports: only when needed

    return molecule(name)


def mackay_icosahedron(element: str, lattice_constant: float) -> Atoms:
    """The 13-atom icosahedron of ``ase.cluster.Icosahedron`` (2 shells).

    Examples
    --------
    >>> len(mackay_icosahedron("Al", 4.05))
    13
    """
    return icosahedron(element, 2, lattice_constant).atoms


def endohedral_icosahedron(centre: str, cage: str, lattice_constant: float) -> Atoms:
    """The 12-atom shell of :func:`mackay_icosahedron` with ``centre`` at its middle.

    Examples
    --------
    >>> endohedral_icosahedron("W", "Au", 4.08).get_chemical_formula()
    'Au12W'
    """
    return endohedral(centre, remove_center(icosahedron(cage, 2, lattice_constant))).atoms


MAKERS: dict[str, Callable[..., Atoms]] = {
    maker.__name__: maker
    for maker in (
        atom,
        linear,
        tetrahedral,
        trigonal_planar,
        pyramidal,
        bent,
        stellated_tetrahedron,
        capped_double_icosahedron,
        icosahedral_cage,
        ligands_replaced,
        carbonyl_bipyramid,
        ase_molecule,
        mackay_icosahedron,
        endohedral_icosahedron,
    )
}
"""The makers by shape name, as the catalogue's data file names them."""


def make_geometry(spec: dict) -> Atoms:
    """Make the geometry that ``spec`` describes: ``{"shape": <name>, **parameters}``.

    Raises
    ------
    ValueError
        For a shape that is not in :data:`MAKERS` (a broken data file, not user input).

    Examples
    --------
    >>> make_geometry({"shape": "atom", "symbol": "Na"}).get_chemical_symbols()
    ['Na']
    """
    params = dict(spec)
    shape = params.pop("shape")
    if shape not in MAKERS:
        raise ValueError(f"unknown catalogue shape {shape!r}: use one of {', '.join(MAKERS)}")
    return MAKERS[shape](**params)
