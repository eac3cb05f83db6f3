"""Element places in the 18-column table, against IUPAC's table written out by hand."""

import pytest

from superatom_lab.core.periodic_table import TABLE, place
from superatom_lab.errors import InputError

# (period, group) from the IUPAC periodic table (2022), lanthanum in group 3.
IUPAC = {
    "H": (1, 1), "He": (1, 18), "Li": (2, 1), "Be": (2, 2), "B": (2, 13), "Ne": (2, 18),
    "Na": (3, 1), "Al": (3, 13), "Cl": (3, 17), "Ar": (3, 18), "K": (4, 1), "Sc": (4, 3),
    "Fe": (4, 8), "Zn": (4, 12), "Ga": (4, 13), "Kr": (4, 18), "Zr": (5, 4), "Pd": (5, 10),
    "I": (5, 17), "Xe": (5, 18), "Cs": (6, 1), "Ba": (6, 2), "La": (6, 3), "Hf": (6, 4),
    "W": (6, 6), "Au": (6, 11), "Pb": (6, 14), "Rn": (6, 18),
}  # fmt: skip


@pytest.mark.parametrize(("symbol", "expected"), IUPAC.items())
def test_places_match_the_iupac_table(symbol, expected):
    assert place(symbol) == expected


def test_every_element_shown_has_a_place_of_its_own():
    places = [(period, group) for _, period, group in TABLE]
    assert len(set(places)) == len(places) == 86 - 14
    assert all(1 <= g <= 18 for _, g in places)


@pytest.mark.parametrize("symbol", ["Ce", "Lu", "Fr", "Xx", ""])
def test_elements_outside_the_table_are_refused(symbol):
    with pytest.raises(InputError, match="not an element of the table"):
        place(symbol)
