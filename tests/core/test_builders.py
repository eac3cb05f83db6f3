"""Builders: .xyz reading with clear errors, ideal shapes, dopants, cages and ligands."""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms
from ase.cluster import Decahedron, Icosahedron, Octahedron

from superatom_lab.core import builders
from superatom_lab.core.builders import (
    decahedron,
    endohedral,
    from_xyz,
    from_xyz_text,
    icosahedron,
    octahedron,
    remove_center,
    replace_ligands,
    substitute,
)
from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import (
    AtomsTooCloseError,
    ChargeSpinError,
    InputError,
    StructureFileError,
    UnknownSpeciesError,
)

WATER = "3\nwater\nO 0.0 0.0 0.1173\nH 0.0 0.7572 -0.4692\nH 0.0 -0.7572 -0.4692\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


# --- .xyz -------------------------------------------------------------------
def test_from_xyz_reads_coordinates_and_names_by_file(tmp_path):
    water = from_xyz(write(tmp_path, "water.xyz", WATER))
    assert water.name == "water"
    assert water.symbols == ["O", "H", "H"]
    assert water.n_electrons == 10
    assert np.allclose(water.positions_angstrom[1], [0.0, 0.7572, -0.4692])


def test_from_xyz_round_trips_an_ase_file(tmp_path):
    path = tmp_path / "al13.xyz"
    reference = Icosahedron("Al", noshells=2, latticeconstant=4.05)
    reference.write(path, format="xyz")
    al13 = from_xyz(path, charge=-1, spin=0, name="Al13")
    assert (al13.name, al13.charge, al13.spin, al13.n_valence_electrons) == ("Al13", -1, 0, 40)
    assert np.allclose(al13.positions_angstrom, reference.get_positions(), atol=1e-6)


def test_from_xyz_accepts_any_case_atomic_numbers_and_extra_columns(tmp_path):
    text = "3\n\ncl 0 0 0 0.1 0.2 0.3\nNA 0 0 2.36\n17 0 0 4.72\n"
    cluster = from_xyz(write(tmp_path, "x.xyz", text))
    assert cluster.symbols == ["Cl", "Na", "Cl"]


def test_from_xyz_ignores_trailing_blank_lines(tmp_path):
    assert from_xyz(write(tmp_path, "w.xyz", WATER + "\n\n  \n")).n_atoms == 3


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("\n  \n", "empty"),
        ("three\n\nH 0 0 0\n", "line 1 should be the number of atoms"),
        ("0\n\n", "says 0 atoms"),
        ("3\ncomment\nH 0 0 zero\nH 0 0 1\n", "says 3 atoms but 2 atom lines follow"),
        ("2\n\nH 0 0 zero\nH 0 0 1\n", "line 3: coordinate 'zero' is not a number"),
        ("2\n\nH 0 0 0\nH 0 0\n", "line 4 should be 'symbol x y z'"),
        ("2\n\nH 0 0 0\nH 0 0 nan\n", "not a finite number"),
        ("1\n\nH 0 0 0\nH 0 0 1\n", "more non-empty lines"),
        ("1\na\nH 0 0 0\n1\nb\nH 0 0 0\n", "more than one structure"),
    ],
)
def test_malformed_files_raise_one_line_errors_naming_the_file(tmp_path, text, fragment):
    path = write(tmp_path, "broken.xyz", text)
    with pytest.raises(StructureFileError) as info:
        from_xyz(path)
    message = str(info.value)
    assert fragment in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(StructureFileError, match="nothing.xyz: no such file"):
        from_xyz(tmp_path / "nothing.xyz")
    with pytest.raises(StructureFileError, match="folder"):
        from_xyz(tmp_path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "blob.xyz"
    path.write_bytes(b"\xff\xfe\x00\x01\x80\x81")
    with pytest.raises(StructureFileError, match="not a text file"):
        from_xyz(path)


def test_unknown_element_is_an_unknown_species_error_naming_file_and_line(tmp_path):
    path = write(tmp_path, "bad.xyz", "2\n\nXq 0 0 0\nH 0 0 1.0\n")
    with pytest.raises(UnknownSpeciesError, match=r"bad.xyz: line 3: 'Xq' is not an element"):
        from_xyz(path)
    with pytest.raises(UnknownSpeciesError, match="'0'"):
        from_xyz_text("1\n\n0 0 0 0\n")


def test_atoms_too_close_names_the_file_and_the_distance(tmp_path):
    path = write(tmp_path, "close.xyz", "2\n\nH 0 0 0\nH 0 0 0.3\n")
    with pytest.raises(AtomsTooCloseError, match=r"close.xyz: .*0\.300 A"):
        from_xyz(path)


def test_charge_and_spin_errors_pass_through_unchanged(tmp_path):
    path = write(tmp_path, "h.xyz", "1\n\nH 0 0 0\n")
    with pytest.raises(ChargeSpinError, match="electrons"):
        from_xyz(path, charge=3)
    with pytest.raises(ChargeSpinError):
        from_xyz(path, spin=0)


def test_from_xyz_text_for_uploads():
    water = from_xyz_text(WATER, charge=1)
    assert water.name == "H2O" and water.n_electrons == 9
    assert from_xyz_text(WATER.encode(), name="w").name == "w"
    assert from_xyz_text("\ufeff" + WATER).n_atoms == 3
    with pytest.raises(StructureFileError, match="^upload.xyz: the file is empty$"):
        from_xyz_text("", source="upload.xyz")
    with pytest.raises(StructureFileError):
        from_xyz_text(None)


# --- shapes -----------------------------------------------------------------
def test_al13_is_exactly_ases_icosahedron():
    al13 = icosahedron("Al")
    reference = Icosahedron("Al", noshells=2, latticeconstant=4.05)
    assert al13.name == "Al13"
    assert np.array_equal(al13.positions_angstrom, reference.get_positions())
    # centre to surface is a / sqrt(2), the fcc nearest-neighbour distance
    assert al13.radius_angstrom == pytest.approx(4.05 / np.sqrt(2))
    assert al13.radius_angstrom == pytest.approx(al13.atoms.get_all_distances().max() / 2)


def test_icosahedron_sizes_and_explicit_lattice_constant():
    assert [icosahedron("Cu", s).n_atoms for s in (1, 2, 3, 4)] == [1, 13, 55, 147]
    assert icosahedron("Al", 2, lattice_constant=4.0).radius_angstrom == pytest.approx(4 / 2**0.5)


def test_default_lattice_constant_keeps_the_crystal_bond_length():
    # Na is bcc (a = 4.23 A): its nearest-neighbour distance, a*sqrt(3)/2, is kept
    na13 = icosahedron("Na")
    assert na13.min_distance_angstrom == pytest.approx(4.23 * np.sqrt(3) / 2)
    assert builders.default_lattice_constant("Au") == 4.08
    with pytest.raises(InputError, match="lattice_constant"):
        builders.default_lattice_constant("B")  # tetragonal: no default


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: icosahedron("Xx"), UnknownSpeciesError),
        (lambda: icosahedron("al"), UnknownSpeciesError),
        (lambda: icosahedron(13), UnknownSpeciesError),
        (lambda: icosahedron("Al", 0), InputError),
        (lambda: icosahedron("Al", 2.0), InputError),
        (lambda: icosahedron("Al", True), InputError),
        (lambda: icosahedron("Al", 9), InputError),  # 2869 atoms, over the cap
        (lambda: icosahedron("Al", 2, lattice_constant=-4.0), InputError),
        (lambda: icosahedron("Al", 2, lattice_constant="4.05"), InputError),
        (lambda: decahedron("Au", 0, 1), InputError),
        (lambda: decahedron("Au", 2, 2, -1), InputError),
        (lambda: decahedron("Au", 12, 12, 12), InputError),
        (lambda: octahedron("Au", 0), InputError),
        (lambda: octahedron("Au", 3, cutoff=2), InputError),
        (lambda: octahedron("Qq", 3), UnknownSpeciesError),
    ],
)
def test_bad_shape_input_raises_input_errors(call, error):
    with pytest.raises(error):
        call()


def test_decahedron_and_octahedron_match_ase():
    deca = decahedron("Au", 2, 2, 1)
    assert np.allclose(deca.positions_angstrom, Decahedron("Au", 2, 2, 1, 4.08).get_positions())
    assert octahedron("Au", 3).n_atoms == 19
    cubo = octahedron("Pt", 3, cutoff=1)  # length = 2 * cutoff + 1: a cuboctahedron
    assert cubo.n_atoms == 13
    assert np.allclose(cubo.positions_angstrom, Octahedron("Pt", 3, 1, 3.92).get_positions())


# --- dopants, cages ----------------------------------------------------------
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


def test_docstring_examples_run():
    import doctest

    from superatom_lab.core import builders as module

    assert doctest.testmod(module).failed == 0
