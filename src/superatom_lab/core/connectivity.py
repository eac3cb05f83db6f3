"""Bonds, fragments, rings and cages of a geometry, from distances alone.

It also finds how many electrons a ligand lacks for a closed shell
(:func:`closed_shell_deficit`), from its bonds and the valence of its atoms.

Two atoms are bonded when they are closer than ``1.2`` times the sum of their
covalent radii (``ase.data.covalent_radii``), or ``1.3`` times for two metal
atoms (:func:`~superatom_lab.core.elements.is_metallic`), whose covalent radii
are short for metallic bonds (the surface bonds of an Al13 icosahedron are 3.0 A,
the covalent sum 2.4 A).  Both scales live in :mod:`superatom_lab.core.bonding`.

An atom enclosed by a cage (:func:`enclosed_atoms`) belongs to the cage's
skeleton even when it is farther from the cage atoms than that: C inside an
Al12 icosahedron is 2.86 A from each Al, beyond ``1.2 (r_C + r_Al) = 2.6 A``.
:func:`skeletal_neighbours` adds those centre-to-cage bonds.

Examples
--------
>>> from ase.build import molecule
>>> adj = bonded_neighbours(molecule("CH4"))
>>> sorted(adj[0]), [len(a) for a in adj]
([1, 2, 3, 4], [4, 1, 1, 1, 1])
"""

from __future__ import annotations

import numpy as np
from ase import Atoms
from ase.data import covalent_radii
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.spatial import ConvexHull, QhullError

from superatom_lab.core.bonding import CONNECTIVITY_BOND_SCALE, CONNECTIVITY_METAL_BOND_SCALE
from superatom_lab.core.elements import group, is_metallic, valence_electrons

PLANE_TOLERANCE_ANGSTROM = 0.15
#: The cage shell around an atom: the atoms at most this fraction farther from it
#: than the nearest one ("similar distances").
SHELL_SPREAD = 0.3
#: An enclosed atom lies within this fraction of the mean shell distance of the
#: centroid of its shell.
SHELL_CENTRE_TOLERANCE = 0.25
MIN_SHELL_ATOMS = 4


def bonded_neighbours(atoms: Atoms) -> list[frozenset[int]]:
    """Return, for each atom, the indices of the atoms bonded to it.

    Examples
    --------
    >>> from ase.build import molecule
    >>> [len(a) for a in bonded_neighbours(molecule("CO2"))]
    [2, 1, 1]
    """
    numbers = atoms.get_atomic_numbers()
    if len(atoms) == 1:
        return [frozenset()]
    radii = covalent_radii[numbers]
    metal = np.array([is_metallic(int(z)) for z in numbers])
    scale = np.where(
        metal[:, None] & metal[None, :], CONNECTIVITY_METAL_BOND_SCALE, CONNECTIVITY_BOND_SCALE
    )
    cutoff = scale * (radii[:, None] + radii[None, :])
    close = atoms.get_all_distances() < cutoff
    np.fill_diagonal(close, False)
    return [frozenset(np.flatnonzero(row).tolist()) for row in close]


def components(adj: list[frozenset[int]], nodes) -> list[list[int]]:
    """Connected components of the graph restricted to ``nodes``, each sorted.

    Examples
    --------
    >>> components([frozenset({1}), frozenset({0}), frozenset()], [0, 1, 2])
    [[0, 1], [2]]
    """
    left = set(nodes)
    out = []
    while left:
        start = min(left)
        seen, stack = {start}, [start]
        while stack:
            for j in adj[stack.pop()]:
                if j in left and j not in seen:
                    seen.add(j)
                    stack.append(j)
        left -= seen
        out.append(sorted(seen))
    return sorted(out)


def k_core(adj: list[frozenset[int]], nodes, k: int) -> set[int]:
    """The largest subset of ``nodes`` in which every atom has at least ``k`` neighbours.

    Examples
    --------
    >>> square_with_tail = [frozenset({1, 3}), frozenset({0, 2}), frozenset({1, 3}),
    ...                     frozenset({0, 2, 4}), frozenset({3})]
    >>> sorted(k_core(square_with_tail, range(5), 2))
    [0, 1, 2, 3]
    """
    core = set(nodes)
    changed = True
    while changed:
        drop = {i for i in core if len(adj[i] & core) < k}
        core -= drop
        changed = bool(drop)
    return core


def ring_atoms(adj: list[frozenset[int]]) -> set[int]:
    """Atoms that lie on a cycle: the ends of every bond that is not a bridge.

    Bridges are found with Tarjan's low-link depth-first search, in linear time.

    Examples
    --------
    >>> from ase.build import molecule
    >>> sorted(ring_atoms(bonded_neighbours(molecule("C6H6"))))
    [0, 1, 2, 3, 4, 5]
    """
    n = len(adj)
    order, low = [-1] * n, [0] * n
    bridges = set()
    counter = 0
    for root in range(n):
        if order[root] >= 0:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, -1, iter(sorted(adj[root])))]
        while stack:
            node, parent, children = stack[-1]
            for child in children:
                if child == parent:
                    continue
                if order[child] < 0:
                    order[child] = low[child] = counter
                    counter += 1
                    stack.append((child, node, iter(sorted(adj[child]))))
                    break
                low[node] = min(low[node], order[child])
            else:
                stack.pop()
                if parent >= 0:
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        bridges.add(frozenset((parent, node)))
    return {i for i in range(n) for j in adj[i] if frozenset((i, j)) not in bridges}


def count_edges(adj: list[frozenset[int]], nodes) -> int:
    """Number of bonds between atoms of ``nodes``.

    Examples
    --------
    >>> count_edges([frozenset({1}), frozenset({0})], [0, 1])
    1
    """
    nodes = set(nodes)
    return sum(len(adj[i] & nodes) for i in nodes) // 2


def triangles_at(adj: list[frozenset[int]], nodes, i: int) -> int:
    """Number of triangles of bonds among ``nodes`` that contain atom ``i``.

    Examples
    --------
    >>> triangle = [frozenset({1, 2}), frozenset({0, 2}), frozenset({0, 1})]
    >>> triangles_at(triangle, range(3), 0)
    1
    """
    nodes = set(nodes)
    nbrs = sorted(adj[i] & nodes)
    return sum(1 for a in nbrs for b in nbrs if a < b and b in adj[a])


def is_planar(positions: np.ndarray, tolerance: float = PLANE_TOLERANCE_ANGSTROM) -> bool:
    """True if every point is within ``tolerance`` (A) of one plane.

    Examples
    --------
    >>> is_planar(np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0.05]]))
    True
    """
    pts = np.asarray(positions, dtype=float)
    if len(pts) <= 3:
        return True
    centred = pts - pts.mean(axis=0)
    normal = np.linalg.svd(centred)[2][-1]
    return bool(np.max(np.abs(centred @ normal)) < tolerance)


def is_inside_hull(point: np.ndarray, others: np.ndarray, margin: float = 0.3) -> bool:
    """True if ``point`` lies inside the convex hull of ``others``, ``margin`` A from its faces.

    Examples
    --------
    >>> cube = np.array([[x, y, z] for x in (0, 2) for y in (0, 2) for z in (0, 2)], float)
    >>> is_inside_hull(np.array([1.0, 1, 1]), cube), is_inside_hull(np.array([0.1, 1, 1]), cube)
    (True, False)
    """
    if len(others) < 4:
        return False
    try:
        hull = ConvexHull(np.asarray(others, dtype=float))
    except QhullError:  # flat or degenerate: nothing is inside
        return False
    # hull.equations: n . x + d <= 0 inside, with |n| = 1
    return bool(np.all(hull.equations[:, :3] @ point + hull.equations[:, 3] < -margin))


def enclosed_atoms(
    atoms: Atoms, adj: list[frozenset[int]] | None = None
) -> dict[int, frozenset[int]]:
    """Atoms that sit inside a cage, each with the cage atoms around it.

    Atom ``i`` is enclosed when its shell, the atoms at most ``1 + SHELL_SPREAD``
    times as far from it as the nearest atom, (a) has at least
    ``MIN_SHELL_ATOMS`` atoms, (b) is a cage: every shell atom is bonded to at
    least three others of the shell, (c) surrounds ``i``: ``i`` lies inside the
    shell's convex hull (:func:`is_inside_hull`), and (d) is centred on ``i``:
    the shell's centroid is within ``SHELL_CENTRE_TOLERANCE`` times the mean
    shell distance of ``i``.  Bonds to ``i`` play no part, so an atom inside a
    cage larger than the bond cutoff (C in Al12, 2.86 A) is found as well as a
    bonded one (Al in Al12).  Atoms far apart without bonds between them (BF4
    stretched to 3 A) form no cage, and an atom outside a cage is not inside it.

    Parameters
    ----------
    atoms : ase.Atoms
        The geometry.
    adj : list of frozenset of int, optional
        Bonds between the atoms (:func:`bonded_neighbours` by default).

    Returns
    -------
    dict of int to frozenset of int
        Index of each enclosed atom -> indices of its shell, in atom order.

    Examples
    --------
    >>> from ase.cluster import Icosahedron
    >>> al13 = Icosahedron("Al", noshells=2, latticeconstant=4.05)
    >>> k = int(((al13.positions - al13.positions.mean(axis=0)) ** 2).sum(axis=1).argmin())
    >>> al13[k].symbol = "C"
    >>> shells = enclosed_atoms(al13)
    >>> list(shells) == [k], len(shells[k]), len(bonded_neighbours(al13)[k])
    (True, 12, 0)
    """
    if adj is None:
        adj = bonded_neighbours(atoms)
    n = len(atoms)
    if n <= MIN_SHELL_ATOMS:
        return {}
    pos = atoms.get_positions()
    dist = atoms.get_all_distances()
    out = {}
    for i in range(n):
        d = np.delete(dist[i], i)
        others = np.delete(np.arange(n), i)
        nearest = d.min()
        if nearest <= 0:
            continue
        shell = others[d <= (1 + SHELL_SPREAD) * nearest]
        if len(shell) < MIN_SHELL_ATOMS or k_core(adj, shell.tolist(), 3) != set(shell.tolist()):
            continue
        offset = np.linalg.norm(pos[shell].mean(axis=0) - pos[i])
        if offset > SHELL_CENTRE_TOLERANCE * dist[i, shell].mean():
            continue
        if is_inside_hull(pos[i], pos[shell]):
            out[i] = frozenset(shell.tolist())
    return out


def skeletal_neighbours(
    atoms: Atoms, enclosed: dict[int, frozenset[int]] | None = None
) -> list[frozenset[int]]:
    """Bonds of :func:`bonded_neighbours`, plus each enclosed atom bonded to its cage.

    These are the bonds the electron-counting rules use: an atom inside a
    cage (:func:`enclosed_atoms`) belongs to the cluster's skeleton, even when
    the cage is too wide for it to be bonded by distance.

    Parameters
    ----------
    atoms : ase.Atoms
        The geometry.
    enclosed : dict of int to frozenset of int, optional
        What :func:`enclosed_atoms` returns for ``atoms``, if already known.

    Returns
    -------
    list of frozenset of int
        For each atom, the indices of the atoms bonded to it.

    Examples
    --------
    >>> from superatom_lab.core.edits import substitute
    >>> from superatom_lab.core.shapes import icosahedron
    >>> cal12 = substitute(icosahedron("Al"), 0, "C").atoms  # atom 0 is the centre
    >>> len(bonded_neighbours(cal12)[0]), len(skeletal_neighbours(cal12)[0])
    (0, 12)
    """
    adj = bonded_neighbours(atoms)
    if enclosed is None:
        enclosed = enclosed_atoms(atoms, adj)
    if not enclosed:
        return adj
    extra = [set(a) for a in adj]
    for i, shell in enclosed.items():
        extra[i] |= shell
        for j in shell:
            extra[j].add(i)
    return [frozenset(a) for a in extra]


def _max_extra_bonds(edges: list[tuple[int, int]], free: dict[int, int]) -> int:
    """Most pi bonds (0-2 per sigma bond) that atoms with ``free`` spare valences can form."""
    edges = [(i, j) for i, j in edges if free[i] > 0 and free[j] > 0]
    if not edges:
        return 0
    atoms = sorted({i for e in edges for i in e})
    rows = {a: k for k, a in enumerate(atoms)}
    a = np.zeros((len(atoms), len(edges)))
    for k, (i, j) in enumerate(edges):
        a[rows[i], k] = a[rows[j], k] = 1.0
    res = milp(
        c=-np.ones(len(edges)),
        constraints=LinearConstraint(a, ub=[free[i] for i in atoms]),
        integrality=np.ones(len(edges)),
        bounds=Bounds(0, 2),
    )
    return int(round(-res.fun)) if res.success else 0


def closed_shell_deficit(symbols, adj: list[frozenset[int]], fragment) -> int:
    """Electrons a fragment lacks for closed shells (negative: electrons it gives away).

    Each non-metal atom wants 8 electrons (H 2); bonds are made as multiple as
    the atoms allow (H and halogens 1 bond, O and S 3, others 4) but never more
    than the electrons need.  Metal atoms in the fragment give away their
    valence electrons.  H, F, Cl, CN, OH and SCH3 lack 1 (one-electron ligands),
    O lacks 2, CO, NH3, PH3 and benzene lack none.

    Examples
    --------
    >>> from ase.build import molecule
    >>> co = molecule("CO")
    >>> closed_shell_deficit(co.get_chemical_symbols(), bonded_neighbours(co), [0, 1])
    0
    >>> lone = [frozenset()]
    >>> closed_shell_deficit(["O"], lone, [0]), closed_shell_deficit(["Li"], lone, [0])
    (2, -1)
    """
    fragment = list(fragment)
    given = sum(valence_electrons(symbols[i]) for i in fragment if is_metallic(symbols[i]))
    rest = [i for i in fragment if not is_metallic(symbols[i])]
    if not rest:
        return -given
    in_rest = set(rest)
    edges = [(i, j) for i in rest for j in adj[i] if j in in_rest and i < j]
    need = sum(2 if group(symbols[i]) == 1 or symbols[i] == "He" else 8 for i in rest)
    need -= sum(valence_electrons(symbols[i]) for i in rest)
    caps = {1: 1, 17: 1, 16: 3, 18: 0}
    free = {i: max(caps.get(group(symbols[i]), 4) - len(adj[i] & in_rest), 0) for i in rest}
    bonds = max(len(edges), min(len(edges) + _max_extra_bonds(edges, free), need // 2))
    return need - 2 * bonds - given


def shared_electrons(deficit: int) -> int:
    """Electrons a ligand with this deficit puts into its bond to a centre.

    A ligand short of ``x`` electrons shares ``x`` (covalent counting: H, Cl 1;
    O 2), a closed-shell ligand donates a lone pair (CO, NH3: 2), and a
    fragment with electrons to spare gives them (Li: 1).

    Examples
    --------
    >>> [shared_electrons(x) for x in (1, 2, 0, -1)]
    [1, 2, 2, 1]
    """
    return deficit if deficit > 0 else 2 if deficit == 0 else -deficit
