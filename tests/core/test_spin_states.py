"""Spins to try for a ground state: Hund's rule for atoms, parity for everything else.

Expected atomic spins are the multiplicities of the ground terms in the NIST Atomic Spectra
Database (Kramida, Ralchenko, Reader and NIST ASD Team, "Ground levels and ionization
energies for the neutral atoms"), as 2S = multiplicity - 1: H 2S -> 1, C 3P -> 2, N 4S -> 3,
Fe 5D -> 4, Cr 7S -> 6 ...
"""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms
from ase.cluster import Icosahedron

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.elements import atomic_number
from superatom_lab.core.spin_states import (
    candidate_spins,
    hund_unpaired_electrons,
    is_small_molecule,
)

# element: ground term of the neutral atom (NIST ASD)
GROUND_TERMS = {
    "H": "2S", "He": "1S", "Li": "2S", "Be": "1S", "B": "2P", "C": "3P", "N": "4S",
    "O": "3P", "F": "2P", "Ne": "1S", "Na": "2S", "Mg": "1S", "Al": "2P", "Si": "3P",
    "P": "4S", "S": "3P", "Cl": "2P", "Ar": "1S", "K": "2S", "Ca": "1S",
    "Sc": "2D", "Ti": "3F", "V": "4F", "Cr": "7S", "Mn": "6S", "Fe": "5D", "Co": "4F",
    "Ni": "3F", "Cu": "2S", "Zn": "1S", "Ga": "2P", "As": "4S", "Br": "2P", "Kr": "1S",
    "Zr": "3F", "Nb": "6D", "Mo": "7S", "Tc": "6S", "Ru": "5F", "Rh": "4F", "Pd": "1S",
    "Ag": "2S", "Cd": "1S", "Sn": "3P", "I": "2P", "Xe": "1S", "Cs": "2S",
    "La": "2D", "Eu": "8S", "Gd": "9D", "Tb": "6H", "Yb": "1S", "Lu": "2D",
    "W": "5D", "Re": "6S", "Pt": "3D", "Au": "2S", "Hg": "1S", "Pb": "3P", "Bi": "4S",
    "U": "5L", "Cm": "9D",
}  # fmt: skip


def spin_of(term: str) -> int:
    """2S of a term symbol such as ``"3P"`` (multiplicity 2S + 1 first)."""
    return int(term[:-1]) - 1


def atom(symbol: str, charge: int = 0, spin=None) -> Cluster:
    return Cluster(Atoms(symbol), charge=charge, spin=spin)


@pytest.mark.parametrize("symbol", sorted(GROUND_TERMS))
def test_hund_spin_of_neutral_atoms(symbol):
    expected = spin_of(GROUND_TERMS[symbol])
    assert hund_unpaired_electrons(atomic_number(symbol)) == expected
    assert candidate_spins(atom(symbol)) == [expected]


def test_cerium_is_a_singlet():
    """Ce's ground term is 1G (4f 5d 6s2, NIST ASD), against Hund's first rule."""
    assert hund_unpaired_electrons(58) == 0


@pytest.mark.parametrize(
    ("symbol", "charge", "spin"),
    [
        ("H", -1, 0),  # H- 1S, like He
        ("O", -1, 1),  # O- 2P, like F
        ("F", -1, 0),  # F- 1S, like Ne
        ("Cl", -1, 0),  # Cl- 1S, like Ar
        ("Na", 1, 0),  # Na+ 1S, like Ne
        ("Li", -1, 0),  # Li- 1S (2s2), like Be
        ("C", -1, 3),  # C- 4S (2p3), like N
        ("Au", -1, 0),  # Au- 1S (5d10 6s2), like Hg
    ],
)
def test_atomic_ions_take_the_spin_of_the_isoelectronic_atom(symbol, charge, spin):
    assert candidate_spins(atom(symbol, charge)) == [spin]


def test_every_atom_has_a_spin_its_electron_count_allows():
    for n in range(1, 104):
        s = hund_unpaired_electrons(n)
        assert 0 <= s <= n and (n - s) % 2 == 0, n
        assert s <= 8  # at most a half-filled f shell plus one d electron (Gd, Cm)


def test_a_given_spin_is_the_only_candidate():
    assert candidate_spins(atom("O", spin=0)) == [0]
    assert candidate_spins(atom("Cl", spin=3)) == [3]


def h2(charge: int = 0) -> Cluster:
    return Cluster(Atoms("H2", positions=[(0, 0, 0), (0, 0, 0.74)]), charge=charge)


def test_molecules_try_the_lowest_multiplicities_of_their_parity():
    na2 = Cluster(Atoms("Na2", positions=[(0, 0, 0), (0, 0, 3.08)]))  # 22 electrons
    angles = np.radians([90, 210, 330])
    lithiums = 1.65 * np.stack([np.cos(angles), np.sin(angles), np.zeros(3)], axis=1)
    li3o = Cluster(Atoms("OLi3", positions=[(0, 0, 0), *lithiums]))  # 3 x 3 + 8 = 17 electrons
    al13 = Icosahedron("Al", noshells=2, latticeconstant=4.05)  # 13 x 13 = 169 electrons
    assert candidate_spins(h2()) == [0, 2]
    assert candidate_spins(na2) == [0, 2]
    assert candidate_spins(li3o) == [1, 3]
    assert candidate_spins(Cluster(al13)) == [1, 3]
    assert candidate_spins(Cluster(al13, charge=-1)) == [0, 2]  # Al13-: 170, closed 40-e shell
    assert candidate_spins(h2(), n_candidates=3) == [0, 2]  # two electrons: no quintet
    assert candidate_spins(na2, n_candidates=3) == [0, 2, 4]
    assert candidate_spins(h2(charge=1)) == [1]  # one electron: a doublet only


def test_small_molecules_have_two_to_four_atoms():
    from ase.build import molecule

    assert not is_small_molecule(atom("O"))
    assert is_small_molecule(h2()) and is_small_molecule(Cluster(molecule("H2O")))
    assert is_small_molecule(Cluster(molecule("NH3")))
    assert not is_small_molecule(Cluster(molecule("CH4")))
