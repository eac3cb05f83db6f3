"""Element facts: the two meanings of "metal" and the element-symbol check."""

from __future__ import annotations

import pytest
from ase.data import chemical_symbols

from superatom_lab.core.elements import checked_symbol, is_metallic, uses_metal_basis
from superatom_lab.errors import UnknownSpeciesError

SYMBOLS = chemical_symbols[1:113]  # H to Cn: no basis set reaches the heavier elements


def test_metal_basis_atoms_are_metals_from_sodium_on():
    for symbol in SYMBOLS:
        if uses_metal_basis(symbol):
            assert is_metallic(symbol), symbol
            assert chemical_symbols.index(symbol) >= 11, symbol


def test_the_two_meanings_differ_only_for_the_light_metals():
    differ = [s for s in SYMBOLS if is_metallic(s) != uses_metal_basis(s)]
    assert differ == ["Li", "Be"]


@pytest.mark.parametrize(
    ("symbol", "metallic"),
    [("H", False), ("Na", True), ("B", False), ("Al", True), ("Ge", False), ("Sn", True),
     ("Bi", True), ("I", False), ("La", True), ("Au", True)],
)  # fmt: skip
def test_is_metallic_follows_the_periodic_table(symbol, metallic):
    assert is_metallic(symbol) is metallic
    assert is_metallic(chemical_symbols.index(symbol)) is metallic


def test_checked_symbol_names_the_argument_in_its_message():
    assert checked_symbol("W", "centre") == "W"
    with pytest.raises(UnknownSpeciesError, match="^dopant must be an element symbol such as 'H'"):
        checked_symbol(1, "dopant", example="H")
    with pytest.raises(UnknownSpeciesError, match="unknown element 'Xq'"):
        checked_symbol("Xq")
