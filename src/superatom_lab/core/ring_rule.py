"""Hückel's rule: 4n + 2 pi (or free) electrons in a planar ring.

Examples
--------
>>> from ase.build import molecule
>>> from superatom_lab.core.cluster import Cluster
>>> huckel(BondAnalysis(Cluster(molecule("C6H6")))).prediction
'aromatic: 6 pi electrons = 4n+2 with n = 1'
"""

from __future__ import annotations

from superatom_lab.core import connectivity as cn
from superatom_lab.core.bond_analysis import BondAnalysis
from superatom_lab.core.elements import group
from superatom_lab.core.elements import valence_electrons as valence
from superatom_lab.core.free_electrons import free_electrons
from superatom_lab.core.rule_result import RuleResult
from superatom_lab.core.rule_result import not_applicable as _na


def _ring_pi(a: BondAnalysis, ring: list[int]) -> int | None:
    """pi electrons of a planar p-block ring system, or None if an atom is sp3."""
    pi, dangling = 0, 0
    for i in ring:
        s, bonds = a.symbols[i], len(a.adj[i])
        left = valence(s) - bonds
        if bonds >= 4:
            return None
        if bonds == 3:
            pi += min(max(left, 0), 2)
        elif left >= 3:  # an in-plane lone pair, the rest in the pi system
            pi += left - 2
        elif left == 2:  # one in-plane electron, one pi electron
            pi += 1
            dangling += 1
        else:
            dangling += left
    extra = -a.z
    if extra > 0:  # extra electrons first pair up in-plane dangling orbitals
        extra -= min(extra, dangling)
    return pi + extra


def huckel(a: BondAnalysis) -> RuleResult:
    """Hückel's rule: 4n + 2 pi electrons (or free electrons of a metal ring) in a planar ring."""
    rule = "huckel"
    ring = sorted(cn.ring_atoms(a.adj))
    if len(ring) < 3:
        return _na(rule, "no ring")
    if not cn.is_planar(a.pos[ring]):
        return _na(rule, "the ring atoms are not in one plane")
    syms = {a.symbols[i] for i in ring}
    if all(free_electrons(s) is not None for s in syms):
        count = sum(free_electrons(s) or 0 for s in a.symbols) - a.z
        kind, why = "delocalised", f"planar {len(ring)}-membered metal ring"
    elif all(group(s) in (13, 14, 15, 16) for s in syms):
        count = _ring_pi(a, ring)
        if count is None:
            return _na(rule, "an sp3 ring atom breaks the conjugated ring")
        kind, why = "pi", f"planar conjugated ring system of {len(ring)} atoms"
    else:
        return _na(rule, "a ring mixing metal and non-metal atoms: no simple pi count")
    if count % 4 == 2:
        text = f"aromatic: {count} {kind} electrons = 4n+2 with n = {(count - 2) // 4}"
    elif count % 4 == 0 and count > 0:
        text = f"antiaromatic: {count} {kind} electrons = 4n with n = {count // 4}"
    else:
        text = f"{count} {kind} electrons: not of the form 4n+2"
    return RuleResult(rule, True, count, count % 4 == 2, text, why)
