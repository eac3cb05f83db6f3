"""Orbital levels: degenerate orbitals grouped into levels, the frontier, the valence window.

An orbital here is anything with ``energy_ev``, ``occupation``, ``label`` and
``spin`` (such as :class:`~superatom_lab.qc.orbital_table.OrbitalInfo`).
Orbitals within :data:`DEGENERACY_TOL_EV` of the lowest of their group form
one level; the level diagrams of :mod:`superatom_lab.plots` and the orbital
explorer group them the same way, so every level listed is a level drawn.

Examples
--------
>>> from types import SimpleNamespace as O
>>> orbs = [O(energy_ev=e, occupation=n, label=x, spin="alpha")
...         for e, n, x in ((-4.0, 2, "1S"), (-2.5, 2, "1P"), (-2.49, 2, "1P"), (-1.0, 0, "1D"))]
>>> [lv.text for lv in level_groups(O(orbitals=orbs, formula="Na4"))]
['1S  -4.00 eV', '1P ×2  -2.50 eV  HOMO', '1D  -1.00 eV  LUMO']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from superatom_lab.errors import InputError

#: Orbitals closer than this (eV) to the lowest of their group are one level.
DEGENERACY_TOL_EV = 0.05
#: A gap wider than this (eV) below the valence levels marks semicore shells.
SEMICORE_GAP_EV = 8.0
#: Occupations above this count as occupied.
OCCUPIED_MIN = 1e-6


def group_by_energy(energies, tol_ev: float = DEGENERACY_TOL_EV) -> list[list[int]]:
    """Indices of ``energies`` in groups within ``tol_ev`` of the group's lowest, lowest first.

    Examples
    --------
    >>> group_by_energy([-3.0, -5.0, -3.02, -1.0])
    [[1], [2, 0], [3]]
    """
    order = sorted(range(len(energies)), key=lambda i: energies[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and energies[i] - energies[groups[-1][0]] <= tol_ev:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def group_label(labels) -> str:
    """``"1F ×3"`` for three 1F orbitals, ``"1F ×2, 2P"`` for a mixed group.

    Examples
    --------
    >>> group_label(["1F", "1F", "1F"]), group_label(["1F", "2P", "1F"])
    ('1F ×3', '1F ×2, 2P')
    """
    counts = Counter(labels)
    parts = [f"{name} ×{n}" if n > 1 else name for name, n in counts.items()]
    return ", ".join(parts)


def energy_window(orbitals, window_ev) -> tuple[float, float]:
    """``window_ev``, or by default the valence levels (padded by 0.4 eV).

    The valence levels are the orbitals not labelled ``"core"``, down from the
    top to the first gap wider than ``SEMICORE_GAP_EV`` (which leaves out
    semicore shells such as Na 2p, 25 eV below the 1S shell of Na8).

    Examples
    --------
    >>> from types import SimpleNamespace as O
    >>> levels = [O(energy_ev=e, label="") for e in (-27.9, -4.4, -3.0, -1.7)]
    >>> [round(e, 2) for e in energy_window(levels, None)]
    [-4.8, -1.3]
    >>> energy_window(levels, (0, -6))
    (-6.0, 0.0)
    """
    if window_ev is not None:
        lo, hi = window_ev
        return float(min(lo, hi)), float(max(lo, hi))
    energies = sorted(o.energy_ev for o in orbitals if o.label != "core") or sorted(
        o.energy_ev for o in orbitals
    )
    lowest = energies[-1]
    for below, above in zip(energies[-2::-1], energies[::-1]):
        if above - below > SEMICORE_GAP_EV:
            break
        lowest = below
    return lowest - 0.4, energies[-1] + 0.4


def channel(table, spin: str) -> list:
    """The orbitals of one spin channel of an orbital ``table``, lowest energy first.

    Raises :class:`~superatom_lab.errors.InputError` for an unknown ``spin`` or
    a channel the table does not list.

    Examples
    --------
    >>> from types import SimpleNamespace as O
    >>> table = O(formula="H2", orbitals=[O(energy_ev=e, spin="alpha") for e in (1.0, -10.0)])
    >>> [o.energy_ev for o in channel(table, "alpha")]
    [-10.0, 1.0]
    >>> channel(table, "beta")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: the orbital table of H2 has no beta orbitals ...
    """
    if spin not in ("alpha", "beta"):
        raise InputError(f"spin must be 'alpha' or 'beta', got {spin!r}")
    orbitals = sorted((o for o in table.orbitals if o.spin == spin), key=lambda o: o.energy_ev)
    if not orbitals:
        raise InputError(
            f"the orbital table of {table.formula} has no {spin} orbitals "
            "(a closed-shell calculation lists them all as 'alpha')"
        )
    return orbitals


def frontier(orbitals) -> tuple:
    """``(homo, lumo)`` of one channel; either is None when no such orbital is listed.

    Examples
    --------
    >>> from types import SimpleNamespace as O
    >>> homo, lumo = frontier([O(energy_ev=-5.0, occupation=2.0), O(energy_ev=-1.0,
    ...                        occupation=0.0)])
    >>> homo.energy_ev, lumo.energy_ev
    (-5.0, -1.0)
    """
    occupied = [o for o in orbitals if o.occupation > OCCUPIED_MIN]
    empty = [o for o in orbitals if o.occupation <= OCCUPIED_MIN]
    homo = max(occupied, key=lambda o: o.energy_ev) if occupied else None
    lumo = min(empty, key=lambda o: o.energy_ev) if empty else None
    return homo, lumo


@dataclass(frozen=True)
class Level:
    """Degenerate orbitals (within 0.05 eV) of one spin channel, drawn as one level.

    Examples
    --------
    >>> from types import SimpleNamespace as O
    >>> orbs = tuple(O(energy_ev=-1.871, occupation=2.0, label="1F") for _ in range(2))
    >>> Level(orbs, tag="HOMO").text
    '1F ×2  -1.87 eV  HOMO'
    """

    orbitals: tuple
    tag: str = ""

    @property
    def label(self) -> str:
        """``"1F ×3"``: the shell labels of the group (see :func:`group_label`)."""
        return group_label([o.label for o in self.orbitals])

    @property
    def energy_ev(self) -> float:
        """The mean orbital energy of the level (eV)."""
        return sum(o.energy_ev for o in self.orbitals) / len(self.orbitals)

    @property
    def occupied(self) -> bool:
        """Whether any orbital of the level holds electrons."""
        return any(o.occupation > OCCUPIED_MIN for o in self.orbitals)

    @property
    def text(self) -> str:
        """One line for a list of levels: label, energy and HOMO/LUMO."""
        tail = f"  {self.tag}" if self.tag else ""
        return f"{self.label}  {self.energy_ev:.2f} eV{tail}"


def level_groups(table, spin: str = "alpha") -> list[Level]:
    """The levels of one spin channel in the default energy window, lowest first.

    The window (:func:`energy_window`) and the grouping (:func:`group_by_energy`)
    are those of the level diagrams
    (:func:`~superatom_lab.plots.levels.plot_orbital_levels`), so every level
    listed is a level drawn.  A channel the table does not list gives ``[]``.

    Examples
    --------
    >>> from types import SimpleNamespace as O
    >>> orbs = [O(energy_ev=-4.0, occupation=2.0, label="1S", spin="alpha")] + [
    ...     O(energy_ev=-2.5, occupation=2.0 if i < 2 else 0.0, label="1P", spin="alpha")
    ...     for i in range(3)]
    >>> [lv.text for lv in level_groups(O(orbitals=orbs))]
    ['1S  -4.00 eV', '1P ×3  -2.50 eV  HOMO']
    >>> level_groups(O(orbitals=orbs), "beta")
    []
    """
    orbitals = sorted((o for o in table.orbitals if o.spin == spin), key=lambda o: o.energy_ev)
    if not orbitals:
        return []
    lo, hi = energy_window(orbitals, None)
    shown = [o for o in orbitals if lo <= o.energy_ev <= hi]
    homo, lumo = frontier(orbitals)
    levels = []
    for indices in group_by_energy([o.energy_ev for o in shown]):
        members = tuple(shown[i] for i in indices)
        tag = "HOMO" if any(o is homo for o in members) else ""
        tag = tag or ("LUMO" if any(o is lumo for o in members) else "")
        levels.append(Level(members, tag))
    return levels
