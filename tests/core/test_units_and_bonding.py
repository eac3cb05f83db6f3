"""Unit constants agree with PySCF and ASE; each bond rule keeps its own scale."""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms
from ase import units as ase_units
from ase.data import covalent_radii

from superatom_lab.core import bonding
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.connectivity import bonded_neighbours
from superatom_lab.core.edits import replace_ligands
from superatom_lab.core.units import ANGSTROM_TO_BOHR, BOHR_TO_ANGSTROM, HARTREE_TO_EV


def test_bohr_is_pyscfs_so_geometries_round_trip():
    nist = pytest.importorskip("pyscf.data.nist")
    assert BOHR_TO_ANGSTROM == nist.BOHR
    assert 1.2345 * ANGSTROM_TO_BOHR * BOHR_TO_ANGSTROM == pytest.approx(1.2345, abs=1e-15)


def test_hartree_agrees_with_other_codata_editions():
    assert HARTREE_TO_EV == pytest.approx(ase_units.Hartree, rel=1e-8)
    assert BOHR_TO_ANGSTROM == pytest.approx(ase_units.Bohr, rel=1e-8)


def _b_h_at(scale: float) -> Cluster:
    """B with one H at ``scale`` times the B-H covalent sum, and a far-away He."""
    d = scale * (covalent_radii[5] + covalent_radii[1])
    return Cluster(Atoms("BHHe", positions=[(0, 0, 0), (0, 0, d), (9, 0, 0)]))


def test_a_ligand_swap_finds_an_anchor_the_counting_bonds_do_not():
    scale = (bonding.CONNECTIVITY_BOND_SCALE + bonding.LIGAND_ANCHOR_BOND_SCALE) / 2
    loose = _b_h_at(scale)
    assert bonded_neighbours(loose.atoms)[1] == frozenset()
    swapped = replace_ligands(loose, "H", "F")
    assert swapped.symbols == ["B", "F", "He"]
    assert np.linalg.norm(swapped.positions_angstrom[1]) == pytest.approx(
        covalent_radii[5] + covalent_radii[9]
    )


def test_the_metal_scale_applies_only_between_two_metals():
    scale = (bonding.CONNECTIVITY_BOND_SCALE + bonding.CONNECTIVITY_METAL_BOND_SCALE) / 2
    for pair, bonded in (("Na2", True), ("Cl2", False), ("NaCl", False)):
        a, b = Atoms(pair).numbers
        d = scale * (covalent_radii[a] + covalent_radii[b])
        atoms = Atoms(pair, positions=[(0, 0, 0), (0, 0, d)])
        assert (bonded_neighbours(atoms)[0] == {1}) is bonded, pair
