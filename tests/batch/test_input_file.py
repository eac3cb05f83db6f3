"""The screen's input file: valid lines kept, bad ones reported with their line numbers."""

from __future__ import annotations

import pytest

from superatom_lab.batch import parse_input, read_input
from superatom_lab.errors import InputError


def test_bad_lines_are_reported_by_number_and_the_rest_kept(input_file):
    parsed = read_input(input_file)
    assert [c.name for c in parsed.candidates] == ["h", "Li", "F", "Cl", "OH", "C60"]
    assert parsed.lines == [2, 3, 4, 6, 7, 8]
    assert [p.line for p in parsed.problems] == [9, 10, 11]
    missing, charge, fields = parsed.problems
    assert "no such file" in missing.message and "missing.xyz" in str(missing)
    assert "fewer than zero" in charge.message
    assert "3 fields" in fields.message


def test_charges_and_paths():
    parsed = parse_input("Cl -1\nNa +1 # cation\nF 0.0\n")
    assert [(c.name, c.charge, c.cluster.charge) for c in parsed.candidates] == [
        ("Cl", -1, -1), ("Na", 1, 1), ("F", 0, 0)
    ]  # fmt: skip
    assert parse_input("F one\n").problems[0].message.startswith("the charge must be")


def test_an_input_without_a_usable_line_has_no_candidates():
    parsed = parse_input("# nothing\nAl31\n")
    assert parsed.candidates == [] and [p.line for p in parsed.problems] == [2]


def test_a_missing_input_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "none.txt")
