"""Free (delocalised) electrons of simple metal atoms, as the counting rules count them.

Examples
--------
>>> sum(free_electrons(s) for s in ["Al"] * 13) + 1  # Al13-
40
"""

from __future__ import annotations

from superatom_lab.core.elements import group, is_metallic


def free_electrons(symbol: str) -> int | None:
    """Delocalised electrons of a simple metal atom, None for other elements.

    Groups 1, 2 and 13 give their group number's valence electrons, groups 11
    and 12 their s electrons (the d shell is full), every other element none.

    Examples
    --------
    >>> [free_electrons(s) for s in ("Na", "Mg", "Al", "Cu", "Hg", "Si")]
    [1, 2, 3, 1, 2, None]
    """
    g = group(symbol)
    if symbol == "H" or g is None or not is_metallic(symbol):
        return None
    if g in (1, 2):
        return g
    if g in (11, 12):
        return g - 10
    return 3 if g == 13 else None
