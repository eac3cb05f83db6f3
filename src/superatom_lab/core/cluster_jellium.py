"""The jellium model of a simple-metal cluster: which metal, how many free electrons.

A cluster is treated as a jellium sphere when its most common element is a
simple metal with a Wigner-Seitz radius in
:data:`~superatom_lab.core.jellium.TYPICAL_RS_BOHR`.  Every atom gives its free
electrons as the jellium counting rule of :mod:`superatom_lab.core.counting`
counts them (1 per alkali or coinage atom, 2 per alkaline-earth or group-12
atom, 3 per Al, Ga, In, Tl); any other atom, a dopant such as Si or W, gives
all its valence electrons (Si 4, W 6).

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> al13 = build("Al13", charge=-1)
>>> jellium_metal(al13), jellium_electrons(al13)
('Al', 40)
>>> jellium_for(al13).configuration
'1S2 1P6 1D10 2S2 1F14 2P6'
"""

from __future__ import annotations

from collections import Counter

from superatom_lab.core.elements import valence_electrons
from superatom_lab.core.free_electrons import free_electrons
from superatom_lab.core.jellium import TYPICAL_RS_BOHR, solve_jellium
from superatom_lab.errors import InputError


def jellium_valence(symbol: str) -> int:
    """Electrons one atom gives to the jellium: its free electrons, else all its valence ones.

    Examples
    --------
    >>> [jellium_valence(s) for s in ("Na", "Mg", "Al", "Au", "Zn", "Si", "W")]
    [1, 2, 3, 1, 2, 4, 6]
    """
    free = free_electrons(symbol)
    return free if free is not None else valence_electrons(symbol)


def jellium_metal(cluster) -> str | None:
    """The cluster's metal (its most common element) when it has an r_s, else ``None``.

    A single atom is no cluster: it gives ``None`` too.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> jellium_metal(build("Na8")), jellium_metal(build("BF4"))
    ('Na', None)
    """
    symbols = cluster.symbols
    metal = Counter(symbols).most_common(1)[0][0]
    if len(symbols) < 2 or metal not in TYPICAL_RS_BOHR:
        return None
    return metal


def jellium_electrons(cluster) -> int:
    """Free electrons of the charged cluster: :func:`jellium_valence` summed, minus the charge.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> jellium_electrons(build("Na8")), jellium_electrons(build("Al13", charge=-1))
    (8, 40)
    """
    return sum(jellium_valence(s) for s in cluster.symbols) - cluster.charge


def jellium_for(cluster):
    """The solved jellium model of a simple-metal cluster (its metal's r_s, its electrons).

    Raises
    ------
    InputError
        When the cluster is no simple-metal cluster (see :func:`jellium_metal`),
        or its electron count is out of the model's range.
    ConvergenceError
        When the model does not converge.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> r = jellium_for(build("Na8"))
    >>> r.n_electrons, r.rs_bohr, r.is_closed_shell
    (8, 3.93, True)
    >>> jellium_for(build("BF4", charge=-1))
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: BF4 is not a simple-metal cluster
    """
    metal = jellium_metal(cluster)
    if metal is None:
        raise InputError(f"{cluster.name} is not a simple-metal cluster")
    return solve_jellium(jellium_electrons(cluster), TYPICAL_RS_BOHR[metal], charge=cluster.charge)
