"""Element facts (period, group, valence electrons) against the periodic table.

Expected values are the IUPAC periodic table (groups 1-18, lanthanides and actinides
outside the groups) and the valence shells of the textbook ground configurations, e.g.
Greenwood & Earnshaw, *Chemistry of the Elements*, 2nd ed. (1997), inside cover.
"""

from __future__ import annotations

import pytest
from ase.data import chemical_symbols

from superatom_lab.core.elements import (
    atomic_number,
    group,
    is_f_block,
    is_transition_metal,
    period,
    symbol_of,
    valence_electrons,
)
from superatom_lab.errors import UnknownSpeciesError

# element: (period, group)
POSITIONS = {
    "H": (1, 1), "He": (1, 18), "Li": (2, 1), "Be": (2, 2), "B": (2, 13), "C": (2, 14),
    "Ne": (2, 18), "Na": (3, 1), "Mg": (3, 2), "Al": (3, 13), "Cl": (3, 17), "Ar": (3, 18),
    "K": (4, 1), "Sc": (4, 3), "Fe": (4, 8), "Cu": (4, 11), "Zn": (4, 12), "Ga": (4, 13),
    "Kr": (4, 18), "Rb": (5, 1), "Y": (5, 3), "Pd": (5, 10), "Ag": (5, 11), "I": (5, 17),
    "Cs": (6, 1), "Ba": (6, 2), "Lu": (6, 3), "Hf": (6, 4), "W": (6, 6), "Au": (6, 11),
    "Tl": (6, 13), "Pb": (6, 14), "Rn": (6, 18), "Fr": (7, 1), "Lr": (7, 3), "Og": (7, 18),
}  # fmt: skip

# valence electrons of the neutral atom: s + p for main groups, s + d for groups 3-12,
# everything outside the noble-gas core for the f block
VALENCE = {
    "H": 1, "He": 2, "Li": 1, "Be": 2, "B": 3, "C": 4, "N": 5, "O": 6, "F": 7, "Ne": 8,
    "Na": 1, "Mg": 2, "Al": 3, "Si": 4, "P": 5, "S": 6, "Cl": 7, "Ar": 8,
    "K": 1, "Ca": 2, "Sc": 3, "Ti": 4, "Cr": 6, "Fe": 8, "Ni": 10, "Cu": 11, "Zn": 12,
    "Ga": 3, "Ge": 4, "Br": 7, "Kr": 8, "Zr": 4, "Pd": 10, "Ag": 11, "Sn": 4, "I": 7,
    "Cs": 1, "W": 6, "Pt": 10, "Au": 11, "Hg": 12, "Pb": 4, "Bi": 5,
    "La": 3, "Ce": 4, "Gd": 10, "Yb": 16, "Th": 4, "U": 6,
}  # fmt: skip


@pytest.mark.parametrize("symbol", sorted(POSITIONS))
def test_period_and_group(symbol):
    assert (period(symbol), group(symbol)) == POSITIONS[symbol]


@pytest.mark.parametrize("symbol", sorted(VALENCE))
def test_valence_electrons(symbol):
    assert valence_electrons(symbol) == VALENCE[symbol]


def test_every_period_runs_from_group_1_to_group_18():
    # periods 1-7 end at He, Ne, Ar, Kr, Xe, Rn, Og (Z = 2, 10, 18, 36, 54, 86, 118)
    nobles = (2, 10, 18, 36, 54, 86, 118)
    for row, noble in enumerate(nobles, start=1):
        assert (period(noble), group(noble)) == (row, 18)
    for row, noble in enumerate(nobles[:-1], start=2):
        assert (period(noble + 1), group(noble + 1)) == (row, 1)  # the next alkali metal


def test_main_group_valence_is_the_last_digit_of_the_group():
    # groups 13-18 hold 3-8 valence electrons (He, in group 18, has 2)
    for z in range(3, 87):
        g = group(z)
        if g is not None and g >= 13:
            assert valence_electrons(z) == g - 10, symbol_of(z)


def test_f_block_and_transition_metals():
    lanthanides = range(57, 71)  # La-Yb; Lu is the group-3 element of period 6
    actinides = range(89, 103)  # Ac-No; Lr is group 3 of period 7
    for z in [*lanthanides, *actinides]:
        assert is_f_block(z) and group(z) is None and not is_transition_metal(z)
    assert not is_f_block("Lu") and not is_f_block("Lr") and not is_f_block("Ba")
    assert [is_transition_metal(s) for s in ("Sc", "Fe", "Zn", "Au", "Hg")] == [True] * 5
    assert [is_transition_metal(s) for s in ("Ca", "Al", "Ga", "Pb", "H")] == [False] * 5


def test_symbols_and_numbers_round_trip():
    for z in range(1, 119):
        assert atomic_number(symbol_of(z)) == z
        assert symbol_of(z) == chemical_symbols[z]
    assert [atomic_number(s) for s in ("H", "Na", "Cl", "Au")] == [1, 11, 17, 79]


@pytest.mark.parametrize("bad", ["CO", "co", "Xx", "X", ""])
def test_unknown_symbols_are_refused(bad):
    with pytest.raises(UnknownSpeciesError):
        atomic_number(bad)


@pytest.mark.parametrize("z", [0, -1, 119])
def test_impossible_atomic_numbers_are_refused(z):
    with pytest.raises(UnknownSpeciesError):
        symbol_of(z)
