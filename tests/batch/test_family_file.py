"""Family files: the family they build, their bad lines by number, and `screen` on a family."""

from __future__ import annotations

import pytest

from superatom_lab.batch import parse_family, read_family
from superatom_lab.batch.family_file import is_family_text
from superatom_lab.errors import InputError

SUPERALKALIS = """\
# superalkalis with two metals
family superalkali
centres O N
metals Li Na
"""


def test_a_family_file_builds_its_members():
    parsed = parse_family(SUPERALKALIS)
    assert not parsed.problems
    assert [m.name for m in parsed.family.members] == ["Li3O", "Na3O", "Li4N", "Na4N"]
    assert parsed.family.kind == "superalkali" and parsed.family.prop == "ie-adiabatic"


def test_defaults_fill_what_the_file_leaves_out():
    parsed = parse_family("family cage\n")
    assert [m.ligand for m in parsed.family.members] == ["H", "F", "Cl", "CN"]


def test_bad_lines_are_reported_by_number_and_the_rest_is_built():
    text = (
        "family superhalogen\n"  # 1
        "centres Li Fe Mg   # Fe: no single usual valence\n"  # 2
        "\n"  # 3
        "ligands F Cl\n"  # 4
        "valence Mg=two\n"  # 5
        "shape flat\n"  # 6
    )
    parsed = parse_family(text)
    assert [m.name for m in parsed.family.members] == ["LiF2", "LiCl2", "MgF3", "MgCl3"]
    assert [p.line for p in parsed.problems] == [2, 5, 6]
    assert "Fe" in parsed.problems[0].message and "ELEMENT=k" in parsed.problems[1].message
    assert "unknown key 'shape'" in parsed.problems[2].message


def test_a_valence_line_is_used():
    parsed = parse_family("family superhalogen\ncentres Fe\nligands Cl\nvalence Fe=3\n")
    assert [m.name for m in parsed.family.members] == ["FeCl4"] and not parsed.problems


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "first line must be 'family KIND'"),
        ("Cl\nF\n", 1, "first line must be 'family KIND'"),
        ("# c\nfamily perovskite\n", 2, "unknown family"),
        ("family superhalogen\ncentres Fe Xe\n", 2, "no single usual valence"),
    ],
)
def test_an_unusable_file_builds_no_family(text, line, message):
    parsed = parse_family(text)
    assert parsed.family is None
    assert parsed.problems[0].line == line and message in parsed.problems[0].message


def test_is_family_text_looks_at_the_first_significant_line():
    assert is_family_text("\n# comment\nfamily superalkali\n")
    assert not is_family_text("Cl\nfamily superalkali\n") and not is_family_text("")


def test_an_unreadable_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_family(tmp_path / "none.txt")
