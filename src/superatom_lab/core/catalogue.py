"""Named species: atoms, superhalogens, superalkalis, metal clusters, boranes, references.

Each :class:`Species` records what the species is for and where its geometry
comes from.  Geometries are made on demand, in Angstrom, by :func:`build`.

Two charges are involved:

* :attr:`Species.charge` is the *characteristic* charge, the one at which the
  species shows the behaviour it is in the catalogue for: -1 for halogens and
  superhalogens (a closed-shell anion), +1 for alkalis and superalkalis,
  -1 for Al13 (40 electrons), -2 for the boranes, and 0 for closed-shell
  neutral clusters, the isoelectronic pair and the reference molecules;
* :func:`build` makes the **neutral** parent unless ``charge`` is given,
  because electron affinities and ionization energies start from it.

Honesty about geometries: every structure is either ASE's own
(``ase.cluster``, ``ase.build.molecule``) or an idealized shape with
experimental or typical literature bond lengths, as ``geometry_source`` says.
None of them was relaxed for this catalogue.

Examples
--------
>>> from superatom_lab.core.catalogue import build, get_species
>>> get_species("al13").charge, build("Al13").charge, build("Al13", charge=-1).n_valence_electrons
(-1, 0, 40)
>>> build("B12CN12").name
'B12(CN)12'
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from ase import Atoms
from ase.build import molecule

from superatom_lab.core import builders
from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import UnknownSpeciesError

CATEGORIES = (
    "halogen",
    "alkali",
    "superhalogen",
    "superalkali",
    "metal cluster",
    "borane",
    "isoelectronic",
    "reference molecule",
)
"""The categories, in the order :func:`names` lists them."""


@dataclass(frozen=True)
class Species:
    """A named species of the catalogue.

    Attributes
    ----------
    name : str
        Canonical name, e.g. ``"B12(CN)12"``.
    charge : int
        The characteristic charge: that of the ion (or neutral) in which the
        species shows the behaviour it is catalogued for (see the module text).
        :func:`build` still makes the neutral unless told otherwise.
    category : str
        One of :data:`CATEGORIES`.
    mimics : str
        One line: what it mimics, or why it is here.
    description : str
        One line about the species.
    geometry_source : str
        One line: where the geometry comes from.
    aliases : tuple of str
        Other names accepted by :func:`get_species` (matched ignoring case).

    Examples
    --------
    >>> s = get_species("BF4")
    >>> s.category, s.charge
    ('superhalogen', -1)
    """

    name: str
    charge: int
    category: str
    mimics: str
    description: str
    geometry_source: str
    aliases: tuple[str, ...] = ()

    def build(self, charge: int | None = None, spin: int | None = None) -> Cluster:
        """Build this species; see :func:`build`.

        Examples
        --------
        >>> get_species("Li3O").build(charge=1).n_valence_electrons
        8
        """
        return build(self.name, charge=charge, spin=spin)


# --- idealized shapes (Angstrom) ---------------------------------------------
_TETRAHEDRAL = np.array([(1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)]) / np.sqrt(3)


def _atom(symbol: str) -> Atoms:
    return Atoms(symbol, positions=[(0.0, 0.0, 0.0)])


def _linear(symbols: list[str], bonds: list[float]) -> Atoms:
    """A chain along z, each bond length from the previous atom, centred at the origin."""
    z = np.concatenate([[0.0], np.cumsum(bonds)])
    atoms = Atoms(symbols, positions=[(0.0, 0.0, zi) for zi in z])
    atoms.positions -= atoms.positions.mean(axis=0)
    return atoms


def _star(center: str, ligand: str, bond: float, directions) -> Atoms:
    """A central atom with one ligand along each unit vector in ``directions``."""
    directions = np.asarray(directions, dtype=float)
    positions = np.vstack([[0.0, 0.0, 0.0], bond * directions])
    return Atoms([center] + [ligand] * len(directions), positions=positions)


def _planar(n: int) -> np.ndarray:
    """``n`` unit vectors evenly spread in the xy plane."""
    angles = 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(angles), np.sin(angles), np.zeros(n)])


def _pyramidal(angle_deg: float) -> np.ndarray:
    """Three unit vectors of a C3v pyramid with ligand-centre-ligand angle ``angle_deg``."""
    sin2 = (1 - np.cos(np.radians(angle_deg))) / 1.5
    sin_b, cos_b = np.sqrt(sin2), np.sqrt(1 - sin2)
    phi = 2 * np.pi * np.arange(3) / 3
    return np.column_stack([sin_b * np.cos(phi), sin_b * np.sin(phi), -cos_b * np.ones(3)])


def _bent(center: str, ligand: str, bond: float, angle_deg: float) -> Atoms:
    half = np.radians(angle_deg) / 2
    directions = [(np.sin(half), 0.0, np.cos(half)), (-np.sin(half), 0.0, np.cos(half))]
    return _star(center, ligand, bond, directions)


def _icosahedron_vertices(edge: float) -> np.ndarray:
    """The 12 vertices of a regular icosahedron of the given edge, centred at the origin."""
    phi = (1 + np.sqrt(5)) / 2
    base = []
    for a in (-1, 1):
        for b in (-phi, phi):
            base += [(0, a, b), (a, b, 0), (b, 0, a)]
    return np.array(base, dtype=float) * edge / 2.0


def _circumcentre_cap(p1, p2, p3, bond: float, centre) -> np.ndarray:
    """The point ``bond`` away from all three of p1, p2, p3, on the side away from ``centre``."""
    a, b = p2 - p1, p3 - p1
    normal = np.cross(a, b)
    # circumcentre of the triangle, in its plane
    circ = p1 + (np.dot(b, b) * np.cross(normal, a) + np.dot(a, a) * np.cross(b, normal)) / (
        2 * np.dot(normal, normal)
    )
    normal /= np.linalg.norm(normal)
    if np.dot(normal, circ - centre) < 0:
        normal = -normal
    height = np.sqrt(bond**2 - np.dot(p1 - circ, p1 - circ))
    return circ + height * normal


def _na8(bond: float = 3.60) -> Atoms:
    """Td stellated tetrahedron: an inner tetrahedron with a cap over each face."""
    s = bond / (2 * np.sqrt(2))
    inner = _TETRAHEDRAL * np.sqrt(3) * s
    radius = np.linalg.norm(inner[0])
    caps = -_TETRAHEDRAL * (radius / 3 + bond * np.sqrt(2 / 3))
    return Atoms("Na8", positions=np.vstack([inner, caps]))


def _na20(axial: float = 3.45, cap_bond: float = 3.60) -> Atoms:
    """The 19-atom double icosahedron (D5h) with one atom capping a waist face."""

    def ring(z, radius, phase_deg):
        phi = np.radians(phase_deg + 72 * np.arange(5))
        return np.column_stack([radius * np.cos(phi), radius * np.sin(phi), np.full(5, z)])

    r = axial
    h = r / np.sqrt(5)
    waist = np.sqrt(r**2 - (r / 2) ** 2)  # waist atoms at distance r from both centres
    core = np.vstack(
        [
            [(0, 0, r), (0, 0, 0)],
            ring(h, 2 * h, 0),
            ring(-r / 2, waist, 36),
            [(0, 0, -r)],
            ring(-r - h, 2 * h, 0),
            [(0, 0, -2 * r)],
        ]
    )
    cap = _circumcentre_cap(core[2], core[3], core[7], cap_bond, core.mean(axis=0))
    atoms = Atoms("Na20", positions=np.vstack([core, cap]))
    atoms.positions -= atoms.positions.mean(axis=0)
    return atoms


def _b12h12(bb: float = 1.78, bh: float = 1.20) -> Atoms:
    boron = _icosahedron_vertices(bb)
    hydrogen = boron * (1 + bh / np.linalg.norm(boron[0]))
    return Atoms(["B"] * 12 + ["H"] * 12, positions=np.vstack([boron, hydrogen]))


def _b12cn12() -> Atoms:
    parent = Cluster(_b12h12(), name="B12H12")
    return builders.replace_ligands(parent, "H", "CN", bond_lengths=(1.56, 1.16)).atoms


def _fe_co5(fe_c_axial: float = 1.81, fe_c_equatorial: float = 1.83, co: float = 1.15) -> Atoms:
    directions = np.vstack([[(0, 0, 1), (0, 0, -1)], _planar(3)])
    bonds = [fe_c_axial] * 2 + [fe_c_equatorial] * 3
    carbons = directions * np.array(bonds)[:, None]
    oxygens = directions * (np.array(bonds) + co)[:, None]
    return Atoms(["Fe"] + ["C"] * 5 + ["O"] * 5, positions=np.vstack([[0, 0, 0], carbons, oxygens]))


def _c60() -> Atoms:
    return molecule("C60")


def _ase_icosahedron(element: str, lattice_constant: float) -> Callable[[], Atoms]:
    return lambda: builders.icosahedron(element, 2, lattice_constant).atoms


def _w_au12() -> Atoms:
    cage = builders.remove_center(builders.icosahedron("Au", 2, 4.08))
    return builders.endohedral("W", cage).atoms


# --- the entries ---------------------------------------------------------------
_HALOGEN_NOTE = "the reference halogen: one electron short of a noble-gas shell"
_ALKALI_NOTE = "the reference alkali: one s electron outside a noble-gas shell"
_ELEMENT_NAMES = {
    "F": "fluorine",
    "Cl": "chlorine",
    "Br": "bromine",
    "I": "iodine",
    "Li": "lithium",
    "Na": "sodium",
    "K": "potassium",
    "Cs": "caesium",
    "O": "oxygen",
    "Al": "aluminium",
    "Au": "gold",
    "Cu": "copper",
    "Pd": "palladium",
}
_EXTRA_ALIASES = {"Al": ("aluminum",), "Cs": ("cesium",)}


def _atom_entry(symbol: str, charge: int, category: str, mimics: str, description: str):
    name = _ELEMENT_NAMES[symbol]
    aliases = (name, *_EXTRA_ALIASES.get(symbol, ()))
    species = Species(symbol, charge, category, mimics, description, "single atom", aliases)
    return species, lambda: _atom(symbol)


def _entries() -> list[tuple[Species, Callable[[], Atoms]]]:
    e: list[tuple[Species, Callable[[], Atoms]]] = []

    def add(name, charge, category, mimics, description, source, make, aliases=()):
        e.append((Species(name, charge, category, mimics, description, source, aliases), make))

    # halogens and alkalis: the atoms that superatoms are compared with
    for symbol, shell in (("F", "Ne"), ("Cl", "Ar"), ("Br", "Kr"), ("I", "Xe")):
        e.append(
            _atom_entry(
                symbol,
                -1,
                "halogen",
                _HALOGEN_NOTE,
                f"{_ELEMENT_NAMES[symbol].capitalize()} atom; {symbol}- has the {shell} shell.",
            )
        )
    for symbol, shell in (("Li", "He"), ("Na", "Ne"), ("K", "Ar"), ("Cs", "Xe")):
        e.append(
            _atom_entry(
                symbol,
                1,
                "alkali",
                _ALKALI_NOTE,
                f"{_ELEMENT_NAMES[symbol].capitalize()} atom; {symbol}+ has the {shell} shell.",
            )
        )

    # superhalogens and related anions (all closed-shell at charge -1)
    sh = "superhalogen"
    add(
        "CN",
        -1,
        sh,
        "a halogen: EA 3.86 eV, above chlorine's 3.61 eV",
        "Cyano radical; CN- is isoelectronic with N2 and CO.",
        "diatomic, C-N 1.172 A: the experimental r_e of the CN radical (Huber & Herzberg)",
        lambda: _linear(["C", "N"], [1.172]),
        ("cyanide", "cyano"),
    )
    add(
        "SCN",
        -1,
        sh,
        "a halogen (pseudohalogen): computed EA 3.50 eV, close to chlorine's",
        "Thiocyanate radical; SCN- is a linear 16-valence-electron anion.",
        "idealized linear, S-C 1.65 A, C-N 1.17 A: typical thiocyanate-anion bond lengths "
        "from crystal structures; not relaxed",
        lambda: _linear(["S", "C", "N"], [1.65, 1.17]),
        ("thiocyanate", "NCS"),
    )
    add(
        "SeCN",
        -1,
        sh,
        "a halogen (pseudohalogen): computed EA 3.39 eV, close to bromine's",
        "Selenocyanate radical; the selenium analogue of SCN.",
        "idealized linear, Se-C 1.83 A, C-N 1.16 A: typical selenocyanate-anion bond lengths "
        "from crystal structures; not relaxed",
        lambda: _linear(["Se", "C", "N"], [1.83, 1.16]),
        ("selenocyanate", "NCSe"),
    )
    add(
        "BO2",
        -1,
        sh,
        "a halogen, more strongly: EA above any halogen atom's",
        "Boron dioxide; BO2- is linear O=B=O-, isoelectronic with CO2.",
        "linear O-B-O, B-O 1.265 A: about the experimental bond length of the BO2 radical",
        lambda: _linear(["O", "B", "O"], [1.265, 1.265]),
        ("OBO", "metaborate"),
    )
    add(
        "BF4",
        -1,
        sh,
        "a halogen, far more strongly: computed EA 7.33 eV",
        "Tetrafluoroborate; the textbook superhalogen of the form MX(k+1) for a k-valent M.",
        "idealized Td (the anion's shape), B-F 1.40 A: typical of BF4- in crystal structures; "
        "not relaxed (the neutral radical is Jahn-Teller distorted)",
        lambda: _star("B", "F", 1.40, _TETRAHEDRAL),
        ("tetrafluoroborate",),
    )
    add(
        "AlF4",
        -1,
        sh,
        "a halogen, more strongly: a superhalogen like BF4",
        "Tetrafluoroaluminate; the aluminium analogue of BF4.",
        "idealized Td (the anion's shape), Al-F 1.69 A: a typical computed bond length for "
        "AlF4-; not relaxed",
        lambda: _star("Al", "F", 1.69, _TETRAHEDRAL),
        ("tetrafluoroaluminate",),
    )
    add(
        "BH4",
        -1,
        sh,
        "a halogen (pseudohalogen): computed EA 3.42 eV, near chlorine's",
        "Borohydride; BH4- is isoelectronic with CH4.",
        "idealized Td (the anion's shape), B-H 1.24 A: typical of computed and "
        "neutron-diffraction B-H bonds in BH4-; not relaxed",
        lambda: _star("B", "H", 1.24, _TETRAHEDRAL),
        ("borohydride", "tetrahydroborate"),
    )
    add(
        "MnO4",
        -1,
        sh,
        "a halogen, more strongly (superhalogen built on a transition metal)",
        "Permanganate; Mn in its +7 state with four oxo ligands.",
        "idealized Td, Mn-O 1.63 A: typical of permanganate in KMnO4 crystals; not relaxed",
        lambda: _star("Mn", "O", 1.63, _TETRAHEDRAL),
        ("permanganate",),
    )
    add(
        "LiF2",
        -1,
        sh,
        "a halogen, more strongly: the simplest MX(k+1) superhalogen (k = 1)",
        "Lithium difluoride; in F-Li-F- the extra electron is shared by both F atoms.",
        "idealized linear D-inf-h (the anion's shape), Li-F 1.65 A: an estimate a little "
        "longer than the LiF monomer r_e (1.564 A); not relaxed",
        lambda: _linear(["F", "Li", "F"], [1.65, 1.65]),
        ("FLiF",),
    )
    add(
        "NaBr2",
        -1,
        sh,
        "a halogen, more strongly: measured VDE of the anion 5.36 eV",
        "Sodium dibromide; a benchmark for delocalization error in superhalogen VDEs.",
        "idealized linear Br-Na-Br (the anion's shape), Na-Br 2.65 A: an estimate longer "
        "than the NaBr monomer r_e (2.50 A); not relaxed",
        lambda: _linear(["Br", "Na", "Br"], [2.65, 2.65]),
        ("BrNaBr",),
    )
    add(
        "NaI2",
        -1,
        sh,
        "a halogen, more strongly: measured VDE of the anion 4.84 eV",
        "Sodium diiodide; the iodine analogue of NaBr2.",
        "idealized linear I-Na-I (the anion's shape), Na-I 2.88 A: an estimate longer than "
        "the NaI monomer r_e (2.71 A); not relaxed",
        lambda: _linear(["I", "Na", "I"], [2.88, 2.88]),
        ("INaI",),
    )
    add(
        "BrO3",
        -1,
        sh,
        "a halogen, more strongly: measured EA 4.60 eV",
        "Bromine trioxide; BrO3- is bromate.",
        "idealized C3v pyramid (the anion's shape), Br-O 1.65 A, O-Br-O 104 deg: typical of "
        "bromate in crystal structures; not relaxed",
        lambda: _star("Br", "O", 1.65, _pyramidal(104.0)),
        ("bromate",),
    )
    add(
        "IO3",
        -1,
        sh,
        "a halogen, more strongly: measured EA 4.70 eV",
        "Iodine trioxide; IO3- is iodate.",
        "idealized C3v pyramid (the anion's shape), I-O 1.81 A, O-I-O 99 deg: typical of "
        "iodate in crystal structures; not relaxed",
        lambda: _star("I", "O", 1.81, _pyramidal(99.0)),
        ("iodate",),
    )

    # superalkalis (closed-shell cations)
    add(
        "Li3O",
        1,
        "superalkali",
        "an alkali atom, more strongly: it gives up an electron more easily than Cs",
        "Trilithium oxide; Li3O+ has 8 valence electrons, like Ne.",
        "idealized planar D3h, Li-O 1.62 A: close to computed Li-O bonds in Li3O and Li3O+ "
        "(about 1.6 A); not relaxed",
        lambda: _star("O", "Li", 1.62, _planar(3)),
        ("OLi3",),
    )
    add(
        "Li2F",
        1,
        "superalkali",
        "an alkali atom, more strongly (the simplest M(k+1)X superalkali, k = 1)",
        "Dilithium fluoride; Li2F+ has 8 valence electrons.",
        "idealized linear Li-F-Li (the cation's shape), Li-F 1.65 A: an estimate a little "
        "longer than the LiF monomer r_e (1.564 A); not relaxed, the neutral's minimum may "
        "be bent",
        lambda: _linear(["Li", "F", "Li"], [1.65, 1.65]),
        ("LiFLi", "FLi2"),
    )

    # metal clusters
    mc = "metal cluster"
    add(
        "Al13",
        -1,
        mc,
        "a halogen: Al13- closes the 40-electron jellium shell; EA 3.57 eV, near Cl's",
        "Icosahedral 13-atom aluminium cluster with 39 valence electrons.",
        "ase.cluster.Icosahedron('Al', noshells=2, latticeconstant=4.05): Al-Al 2.86 A "
        "centre to surface, the bulk fcc nearest-neighbour distance; not relaxed",
        _ase_icosahedron("Al", 4.05),
    )
    add(
        "Na8",
        0,
        mc,
        "a noble gas: 8 valence electrons fill the 1S and 1P jellium shells",
        "Sodium octamer, the first jellium magic number after 2.",
        "idealized Td stellated tetrahedron (a tetrahedron capped on each face), all 18 "
        "nearest-neighbour Na-Na 3.60 A: a compact model, not a relaxed global minimum",
        _na8,
    )
    add(
        "Na20",
        0,
        mc,
        "a noble gas: 20 valence electrons close the 1S 1P 1D 2S jellium shells",
        "Sodium 20-atom cluster, the jellium magic number seen in Knight's mass spectra.",
        "idealized model: the 19-atom double icosahedron (Na-Na 3.45-3.77 A) plus one atom "
        "capping a waist face (3.60 A); compact but not a relaxed global minimum",
        _na20,
    )
    add(
        "Au13",
        0,
        mc,
        "no closed shell (13 valence s electrons): the parent of the Au12 cage of W@Au12",
        "13-atom gold icosahedron; real Au13 prefers flatter, less symmetric shapes.",
        "ase.cluster.Icosahedron('Au', noshells=2, latticeconstant=4.08): Au-Au 2.885 A "
        "centre to surface; not relaxed",
        _ase_icosahedron("Au", 4.08),
    )
    add(
        "W@Au12",
        0,
        mc,
        "a noble gas: 18 electrons (6 from W, one 6s from each Au) close the shell",
        "Icosahedral Au12 cage around W, predicted by Pyykko & Runeberg, seen by Li et al. 2002.",
        "the Au12 shell of ase.cluster.Icosahedron('Au', noshells=2, latticeconstant=4.08) "
        "with W at its centre, W-Au 2.885 A; not relaxed (computed W-Au is a little shorter)",
        _w_au12,
        ("WAu12", "Au12W", "W@Au_12"),
    )

    # boranes
    add(
        "B12H12",
        -2,
        "borane",
        "no atom: it holds two extra electrons; the second is bound by about 0.9 eV",
        "closo-Dodecaborate; a B12 icosahedron with one terminal H on each B.",
        "idealized Ih, B-B 1.78 A, B-H 1.20 A: typical of [B12H12]2- in crystal structures "
        "and computed geometries; not relaxed",
        _b12h12,
        ("closo-B12H12", "dodecaborate"),
    )
    add(
        "B12(CN)12",
        -2,
        "borane",
        "no atom: it binds its second extra electron by 5.55 eV (measured)",
        "Dodecacyano-closo-dodecaborate; every H of B12H12 replaced by C-bonded CN.",
        "B12H12 above with each H replaced by a linear CN along the B-H direction "
        "(replace_ligands), B-C 1.56 A, C-N 1.16 A; not relaxed",
        _b12cn12,
        ("B12CN12", "B12(CN)_12"),
    )

    # an isoelectronic pair
    add(
        "ZrO",
        0,
        "isoelectronic",
        "Pd: 10 valence electrons each, with similar anion photoelectron spectra",
        "Zirconium monoxide; proposed as a Pd-like catalytic superatom.",
        "diatomic, Zr-O 1.712 A: the experimental r_e of ZrO (Huber & Herzberg)",
        lambda: _linear(["Zr", "O"], [1.712]),
        ("OZr",),
    )
    e.append(
        _atom_entry(
            "Pd",
            0,
            "isoelectronic",
            "the atom that ZrO mimics ([Kr]4d10, 10 valence electrons)",
            "Palladium atom; closed-shell 4d10 ground state.",
        )
    )

    # reference molecules and atoms for tests, benchmarks and counting rules
    ref = "reference molecule"
    for symbol, why in (
        ("O", "Oxygen atom; EA 1.46 eV, a classic small-anion basis-set test."),
        ("Al", "Aluminium atom; the building block of Al13."),
        ("Au", "Gold atom; EA 2.31 eV, the highest of the metals, halogen-like."),
        ("Cu", "Copper atom; the lighter coinage metal."),
    ):
        e.append(_atom_entry(symbol, 0, ref, "a reference for benchmarks", why))
    add(
        "O2",
        0,
        ref,
        "a reference for benchmarks (triplet ground state)",
        "Dioxygen; EA 0.45 eV, the anion's longer bond makes vertical and adiabatic differ.",
        "diatomic, O-O 1.2075 A: the experimental r_e of O2",
        lambda: _linear(["O", "O"], [1.2075]),
        ("dioxygen",),
    )
    add(
        "OH",
        0,
        ref,
        "a reference for benchmarks (a halogen-like radical, EA 1.83 eV)",
        "Hydroxyl radical.",
        "diatomic, O-H 0.9697 A: the experimental r_e of OH",
        lambda: _linear(["O", "H"], [0.9697]),
        ("HO", "hydroxyl"),
    )
    add(
        "NO2",
        0,
        ref,
        "a reference for benchmarks (EA 2.27 eV)",
        "Nitrogen dioxide, a bent radical.",
        "bent C2v, N-O 1.194 A, O-N-O 134.1 deg: the experimental structure of NO2",
        lambda: _bent("N", "O", 1.194, 134.1),
        ("nitrogen dioxide", "ONO"),
    )
    add(
        "Fe(CO)5",
        0,
        ref,
        "the 18-electron rule: Fe gives 8 electrons, each CO 2",
        "Iron pentacarbonyl, a trigonal bipyramid.",
        "idealized D3h trigonal bipyramid with linear Fe-C-O, Fe-C 1.81 A axial and 1.83 A "
        "equatorial, C-O 1.15 A: close to the gas-phase electron-diffraction structure",
        _fe_co5,
        ("FeCO5", "iron pentacarbonyl"),
    )
    add(
        "C60",
        0,
        ref,
        "a cluster that keeps its identity in a solid (fullerite): a superatom building block",
        "Buckminsterfullerene, 60 carbon atoms in an Ih cage.",
        "ase.build.molecule('C60'): ASE's built-in coordinates",
        _c60,
        ("fullerene", "buckminsterfullerene"),
    )
    return e


_REGISTRY: dict[str, tuple[Species, Callable[[], Atoms]]] = {}
_INDEX: dict[str, str] = {}


def _register() -> None:
    for species, make in _entries():
        if species.category not in CATEGORIES:
            raise RuntimeError(f"catalogue entry {species.name} has category {species.category}")
        _REGISTRY[species.name] = (species, make)
        for key in (species.name, *species.aliases):
            folded = _fold(key)
            if _INDEX.setdefault(folded, species.name) != species.name:
                raise RuntimeError(f"catalogue name {key!r} is used twice")


def _fold(name: str) -> str:
    return "".join(name.split()).casefold()


_register()


# --- public API ------------------------------------------------------------------
def names(category: str | None = None) -> list[str]:
    """Canonical names, grouped by category in the order of :data:`CATEGORIES`.

    Parameters
    ----------
    category : str or None
        Only names of this category.

    Examples
    --------
    >>> names("superalkali")
    ['Li3O', 'Li2F']
    >>> "Al13" in names()
    True
    """
    if category is not None and category not in CATEGORIES:
        raise UnknownSpeciesError(
            f"unknown category {category!r}: use one of {', '.join(CATEGORIES)}"
        )
    wanted = CATEGORIES if category is None else (category,)
    return [n for c in wanted for n, (s, _) in _REGISTRY.items() if s.category == c]


def canonical_name(name: str) -> str:
    """The canonical catalogue name for ``name`` or one of its aliases (any case).

    Raises
    ------
    UnknownSpeciesError
        For a name that is not in the catalogue; the message lists close matches.

    Examples
    --------
    >>> canonical_name("b12cn12"), canonical_name("W@Au12")
    ('B12(CN)12', 'W@Au12')
    """
    if not isinstance(name, str):
        raise UnknownSpeciesError(f"a species name is text, got {name!r}")
    found = _INDEX.get(_fold(name))
    if found is not None:
        return found
    close = difflib.get_close_matches(_fold(name), list(_INDEX), n=4, cutoff=0.6)
    suggestions = list(dict.fromkeys(_INDEX[c] for c in close))
    hint = (
        f"did you mean {', '.join(suggestions)}?"
        if suggestions
        else "names() lists the catalogue (or 'superatom list')"
    )
    raise UnknownSpeciesError(f"unknown species {name!r}: {hint}")


def get_species(name: str) -> Species:
    """The :class:`Species` called ``name`` (case-insensitive; aliases allowed).

    Raises
    ------
    UnknownSpeciesError
        With close matches, e.g. for ``"Al31"``.

    Examples
    --------
    >>> get_species("b12cn12").name
    'B12(CN)12'
    >>> get_species("Al31")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.UnknownSpeciesError: unknown species 'Al31': did you mean Al13, Al?
    """
    return _REGISTRY[canonical_name(name)][0]


def build(name: str, charge: int | None = None, spin: int | None = None) -> Cluster:
    """Build the named species as a :class:`Cluster`.

    Parameters
    ----------
    name : str
        A catalogue name or alias, any case.
    charge : int or None
        ``None`` means 0: the neutral parent, where electron affinity and
        ionization energy calculations start.  ``Species.charge`` gives the
        characteristic ion's charge.
    spin : int or None
        ``2S``; ``None`` leaves the ground state to be found.

    Raises
    ------
    UnknownSpeciesError
        For an unknown name.
    ChargeSpinError
        For a spin that does not fit the electron count.

    Examples
    --------
    >>> al13 = build("Al13")
    >>> al13.charge, al13.n_atoms, build("al13", charge=-1).n_valence_electrons
    (0, 13, 40)
    """
    species, make = _REGISTRY[canonical_name(name)]
    return Cluster(make(), charge=0 if charge is None else charge, spin=spin, name=species.name)
