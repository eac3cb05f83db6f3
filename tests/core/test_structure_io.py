"""Reading .xyz files and text: coordinates, names and one-line errors naming the file."""

from __future__ import annotations

import numpy as np
import pytest
from ase.cluster import Icosahedron

from superatom_lab.core.structure_io import from_xyz, from_xyz_text
from superatom_lab.errors import (
    AtomsTooCloseError,
    ChargeSpinError,
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
