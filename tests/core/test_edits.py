"""Edits of a cluster: dopants, cages emptied and filled, ligands swapped."""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.edits import endohedral, remove_center, replace_ligands, substitute
from superatom_lab.core.shapes import icosahedron
from superatom_lab.errors import AtomsTooCloseError, InputError, UnknownSpeciesError


def test_substitute_replaces_one_atom_and_keeps_the_charge():
    host = icosahedron("Al").with_charge(-1)
    doped = substitute(host, 0, "Si")
    assert doped.formula == "Al12Si"
    assert doped.charge == -1 and doped.spin is None
    assert doped.n_valence_electrons == 41
    assert host.symbols.count("Al") == 13  # the host is unchanged
    assert substitute(host, -1, "Si").symbols[-1] == "Si"


@pytest.mark.parametrize("index", [13, -14, 1.0, True, "0"])
def test_substitute_checks_the_index(index):
    with pytest.raises(InputError, match="index"):
        substitute(icosahedron("Al"), index, "Si")


def test_substitute_checks_the_element():
    with pytest.raises(UnknownSpeciesError):
        substitute(icosahedron("Al"), 0, "Zz")
    with pytest.raises(InputError):
        substitute(Atoms("Al"), 0, "Si")


def test_w_at_au12_from_the_au13_icosahedron():
    au13 = icosahedron("Au")
    cage = remove_center(au13)
    assert cage.name == "Au12" and cage.n_atoms == 12
    w_au12 = endohedral("W", cage)
    assert w_au12.name == "W@Au12"
    w = w_au12.symbols.index("W")
    distances = w_au12.atoms.get_distances(w, [i for i in range(13) if i != w])
    assert np.allclose(distances, 4.08 / np.sqrt(2))
    # 18-electron count of the superatom: 6 from W, one 6s electron from each Au
    assert 6 + w_au12.symbols.count("Au") == 18


def test_endohedral_refuses_a_filled_cage_and_says_what_to_do():
    with pytest.raises(AtomsTooCloseError, match="remove_center"):
        endohedral("W", icosahedron("Au"))


def test_endohedral_keeps_the_cage_charge_and_checks_the_element():
    cage = remove_center(icosahedron("Au")).with_charge(-1)
    assert endohedral("Ir", cage, name="Ir@Au12-").charge == -1
    with pytest.raises(UnknownSpeciesError):
        endohedral("Wx", cage)


def test_remove_center_needs_an_atom_at_the_centre():
    cage = remove_center(icosahedron("Au"))
    with pytest.raises(InputError, match="no atom at its centre"):
        remove_center(cage)
    with pytest.raises(InputError):
        remove_center(Cluster(Atoms("Au")))


# --- ligands ------------------------------------------------------------------
def _ch4() -> Cluster:
    d = 1.09 / np.sqrt(3)
    hs = [(d, d, d), (d, -d, -d), (-d, d, -d), (-d, -d, d)]
    return Cluster(Atoms("CH4", positions=[(0, 0, 0), *hs]), name="CH4")


def test_replace_h_by_cn_along_each_bond():
    ch4 = _ch4()
    result = replace_ligands(ch4, "H", "CN", bond_lengths=(1.47, 1.16))
    assert result.name == "C(CN)4"
    assert result.symbols.count("C") == 5 and result.symbols.count("N") == 4
    assert "H" not in result.symbols
    positions = result.positions_angstrom
    for k, h in enumerate(ch4.positions_angstrom[1:]):
        direction = h / np.linalg.norm(h)
        carbon, nitrogen = positions[1 + 2 * k], positions[2 + 2 * k]
        assert np.allclose(carbon, 1.47 * direction)
        assert np.allclose(nitrogen, (1.47 + 1.16) * direction)


def test_named_ligand_defaults_use_covalent_radii_for_the_first_bond():
    from ase.data import covalent_radii

    result = replace_ligands(_ch4(), "H", "CN")
    expected = 2 * covalent_radii[6]
    assert np.linalg.norm(result.positions_angstrom[1]) == pytest.approx(expected)
    assert result.atoms.get_distance(1, 2) == pytest.approx(1.16)


def test_generic_linear_group_and_single_atom_ligands():
    ethynyl = replace_ligands(_ch4(), "H", [("C", 1.46), ("C", 1.20), ("H", 1.06)])
    assert ethynyl.formula == "C9H4"
    assert ethynyl.name == "C(CCH)4"
    assert np.linalg.norm(ethynyl.positions_angstrom[3]) == pytest.approx(1.46 + 1.20 + 1.06)
    cf4 = replace_ligands(_ch4(), "H", "F", bond_lengths=[1.32])
    assert cf4.name == "CF4"
    assert cf4.atoms.get_distance(0, 1) == pytest.approx(1.32)
    assert replace_ligands(_ch4(), "H", ["F"]).formula == "CF4"


def test_replace_ligands_keeps_the_charge_and_other_atoms():
    anion = _ch4().with_charge(-1)
    assert replace_ligands(anion, "H", "CN").charge == -1


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"old": "F"}, "no F atom"),
        ({"ligand": "XYZ"}, "unknown ligand"),
        ({"ligand": []}, "non-empty"),
        ({"ligand": [("C",)]}, "pairs"),
        ({"bond_lengths": (1.5,)}, "one per atom"),
        ({"bond_lengths": (1.5, 0.1)}, ">= 0.5"),
        ({"bond_lengths": "1.5"}, "list of distances"),
    ],
)
def test_replace_ligands_input_errors(kwargs, fragment):
    with pytest.raises(InputError, match=fragment):
        replace_ligands(_ch4(), **kwargs)


def test_only_terminal_atoms_can_be_replaced():
    bridged = Cluster(Atoms("B2H", positions=[(0, 0, 0), (0, 0, 1.75), (0.9, 0, 0.875)]))
    with pytest.raises(InputError, match="bonded to 2 atoms"):
        replace_ligands(bridged, "H", "CN")
    lone = Cluster(Atoms("BH", positions=[(0, 0, 0), (0, 0, 3.0)]))
    with pytest.raises(InputError, match="bonded to 0 atoms"):
        replace_ligands(lone, "H", "CN")
