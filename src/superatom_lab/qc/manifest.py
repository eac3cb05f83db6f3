"""What the package ships precomputed: the manifest, its entries and their status.

The manifest (``superatom_lab/data/shipped/manifest.json``) declares each
shipped result once, as a request: a task name of the registry
(:data:`~superatom_lab.qc.tasks.TASKS`), a catalogue species (or, with
``"family"``, a member of that default family of
:mod:`superatom_lab.core.families`), its charge, a preset and the task's
options.  ``superatom precompute``
(:mod:`superatom_lab.qc.precompute`) computes them into the shipped records
(:class:`~superatom_lab.store.shipped.ShippedRecords`) and writes their
provenance beside them (``provenance.json``).  An entry is

- ``shipped`` when its request is answered by the shipped records alone;
- ``stale`` when it was computed once but its records no longer match its keys
  (a preset's fields or the pinned PySCF minor version changed);
- ``missing`` when it was never computed.

Examples
--------
>>> entries = load_manifest()
>>> entries[0].name
'electron_affinity Cl (charge +0) standard'
>>> [(e.task, e.species) for e in select(entries, "li3o")]
[('ionization_energy', 'Li3O')]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from superatom_lab.errors import InputError
from superatom_lab.store.shipped import ShippedRecords, shipped_dir

MANIFEST_NAME = "manifest.json"
PROVENANCE_NAME = "provenance.json"
STATUSES = ("shipped", "stale", "missing")


@dataclass(frozen=True)
class ShippedEntry:
    """One shipped result, declared as a request.

    Examples
    --------
    >>> entry = ShippedEntry("ionization_energy", "Li3O")
    >>> request = entry.request()
    >>> request.describe(), request.method.name, entry.to_dict()["preset"]
    ('vertical IE of Li3O', 'standard', 'standard')
    """

    task: str
    species: str
    charge: int = 0
    preset: str = "standard"
    options: dict = field(default_factory=dict)
    family: str | None = None

    @property
    def name(self) -> str:
        """A readable identifier, also the entry's key in the provenance file."""
        species = f"{self.family}:{self.species}" if self.family else self.species
        text = f"{self.task} {species} (charge {self.charge:+d}) {self.preset}"
        if self.options:
            text += " " + " ".join(f"{k}={v}" for k, v in sorted(self.options.items()))
        return text

    def request(self):
        """The :class:`~superatom_lab.qc.tasks.Request` this entry computes (checked)."""
        from superatom_lab.core import catalogue
        from superatom_lab.qc.presets import get_method
        from superatom_lab.qc.tasks import Request

        if self.family:
            from superatom_lab.core.families import family_member

            cluster = family_member(self.family, self.species).cluster.with_charge(self.charge)
        else:
            cluster = catalogue.build(self.species, charge=self.charge)
        return Request.make(self.task, cluster, get_method(self.preset), **self.options)

    def to_dict(self) -> dict:
        """The entry as in the manifest."""
        entry = {"task": self.task, "species": self.species, "charge": self.charge,
                 "preset": self.preset, "options": dict(self.options)}  # fmt: skip
        return {**entry, "family": self.family} if self.family else entry


def manifest_path(folder: Path | None = None) -> Path:
    """The manifest file of ``folder`` (the package's shipped folder by default)."""
    return Path(folder or shipped_dir()) / MANIFEST_NAME


def load_manifest(path: str | Path | None = None) -> list[ShippedEntry]:
    """The entries of the manifest at ``path`` (the package's by default), checked.

    Raises
    ------
    InputError
        If the file is missing or malformed, or an entry names an unknown
        task, species, preset or option.
    """
    path = Path(path) if path is not None else manifest_path()
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["entries"]
        entries = [ShippedEntry(r["task"], r["species"], int(r.get("charge", 0)),
                                r.get("preset", "standard"), dict(r.get("options", {})),
                                r.get("family"))
                   for r in rows]  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the manifest of shipped results {path}: {exc}") from None
    for entry in entries:
        entry.request()  # an unknown task, species, preset or option raises here
    return entries


def select(
    entries: list[ShippedEntry], only: str | None, preset: str | None = None
) -> list[ShippedEntry]:
    """The entries for the species named in ``only`` (comma-separated, any case); all if None.

    A family's name (``superhalogen``) selects every entry of that family.

    ``preset``, when given, keeps only the entries computed with that preset.

    Raises
    ------
    InputError
        For a name that no entry has, or a preset that no selected entry uses.

    Examples
    --------
    >>> select(load_manifest(), "Xe")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: no shipped result for 'Xe': the manifest has ...
    >>> sorted({e.preset for e in select(load_manifest(), "BO2")})
    ['accurate', 'standard']
    >>> [e.preset for e in select(load_manifest(), "BO2", preset="accurate")]
    ['accurate']

    A catalogue species and a family member of the same name are both selected:

    >>> sorted({e.family or "catalogue" for e in select(load_manifest(), "BF4")})
    ['catalogue', 'superhalogen']
    >>> len(select(load_manifest(), "superhalogen"))
    15
    """
    chosen = _by_species(entries, only)
    if preset is None:
        return chosen
    kept = [e for e in chosen if e.preset == preset]
    if not kept:
        used = ", ".join(sorted({e.preset for e in chosen}))
        raise InputError(f"no selected shipped result uses preset {preset!r}: they use {used}")
    return kept


def entry_for(task: str, species: str | None = None) -> ShippedEntry:
    """The manifest's first entry of ``task`` (for ``species``, when given).

    A notebook names what it shows this way, so that the request (species,
    preset, options) is written once, in the manifest.

    Raises
    ------
    InputError
        When the manifest has no such entry.

    Examples
    --------
    >>> entry_for("ionization_energy", "Li3O").preset
    'standard'
    """
    for entry in load_manifest():
        if entry.task == task and (species is None or entry.species == species):
            return entry
    raise InputError(f"the manifest has no {task} entry" + (f" for {species}" if species else ""))


def _by_species(entries: list[ShippedEntry], only: str | None) -> list[ShippedEntry]:
    """The entries of the species (or of the family) named in ``only``."""
    if only is None:
        return list(entries)
    wanted = [n.strip() for n in only.split(",") if n.strip()]
    known = {e.species.casefold(): e.species for e in entries}
    known.update({e.family.casefold(): e.family for e in entries if e.family})
    for name in wanted:
        if name.casefold() not in known:
            listed = ", ".join(sorted(set(known.values())))
            raise InputError(f"no shipped result for {name!r}: the manifest has {listed}")
    folded = {n.casefold() for n in wanted}
    return [e for e in entries if {e.species.casefold(), (e.family or "").casefold()} & folded]


def load_provenance(folder: Path | None = None) -> dict:
    """The provenance of each computed entry, by entry name (empty when there is none).

    Examples
    --------
    >>> import tempfile
    >>> load_provenance(Path(tempfile.mkdtemp()))
    {}
    """
    path = Path(folder or shipped_dir()) / PROVENANCE_NAME
    try:
        return json.loads(path.read_text(encoding="utf-8"))["entries"]
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read the provenance of shipped results {path}: {exc}") from None


def entry_status(entry: ShippedEntry, shipped: ShippedRecords, provenance: dict):
    """``(status, result)``: ``shipped``, ``stale`` or ``missing`` (see the module), and the
    result answered by the shipped records alone (``None`` unless shipped).

    Examples
    --------
    >>> import tempfile
    >>> empty = ShippedRecords(tempfile.mkdtemp())
    >>> entry_status(ShippedEntry("ionization_energy", "Li"), empty, {})
    ('missing', None)
    """
    result = entry.request().cached(shipped)
    if result is not None:
        return "shipped", result
    return ("stale" if entry.name in provenance else "missing"), None
