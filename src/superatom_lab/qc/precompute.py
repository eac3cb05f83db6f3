"""``superatom precompute``: compute the shipped results with the project's own code.

Each manifest entry (:mod:`superatom_lab.qc.manifest`) is run as a request
into the shipped folder, every record written atomically by
:meth:`~superatom_lab.store.ResultStore.put`, in the user's layout and sealed
format.  Records already in the folder are never read: everything is computed
again, except the states and relaxations that an earlier entry of the same run
wrote (the VDE of MnO4 at ``accurate`` reuses the anion relaxed at
``standard`` for the standard VDE), so entries that share a state ship one
record of it.  Its provenance (the request, preset, PySCF
version, date, wall time, converged flag, machine, value and the keys of its
records) goes to ``provenance.json`` beside them.  Records no computed entry
uses any more (an entry's old keys, an entry dropped from the manifest) are
removed, so the folder holds what the manifest ships and nothing else.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> check_writable(Path(tempfile.mkdtemp()))
>>> blocker = Path(tempfile.mkdtemp()) / "a-file"
>>> _ = blocker.write_text("")
>>> check_writable(blocker / "shipped")
Traceback (most recent call last):
...
superatom_lab.errors.InputError: the shipped results folder ... is not writable ...
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from superatom_lab.errors import InputError
from superatom_lab.qc.manifest import PROVENANCE_NAME, ShippedEntry, load_provenance
from superatom_lab.store import ResultStore
from superatom_lab.store.files import atomic_write, is_temporary
from superatom_lab.store.keys import code_versions
from superatom_lab.store.locks import LOCK_NAME
from superatom_lab.store.shipped import ShippedRecords


class _RunStore(ResultStore):
    """The folder as one precompute run sees it: only the records this run wrote.

    No shipped layer; a record that was in the folder before the run is read
    as absent, so it is computed again.  ``fresh`` (the keys written so far in
    the run) is shared by the stores of one run's entries; ``used`` lists the
    keys that this entry wrote or read back.  With ``reuse`` (a result cache),
    a converged record found there under the same key is copied into the
    folder instead of being computed, and listed in ``reused``.
    """

    def __init__(self, root, fresh: set[str], reuse: ResultStore | None = None):
        super().__init__(root, shipped=None)
        self.fresh = fresh
        self.reuse = reuse
        self.used: list[str] = []
        self.reused: list[str] = []

    def _note(self, key: str) -> None:
        if key not in self.used:
            self.used.append(key)

    def _load_own(self, key, arrays="skip"):
        if key not in self.fresh and not self._take_from_reuse(key):
            return None, None
        record, extra = super()._load_own(key, arrays)
        if record is not None:
            self._note(key)
        return record, extra

    def _take_from_reuse(self, key: str) -> bool:
        """Copy a converged record (and its orbitals) of ``key`` from ``reuse``, if it has one."""
        if self.reuse is None:
            return False
        record, extra = self.reuse._load_own(key, "load")
        if record is None or record.get("converged") is not True:
            return False
        self.put(key, record, extra)
        self.reused.append(key)
        return True

    def put(self, key, record, arrays=None):
        super().put(key, record, arrays)
        self.fresh.add(key)
        self._note(key)


def check_writable(folder: Path) -> None:
    """Make sure ``folder`` exists and a file can be written there.

    Raises
    ------
    InputError
        When it cannot (an installed package: precompute in a source checkout).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(
            f"the shipped results folder {folder} is not writable ({exc.strerror or exc}): "
            "an installed package cannot be precomputed; run 'superatom precompute' in a "
            "source checkout"
        ) from None


def machine() -> dict:
    """Platform, processor and core count of this machine.

    Examples
    --------
    >>> sorted(machine())
    ['cores', 'platform', 'processor']
    """
    processor = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                processor = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"platform": platform.platform(), "processor": processor or platform.machine(),
            "cores": os.cpu_count()}  # fmt: skip


def _pyscf_version() -> str:
    try:
        return metadata.version("pyscf")
    except metadata.PackageNotFoundError:  # pragma: no cover - pyscf is a dependency
        return "absent"


def summarize(result) -> dict:
    """Method, value, converged flag and state energies of a task's result, for provenance.

    ``value_ev`` is the property (eV) of a ``PropertyResult``, the list
    EA_1, EA_2, ... of successive EAs, and the HOMO energy of an orbital
    table.  State energies are keyed by charge, except those of a binding
    energy (complex, host, guest), two of which can share a charge.  Every
    result reaching here is converged: the engine raises rather than return
    an unconverged state.

    Examples
    --------
    >>> from superatom_lab.qc.results import PropertyResult
    >>> r = PropertyResult(property="electron_affinity", kind="vertical", value_ev=3.5,
    ...                    states=[], method={"preset": "standard"}, candidates=[], warnings=[])
    >>> summarize([r, r])["value_ev"]
    [3.5, 3.5]
    >>> from superatom_lab.qc.results import ScfResult
    >>> states = [ScfResult("B12C11N11Ar", -1, 0, -1937.0, True),
    ...           ScfResult("B12C11N11", -1, 0, -1410.0, True), ScfResult("Ar", 0, 0, -527.0, True)]
    >>> b = PropertyResult(property="binding_energy", kind="counterpoise", value_ev=0.6,
    ...                    states=states, method={"preset": "large"})
    >>> summarize(b)["energies_hartree"]
    {'complex': -1937.0, 'host': -1410.0, 'guest': -527.0}
    """
    if isinstance(result, list):  # successive EAs
        states = {s.charge: s for r in result for s in r.states}
        return {"method": dict(result[0].method), "value_ev": [r.value_ev for r in result],
                "converged": all(r.converged for r in result),
                "energies_hartree": {f"{q:+d}": s.energy_hartree
                                     for q, s in sorted(states.items(), reverse=True)}}  # fmt: skip
    if hasattr(result, "uncorrected"):  # a binding scan: the corrected value at the best point
        return {"method": dict(result.method), "value_ev": result.value_ev,
                "converged": result.converged,
                "best_distance_angstrom": result.best_distance_angstrom,
                "scan_ev": dict(zip(map(str, result.distances_angstrom),
                                    (r.value_ev for r in result.uncorrected), strict=True)),
                "energies_hartree": summarize(result.corrected)["energies_hartree"]}  # fmt: skip
    if hasattr(result, "orbitals"):  # an orbital table
        return {"method": dict(result.method), "value_ev": result.homo.energy_ev,
                "converged": True, "energies_hartree": {}}  # fmt: skip
    if result.property == "binding_energy":  # complex and host can share a charge
        roles = ("complex", "host", "guest")
        energies = {role: s.energy_hartree for role, s in zip(roles, result.states, strict=True)}
    else:
        energies = {f"{s.charge:+d}": s.energy_hartree for s in result.states}
    return {"method": dict(result.method), "value_ev": result.value_ev,
            "converged": bool(result.converged), "energies_hartree": energies}  # fmt: skip


def compute_entry(
    entry: ShippedEntry,
    folder: Path,
    progress=None,
    fresh: set[str] | None = None,
    reuse: ResultStore | None = None,
) -> dict:
    """Compute one entry into ``folder`` and return its provenance.

    Of the records in ``folder`` only those whose keys are in ``fresh``
    (written earlier in the same run) are read; the keys this entry writes are
    added to it.  Records taken from ``reuse`` are listed under
    ``reused_keys`` (their own wall times stay in the records).
    """
    store = _RunStore(folder, set() if fresh is None else fresh, reuse)
    request = entry.request()
    start = time.perf_counter()
    result = request.run(store=store, progress=progress)
    wall = time.perf_counter() - start
    reused = {"reused_keys": sorted(store.reused)} if store.reused else {}
    return {
        "request": entry.to_dict(),
        "describe": request.describe(),
        "preset": entry.preset,
        **summarize(result),
        "pyscf": _pyscf_version(),
        "versions_in_keys": code_versions(),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "wall_s": round(wall, 2),
        "machine": machine(),
        "keys": sorted(store.used),
        **reused,
    }


def write_provenance(folder: Path, entries: dict) -> None:
    """Write ``provenance.json`` in ``folder`` atomically (entries sorted by name)."""
    text = json.dumps({"entries": dict(sorted(entries.items()))}, indent=1, sort_keys=True)
    atomic_write(folder / PROVENANCE_NAME, (text + "\n").encode())


def prune(folder: Path, keep: set[str], keep_orbitals: set[str] | None = None) -> int:
    """Remove the record files (and lock and temporary files) of ``folder`` not in ``keep``.

    With ``keep_orbitals``, the orbitals files (``.npz``) of the records not in
    it go too: a record without them still answers its energies, and they
    are by far the largest files.  The files left are made readable by
    everyone.  Returns the number of records removed.
    """
    removed = 0
    records = ShippedRecords(folder).records_dir
    if not records.is_dir():
        return 0
    for path in sorted(records.glob("*/*")):
        if is_temporary(path) or path.name == LOCK_NAME:
            path.unlink(missing_ok=True)
        elif path.stem not in keep:
            removed += path.suffix == ".json"
            path.unlink(missing_ok=True)
        elif path.suffix == ".npz" and keep_orbitals is not None and path.stem not in keep_orbitals:
            path.unlink()
    for shard in records.iterdir():
        if shard.is_dir() and not any(shard.iterdir()):
            shard.rmdir()
    for path in folder.rglob("*"):  # readable by everyone once installed (writes are 0600)
        if path.is_file():
            path.chmod(0o644)
    return removed


def precompute(entries: list[ShippedEntry], folder: Path, manifest: list[ShippedEntry],
               *, report=None, progress=None, reuse: Path | None = None) -> dict:  # fmt: skip
    """Compute ``entries`` (part of ``manifest``) into ``folder``; return their provenance.

    Each entry's provenance is written as soon as it is computed; records that
    no entry of ``manifest`` uses any more are removed at the end.
    ``report(entry, provenance)`` is called after each entry.  ``reuse`` is a
    result-cache folder whose converged records are taken instead of computed
    (a state of B12(CN)12 at ``large`` takes the better part of an hour here,
    so its ladder is gathered over several runs of ``superatom ea``).

    Raises
    ------
    InputError
        If ``folder`` is not writable (nothing is computed).
    """
    folder = Path(folder)
    check_writable(folder)
    if reuse is not None and not Path(reuse).is_dir():
        raise InputError(f"the folder to reuse results from, {reuse}, does not exist")
    reuse_store = None if reuse is None else ResultStore(reuse, shipped=None)
    names = {e.name for e in manifest}
    known = {k: v for k, v in load_provenance(folder).items() if k in names}
    done, fresh = {}, set()
    for entry in entries:
        done[entry.name] = known[entry.name] = compute_entry(entry, folder, progress, fresh,
                                                             reuse_store)  # fmt: skip
        write_provenance(folder, known)
        if report is not None:
            report(entry, done[entry.name])
    refresh_values(folder, [e for e in manifest if e.name in known], known)
    write_provenance(folder, known)
    prune(folder, {k for p in known.values() for k in p["keys"]}, orbitals_in_use(manifest, known))
    return done


def orbitals_in_use(manifest: list[ShippedEntry], provenance: dict) -> set[str]:
    """The keys whose orbitals are shipped: those of the orbital-table entries.

    Their cube files are drawn from the orbitals; every other entry needs only
    the energies in its records.

    Examples
    --------
    >>> entry = ShippedEntry("orbital_table", "Na8")
    >>> sorted(orbitals_in_use([entry], {entry.name: {"keys": ["ab", "cd"]}}))
    ['ab', 'cd']
    >>> orbitals_in_use([ShippedEntry("ionization_energy", "Li")], {})
    set()
    """
    return {k for e in manifest if e.task == "orbital_table" and e.name in provenance
            for k in provenance[e.name]["keys"]}  # fmt: skip


def refresh_values(folder: Path, entries: list[ShippedEntry], provenance: dict) -> None:
    """Set each entry's value and energies to what the records now in ``folder`` answer.

    Entries can share states (the EA of Cl and the first step of its
    successive EAs).  Within one run the later entry reuses the earlier one's
    records, but a later run of one entry (``--only Cl``) writes the shared
    records again, and their energies may differ from the earlier run's in the
    ninth decimal.  The provenance describes what is shipped, so it is read
    back from the records.
    """
    records = ShippedRecords(folder)
    for entry in entries:
        result = entry.request().cached(records)
        if result is not None:
            summary = summarize(result)
            provenance[entry.name].update(value_ev=summary["value_ev"],
                                          energies_hartree=summary["energies_hartree"])  # fmt: skip
