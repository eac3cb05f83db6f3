"""Electron-counting rules for superatoms: jellium, Wade, octet, 18, 32, Hückel, Hirsch.

Each rule looks at a :class:`~superatom_lab.core.cluster.Cluster` and returns a
:class:`~superatom_lab.core.rule_result.RuleResult`: whether the rule is meant
for this kind of cluster, the electron count it uses, whether that count meets
the rule's condition, a one-line prediction and a one-line reason.  The counts come from the
elements (:mod:`superatom_lab.core.elements`) and from the bonds found in the
geometry (:mod:`superatom_lab.core.connectivity`); nothing is looked up by
formula.  An atom enclosed by a cage is bonded to the cage atoms around it
(:func:`~superatom_lab.core.connectivity.skeletal_neighbours`) even when the
cage is wider than the bond cutoff, so it counts as part of the skeleton, not
as a ligand.

The jellium and 18-electron rules live here; the octet rule in
:mod:`~superatom_lab.core.octet_rule`, Wade, 32-electron and Hirsch in
:mod:`~superatom_lab.core.cage_rules`, Hückel in :mod:`~superatom_lab.core.ring_rule`,
all reading the geometry through :class:`~superatom_lab.core.bond_analysis.BondAnalysis`.

How each rule counts
--------------------
``jellium``
    Free electrons ``n = sum(v_M) - sum(x_L) - z``: 1 per alkali or coinage
    (Cu, Ag, Au) atom, 2 per alkaline-earth or group-12 atom, 3 per Al, Ga, In,
    Tl; a non-metal atom bonded to four or more of those metals adds all its
    valence electrons, and so does any atom inside a cage of those metals (C in
    CAl12: 36 + 4 = 40; W in W@Au12: 12 + 6 = 18), bonded by distance or not;
    each ligand withdraws the ``x`` electrons it lacks for a closed shell (Cl,
    H, SR: 1; O: 2; PR3, CO: 0).  Closed at 2, 8, 18, 20, 34, 40, 58, 68, 70,
    92, ... (:data:`JELLIUM_MAGIC_NUMBERS`).  When the ligands take every
    metal electron (Li3O+, Li2F+: 0 left) there is no electron gas and the rule
    does not apply; the octet rule counts those.
``wade``
    Skeletal electrons of a deltahedral cage of ``n`` vertices: each main-group
    vertex gives its valence minus 2, each transition-metal vertex its valence
    minus 12, each exo or bridging ligand the electrons it shares with the cage
    (H, halogen, CN: 1; CO: 2), and the charge ``-z``.  ``count`` is in
    electrons; pairs ``= count / 2``: ``n + 1`` closo, ``n + 2`` nido, ``n + 3``
    arachno, ``n + 4`` hypho.
``octet``
    The valence electrons of a small main-group species, which a Lewis
    structure must give every atom an octet (H a pair) with: ``8 x atoms +
    2 x H - 2 x shared pairs``; alkali and alkaline-earth atoms give theirs
    away.  ``count`` is the electrons in an octet (8 when complete, 7 one short, 9
    one beyond).  Superhalogens (every ligand's octet), superalkalis (the centre's
    octet), diatomics counted like N2 (CN-, ZrO), early transition metals
    bonded only to O or halogens (MnO4-) and single atoms (Cl-, Na+); see
    :mod:`superatom_lab.core.octet_rule`.
``18-electron``
    Electrons around one transition metal with an open d shell: its valence
    electrons, plus what each ligand shares with it (``x`` for a ligand short
    of ``x`` electrons, 2 for a closed-shell donor such as CO or NH3, one per
    bonded atom for a pi ligand or a cage of simple metals, W in Au12), minus
    the charge.  Not for a metal whose O, N or halogen atoms take all its
    valence electrons (MnO4-: the octet rule).
``32-electron``
    An atom inside a cage of p-block atoms, or an f-block atom inside any cage
    (not a d or main-group atom in a cage of simple metals: jellium and the
    18-electron rule count those): its valence electrons (f electrons included) plus 1
    per sp2 carbon, 2 per heavy p-block atom (the s pair stays outside), the
    free electrons of metals and all valence electrons of other atoms, minus
    the charge.
``huckel``
    pi electrons of a planar ring system (1 per sp2 carbon, 2 per pyrrole-type
    N or furan-type O, ...), or all free electrons of a planar metal ring,
    aromatic at ``4n + 2``.
``hirsch``
    Delocalised electrons of a spherical cage: 1 per sp2 carbon (the pi
    electron), all valence electrons of heavy p-block atoms, free electrons of
    metals; spherically aromatic at ``2(n + 1)^2``.

Examples
--------
>>> from ase.cluster import Icosahedron
>>> from superatom_lab.core.cluster import Cluster
>>> al13 = Cluster(Icosahedron("Al", noshells=2, latticeconstant=4.05), charge=-1)
>>> r = count_electrons(al13, ["jellium"])[0]
>>> r.applies, r.count, r.satisfied
(True, 40, True)
"""

from __future__ import annotations

from superatom_lab.core import connectivity as cn
from superatom_lab.core.bond_analysis import BondAnalysis, plural
from superatom_lab.core.cage_rules import hirsch, thirty_two, wade
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.connectivity import closed_shell_deficit
from superatom_lab.core.elements import is_metallic, is_transition_metal
from superatom_lab.core.elements import valence_electrons as valence
from superatom_lab.core.free_electrons import free_electrons
from superatom_lab.core.octet_rule import counted_by_octet
from superatom_lab.core.octet_rule import octet as _octet
from superatom_lab.core.ring_rule import huckel
from superatom_lab.core.rule_result import RuleResult
from superatom_lab.core.rule_result import not_applicable as _na
from superatom_lab.errors import InputError

__all__ = ["JELLIUM_MAGIC_NUMBERS", "JELLIUM_SHELLS", "RULES", "RuleResult", "count_electrons"]

RULES = ("jellium", "wade", "octet", "18-electron", "32-electron", "huckel", "hirsch")

#: Jellium shells in the order of a Woods-Saxon-like well (Na clusters);
#: ``solve_jellium(58, 3.93)`` gives the same ladder.
JELLIUM_SHELLS = ("1S", "1P", "1D", "2S", "1F", "2P", "1G", "2D", "3S", "1H", "2F", "3P", "1I",
                  "2G", "3D", "4S", "1J")  # fmt: skip
_L = "SPDFGHIJ"
JELLIUM_MAGIC_NUMBERS = tuple(
    sum(2 * (2 * _L.index(s[1]) + 1) for s in JELLIUM_SHELLS[: i + 1])
    for i in range(len(JELLIUM_SHELLS))
)


def _jellium(a: BondAnalysis) -> RuleResult:
    rule = "jellium"
    metals = [i for i, s in enumerate(a.symbols) if is_metallic(s)]
    simple = [i for i in metals if free_electrons(a.symbols[i]) is not None]
    if len(simple) < 2:
        return _na(
            rule,
            "fewer than two simple-metal atoms (alkali, alkaline-earth, Cu/Ag/Au, Zn/Cd/Hg, Al-Tl)",
        )
    simple_set = set(simple)
    # a metal atom inside a cage of simple metals (W in Au12) gives all its valence electrons
    dopants = {i for i, shell in a.enclosed.items() if i in metals and shell <= simple_set}
    odd = sorted({a.symbols[i] for i in metals if i not in simple_set and i not in dopants})
    if odd:
        return _na(rule, f"{'/'.join(odd)} d or p electrons do not behave as free electrons")
    rest = [i for i in range(a.n) if i not in simple_set]
    count = sum(free_electrons(a.symbols[i]) for i in simple) - a.z
    inner, withdrawn, n_ligands = 0, 0, 0
    for frag in cn.components(a.adj, rest):
        if len(frag) == 1 and len(a.adj[frag[0]] & simple_set) >= 4:
            inner += valence(a.symbols[frag[0]])  # an atom enclosed by the metal
        else:
            n_ligands += 1
            withdrawn += closed_shell_deficit(a.symbols, a.adj, frag)
    count += inner - withdrawn
    names = sorted({a.symbols[i] for i in simple})
    if count <= 0:
        return _na(
            rule,
            f"the ligands take every valence electron of the {'/'.join(names)} atoms: "
            "no free electrons left (see the octet rule)",
        )
    why = f"{len(simple)} {'/'.join(names)} atoms pool their valence electrons"
    if n_ligands:
        why += f"; {plural(n_ligands, 'ligand')} withdraw{'s' * (n_ligands == 1)} {withdrawn}"
    if inner:
        why += f"; enclosed atoms add {inner}"
    return RuleResult(rule, True, count, count in JELLIUM_MAGIC_NUMBERS, _jellium_text(count), why)


def _jellium_text(count: int) -> str:
    if count in JELLIUM_MAGIC_NUMBERS:
        k = JELLIUM_MAGIC_NUMBERS.index(count) + 1
        shells = " ".join(f"{s}{2 * (2 * _L.index(s[1]) + 1)}" for s in JELLIUM_SHELLS[:k])
        return f"closed shell: {count} electrons fill {shells}"
    above = [m for m in JELLIUM_MAGIC_NUMBERS if m > count]
    below = [m for m in JELLIUM_MAGIC_NUMBERS if m < count]
    if count <= 0 or not above:
        return f"{count} free electrons: outside the tabulated shells"
    low, high = (below[-1] if below else 0), above[0]
    if count == 1:
        return "one electron in the 1S shell: alkali-like (a superalkali), easily ionised"
    if count - low == 1:
        return f"one electron beyond the {low}-electron shell: alkali-like, easily ionised"
    if high - count == 1:
        return f"one electron short of the {high}-electron shell: halogen-like"
    return f"open shell: {count} electrons, between the {low} and {high} closures"


def _around_centre(a: BondAnalysis, c: int) -> tuple[int, list[str]]:
    """Electrons around atom ``c``: its valence, what its ligands share, minus the charge."""
    count, parts = valence(a.symbols[c]) - a.z, []
    for frag in a.fragments_without([c]):
        count += a.shared_with(frag, c)
        parts.append("".join(a.symbols[i] for i in frag))
    return count, parts


def _eighteen(a: BondAnalysis) -> RuleResult:
    rule = "18-electron"
    # Cu/Ag/Au and Zn/Cd/Hg have a full d shell: they count as simple metals, not as centres
    tms = [
        i for i, s in enumerate(a.symbols) if is_transition_metal(s) and free_electrons(s) is None
    ]
    if len(tms) != 1:
        why = (
            "no transition-metal atom with an open d shell"
            if not tms
            else "several metal centres: count each metal"
        )
        return _na(rule, why)
    c = tms[0]
    s = a.symbols[c]
    if counted_by_octet(a.symbols, a.adj, c):
        return _na(
            rule,
            f"{s} is bonded only to O, N or halogen atoms, which take its valence electrons: "
            "the octet rule counts it",
        )
    if a.centre != c and a.endohedral != c:
        return _na(rule, f"{s} is not a centre carrying ligands")
    others = [i for i in range(a.n) if i != c]
    in_simple_cage = a.endohedral == c and all(
        free_electrons(a.symbols[i]) is not None for i in others
    )
    if not in_simple_cage and any(is_metallic(a.symbols[i]) for i in others):
        return _na(rule, "other metal atoms: not a single metal centre")
    count, parts = _around_centre(a, c)
    if a.endohedral == c:
        why = f"one transition-metal atom {s} inside a {a.n - 1}-atom cage (1 electron per bond)"
    else:
        why = f"one transition-metal centre {s} with {plural(len(parts), 'ligand')}"
    if count == 18:
        around = "cage" if a.endohedral == c else "ligands"
        text = f"18-electron closed shell: {s} {valence(s)} + {around} {count - valence(s) + a.z}"
    else:
        side = "short of" if count < 18 else "beyond"
        text = f"{count} electrons around {s}: {abs(18 - count)} {side} 18"
    return RuleResult(rule, True, count, count == 18, text, why)


_RULE_FUNCTIONS = {
    "jellium": _jellium,
    "wade": wade,
    "octet": _octet,
    "18-electron": _eighteen,
    "32-electron": thirty_two,
    "huckel": huckel,
    "hirsch": hirsch,
}


def count_electrons(cluster: Cluster, rules=None) -> list[RuleResult]:
    """Apply electron-counting rules to a cluster.

    Parameters
    ----------
    cluster : Cluster
        The cluster, with its charge.
    rules : str or sequence of str, optional
        Rule names from :data:`RULES` (all of them, in that order, by default).

    Returns
    -------
    list of RuleResult
        One per rule, in the order asked for.

    Raises
    ------
    InputError
        For something that is not a Cluster or an unknown rule name.

    Examples
    --------
    >>> from ase import Atoms
    >>> bf4 = Atoms("BF4", positions=[(0, 0, 0), (0.808, 0.808, 0.808), (-0.808, -0.808, 0.808),
    ...                                (-0.808, 0.808, -0.808), (0.808, -0.808, -0.808)])
    >>> octet = count_electrons(Cluster(bf4, charge=-1), "octet")[0]
    >>> octet.count, octet.satisfied, octet.prediction
    (8, True, 'octets complete: 32 valence electrons = 8 x 5 - 2 x 4 shared pairs')
    """
    if not isinstance(cluster, Cluster):
        raise InputError("count_electrons needs a Cluster (superatom_lab.core.cluster.Cluster)")
    names = RULES if rules is None else (rules,) if isinstance(rules, str) else tuple(rules)
    for name in names:
        if name not in _RULE_FUNCTIONS:
            raise InputError(f"unknown counting rule {name!r}: choose from {', '.join(RULES)}")
    analysis = BondAnalysis(cluster)
    return [_RULE_FUNCTIONS[name](analysis) for name in names]
