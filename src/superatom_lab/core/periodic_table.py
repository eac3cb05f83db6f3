"""Where each element sits in the periodic table, for the periodic table of superatoms.

Periods 1 to 6 (hydrogen to radon) in the 18-column layout.  The lanthanides
(cerium to lutetium) are left out: lanthanum stands in group 3, as in the
short tables of textbooks, and no catalogue species mimics a lanthanide.

Examples
--------
>>> place("Cl"), place("Pd"), place("Cs"), place("Hf")
((3, 17), (5, 10), (6, 1), (6, 4))
>>> len(TABLE), TABLE[0], TABLE[-1]
(72, ('H', 1, 1), ('Rn', 6, 18))
"""

from __future__ import annotations

from ase.data import atomic_numbers, chemical_symbols

from superatom_lab.errors import InputError

#: Atomic number of the last element of periods 1 to 6.
PERIOD_ENDS = (2, 10, 18, 36, 54, 86)
#: The lanthanides after lanthanum, left out of the table.
LANTHANIDES = range(58, 72)


def _place_of(z: int) -> tuple[int, int]:
    period = next(p for p, end in enumerate(PERIOD_ENDS, start=1) if z <= end)
    start = PERIOD_ENDS[period - 2] + 1 if period > 1 else 1
    k = z - start  # 0-based position within the period
    if period == 1:
        return period, 1 if k == 0 else 18
    if period <= 3:
        return period, k + 1 if k < 2 else k + 11
    if period <= 5 or z <= 57:
        return period, k + 1
    return period, z - 68  # hafnium (72) is group 4


def place(symbol: str) -> tuple[int, int]:
    """``(period, group)`` of an element of periods 1-6 (not a lanthanide after La).

    Raises
    ------
    InputError
        For an unknown symbol, or one outside the table.
    """
    z = atomic_numbers.get(symbol)
    if z is None or not 1 <= z <= PERIOD_ENDS[-1] or z in LANTHANIDES:
        raise InputError(f"{symbol!r} is not an element of the table (H to Rn, no Ce-Lu)")
    return _place_of(z)


#: ``(symbol, period, group)`` of every element shown, in order of atomic number.
TABLE = tuple(
    (chemical_symbols[z], *_place_of(z))
    for z in range(1, PERIOD_ENDS[-1] + 1)
    if z not in LANTHANIDES
)
