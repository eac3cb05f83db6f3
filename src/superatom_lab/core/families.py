"""Families of candidate superatoms with sensible starting geometries, for screening and design.

Three families follow the review's design recipes:

* :func:`superhalogen_family`: a centre M with k+1 monovalent ligands X,
  MX(k+1), k the centre's usual valence (Gutsev and Boldyrev's rule: one
  ligand more than the centre can bind, so the extra electron spreads over
  the ligands).  Screened for the VDE of the relaxed anion, which is what
  photoelectron spectroscopy measures.
* :func:`superalkali_family`: a centre X with k+1 alkali atoms, M(k+1)X, k
  the centre's usual valence (Li3O, Li2F).  Screened for the adiabatic IE.
* :func:`cage_family`: the icosahedral borane cage with its terminal atoms
  swapped, B12X12 (X = H, F, Cl, CN, ...).  Screened for the VDE of the
  relaxed dianion, which says whether the second electron stays.

The ligands sit in the shape VSEPR predicts for k+1 electron domains on the
centre (linear, trigonal planar, tetrahedral, trigonal bipyramidal,
octahedral), at the sum of covalent radii (ASE's ``covalent_radii``); a
relaxation at the screening preset takes it from there.  A family names the
property it is screened for; it is never a vertical value at the starting
geometry, which would rank guesses, not molecules.

Examples
--------
>>> family = superhalogen_family(centres=["Li", "B"], ligands=["F", "CN"])
>>> [m.name for m in family.members]
['LiF2', 'Li(CN)2', 'BF4', 'B(CN)4']
>>> family.prop, family.members[2].cluster.charge
('vde', 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from ase import Atoms

from superatom_lab.core.catalogue import build
from superatom_lab.core.catalogue_geometries import TETRAHEDRAL_DIRECTIONS
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.edits import LIGANDS, replace_ligands
from superatom_lab.core.elements import checked_symbol, group
from superatom_lab.errors import InputError

#: The defaults of ``superatom design superhalogen``: four centres of valence 1 and 3 and the
#: three halogens of the MX(k+1) series, 12 members.  CN works too, but its neutral radicals are
#: slow at quick (B(CN)4: 971 s against BF4's 63 s), and Mg's MgBr3- did not relax in 60 steps
#: at quick (docs/benchmarks.md).
SUPERHALOGEN_CENTRES = ("Li", "Na", "B", "Al")
SUPERHALOGEN_LIGANDS = ("F", "Cl", "Br")
#: The defaults of ``superatom design superalkali``.
SUPERALKALI_CENTRES = ("F", "O", "N")
SUPERALKALI_METALS = ("Li", "Na")
#: The defaults of the cage family (B12X12).
CAGE_LIGANDS = ("H", "F", "Cl", "CN")

#: The families by the name a family file or the command line uses.
FAMILY_KINDS = ("superhalogen", "superalkali", "cage")

_PLACEHOLDER = "H"  # each ligand slot is an H atom first, swapped by replace_ligands


def _vsepr_directions(n: int) -> np.ndarray:
    """Unit vectors of ``n`` electron domains around a centre, as VSEPR places them (1-6)."""
    if n == 1:
        return np.array([[0.0, 0.0, 1.0]])
    if n == 2:
        return np.array([[0.0, 0.0, 1.0], [0.0, 0.0, -1.0]])
    if n == 3:
        angles = 2 * np.pi * np.arange(3) / 3
        return np.column_stack([np.cos(angles), np.sin(angles), np.zeros(3)])
    if n == 4:
        return TETRAHEDRAL_DIRECTIONS
    if n == 5:
        return np.vstack([_vsepr_directions(3), _vsepr_directions(2)])
    if n == 6:
        return np.vstack([np.eye(3), -np.eye(3)])
    raise InputError(f"a centre with {n} ligands is not built here: 1 to 6 ligands")


#: VSEPR's name for each number of electron domains, for people.
SHAPES = {
    1: "diatomic",
    2: "linear",
    3: "trigonal planar",
    4: "tetrahedral",
    5: "trigonal bipyramidal",
    6: "octahedral",
}


def usual_valence(element: str, role: str = "centre") -> int:
    """The usual valence k of a superhalogen centre or of a superalkali's centre.

    Parameters
    ----------
    element : str
        A symbol.
    role : str
        ``"centre"`` for a metal or metalloid centre of a superhalogen (groups
        1, 2, 3, 11-15: Li 1, Mg 2, B and Al 3, Si 4, P 5), ``"anion"`` for the
        electronegative centre of a superalkali (groups 14-17: C 4, N 3, O 2, F 1).

    Raises
    ------
    InputError
        For an element with no single usual valence (most transition metals):
        pass the valence yourself.

    Examples
    --------
    >>> [usual_valence(e) for e in ("Li", "Mg", "Al", "P")]
    [1, 2, 3, 5]
    >>> [usual_valence(e, "anion") for e in ("F", "O", "N")]
    [1, 2, 3]
    >>> usual_valence("Fe")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: Fe has no single usual valence here: give it, e.g. ...
    """
    g = group(checked_symbol(element, "centre"))
    if role == "anion":
        table = {14: 4, 15: 3, 16: 2, 17: 1}
    else:
        table = {1: 1, 2: 2, 3: 3, 11: 1, 12: 2, 13: 3, 14: 4, 15: 5}
    if g not in table or element == "H":
        raise InputError(
            f"{element} has no single usual valence here: give it, e.g. valence={{'{element}': 2}}"
        )
    return table[g]


@dataclass(frozen=True)
class Member:
    """One candidate of a family: its name, starting geometry and what it is made of.

    Examples
    --------
    >>> m = superhalogen_family(["Al"], ["F"]).members[0]
    >>> m.name, m.centre, m.ligand, m.n_ligands, m.shape
    ('AlF4', 'Al', 'F', 4, 'tetrahedral')
    """

    name: str
    cluster: Cluster
    centre: str
    ligand: str
    n_ligands: int
    shape: str


@dataclass(frozen=True)
class Family:
    """Candidates built by one recipe, and the property they are screened for.

    Attributes
    ----------
    kind : str
        One of :data:`FAMILY_KINDS`.
    members : tuple of Member
        The candidates, each at the charge its property starts from.
    prop : str
        The property: ``"vde"`` (of the relaxed anion of each member) or
        ``"ie-adiabatic"``; never a vertical value at the starting geometry.
    description : str
        One line for people.
    """

    kind: str
    members: tuple[Member, ...]
    prop: str
    description: str


def _star(centre: str, ligand: str, n: int, charge: int, name: str) -> Cluster:
    """``centre`` with ``n`` copies of ``ligand`` along the VSEPR directions."""
    directions = _vsepr_directions(n)
    if n == 1:
        directions = directions[:1]
    atoms = Atoms([centre] + [_PLACEHOLDER] * n, positions=np.vstack([[0, 0, 0], directions]))
    group_atoms = ligand if ligand in LIGANDS else [checked_symbol(ligand, "ligand")]
    return replace_ligands(Cluster(atoms, charge=charge), _PLACEHOLDER, group_atoms, name=name)


def _ligand_text(ligand: str, n: int) -> str:
    body = f"({ligand})" if sum(c.isupper() for c in ligand) > 1 else ligand
    return body + (str(n) if n > 1 else "")


def _valences(valence: Mapping[str, int] | None) -> dict[str, int]:
    valence = dict(valence or {})
    for element, k in valence.items():
        if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= 5:
            raise InputError(f"the valence of {element} must be a whole number 0-5, got {k!r}")
    return valence


def _names(values, what: str) -> list[str]:
    if isinstance(values, str):
        values = [values]
    values = list(values)
    if not values:
        raise InputError(f"a family needs at least one {what}")
    return values


def _stars(centres, ligands, valence, role: str, name_of) -> tuple[Member, ...]:
    """Each centre with k+1 of each ligand, k from ``valence`` or :func:`usual_valence`."""
    valence = _valences(valence)
    members = []
    for centre in _names(centres, "centre"):
        k = valence.get(centre, None)
        k = usual_valence(centre, role) if k is None else k
        for ligand in _names(ligands, "ligand"):
            name = name_of(centre, ligand, k)
            cluster = _star(centre, ligand, k + 1, 0, name)
            members.append(Member(name, cluster, centre, ligand, k + 1, SHAPES[k + 1]))
    return tuple(members)


def superhalogen_family(
    centres: Iterable[str] = SUPERHALOGEN_CENTRES,
    ligands: Iterable[str] = SUPERHALOGEN_LIGANDS,
    valence: Mapping[str, int] | None = None,
) -> Family:
    """MX(k+1) for every centre M and ligand X, neutral, screened for the VDE of its anion.

    Parameters
    ----------
    centres : iterable of str
        Centre elements; k is :func:`usual_valence` unless ``valence`` gives it.
    ligands : iterable of str
        Monovalent ligands: a halogen, or a group of
        :data:`~superatom_lab.core.edits.LIGANDS` (``"CN"`` bonds through C).
    valence : mapping, optional
        k for some centres, e.g. ``{"Fe": 3}``.

    Examples
    --------
    >>> f = superhalogen_family(["Mg"], ["Cl"], valence={"Mg": 2})
    >>> m = f.members[0]
    >>> m.name, m.shape, round(float(m.cluster.atoms.get_distance(0, 1)), 2)
    ('MgCl3', 'trigonal planar', 2.43)
    """

    def name_of(centre, ligand, k):
        return f"{centre}{_ligand_text(ligand, k + 1)}"

    members = _stars(centres, ligands, valence, "centre", name_of)
    return Family(
        "superhalogen",
        members,
        "vde",
        "MX(k+1): a centre with one ligand more than its valence; VDE of the relaxed anion",
    )


def superalkali_family(
    centres: Iterable[str] = SUPERALKALI_CENTRES,
    metals: Iterable[str] = SUPERALKALI_METALS,
    valence: Mapping[str, int] | None = None,
) -> Family:
    """M(k+1)X for every electronegative centre X and alkali metal M, neutral; adiabatic IE.

    Examples
    --------
    >>> f = superalkali_family(["O"], ["Li"])
    >>> f.members[0].name, f.members[0].shape, f.prop
    ('Li3O', 'trigonal planar', 'ie-adiabatic')
    """
    metals = _names(metals, "metal")
    for metal in metals:
        if group(checked_symbol(metal, "metal")) != 1 or metal == "H":
            raise InputError(f"a superalkali's ligands are alkali metals, got {metal}")

    def name_of(centre, metal, k):
        return f"{metal}{k + 1 if k else ''}{centre}"

    members = _stars(centres, metals, valence, "anion", name_of)
    return Family(
        "superalkali",
        members,
        "ie-adiabatic",
        "M(k+1)X: an electronegative centre with one alkali atom more than its valence; "
        "adiabatic IE",
    )


def cage_family(ligands: Iterable[str] = CAGE_LIGANDS) -> Family:
    """B12X12 for every ligand X, at charge -1: the VDE of the relaxed dianion B12X12 2-.

    Examples
    --------
    >>> f = cage_family(["H", "CN"])
    >>> [(m.name, len(m.cluster.symbols), m.cluster.charge) for m in f.members]
    [('B12H12', 24, -1), ('B12(CN)12', 36, -1)]
    """
    cage = build("B12H12", charge=-1)
    members = []
    for ligand in _names(ligands, "ligand"):
        if ligand == "H":
            cluster = cage
        else:
            group_atoms = ligand if ligand in LIGANDS else [checked_symbol(ligand, "ligand")]
            name = f"B12{_ligand_text(ligand, 12)}"
            cluster = replace_ligands(cage, "H", group_atoms, name=name)
        members.append(Member(cluster.name, cluster, "B12", ligand, 12, "icosahedral"))
    return Family(
        "cage",
        tuple(members),
        "vde",
        "B12X12: the borane cage with its terminal atoms swapped; VDE of the relaxed dianion",
    )


def make_family(kind: str, **parameters) -> Family:
    """The family of kind ``kind`` (:data:`FAMILY_KINDS`) with its builder's parameters.

    Raises
    ------
    InputError
        For an unknown kind or parameter.

    Examples
    --------
    >>> len(make_family("superhalogen").members)
    12
    >>> make_family("perovskite")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: unknown family 'perovskite': use superhalogen, ...
    """
    makers = {
        "superhalogen": superhalogen_family,
        "superalkali": superalkali_family,
        "cage": cage_family,
    }
    if kind not in makers:
        raise InputError(f"unknown family {kind!r}: use {', '.join(FAMILY_KINDS)}")
    try:
        return makers[kind](**parameters)
    except TypeError as exc:
        raise InputError(f"family {kind}: {exc}") from None


def family_member(kind: str, name: str) -> Member:
    """The member called ``name`` of the default family of kind ``kind``.

    The manifest of shipped results names design results this way.

    Raises
    ------
    InputError
        For an unknown kind or a name the family does not have.

    Examples
    --------
    >>> family_member("superhalogen", "AlF4").cluster.formula
    'AlF4'
    >>> family_member("superalkali", "Li9")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: the superalkali family has no member 'Li9': it has Li2F, ...
    """
    family = make_family(kind)
    for member in family.members:
        if member.name == name:
            return member
    names = ", ".join(m.name for m in family.members)
    raise InputError(f"the {kind} family has no member {name!r}: it has {names}")
