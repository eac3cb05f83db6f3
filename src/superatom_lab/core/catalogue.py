"""Named species: atoms, superhalogens, pseudohalogens, superalkalis, metal clusters, boranes,
multiply charged anions.

Each :class:`Species` records what the species is for and where its geometry
comes from.  Geometries are made on demand, in Angstrom, by :func:`build`.

Two charges are involved:

* :attr:`Species.charge` is the *characteristic* charge, the one at which the
  species shows the behaviour it is in the catalogue for: -1 for halogens,
  superhalogens and pseudohalogens (a closed-shell anion), +1 for alkalis and superalkalis,
  -1 for Al13 (40 electrons), -2 for the boranes and the multiply charged
  anion Ca(CN)4, and 0 for closed-shell
  neutral clusters, the isoelectronic pair and the reference molecules;
* :func:`build` makes the **neutral** parent unless ``charge`` is given,
  because electron affinities and ionization energies start from it.

Honesty about geometries: every structure is either ASE's own
(``ase.cluster``, ``ase.build.molecule``), an idealized shape with
experimental or typical literature bond lengths, or (Ca(CN)4 alone) an
idealized shape whose bond lengths were relaxed with the project's own code
(:func:`superatom_lab.qc.relax.relax`), as ``geometry_source`` says.

The species, their geometries (a shape of
:mod:`~superatom_lab.core.catalogue_geometries` and its parameters) and where
those come from live in ``superatom_lab/data/catalogue.json``, read once.

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
from dataclasses import dataclass
from functools import cache

from ase.data import chemical_symbols

from superatom_lab.core.catalogue_geometries import make_geometry
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.data_files import read_data_json
from superatom_lab.errors import UnknownSpeciesError

CATEGORIES = (
    "halogen",
    "alkali",
    "superhalogen",
    "pseudohalogen",
    "superalkali",
    "metal cluster",
    "borane",
    "multiply charged anion",
    "isoelectronic",
    "reference molecule",
)
"""The categories, in the order :func:`names` lists them.

A superhalogen binds an extra electron more strongly than chlorine (EA above
3.61 eV); a pseudohalogen (SCN, SeCN, BH4) behaves as a halogen in salts and
is one electron short of closed shells, but its EA is below chlorine's.  A
multiply charged anion holds more than one extra electron in the gas phase
(Ca(CN)4 2-); the boranes B12H12 2- and B12(CN)12 2- do too, but are filed as
boranes.
"""


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
    mimics_element : str or None
        Where it sits on the periodic table of superatoms (:func:`mimic_table`):
        the symbol of the element whose behaviour it shows (``"Cl"`` for a
        superhalogen or Al13, ``"Cs"`` for a superalkali, ``"Pd"`` for ZrO; the
        noble gas whose place matches a closed shell: Na8 neon, Na20 argon, the
        18-electron W@Au12 and Fe(CO)5 krypton), :data:`NO_ATOM` when no atom
        shows it (a dianion that holds both extra electrons), ``None`` for the
        atoms themselves and for species that mimic nothing.
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
    mimics_element: str | None = None

    def build(self, charge: int | None = None, spin: int | None = None) -> Cluster:
        """Build this species; see :func:`build`.

        Examples
        --------
        >>> get_species("Li3O").build(charge=1).n_valence_electrons
        8
        """
        return build(self.name, charge=charge, spin=spin)

    @property
    def characteristic_property(self) -> str:
        """``"IE"`` for a species that forms cations (positive :attr:`charge`), else ``"EA"``.

        The property that shows what the species is catalogued for: the
        ionization energy of an alkali or superalkali, the electron affinity
        of every other species.

        Examples
        --------
        >>> get_species("Li3O").characteristic_property, get_species("BF4").characteristic_property
        ('IE', 'EA')
        """
        return "IE" if self.charge > 0 else "EA"


#: ``Species.mimics_element`` of a species whose behaviour no atom shows.
NO_ATOM = "none"

DATA_FILE = "catalogue.json"
"""The data file in ``superatom_lab/data`` that holds the species and their geometries."""


@cache
def _registry() -> tuple[dict[str, tuple[Species, dict]], dict[str, str]]:
    """Read the data file once: name -> (species, geometry spec), and folded name -> name."""
    registry: dict[str, tuple[Species, dict]] = {}
    index: dict[str, str] = {}
    for row in read_data_json(DATA_FILE)["species"]:
        species = Species(
            name=row["name"],
            charge=int(row["charge"]),
            category=row["category"],
            mimics=row["mimics"],
            description=row["description"],
            geometry_source=row["geometry_source"],
            aliases=tuple(row["aliases"]),
            mimics_element=row.get("mimics_element"),
        )
        if species.category not in CATEGORIES:
            raise RuntimeError(f"catalogue entry {species.name} has category {species.category}")
        if species.mimics_element not in (None, NO_ATOM, *chemical_symbols[1:]):
            raise RuntimeError(
                f"catalogue entry {species.name} mimics no element: {species.mimics_element!r}"
            )
        registry[species.name] = (species, row["geometry"])
        for key in (species.name, *species.aliases):
            if index.setdefault(_fold(key), species.name) != species.name:
                raise RuntimeError(f"catalogue name {key!r} is used twice")
    return registry, index


def _fold(name: str) -> str:
    return "".join(name.split()).casefold()


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
    registry = _registry()[0]
    return [n for c in wanted for n, (s, _) in registry.items() if s.category == c]


def mimic_table() -> dict[str, list[str]]:
    """The species that mimic each element, by symbol, in catalogue order.

    The key :data:`NO_ATOM` holds the species whose behaviour no atom shows.

    Examples
    --------
    >>> table = mimic_table()
    >>> "Al13" in table["Cl"], table["Cs"], table["Pd"]
    (True, ['Li3O', 'Li2F'], ['ZrO'])
    >>> table[NO_ATOM]
    ['B12H12', 'B12(CN)12', 'Ca(CN)4']
    """
    table: dict[str, list[str]] = {}
    for name in names():
        element = get_species(name).mimics_element
        if element is not None:
            table.setdefault(element, []).append(name)
    return table


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
    index = _registry()[1]
    found = index.get(_fold(name))
    if found is not None:
        return found
    close = difflib.get_close_matches(_fold(name), list(index), n=4, cutoff=0.6)
    suggestions = list(dict.fromkeys(index[c] for c in close))
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
    return _registry()[0][canonical_name(name)][0]


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
    species, geometry = _registry()[0][canonical_name(name)]
    charge = 0 if charge is None else charge
    return Cluster(make_geometry(geometry), charge=charge, spin=spin, name=species.name)
