"""Element facts derived from the periodic table, not from a table of answers.

The periodic-table position (period, group) of an element follows from its
atomic number alone.  Valence-electron counts follow from the group:

* groups 1-2 and 3-12: the group number (s plus d electrons);
* groups 13-18: group number minus 10 (s plus p electrons), helium 2;
* lanthanides and actinides: Z minus the preceding noble gas (f, d and s
  electrons outside the noble-gas core).

Examples
--------
>>> from superatom_lab.core.elements import group, valence_electrons
>>> group("Al"), valence_electrons("Al"), valence_electrons("Au")
(13, 3, 11)
"""

from __future__ import annotations

from ase.data import atomic_numbers, chemical_symbols

from superatom_lab.errors import UnknownSpeciesError

NOBLE_GAS_Z = (0, 2, 10, 18, 36, 54, 86, 118)


def atomic_number(symbol: str) -> int:
    """Return the atomic number of ``symbol``.

    Raises
    ------
    UnknownSpeciesError
        If ``symbol`` is not an element symbol (case matters: ``"Co"`` is not ``"CO"``).

    Examples
    --------
    >>> atomic_number("Cl")
    17
    """
    z = atomic_numbers.get(symbol)
    if z is None or z == 0:
        raise UnknownSpeciesError(
            f"unknown element {symbol!r}: use a symbol such as 'Al', 'Cl' or 'Au'"
        )
    return z


def checked_symbol(value, what: str = "element", example: str = "Al") -> str:
    """Return ``value`` if it is an element symbol; otherwise say what ``what`` should be.

    Parameters
    ----------
    value
        What the caller was given as an element symbol.
    what : str
        The name of that argument, for the message.
    example : str
        A symbol the message offers as an example.

    Raises
    ------
    UnknownSpeciesError
        For a value that is not text, or text that is not an element symbol.

    Examples
    --------
    >>> checked_symbol("Au")
    'Au'
    >>> checked_symbol(79, "dopant")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.UnknownSpeciesError: dopant must be an element symbol such as 'Al', got 79
    """
    if not isinstance(value, str):
        raise UnknownSpeciesError(
            f"{what} must be an element symbol such as {example!r}, got {value!r}"
        )
    atomic_number(value)
    return value


def symbol_of(z: int) -> str:
    """Return the element symbol of atomic number ``z``.

    Examples
    --------
    >>> symbol_of(79)
    'Au'
    """
    if not 1 <= z < len(chemical_symbols):
        raise UnknownSpeciesError(f"no element has atomic number {z}")
    return chemical_symbols[z]


def period(element: str | int) -> int:
    """Return the period (row) of an element.

    Examples
    --------
    >>> period("Na"), period("Au")
    (3, 6)
    """
    z = element if isinstance(element, int) else atomic_number(element)
    for row, noble in enumerate(NOBLE_GAS_Z[1:], start=1):
        if z <= noble:
            return row
    raise UnknownSpeciesError(f"atomic number {z} is beyond the periodic table")


def is_f_block(element: str | int) -> bool:
    """True for lanthanides (La-Yb) and actinides (Ac-No).

    Examples
    --------
    >>> is_f_block("U"), is_f_block("Lu")
    (True, False)
    """
    z = element if isinstance(element, int) else atomic_number(element)
    return 57 <= z <= 70 or 89 <= z <= 102


def group(element: str | int) -> int | None:
    """Return the IUPAC group (1-18), or ``None`` for f-block elements.

    Examples
    --------
    >>> group("H"), group("Fe"), group("Xe"), group("Ce")
    (1, 8, 18, None)
    """
    z = element if isinstance(element, int) else atomic_number(element)
    if is_f_block(z):
        return None
    row = period(z)
    offset = z - NOBLE_GAS_Z[row - 1]  # position within the row, 1-based
    if row == 1:
        return 1 if offset == 1 else 18
    if row <= 3:
        return offset if offset <= 2 else offset + 10
    if row >= 6:  # the 14 f-block elements sit between groups 3 and 4
        offset -= 14 if offset > 16 else 0
    return offset


def valence_electrons(element: str | int) -> int:
    """Return the number of valence electrons of a neutral atom.

    Examples
    --------
    >>> [valence_electrons(s) for s in ("H", "B", "C", "O", "Na", "W", "Pd", "U")]
    [1, 3, 4, 6, 1, 6, 10, 6]
    """
    z = element if isinstance(element, int) else atomic_number(element)
    if is_f_block(z):
        return z - NOBLE_GAS_Z[period(z) - 1]
    g = group(z)
    if z == 2:
        return 2
    return g - 10 if g >= 13 else g


def is_transition_metal(element: str | int) -> bool:
    """True for groups 3-12.

    Examples
    --------
    >>> is_transition_metal("Au"), is_transition_metal("Al")
    (True, False)
    """
    g = group(element)
    return g is not None and 3 <= g <= 12


def is_metallic(element: str | int) -> bool:
    """True for the metals of chemistry: groups 1-12 (not H), Al-Tl, Sn, Pb, Bi, Po, the f block.

    This is the meaning the bonding and counting rules use
    (:mod:`superatom_lab.core.connectivity`, :mod:`superatom_lab.core.counting`):
    metal atoms give away their valence electrons and bond to each other over
    longer distances.  The basis-set choice uses :func:`uses_metal_basis`.

    Examples
    --------
    >>> is_metallic("Al"), is_metallic("B"), is_metallic("Pb"), is_metallic("Ge")
    (True, False, True, False)
    >>> is_metallic("Li"), is_metallic("H")
    (True, False)
    """
    if is_f_block(element):
        return True
    g, p = group(element), period(element)
    if g == 1:
        return p > 1
    if g <= 12:
        return True
    return {13: 3, 14: 5, 15: 6, 16: 6}.get(g, 99) <= p


def uses_metal_basis(element: str | int) -> bool:
    """True for the metals from Na on: groups 1-13, the f block, Sn and Pb, Bi and Po.

    These are the atoms to which a preset with a metal basis set gives that
    basis and its effective core potential (``qc.presets.Method.metal_basis``).
    Light metals (Li, Be) are left out: small all-electron basis sets describe
    them well, while effective core potentials start at Na.  The chemical
    meaning of "metal" is :func:`is_metallic`.

    Examples
    --------
    >>> [uses_metal_basis(s) for s in ("Li", "Na", "Al", "Si", "Au", "Sn", "I")]
    [False, True, True, False, True, True, False]
    """
    z = element if isinstance(element, int) else atomic_number(element)
    if z < 11:
        return False
    g = group(z)
    return (
        g is None or g <= 13 or (g == 14 and period(z) >= 5) or (g in (15, 16) and period(z) == 6)
    )
