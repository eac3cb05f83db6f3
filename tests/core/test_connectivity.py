"""Bonds, fragments and closed-shell electron deficits of molecules with known structures.

Cages and enclosed atoms (C in Al12, stretched BF4, W@Au12) are tested with the counting rules
in tests/core/test_counting.py; here: bonds of textbook molecules, the wider cutoff between two
metal atoms, rings, fragments, and the Lewis-structure electron deficits behind the ligand
counting (superhalogen BF4, superalkali Li3O).  Geometries are ASE's G2 set
(``ase.build.molecule``) or built with experimental bond lengths.
"""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms
from ase.build import molecule
from ase.cluster import Icosahedron

from superatom_lab.core.connectivity import (
    bonded_neighbours,
    closed_shell_deficit,
    components,
    count_edges,
    is_planar,
    ring_atoms,
    shared_electrons,
)


def n_bonds(atoms: Atoms) -> int:
    return count_edges(bonded_neighbours(atoms), range(len(atoms)))


def deficit(atoms: Atoms, fragment=None) -> int:
    fragment = range(len(atoms)) if fragment is None else fragment
    return closed_shell_deficit(atoms.get_chemical_symbols(), bonded_neighbours(atoms), fragment)


def tetrahedral(centre: str, ligand: str, d: float) -> Atoms:
    u = np.array([(1, 1, 1), (-1, -1, 1), (-1, 1, -1), (1, -1, -1)]) / 3**0.5
    return Atoms(centre + ligand * 4, positions=np.vstack([[0, 0, 0], d * u]))


def trigonal(centre: str, ligand: str, d: float) -> Atoms:
    angles = np.radians([90, 210, 330])
    ring = d * np.stack([np.cos(angles), np.sin(angles), np.zeros(3)], axis=1)
    return Atoms(centre + ligand * 3, positions=np.vstack([[0, 0, 0], ring]))


# molecule: number of bonds in its Lewis structure (each multiple bond counted once)
BONDS = {"H2": 1, "H2O": 2, "NH3": 3, "CH4": 4, "CO2": 2, "HCN": 2, "C2H4": 5, "C6H6": 12}


@pytest.mark.parametrize("name", sorted(BONDS))
def test_bond_counts_of_small_molecules(name):
    assert n_bonds(molecule(name)) == BONDS[name]


def test_water_and_carbon_dioxide():
    water = molecule("H2O")  # O first, then the two H
    adj = bonded_neighbours(water)
    assert adj == [frozenset({1, 2}), frozenset({0}), frozenset({0})]  # no H-H bond
    co2 = molecule("CO2")  # C in the middle of a linear O=C=O
    c = co2.get_chemical_symbols().index("C")
    adj = bonded_neighbours(co2)
    assert len(adj[c]) == 2 and all(adj[o] == {c} for o in range(3) if o != c)  # no O-O bond
    first, second = sorted(adj[c])
    assert co2.get_angle(first, c, second) == pytest.approx(180.0, abs=1e-6)  # linear


def test_a_lone_atom_has_no_bonds():
    assert bonded_neighbours(Atoms("Na")) == [frozenset()]


def test_two_metal_atoms_bond_over_a_longer_distance():
    # 2.9 A is a normal Al-Al contact (Al2 r_e = 2.70 A; Al13 surface 3.0 A) but far beyond
    # a Si-Si single bond (2.35 A in crystalline silicon)
    assert n_bonds(Atoms("Al2", positions=[(0, 0, 0), (0, 0, 2.9)])) == 1
    assert n_bonds(Atoms("Si2", positions=[(0, 0, 0), (0, 0, 2.9)])) == 0


def test_al13_icosahedron_has_the_42_edges_of_a_centred_icosahedron():
    # centre-surface 2.86 A, surface-surface 3.01 A for a = 4.05 A: 12 spokes + 30 edges
    al13 = Icosahedron("Al", noshells=2, latticeconstant=4.05)
    adj = bonded_neighbours(al13)
    centre = int(np.linalg.norm(al13.positions - al13.positions.mean(axis=0), axis=1).argmin())
    assert len(adj[centre]) == 12
    assert all(len(adj[i]) == 6 for i in range(13) if i != centre)  # centre + 5 on the surface
    assert count_edges(adj, range(13)) == 12 + 30


def test_separate_molecules_are_separate_fragments():
    first = molecule("H2O")
    second = molecule("H2O")
    second.translate((5.0, 0, 0))
    pair = first + second
    assert components(bonded_neighbours(pair), range(6)) == [[0, 1, 2], [3, 4, 5]]
    ammonia = molecule("NH3")
    n = ammonia.get_chemical_symbols().index("N")
    others = [i for i in range(4) if i != n]
    # without the N centre the three H atoms are three fragments of one atom each
    assert components(bonded_neighbours(ammonia), others) == [[i] for i in others]


def test_rings():
    cyclopropane = molecule("C3H6_D3h")
    carbons = {i for i, s in enumerate(cyclopropane.get_chemical_symbols()) if s == "C"}
    assert ring_atoms(bonded_neighbours(cyclopropane)) == carbons
    for acyclic in ("H2O", "CO2", "C2H4", "CH3CN"):
        assert ring_atoms(bonded_neighbours(molecule(acyclic))) == set(), acyclic


def test_planarity():
    assert is_planar(molecule("C6H6").positions)
    assert is_planar(molecule("C2H4").positions)
    assert not is_planar(molecule("CH4").positions)
    assert not is_planar(molecule("NH3").positions)  # a pyramid


# Lewis structures: electrons short of a closed shell (octet, duet for H)
DEFICITS = {
    "H2": 0, "H2O": 0, "NH3": 0, "CH4": 0, "CO": 0, "CO2": 0, "N2": 0, "O2": 0, "HCN": 0,
    "C2H4": 0, "C6H6": 0, "OH": 1, "CN": 1, "CH3": 1,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(DEFICITS))
def test_closed_shell_deficits_of_molecules_and_radicals(name):
    assert deficit(molecule(name)) == DEFICITS[name]


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [("H", 1), ("F", 1), ("Cl", 1), ("O", 2), ("N", 3), ("C", 4), ("Ne", 0),
     ("Li", -1), ("Na", -1), ("Mg", -2), ("Al", -3)],
)  # fmt: skip
def test_closed_shell_deficits_of_atoms(symbol, expected):
    # non-metals lack 8 (H: 2) minus their valence electrons; metals give theirs away
    assert closed_shell_deficit([symbol], [frozenset()], [0]) == expected


def test_bf4_is_one_electron_short_a_superhalogen():
    bf4 = tetrahedral("B", "F", 1.39)  # B-F 1.39 A in BF4- salts
    adj = bonded_neighbours(bf4)
    assert adj[0] == {1, 2, 3, 4} and count_edges(adj, range(5)) == 4  # no F-F bonds
    assert deficit(bf4) == 1  # BF4- is the closed shell
    # the ligands around the B centre: four F atoms, each a one-electron ligand
    ligands = components(adj, range(1, 5))
    assert ligands == [[1], [2], [3], [4]]
    assert [deficit(bf4, f) for f in ligands] == [1, 1, 1, 1]
    assert [shared_electrons(deficit(bf4, f)) for f in ligands] == [1, 1, 1, 1]


def test_li3o_has_one_electron_to_spare_a_superalkali():
    li3o = trigonal("O", "Li", 1.65)  # D3h, O-Li about 1.65 A
    assert deficit(li3o) == -1  # Li3O+ is the closed shell
    adj = bonded_neighbours(li3o)
    assert adj[0] == {1, 2, 3}
    lithium = components(adj, [1, 2, 3])
    # however the Li atoms group (their 2.86 A contacts count as metal-metal bonds), together
    # they give away their three 2s electrons, which O's two holes cannot all take
    assert sum(deficit(li3o, f) for f in lithium) == -3
    assert deficit(li3o, [0]) == 2


def test_shared_electrons_by_kind_of_ligand():
    # covalent ligands share what they lack (Cl 1, O 2), closed-shell donors a lone pair
    # (CO 2), electron-rich fragments what they give (Li 1)
    co = molecule("CO")
    assert shared_electrons(deficit(co)) == 2
    assert shared_electrons(deficit(Atoms("Cl"))) == 1
    assert shared_electrons(deficit(Atoms("O"))) == 2
    assert shared_electrons(deficit(Atoms("Li"))) == 1
