"""The octet rule: every atom of a small main-group species with 8 electrons (H with 2).

How it counts
-------------
The count is the valence electrons of the whole species minus its charge, the
number a Lewis structure distributes.  Each atom needs 8 electrons around it
(H and He 2) and a bonding pair counts for both of its atoms, so the octets
are complete when::

    count = 8 x (atoms) + 2 x (H atoms) - 2 x (shared pairs)

for a number of shared pairs the bonds allow: one per bond (sigma), plus at
most two more per bond (a double or triple bond), as long as no atom is in
more than 4 bonds (1 for H and a halogen, 3 for O and S).  Alkali and
alkaline-earth atoms give their valence electrons away (Li+, Mg2+) and need
none.  An odd count leaves an electron unpaired (a radical).

This one count covers the superhalogens and superalkalis of the review this
project grew from: in a superhalogen MX(k+1)- the ligands share the k
electrons of the centre and the extra one, so every ligand has its octet
(BF4-, LiF2-, and MnO4-, whose O atoms take all 7 electrons of Mn); in a
superalkali M(k+1)X+ the central atom's octet takes k of the k + 1 metal
electrons and the charge removes the last (Li3O+, Li2F+).  A diatomic is
counted like N2: 10 valence electrons close it with a triple bond (N2, CO,
CN-, and ZrO, whose Zr has the 4 valence electrons of C), 14 with a single
bond (F2).  With 12 (O2) a double bond would complete both octets, but the
two pi* electrons stay unpaired: O2 is a triplet, so the rule is not met.

A single main-group atom or ion is closed with 8 valence electrons (Cl-) or
none (Li+, which keeps the shell of He).

``count`` is the number of electrons in an octet: 8 when every octet is
complete (BF4-, whose 32 valence electrons the prediction gives), 7 when the
species is one electron short (neutral BF4), 9 when it has one too many
(neutral Li3O), 7 for a radical's odd electron; for a single atom it is its
valence electrons.

The rule is not meant for metal clusters (bonds between metal atoms), for
rings and cages (Hückel, Hirsch, Wade), nor for transition metals that keep d
electrons (groups 8-12, the 18-electron rule); an early transition metal
(groups 3-7) bonded only to O, N or halogen atoms is counted like a
main-group atom, since those atoms take its valence electrons.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> from superatom_lab.core.counting import count_electrons
>>> cn = Atoms("CN", positions=[(0, 0, 0), (0, 0, 1.17)])
>>> r = count_electrons(Cluster(cn, charge=-1), "octet")[0]
>>> r.count, r.satisfied
(8, True)
>>> r.prediction
'octets complete: 10 valence electrons = 8 x 2 - 2 x 3 shared pairs (a triple bond, as N2 and CO)'
"""

from __future__ import annotations

from superatom_lab.core import connectivity as cn
from superatom_lab.core.elements import (
    atomic_number,
    group,
    is_f_block,
    is_metallic,
    is_transition_metal,
    period,
)
from superatom_lab.core.elements import valence_electrons as valence
from superatom_lab.core.rule_result import RuleResult, not_applicable

RULE = "octet"
#: Most bonds (sigma and pi) an atom of a group makes in the count; others 4.
MAX_BONDS = {1: 1, 17: 1, 16: 3}
NOBLE_GASES = {2: "He", 10: "Ne", 18: "Ar", 36: "Kr", 54: "Xe", 86: "Rn"}
#: Groups of the atoms an early transition metal may carry for the octet count.
OCTET_LIGAND_GROUPS = (15, 16, 17)


def gives_electrons_away(symbol: str) -> bool:
    """True for alkali and alkaline-earth metals: ions in the octet count (Li+, Mg2+).

    Examples
    --------
    >>> [gives_electrons_away(s) for s in ("Li", "Mg", "H", "Al")]
    [True, True, False, False]
    """
    return symbol != "H" and group(symbol) in (1, 2)


def ion_label(symbol: str, charge: int) -> str:
    """``"Cl-"``, ``"Li+"``, ``"Al3+"`` or ``"O"``.

    Examples
    --------
    >>> ion_label("Cl", -1), ion_label("Al", 3), ion_label("O", 0)
    ('Cl-', 'Al3+', 'O')
    """
    if charge == 0:
        return symbol
    size = "" if abs(charge) == 1 else str(abs(charge))
    return f"{symbol}{size}{'+' if charge > 0 else '-'}"


def _atom(symbol: str, z: int) -> RuleResult:
    if is_transition_metal(symbol) or is_f_block(symbol):
        return not_applicable(
            RULE,
            f"a lone {symbol} atom: its d or f shell fills in the Aufbau order, not by this rule",
        )
    count = valence(symbol) - z
    target = 2 if period(symbol) == 1 else 8
    label = ion_label(symbol, z)
    left = atomic_number(symbol) - z
    gas = NOBLE_GASES.get(left)
    shell = (
        f"the shell of {gas}" if gas else "no electron at all" if left == 0 else "a filled shell"
    )
    why = f"a single main-group atom: closed with {target} valence electrons or none"
    if count == target:
        text = f"octet complete: {label} has {count} valence electrons, {shell}"
    elif count == 0:
        text = f"no valence electron left: {label} keeps {shell}"
    elif count == target - 1 and target == 2:
        text = "one valence electron: one short of the pair of He, takes an extra one"
    elif count == target - 1:
        text = (
            f"{count} valence electrons: one short of an octet, takes an extra one (halogen-like)"
        )
    elif count == 1:
        text = "one valence electron outside a closed shell: gives it away easily (alkali-like)"
    elif 0 < count < target:
        text = f"{count} valence electrons: {target - count} short of an octet"
    else:
        text = f"{count} valence electrons: neither an octet nor an empty valence shell"
    closed = count == target or (count == 0 and left > 0)  # a bare proton has no shell
    return RuleResult(RULE, True, count, closed, text, why)


def _most_extra_pairs(nodes: list[int], adj: list[frozenset[int]], spare: dict[int, int]) -> int:
    """Most pi pairs (at most 2 per bond) a forest of bonds can hold: leaves first."""
    left = {i: set(adj[i]) for i in nodes}
    spare = dict(spare)
    total = 0
    leaves = [i for i in nodes if len(left[i]) == 1]
    while leaves:
        leaf = leaves.pop()
        if len(left[leaf]) != 1:
            continue
        (other,) = left[leaf]
        extra = min(2, spare[leaf], spare[other])
        total += extra
        spare[leaf] -= extra
        spare[other] -= extra
        left[leaf].clear()
        left[other].discard(leaf)
        if len(left[other]) == 1:
            leaves.append(other)
    return total


def counted_by_octet(symbols, adj: list[frozenset[int]], i: int) -> bool:
    """True for an early transition metal (groups 3-7) bonded only to single O, N or halogen atoms.

    Those atoms take its valence electrons (Mn in MnO4- is d0), so the octet rule,
    not the 18-electron rule, counts it.

    Examples
    --------
    >>> counted_by_octet(["Mn", "O", "O"], [frozenset({1, 2}), frozenset({0}), frozenset({0})], 0)
    True
    >>> counted_by_octet(["Fe", "C", "O"], [frozenset({1}), frozenset({0, 2}), frozenset({1})], 0)
    False
    """
    s = symbols[i]
    return (
        is_transition_metal(s)
        and group(s) <= 7
        and bool(adj[i])
        and all(group(symbols[j]) in OCTET_LIGAND_GROUPS and len(adj[j]) == 1 for j in adj[i])
    )


def _not_an_octet_species(a, ionic: set[int]) -> str | None:
    """Why the octet rule is not meant for this species, or None."""
    syms = a.symbols
    if len(cn.components(a.adj, range(a.n))) > 1:
        return "the atoms do not form one molecule"
    for i in range(a.n):
        s = syms[i]
        if is_f_block(s):
            return f"{s} uses f electrons: see the 32-electron rule"
        if is_metallic(s):
            metal_bonds = [j for j in a.adj[i] if is_metallic(syms[j])]
            if any(not (i in ionic and j in ionic) for j in metal_bonds):
                return "bonds between metal atoms: a metal cluster, not an octet molecule"
            if i in ionic and not any(j not in ionic for j in a.adj[i]):
                return f"{s} is bonded to no non-metal atom"
        if is_transition_metal(s) and not counted_by_octet(syms, a.adj, i):
            return f"{s} keeps d electrons or carries more than single O, N or halogen atoms"
    return None


def _pattern(a, ionic: set[int]) -> str:
    """The superhalogen or superalkali form of a centre and its single-atom ligands, or ''."""
    centre = [i for i in range(a.n) if len(a.adj[i]) == a.n - 1]
    if len(centre) > 1:  # Li3O: the Li atoms touch each other too; O is the centre
        centre = [i for i in centre if i not in ionic]
    if a.n < 3 or len(centre) != 1:
        return ""
    c = centre[0]
    others = [i for i in range(a.n) if i != c]
    k = valence(a.symbols[c])
    if a.z == -1 and not ionic - {c} and all(a.adj[i] == {c} for i in others):
        lack = sum(1 if a.symbols[i] == "H" else 8 - valence(a.symbols[i]) for i in others)
        if lack == k + 1:
            text = f"the ligands lack {k + 1} electrons: {k} from {a.symbols[c]} and the extra one"
            if len(others) == k + 1:
                text += f" (MX(k+1) with k = {k}, the form of a superhalogen)"
            return text
    if a.z == 1 and set(others) == ionic and all(group(a.symbols[i]) == 1 for i in others):
        k = 8 - k
        if len(others) == k + 1:
            return (
                f"{a.symbols[c]} takes {k} of the {k + 1} metal electrons and the charge "
                f"removes the last (M(k+1)X with k = {k}, the form of a superalkali)"
            )
    return ""


def octet(a) -> RuleResult:
    """The octet rule for the analysed cluster ``a`` (see the module text).

    ``a`` is the analysis :func:`~superatom_lab.core.counting.count_electrons`
    makes: ``symbols``, ``adj`` (bonds, atoms in cages included), ``n`` and
    the charge ``z``.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.core.counting import count_electrons
    >>> for name in ("Li3O", "Li"):
    ...     print(count_electrons(build(name, charge=1), "octet")[0].prediction)
    octet complete: 8 valence electrons, all around O
    no valence electron left: Li+ keeps the shell of He
    """
    syms = a.symbols
    if a.n == 1:
        return _atom(syms[0], a.z)
    ionic = {i for i in range(a.n) if gives_electrons_away(syms[i])}
    rest = [i for i in range(a.n) if i not in ionic]
    if not rest:
        return not_applicable(
            RULE, "only alkali and alkaline-earth atoms: a metal cluster (see jellium)"
        )
    reason = _not_an_octet_species(a, ionic)
    if reason:
        return not_applicable(RULE, reason)
    in_rest = set(rest)
    bonds = [frozenset(a.adj[i] & in_rest) if i in in_rest else frozenset() for i in range(a.n)]
    if cn.ring_atoms(bonds):
        return not_applicable(
            RULE, "a ring or cage shares its electrons: see Hückel, Hirsch or Wade"
        )
    count = sum(valence(s) for s in syms) - a.z
    n_h = sum(1 for i in rest if period(syms[i]) == 1)
    n_8 = len(rest) - n_h
    need = 8 * n_8 + 2 * n_h
    sigma = sum(len(b) for b in bonds) // 2
    spare = {i: max(MAX_BONDS.get(group(syms[i]), 4) - len(bonds[i]), 0) for i in rest}
    most = sigma + _most_extra_pairs(rest, bonds, spare)
    low, high = need - 2 * most, need - 2 * sigma  # the counts some Lewis structure closes
    diatomic = a.n == 2 and n_h == 0 and not ionic
    pairs = (need - count) // 2
    ok = low <= count <= high and (need - count) % 2 == 0 and not (diatomic and count == 12)
    if ok:
        if n_8 == 1 and n_h == 0 and pairs == 0:
            text = f"octet complete: {count} valence electrons, all around {syms[rest[0]]}"
        else:
            terms = [f"8 x {n_8}"] * bool(n_8) + [f"2 x {n_h}"] * bool(n_h)
            formula = " + ".join(terms)
            formula += f" - 2 x {pairs} shared pairs" if pairs else ""
            text = f"octets complete: {count} valence electrons = {formula}"
            if diatomic and count in (10, 14):
                text += (
                    " (a triple bond, as N2 and CO)" if count == 10 else " (a single bond, as F2)"
                )
    elif diatomic and count == 12:
        text = "12 valence electrons, as O2: two pi* electrons stay unpaired (a triplet)"
    elif count < low:
        short = low - count
        text = (
            f"{count} valence electrons: one short of complete octets ({low}), "
            "takes an extra electron (halogen-like)"
            if short == 1
            else f"{count} valence electrons: {short} short of complete octets ({low})"
        )
    elif count > high:
        beyond = count - high
        text = (
            f"{count} valence electrons: one beyond complete octets ({high}), "
            "gives that electron away easily (alkali-like)"
            if beyond == 1
            else f"{count} valence electrons: {beyond} beyond complete octets ({high}): hypervalent"
        )
    else:
        text = f"{count} valence electrons: an odd count, one electron unpaired (a radical)"
    why = "each atom needs 8 electrons (H 2), a shared pair counts for both its atoms"
    givers = sorted({syms[i] for i in ionic})
    if givers:
        why += f"; {'/'.join(givers)} atoms give away their valence electrons"
    form = _pattern(a, ionic)
    if form:
        why += f"; {form}"
    full = 8 if n_8 else 2
    if count < low:
        in_octet = full - (low - count)
    elif count > high:
        in_octet = full + (count - high)
    else:  # complete, or O2's unpaired pair, or a radical's odd electron
        in_octet = full - (count % 2)
    return RuleResult(RULE, True, in_octet, ok, text, why)
