"""Bonds, fragments, the central atom and an enclosed atom of a cluster, found once.

The electron-counting rules (:mod:`superatom_lab.core.counting`) all read the
geometry through a :class:`BondAnalysis`.

Examples
--------
>>> from ase.build import molecule
>>> from superatom_lab.core.cluster import Cluster
>>> a = BondAnalysis(Cluster(molecule("CH4")))
>>> a.symbols[a.centre], a.endohedral
('C', None)
>>> plural(1, "ligand"), plural(4, "ligand")
('1 ligand', '4 ligands')
"""

from __future__ import annotations

from functools import cached_property

from superatom_lab.core import connectivity as cn
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.connectivity import closed_shell_deficit, shared_electrons
from superatom_lab.core.elements import group

MIN_CAGE_ATOMS = 8
"""Fewest atoms of a cage around an enclosed atom (32-electron rule) or of a sphere (Hirsch)."""


class BondAnalysis:
    """Bonds, fragments and the central atom of a cluster, computed once."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.symbols = cluster.symbols
        self.pos = cluster.positions_angstrom
        # atoms inside a cage -> the cage atoms around them, bonded to them in adj
        self.enclosed = cn.enclosed_atoms(cluster.atoms)
        self.adj = cn.skeletal_neighbours(cluster.atoms, self.enclosed)
        self.n = cluster.n_atoms
        self.z = cluster.charge

    def fragments_without(self, removed) -> list[list[int]]:
        removed = set(removed)
        return cn.components(self.adj, [i for i in range(self.n) if i not in removed])

    def hapticity(self, fragment, centre_atoms) -> int:
        """Bonds between a fragment and a set of atoms."""
        return sum(len(self.adj[i] & set(centre_atoms)) for i in fragment)

    def donation(self, fragment) -> int:
        """Electrons a ligand bonded through one atom shares with what it is bonded to."""
        return shared_electrons(closed_shell_deficit(self.symbols, self.adj, fragment))

    def shared_with(self, fragment, c: int) -> int:
        """Electrons a ligand puts into its bonds to atom ``c``.

        One bonded atom: :func:`shared_electrons`.  Several bonded atoms next to
        each other (a pi ligand such as C5H5 or benzene, or a cage around ``c``):
        one electron per bonded atom.  Several apart (a chelate): 2 per donor
        atom minus the electrons the ligand lacks (ethylenediamine 4, acac 3).
        """
        donors = [i for i in fragment if c in self.adj[i]]
        if len(donors) == 1:
            return self.donation(fragment)
        if len(cn.components(self.adj, donors)) == 1:
            return len(donors)
        x = closed_shell_deficit(self.symbols, self.adj, fragment)
        return 2 * len(donors) - x if 0 <= x <= len(donors) else len(donors)

    @cached_property
    def centre(self) -> int | None:
        """The atom with the most bonds whose removal splits the rest into ligands, or None."""
        best = None
        for i in range(self.n):
            if self.symbols[i] == "H" or len(self.adj[i]) < 2:
                continue
            frags = self.fragments_without([i])
            if len(frags) < 2 or any(self.hapticity(f, [i]) == 0 for f in frags):
                continue
            key = (len(self.adj[i]), len(frags), -(group(self.symbols[i]) or 3))
            if best is None or key > best[0]:
                best = (key, i)
        return None if best is None else best[1]

    @cached_property
    def endohedral(self) -> int | None:
        """An atom enclosed by a single cage of at least 8 atoms, or None."""
        centroid = self.pos.mean(axis=0)
        i = int(((self.pos - centroid) ** 2).sum(axis=1).argmin())
        others = [j for j in range(self.n) if j != i]
        if len(others) < MIN_CAGE_ATOMS or len(self.fragments_without([i])) != 1:
            return None
        return i if cn.is_inside_hull(self.pos[i], self.pos[others]) else None


def plural(k: int, noun: str) -> str:
    """``"1 ligand"``, ``"4 ligands"``."""
    return f"{k} {noun}" + ("" if k == 1 else "s")
