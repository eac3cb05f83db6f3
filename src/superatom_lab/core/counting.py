"""Electron-counting rules for superatoms: jellium, Wade, octet, 18, 32, Hückel, Hirsch.

Each rule looks at a :class:`~superatom_lab.core.cluster.Cluster` and returns a
:class:`RuleResult`: whether the rule is meant for this kind of cluster, the
electron count it uses, whether that count meets the rule's condition, a
one-line prediction and a one-line reason.  The counts come from the
elements (:mod:`superatom_lab.core.elements`) and from the bonds found in the
geometry (:mod:`superatom_lab.core.connectivity`); nothing is looked up by
formula.  An atom enclosed by a cage is bonded to the cage atoms around it
(:func:`~superatom_lab.core.connectivity.skeletal_neighbours`) even when the
cage is wider than the bond cutoff, so it counts as part of the skeleton, not
as a ligand.

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

from functools import cached_property

from superatom_lab.core import connectivity as cn
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.connectivity import closed_shell_deficit, shared_electrons
from superatom_lab.core.elements import group, is_f_block, is_metallic, is_transition_metal, period
from superatom_lab.core.elements import valence_electrons as valence
from superatom_lab.core.octet_rule import counted_by_octet
from superatom_lab.core.octet_rule import octet as _octet
from superatom_lab.core.rule_result import RuleResult
from superatom_lab.core.rule_result import not_applicable as _na
from superatom_lab.errors import InputError

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
WADE_CLASSES = {1: "closo", 2: "nido", 3: "arachno", 4: "hypho"}
SPHERE_SPREAD = 0.15  # (max - min) / mean radius of the atoms of a "spherical" cage
MIN_CAGE_ATOMS = 8


class _Analysis:
    """Bonds, fragments and the central atom of a cluster, computed once."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.symbols = cluster.symbols
        self.pos = cluster.positions_angstrom
        # atoms inside a cage -> the cage atoms around them, bonded to them in adj
        self.enclosed = cn.enclosed_atoms(cluster.atoms)
        self.adj = cn.skeletal_neighbours(cluster.atoms, self.enclosed)
        self.n = cluster.n_atoms
        self.z = cluster.charge

    def fragments_without(self, removed) -> list[list[int]]:
        removed = set(removed)
        return cn.components(self.adj, [i for i in range(self.n) if i not in removed])

    def hapticity(self, fragment, centre_atoms) -> int:
        """Bonds between a fragment and a set of atoms."""
        return sum(len(self.adj[i] & set(centre_atoms)) for i in fragment)

    def donation(self, fragment) -> int:
        """Electrons a ligand bonded through one atom shares with what it is bonded to."""
        return shared_electrons(closed_shell_deficit(self.symbols, self.adj, fragment))

    def shared_with(self, fragment, c: int) -> int:
        """Electrons a ligand puts into its bonds to atom ``c``.

        One bonded atom: :func:`shared_electrons`.  Several bonded atoms next to
        each other (a pi ligand such as C5H5 or benzene, or a cage around ``c``):
        one electron per bonded atom.  Several apart (a chelate): 2 per donor
        atom minus the electrons the ligand lacks (ethylenediamine 4, acac 3).
        """
        donors = [i for i in fragment if c in self.adj[i]]
        if len(donors) == 1:
            return self.donation(fragment)
        if len(cn.components(self.adj, donors)) == 1:
            return len(donors)
        x = closed_shell_deficit(self.symbols, self.adj, fragment)
        return 2 * len(donors) - x if 0 <= x <= len(donors) else len(donors)

    @cached_property
    def centre(self) -> int | None:
        """The atom with the most bonds whose removal splits the rest into ligands, or None."""
        best = None
        for i in range(self.n):
            if self.symbols[i] == "H" or len(self.adj[i]) < 2:
                continue
            frags = self.fragments_without([i])
            if len(frags) < 2 or any(self.hapticity(f, [i]) == 0 for f in frags):
                continue
            key = (len(self.adj[i]), len(frags), -(group(self.symbols[i]) or 3))
            if best is None or key > best[0]:
                best = (key, i)
        return None if best is None else best[1]

    @cached_property
    def endohedral(self) -> int | None:
        """An atom enclosed by a single cage of at least 8 atoms, or None."""
        centroid = self.pos.mean(axis=0)
        i = int(((self.pos - centroid) ** 2).sum(axis=1).argmin())
        others = [j for j in range(self.n) if j != i]
        if len(others) < MIN_CAGE_ATOMS or len(self.fragments_without([i])) != 1:
            return None
        return i if cn.is_inside_hull(self.pos[i], self.pos[others]) else None


def _plural(k: int, noun: str) -> str:
    return f"{k} {noun}" + ("" if k == 1 else "s")


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


def _sp2_light(a: _Analysis, i: int) -> bool:
    s = a.symbols[i]
    return period(s) == 2 and group(s) in (13, 14, 15) and len(a.adj[i]) == 3


def _jellium(a: _Analysis) -> RuleResult:
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
        why += f"; {_plural(n_ligands, 'ligand')} withdraw{'s' * (n_ligands == 1)} {withdrawn}"
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


def _wade(a: _Analysis) -> RuleResult:
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
    why += f" with {_plural(len(ligands), 'exo or bridging ligand')}" if ligands else ", bare"
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


def _around_centre(a: _Analysis, c: int) -> tuple[int, list[str]]:
    """Electrons around atom ``c``: its valence, what its ligands share, minus the charge."""
    count, parts = valence(a.symbols[c]) - a.z, []
    for frag in a.fragments_without([c]):
        count += a.shared_with(frag, c)
        parts.append("".join(a.symbols[i] for i in frag))
    return count, parts


def _eighteen(a: _Analysis) -> RuleResult:
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
        why = f"one transition-metal centre {s} with {_plural(len(parts), 'ligand')}"
    if count == 18:
        around = "cage" if a.endohedral == c else "ligands"
        text = f"18-electron closed shell: {s} {valence(s)} + {around} {count - valence(s) + a.z}"
    else:
        side = "short of" if count < 18 else "beyond"
        text = f"{count} electrons around {s}: {abs(18 - count)} {side} 18"
    return RuleResult(rule, True, count, count == 18, text, why)


def _cage_electrons(a: _Analysis, i: int, rule: str) -> int:
    s = a.symbols[i]
    free = free_electrons(s)
    if free is not None:
        return free
    if _sp2_light(a, i):
        return valence(s) - 3
    if group(s) in (13, 14, 15) and period(s) >= 3:
        return valence(s) - (2 if rule == "32-electron" else 0)
    return valence(s)


def _thirty_two(a: _Analysis) -> RuleResult:
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
    cage = sum(_cage_electrons(a, i, rule) for i in range(a.n) if i != c)
    count = valence(s) + cage - a.z
    why = f"{s} enclosed by a {a.n - 1}-atom cage; centre and cage electrons both count"
    text = (
        f"32 electrons ({s} {valence(s)} + cage {cage - a.z}): closed 1S 1P 1D 1F shells"
        if count == 32
        else f"{count} electrons: {abs(32 - count)} {'short of' if count < 32 else 'beyond'} 32"
    )
    return RuleResult(rule, True, count, count == 32, text, why)


def _ring_pi(a: _Analysis, ring: list[int]) -> int | None:
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


def _huckel(a: _Analysis) -> RuleResult:
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


def _hirsch(a: _Analysis) -> RuleResult:
    rule = "hirsch"
    c = a.endohedral
    shell = [i for i in range(a.n) if i != c]
    if len(shell) < MIN_CAGE_ATOMS:
        return _na(rule, f"fewer than {MIN_CAGE_ATOMS} atoms: not a spherical cage")
    centre = a.pos[shell].mean(axis=0)
    radii = ((a.pos[shell] - centre) ** 2).sum(axis=1) ** 0.5
    if (radii.max() - radii.min()) / radii.mean() > SPHERE_SPREAD:
        return _na(rule, "the atoms do not lie on one sphere (exo ligands or another shape)")
    count = sum(_cage_electrons(a, i, rule) for i in range(a.n)) - a.z
    kind = "pi" if all(_sp2_light(a, i) for i in shell) else "delocalised"
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


_RULE_FUNCTIONS = {
    "jellium": _jellium,
    "wade": _wade,
    "octet": _octet,
    "18-electron": _eighteen,
    "32-electron": _thirty_two,
    "huckel": _huckel,
    "hirsch": _hirsch,
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
    analysis = _Analysis(cluster)
    return [_RULE_FUNCTIONS[name](analysis) for name in names]
