"""Candidates of a screen: a name, a cluster and its charge.

Examples
--------
>>> c = candidate("OH")
>>> c.name, c.cluster.formula, c.charge
('OH', 'HO', 0)
>>> candidate("Cl", charge=-1).cluster.n_electrons
18
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.structure_source import load_structure


@dataclass(frozen=True)
class Candidate:
    """One species to screen.

    Attributes
    ----------
    name : str
        How the table names it: the catalogue name, or the file's stem.
    cluster : Cluster
        Geometry, with ``cluster.charge == charge``.
    charge : int
        The charge the property starts from (an EA goes from ``charge`` to ``charge - 1``).

    Examples
    --------
    >>> from ase import Atoms
    >>> Candidate("H", Cluster(Atoms("H")), 0).cluster.n_electrons
    1
    """

    name: str
    cluster: Cluster
    charge: int = 0

    def __post_init__(self) -> None:
        if self.cluster.charge != self.charge:
            object.__setattr__(self, "cluster", self.cluster.with_charge(self.charge))


def candidate(structure: str, charge: int = 0, base: str | os.PathLike | None = None) -> Candidate:
    """A candidate from a catalogue name or an ``.xyz`` path (relative to ``base``).

    Raises
    ------
    InputError
        For an unknown name, a missing or malformed file, or a charge that does
        not fit the electron count.

    Examples
    --------
    >>> candidate("Zz")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.UnknownSpeciesError: unknown species 'Zz'...
    """
    cluster = load_structure(structure, charge, None, base=base)
    return Candidate(cluster.name, cluster, cluster.charge)
