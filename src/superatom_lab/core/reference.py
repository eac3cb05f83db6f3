"""Reference energies: measured EAs, IEs and VDEs, and computed ones where none is measured.

The values live in ``superatom_lab/data/reference_values.json``, each with its
source, and are read once.  ``species`` is always the neutral parent, named as
in the catalogue where the catalogue has it (``"Al13"``, ``"B12(CN)12"``).

Kinds
-----
``"adiabatic EA"``
    measured first electron affinity of the neutral;
``"EA_2"``
    measured binding energy of a second extra electron (the EA of the monoanion);
``"IE"``
    measured first ionization energy of the neutral;
``"VDE"``
    measured vertical detachment energy of the monoanion;
``"computed EA_1"`` ... ``"computed EA_5"``
    computed electron affinities of successive anions: mostly the DFT values of
    Table 4 of H. Fang, Q. Sun and P. Jena, "Cluster-based materials: design and
    applications", Chem. Soc. Rev., DOI 10.1039/d5cs00663e; a few first EAs come
    from coupled-cluster work, named in their source;
``"computed VDE"``
    computed vertical detachment energy of the monoanion;
``"computed IE"``
    computed first ionization energy of the neutral.

Table 4 gives one row for the dianions M(CN)4 2- of M = Ca, Sr and Ba: a range
over the three metals.  It is stored under the catalogue's ``"Ca(CN)4"`` with
:attr:`ReferenceValue.range_ev` set and ``value_ev`` the middle of the range,
and :func:`ionic_radius_range_angstrom` gives its radius range.

Every computed kind starts with ``"computed"`` (:attr:`ReferenceValue.measured`
is ``False``), so a computed value is never shown as an experiment:
:func:`experimental_ea` and :func:`experimental_ie` return measurements only.

Examples
--------
>>> from superatom_lab.core.reference import experimental_ea, experimental_ie
>>> experimental_ea("Cl").value_ev, experimental_ie("Cs").value_ev
(3.6127, 3.8939)
>>> experimental_ea("al13").source.startswith("Li, Wu, Wang 1998")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from superatom_lab.core.data_files import read_data_json
from superatom_lab.errors import InputError, UnknownSpeciesError

DATA_FILE = "reference_values.json"
MEASURED_KINDS = ("adiabatic EA", "EA_2", "IE", "VDE")
COMPUTED_KINDS = tuple(f"computed EA_{n}" for n in range(1, 6)) + ("computed VDE", "computed IE")
KINDS = MEASURED_KINDS + COMPUTED_KINDS
"""Every kind a :class:`ReferenceValue` can have."""


@dataclass(frozen=True)
class ReferenceValue:
    """One reference energy with its source.

    Attributes
    ----------
    species : str
        The neutral parent, e.g. ``"CN"`` for the EA of CN (CN + e -> CN-).
    kind : str
        One of :data:`KINDS`.
    value_ev : float
        The value in eV.
    uncertainty_ev : float or None
        The stated uncertainty, or ``None`` where the source gives none.
    source : str
        Where the value comes from.
    note : str
        Anything a reader needs to use the value correctly (may be empty).
    range_ev : tuple of float or None
        ``(low, high)`` when the source gives a range rather than a value (one row
        of Table 4 for several species); ``value_ev`` is then its middle.

    Examples
    --------
    >>> cn = experimental_ea("CN")
    >>> cn.value_ev, cn.uncertainty_ev, cn.range_ev
    (3.862, 0.004, None)
    >>> ea2 = computed_ea("Ca(CN)4", 2)
    >>> ea2.range_ev, round(ea2.value_ev, 3)
    ((2.62, 2.79), 2.705)
    """

    species: str
    kind: str
    value_ev: float
    uncertainty_ev: float | None
    source: str
    note: str = ""
    range_ev: tuple[float, float] | None = None

    @property
    def measured(self) -> bool:
        """``True`` for a measurement, ``False`` for a computed value.

        Examples
        --------
        >>> experimental_ea("BO2").measured, computed_vde("LiF2").measured
        (True, False)
        """
        return self.kind in MEASURED_KINDS


def _value_or_range(row: dict, value: str, span: str) -> tuple[float, tuple[float, float] | None]:
    """``(value, None)`` for a row with ``value``; ``(middle, (low, high))`` for one with ``span``.

    Examples
    --------
    >>> _value_or_range({"range_ev": [1.0, 2.0]}, "value_ev", "range_ev")
    (1.5, (1.0, 2.0))
    """
    if span not in row:
        return float(row[value]), None
    low, high = (float(x) for x in row[span])
    return (low + high) / 2, (low, high)


@cache
def _load() -> tuple[tuple[ReferenceValue, ...], dict[str, tuple[float, float]]]:
    data = read_data_json(DATA_FILE)
    sources = data["sources"]
    values = []
    for row in data["values"]:
        if row["kind"] not in KINDS:
            raise ValueError(f"{DATA_FILE}: unknown kind {row['kind']!r} for {row['species']}")
        value, span = _value_or_range(row, "value_ev", "range_ev")
        values.append(
            ReferenceValue(
                species=row["species"],
                kind=row["kind"],
                value_ev=value,
                uncertainty_ev=row["uncertainty_ev"],
                source=sources[row["source"]],
                note=row.get("note", ""),
                range_ev=span,
            )
        )
    radii = {}
    for row in data["ionic_radii"]:
        value, span = _value_or_range(row, "radius_angstrom", "range_angstrom")
        radii[row["species"]] = span or (value, value)
    return tuple(values), radii


def _species_key(name: str) -> str:
    """The catalogue's canonical name for ``name`` if it has one, else ``name`` itself."""
    from superatom_lab.core.catalogue import canonical_name

    if not isinstance(name, str):
        raise InputError(f"a species name is text, got {name!r}")
    try:
        return canonical_name(name)
    except UnknownSpeciesError:
        return "".join(name.split())


def _matches(species: str, key: str) -> bool:
    return species == key or species.casefold() == key.casefold()


def reference_values(kind: str | None = None, species: str | None = None) -> list[ReferenceValue]:
    """All reference values, optionally of one kind and/or one species.

    Parameters
    ----------
    kind : str or None
        One of :data:`KINDS`.
    species : str or None
        A species name; catalogue aliases and any case are accepted.

    Raises
    ------
    InputError
        For an unknown kind.

    Examples
    --------
    >>> [v.species for v in reference_values("IE")]
    ['Li', 'Na', 'K', 'Cs', 'Li3O']
    >>> [v.value_ev for v in reference_values(species="B12CN12") if v.kind.startswith("computed")]
    [8.56, 5.28]
    """
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    values = _load()[0]
    if kind is not None:
        values = tuple(v for v in values if v.kind == kind)
    if species is not None:
        key = _species_key(species)
        values = tuple(v for v in values if _matches(v.species, key))
    return list(values)


def reference_value(name: str, kind: str) -> ReferenceValue | None:
    """The value of ``kind`` for ``name``, or ``None`` if there is none.

    Examples
    --------
    >>> reference_value("B12(CN)12", "EA_2").value_ev
    5.55
    >>> reference_value("Na8", "IE") is None
    True
    """
    found = reference_values(kind, species=name)
    return found[0] if found else None


def experimental_ea(name: str) -> ReferenceValue | None:
    """The measured adiabatic electron affinity of the neutral ``name``, or ``None``.

    Examples
    --------
    >>> experimental_ea("Al13").value_ev
    3.57
    >>> experimental_ea("BF4") is None  # only a computed value is stored
    True
    >>> experimental_ea("BO2").value_ev
    4.46
    """
    return reference_value(name, "adiabatic EA")


def experimental_ie(name: str) -> ReferenceValue | None:
    """The measured first ionization energy of the neutral ``name``, or ``None``.

    Examples
    --------
    >>> experimental_ie("Na").value_ev
    5.1391
    >>> experimental_ie("Li3O").value_ev
    4.54
    """
    return reference_value(name, "IE")


def computed_ea(name: str, n: int = 1) -> ReferenceValue | None:
    """The computed ``n``-th electron affinity of ``name``, or ``None``.

    Most come from the review's Table 4; ``source`` says which work each is from.

    Examples
    --------
    >>> computed_ea("B12H12", 2).value_ev
    0.86
    >>> computed_ea("LiF2").value_ev, computed_ea("LiF2").kind
    (5.45, 'computed EA_1')
    """
    if n not in range(1, 6):
        raise InputError(f"n must be 1 to 5, got {n!r}")
    return reference_value(name, f"computed EA_{n}")


def computed_vde(name: str) -> ReferenceValue | None:
    """The computed vertical detachment energy of the anion of ``name``, or ``None``.

    Examples
    --------
    >>> computed_vde("AlF4").value_ev
    9.789
    """
    return reference_value(name, "computed VDE")


def vertical_detachment_energy(name: str) -> ReferenceValue | None:
    """The VDE of the anion of ``name``: the measured one, else a computed one, else ``None``.

    The ``kind`` of the answer (``"VDE"`` or ``"computed VDE"``) says which it is.

    Examples
    --------
    >>> vertical_detachment_energy("NaBr2").kind, vertical_detachment_energy("LiF2").kind
    ('VDE', 'computed VDE')
    """
    return reference_value(name, "VDE") or computed_vde(name)


def ionic_radius_range_angstrom(name: str) -> tuple[float, float] | None:
    """``(low, high)``: the ionic radius of the anion of ``name`` in Table 4, or ``None``.

    Both are the same number except for a row that gives a range over several
    species (M(CN)4 2-, M = Ca, Sr, Ba, stored as ``"Ca(CN)4"``).

    Examples
    --------
    >>> ionic_radius_range_angstrom("B12H12"), ionic_radius_range_angstrom("Ca(CN)4")
    ((3.91, 3.91), (3.77, 4.07))
    """
    key = _species_key(name)
    for species, span in _load()[1].items():
        if _matches(species, key):
            return span
    return None


def ea_index(charge: int) -> int:
    """The n of EA_n for the species of ``charge`` that takes the electron: ``1 - charge``.

    EA_1 is the EA of the neutral, EA_2 that of the monoanion (its second extra electron).

    Examples
    --------
    >>> ea_index(0), ea_index(-1)
    (1, 2)
    """
    return 1 - charge


def references_for(name: str, quantity: str, kind: str, charge: int = 0) -> list[ReferenceValue]:
    """The reference values to show beside a computed value of ``name``, measured ones first.

    Parameters
    ----------
    name : str
        The species (the neutral parent, as everywhere in this module).
    quantity : {"EA", "IE"}
    kind : {"vertical", "adiabatic", "vde", "ladder"}
        The kind of the computed value (a task's ``kind``); each step of a
        ladder is an EA of its own ``charge``.
    charge : int
        The charge of the species that takes the electron (EA), gives it (IE),
        or, for a VDE, whose anion (``charge - 1``) is detached.

    Returns
    -------
    list of ReferenceValue
        - IE: the measured, then the computed IE of a neutral;
        - VDE: the measured, then the computed VDE of the monoanion of a neutral;
        - EA (vertical, adiabatic or a ladder step) EA_n, n = :func:`ea_index` (charge):
          the measured one (the adiabatic EA for n = 1, ``"EA_n"`` beyond), then the
          computed ``"computed EA_n"`` (mostly the review's Table 4).

        Only values of that kind: a VDE is never given an EA as its reference.

    Examples
    --------
    >>> [(r.kind, r.value_ev) for r in references_for("B12H12", "EA", "ladder", charge=-1)]
    [('EA_2', 0.9), ('computed EA_2', 0.86)]
    >>> [r.kind for r in references_for("BO2", "EA", "vertical")]
    ['adiabatic EA', 'computed EA_1']
    >>> [r.kind for r in references_for("LiF2", "EA", "vde")], references_for("BF4", "EA", "vde")
    (['computed VDE'], [])
    >>> references_for("Cl", "EA", "vertical", charge=-2)  # EA_3: no measured kind exists
    []
    """
    if quantity == "IE":
        kinds = ("IE", "computed IE") if charge == 0 else ()
    elif kind == "vde":
        kinds = ("VDE", "computed VDE") if charge == 0 else ()
    else:
        n = ea_index(charge)
        if n not in range(1, 6):
            return []
        measured = "adiabatic EA" if n == 1 else f"EA_{n}"
        kinds = (measured, f"computed EA_{n}") if measured in KINDS else (f"computed EA_{n}",)
    return [ref for k in kinds if (ref := reference_value(name, k)) is not None]


def ionic_radius_angstrom(name: str) -> float | None:
    """The ionic radius (Table 4's IR column) of the anion of ``name``, or ``None``.

    For a range (Ca(CN)4) it is the middle of the range.

    Examples
    --------
    >>> ionic_radius_angstrom("B12(CN)12")
    5.88
    >>> round(ionic_radius_angstrom("Ca(CN)4"), 3), ionic_radius_angstrom("Na8")
    (3.92, None)
    """
    span = ionic_radius_range_angstrom(name)
    return None if span is None else (span[0] + span[1]) / 2


def ionic_radius_source(name: str) -> str | None:
    """Where the ionic radius of ``name``'s anion comes from, or ``None`` without one.

    Examples
    --------
    >>> ionic_radius_source("BH4")[:36]
    'ionic radius (IR column) of Table 4 '
    """
    key = _species_key(name)
    data = read_data_json(DATA_FILE)
    for row in data["ionic_radii"]:
        if _matches(row["species"], key):
            text = data["sources"][row["source"]]
            return text.replace("computed (DFT): Table 4", "ionic radius (IR column) of Table 4")
    return None


def ionic_radius_species() -> list[str]:
    """The species of Table 4's IR column, in the table's order: the anions of Table 4.

    Examples
    --------
    >>> ionic_radius_species()[:3], len(ionic_radius_species())
    (['Cl', 'Br', 'I'], 19)
    """
    return list(_load()[1])
