"""Cage rules of electron counting: Wade (deltahedra), 32-electron (endohedral) and Hirsch.

See :mod:`superatom_lab.core.counting` for how each counts.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> r = wade(BondAnalysis(build("B12H12", charge=-2)))
>>> r.count, r.satisfied, r.prediction
(26, True, 'closo: 13 skeletal electron pairs = n+1 for n = 12 vertices')
"""

from __future__ import annotations

from superatom_lab.core import connectivity as cn
from superatom_lab.core.bond_analysis import MIN_CAGE_ATOMS, BondAnalysis, plural
from superatom_lab.core.elements import group, is_f_block, is_transition_metal, period
from superatom_lab.core.elements import valence_electrons as valence
from superatom_lab.core.free_electrons import free_electrons
from superatom_lab.core.rule_result import RuleResult
from superatom_lab.core.rule_result import not_applicable as _na

WADE_CLASSES = {1: "closo", 2: "nido", 3: "arachno", 4: "hypho"}
SPHERE_SPREAD = 0.15  # (max - min) / mean radius of the atoms of a "spherical" cage


def sp2_light(a: BondAnalysis, i: int) -> bool:
    """True for a B, C or N atom with three bonds: it gives one electron to a pi system."""
    s = a.symbols[i]
    return period(s) == 2 and group(s) in (13, 14, 15) and len(a.adj[i]) == 3


def wade(a: BondAnalysis) -> RuleResult:
    """Wade's rule: skeletal electron pairs of a deltahedral cage (n + 1 for closo)."""
    rule = "wade"
    candidates = [i for i, s in enumerate(a.symbols) if s != "H" and group(s) not in (17, 18)]
    cage = sorted(cn.k_core(a.adj, candidates, 3))
    if len(cage) < 5:
        return _na(rule, "no polyhedral cage of 5 or more vertices with 3+ cage bonds each")
    if any(cn.triangles_at(a.adj, cage, i) < 2 for i in cage):
        return _na(rule, "the cage is not a deltahedron (not made of triangular faces)")
    if any(cn.is_inside_hull(a.pos[i], a.pos[[j for j in cage if j != i]]) for i in cage):
        return _na(rule, "an atom sits inside the cage: a centred cluster, not a Wade cage")
    groups = {group(a.symbols[i]) for i in cage}
    if None in groups or groups & {1, 2}:
        return _na(rule, "alkali, alkaline-earth or f-block vertices: no Wade count")
    cage_set = set(cage)
    others = [i for i in range(a.n) if i not in cage_set]
    ligands = cn.components(a.adj, others)
    if groups <= {11, 12} and not ligands:
        return _na(rule, "a bare coinage-metal cluster: use the jellium count")
    count = -a.z
    for i in cage:
        count += valence(a.symbols[i]) - (12 if is_transition_metal(a.symbols[i]) else 2)
    count += sum(a.donation(frag) for frag in ligands)
    n = len(cage)
    closed = cn.count_edges(a.adj, cage) == 3 * n - 6
    shape = "closed deltahedron" if closed else "open cage"
    why = f"{n}-vertex {shape} ({cn.count_edges(a.adj, cage)} edges)"
    why += f" with {plural(len(ligands), 'exo or bridging ligand')}" if ligands else ", bare"
    if count % 2:
        text = f"{count} skeletal electrons (odd): a radical, no Wade class"
        return RuleResult(rule, True, count, False, text, why)
    pairs, k = count // 2, count // 2 - n
    if k in WADE_CLASSES:
        text = f"{WADE_CLASSES[k]}: {pairs} skeletal electron pairs = n+{k} for n = {n} vertices"
    elif k < 1:
        text = f"{pairs} skeletal electron pairs for n = {n} vertices: {1 - k} short of closo (n+1)"
    else:
        text = f"{pairs} skeletal electron pairs for n = {n} vertices: more than hypho (n+4)"
    ok = (closed and k == 1) or (not closed and k in (2, 3, 4))
    return RuleResult(rule, True, count, ok, text, why)


def cage_electrons(a: BondAnalysis, i: int, rule: str) -> int:
    """Electrons cage atom ``i`` gives to the delocalised count of ``rule``."""
    s = a.symbols[i]
    free = free_electrons(s)
    if free is not None:
        return free
    if sp2_light(a, i):
        return valence(s) - 3
    if group(s) in (13, 14, 15) and period(s) >= 3:
        return valence(s) - (2 if rule == "32-electron" else 0)
    return valence(s)


def thirty_two(a: BondAnalysis) -> RuleResult:
    """The 32-electron rule: an atom inside a cage, centre and cage electrons together."""
    rule = "32-electron"
    c = a.endohedral
    if c is None:
        return _na(rule, f"no atom enclosed by a cage of {MIN_CAGE_ATOMS} or more atoms")
    s = a.symbols[c]
    if s in {a.symbols[i] for i in range(a.n) if i != c} and not is_f_block(s):
        return _na(rule, f"{s} inside a cage of its own element: count free electrons (jellium)")
    if not is_f_block(s) and all(free_electrons(a.symbols[i]) is not None for i in a.enclosed[c]):
        return _na(
            rule,
            f"{s} inside a cage of simple metals: its electrons join the cage's free electrons "
            "(jellium; the 18-electron rule for a d metal)",
        )
    cage = sum(cage_electrons(a, i, rule) for i in range(a.n) if i != c)
    count = valence(s) + cage - a.z
    why = f"{s} enclosed by a {a.n - 1}-atom cage; centre and cage electrons both count"
    text = (
        f"32 electrons ({s} {valence(s)} + cage {cage - a.z}): closed 1S 1P 1D 1F shells"
        if count == 32
        else f"{count} electrons: {abs(32 - count)} {'short of' if count < 32 else 'beyond'} 32"
    )
    return RuleResult(rule, True, count, count == 32, text, why)


def hirsch(a: BondAnalysis) -> RuleResult:
    """Hirsch's rule: 2(n + 1)^2 delocalised electrons on a spherical cage."""
    rule = "hirsch"
    c = a.endohedral
    shell = [i for i in range(a.n) if i != c]
    if len(shell) < MIN_CAGE_ATOMS:
        return _na(rule, f"fewer than {MIN_CAGE_ATOMS} atoms: not a spherical cage")
    centre = a.pos[shell].mean(axis=0)
    radii = ((a.pos[shell] - centre) ** 2).sum(axis=1) ** 0.5
    if (radii.max() - radii.min()) / radii.mean() > SPHERE_SPREAD:
        return _na(rule, "the atoms do not lie on one sphere (exo ligands or another shape)")
    count = sum(cage_electrons(a, i, rule) for i in range(a.n)) - a.z
    kind = "pi" if all(sp2_light(a, i) for i in shell) else "delocalised"
    why = f"{len(shell)} atoms on a sphere"
    if c is not None:
        why += f" around a central {a.symbols[c]}"
    n = round(max(count, 0) ** 0.5 / 2**0.5) - 1 if count > 0 else -1
    if n >= 0 and 2 * (n + 1) ** 2 == count:
        text = f"spherically aromatic: {count} {kind} electrons = 2(n+1)^2 with n = {n}"
        return RuleResult(rule, True, count, True, text, why)
    closed = [2 * (k + 1) ** 2 for k in range(12)]
    low = max((m for m in closed if m < count), default=0)
    high = min(m for m in closed if m > count)
    text = f"{count} {kind} electrons: not 2(n+1)^2 (nearest {low} and {high})"
    return RuleResult(rule, True, count, False, text, why)
