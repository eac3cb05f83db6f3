"""Which spin states (2S) to try when looking for a ground state.

For a single atom or ion, Hund's rule applied to the ground configuration of
the isoelectronic neutral atom gives the spin directly (O: 2, O-: 1, Cl-: 0).
For molecules and clusters the lowest few multiplicities allowed by the
electron count are tried, and the calculation keeps the lowest energy.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> candidate_spins(Cluster(Atoms("O")))
[2]
>>> candidate_spins(Cluster(Atoms("O2", positions=[(0, 0, 0), (0, 0, 1.21)])))
[0, 2]
"""

from __future__ import annotations

from superatom_lab.core.cluster import Cluster

#: Molecules of 2 to this many atoms are "small": their spin search is pruned by the
#: unrelaxed spin-flip energy rather than by the orbital gap (``qc.properties``).
SMALL_MOLECULE_MAX_ATOMS = 4


def is_small_molecule(cluster: Cluster) -> bool:
    """Whether ``cluster`` has 2 to ``SMALL_MOLECULE_MAX_ATOMS`` atoms.

    Examples
    --------
    >>> from ase import Atoms
    >>> oh = Cluster(Atoms("OH", positions=[(0, 0, 0), (0, 0, 0.97)]))
    >>> is_small_molecule(Cluster(Atoms("O"))), is_small_molecule(oh)
    (False, True)
    """
    return 2 <= cluster.n_atoms <= SMALL_MOLECULE_MAX_ATOMS


# Aufbau (Madelung) order of subshells: (n, l).
_AUFBAU = [
    (1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (4, 0), (3, 2), (4, 1), (5, 0), (4, 2),
    (5, 1), (6, 0), (4, 3), (5, 2), (6, 1), (7, 0), (5, 3), (6, 2), (7, 1),
]  # fmt: skip

# Neutral atoms whose ground configuration breaks the Aufbau order, or whose ground
# term breaks Hund's first rule (Ce), in a way that changes the number of unpaired
# electrons (NIST Atomic Spectra Database).
_UNPAIRED_EXCEPTIONS = {
    24: 6,  # Cr 3d5 4s1
    29: 1,  # Cu 3d10 4s1
    41: 5,  # Nb 4d4 5s1
    42: 6,  # Mo 4d5 5s1
    44: 4,  # Ru 4d7 5s1
    45: 3,  # Rh 4d8 5s1
    46: 0,  # Pd 4d10
    47: 1,  # Ag 4d10 5s1
    58: 0,  # Ce 4f 5d 6s2, ground term 1G (the two open-shell electrons pair their spins)
    64: 8,  # Gd 4f7 5d1 6s2
    78: 2,  # Pt 5d9 6s1
    79: 1,  # Au 5d10 6s1
    96: 8,  # Cm 5f7 6d1 7s2
}


def hund_unpaired_electrons(n_electrons: int) -> int:
    """Unpaired electrons (2S) of the ground state of an ``n_electrons`` atom.

    Uses the ground configuration of the neutral atom with ``Z = n_electrons``
    (the isoelectronic rule) and Hund's first rule for its open subshell.

    Examples
    --------
    >>> [hund_unpaired_electrons(n) for n in (1, 6, 8, 9, 17, 18, 24, 79)]
    [1, 2, 2, 1, 1, 0, 6, 1]
    """
    if n_electrons in _UNPAIRED_EXCEPTIONS:
        return _UNPAIRED_EXCEPTIONS[n_electrons]
    left, unpaired = n_electrons, 0
    for _, l in _AUFBAU:
        capacity = 2 * (2 * l + 1)
        k = min(left, capacity)
        left -= k
        if k < capacity:
            unpaired = min(k, capacity - k)
        if left == 0:
            break
    return unpaired


def candidate_spins(cluster: Cluster, n_candidates: int = 2) -> list[int]:
    """Spins (2S) worth trying for the ground state of ``cluster``.

    Parameters
    ----------
    cluster : Cluster
        If its ``spin`` is set, only that spin is returned.
    n_candidates : int
        How many of the lowest multiplicities to try for a molecule or cluster.

    Examples
    --------
    >>> from ase import Atoms
    >>> candidate_spins(Cluster(Atoms("Cl"), charge=-1))
    [0]
    >>> candidate_spins(Cluster(Atoms("Cl"), spin=3))
    [3]
    """
    if cluster.spin is not None:
        return [cluster.spin]
    n = cluster.n_electrons
    if cluster.n_atoms == 1:
        return [hund_unpaired_electrons(n)]
    lowest = n % 2
    return [s for s in range(lowest, lowest + 2 * n_candidates, 2) if s <= n]
