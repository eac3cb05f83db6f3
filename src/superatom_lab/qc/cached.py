"""Answers read back from the result cache without PySCF: states, EAs/IEs, orbital tables.

The apps ask here before they start a worker process: when every state a
vertical EA or IE needs is stored (with its orbitals), the value is assembled
in-process in milliseconds; an orbital table (task "orbitals") is stored as a
record of its own next to the SCF record it was analysed from
(:func:`store_orbital_table`) and read back the same way.

Examples
--------
>>> import tempfile
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> from superatom_lab.store import ResultStore
>>> store = ResultStore(tempfile.mkdtemp())
>>> cached_property_result("electron_affinity", build("Cl"), get_method("quick"), store) is None
True
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from superatom_lab.store import ResultStore

#: Tasks whose cached answer can be assembled in-process (vertical, no relaxation; orbitals).
CACHE_PROBED_TASKS = ("electron_affinity", "ionization_energy", "orbitals")

#: Options of the "orbitals" task that the cache probe understands.
ORBITAL_OPTIONS = {"charge", "spin", "n_virtual"}
#: Default of ``n_virtual`` in :func:`~superatom_lab.qc.orbitals.analyse_orbitals`.
DEFAULT_N_VIRTUAL = 8
#: Version of the stored orbital-table record; raise it when the analysis changes.
ORBITAL_TABLE_SCHEMA = 1


def cached_state(store: ResultStore, key: str):
    """The cached ``ScfResult`` under ``key`` if its record and orbitals are both stored."""
    from superatom_lab.qc.results import ScfResult

    record = store.get(key)
    if record is None or record.get("converged") is not True:
        return None
    if not store.path_for(key).with_suffix(".npz").is_file():
        return None  # ground_state needs the orbitals; without them it computes again
    return ScfResult.from_dict(record, cached=True)


def ground_state_cached(cluster, method, store: ResultStore) -> bool:
    """Whether :func:`~superatom_lab.qc.properties.ground_state` can answer from ``store`` alone.

    Walks the candidate spins (:func:`~superatom_lab.core.spin_states.candidate_spins`)
    exactly as ``ground_state`` does, including its spin pruning
    (:func:`~superatom_lab.qc.properties.higher_spins_pruned`), so fewer states
    than candidates may be needed.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> ground_state_cached(build("F"), get_method("quick"), ResultStore(tempfile.mkdtemp()))
    False
    """
    from superatom_lab.core.spin_states import candidate_spins
    from superatom_lab.qc import properties
    from superatom_lab.qc.runner import state_key

    previous = None
    for spin in candidate_spins(cluster):
        if previous is not None and properties.higher_spins_pruned(cluster, previous):
            break
        key = state_key(cluster, method, charge=cluster.charge, spin=spin)
        previous = cached_state(store, key)
        if previous is None:
            return False
    return True


def orbital_state(cluster, *, charge=None, spin=None, **_ignored) -> tuple[int, int]:
    """``(charge, spin)`` that :func:`~superatom_lab.qc.orbitals.analyse_orbitals` analyses.

    The cluster's own charge and spin by default, else the default spin of the
    charge; a spin that does not fit the electron count raises ``ChargeSpinError``.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> orbital_state(build("Al13", charge=-1)), orbital_state(build("Na8"), charge=1)
    ((-1, 0), (1, 1))
    """
    from superatom_lab.core.cluster import check_spin

    charge = cluster.charge if charge is None else int(charge)
    if spin is None:
        spin = cluster.spin if charge == cluster.charge and cluster.spin is not None else None
        spin = cluster.with_charge(charge).default_spin if spin is None else spin
    check_spin(cluster.with_charge(charge).n_electrons, spin)
    return charge, int(spin)


def orbital_table_key(cluster, method, *, n_virtual: int = DEFAULT_N_VIRTUAL, **options) -> str:
    """Cache key of the orbital table of one state (derived from its SCF key).

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> key = orbital_table_key(build("Na8"), get_method("quick"))
    >>> len(key), key == orbital_table_key(build("Na8"), get_method("quick"), n_virtual=10)
    (64, False)
    """
    from superatom_lab.qc.runner import state_key
    from superatom_lab.store.keys import canonical_json

    charge, spin = orbital_state(cluster, **options)
    scf = state_key(cluster, method, charge=charge, spin=spin)
    record = {"kind": "orbital_table", "scf": scf, "n_virtual": int(n_virtual),
              "schema": ORBITAL_TABLE_SCHEMA}  # fmt: skip
    return hashlib.sha256(canonical_json(record).encode()).hexdigest()


def orbital_table_record(table) -> dict:
    """An ``OrbitalTable`` as a JSON-ready record (full precision) for the store."""
    return {"converged": True, "kind": "orbital_table", "table": asdict(table)}


def orbital_table_from_record(record: dict):
    """The ``OrbitalTable`` stored by :func:`orbital_table_record` (no PySCF import).

    Examples
    --------
    >>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
    >>> orb = OrbitalInfo(0, "alpha", -6.0, 2.0, "1S", (1.0,) + (0.0,) * 6, 0.9)
    >>> table = OrbitalTable("Na2", 0, 0, {"xc": "pbe"}, (orb,), 0, None, 1.5)
    >>> orbital_table_from_record(orbital_table_record(table)) == table
    True
    """
    from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable

    data = dict(record["table"])
    orbitals = tuple(
        OrbitalInfo(**{**o, "l_weights": tuple(o["l_weights"])}) for o in data.pop("orbitals")
    )
    return OrbitalTable(**{**data, "orbitals": orbitals, "notes": tuple(data.get("notes", ()))})


def store_orbital_table(table, cluster, method, store: ResultStore, **options) -> str:
    """Save ``table`` under :func:`orbital_table_key`; return the key."""
    key = orbital_table_key(cluster, method, **options)
    store.put(key, orbital_table_record(table))
    return key


def cached_orbital_table(cluster, method, store: ResultStore, **options):
    """The stored orbital table of ``cluster``, or ``None``.

    Only a table whose SCF record and orbitals (``.npz``, needed for cube files)
    are also stored counts.  Bad input (a spin that does not fit) raises at once.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> cached_orbital_table(build("Na8"), get_method("quick"), store) is None
    True
    """
    from superatom_lab.qc.runner import state_key

    charge, spin = orbital_state(cluster, **options)
    if cached_state(store, state_key(cluster, method, charge=charge, spin=spin)) is None:
        return None
    record = store.get(orbital_table_key(cluster, method, **options))
    if record is None or record.get("kind") != "orbital_table":
        return None
    try:
        return orbital_table_from_record(record)
    except (KeyError, TypeError, ValueError):  # an old or damaged record: compute again
        return None


def cached_property_result(task: str, cluster, method, store: ResultStore, **options):
    """The result of a vertical EA/IE (or an orbital table) from ``store``, or ``None``.

    Only tasks in :data:`CACHE_PROBED_TASKS` are probed, a vertical EA/IE only
    with no options other than ``spin``, orbitals only with the options in
    :data:`ORBITAL_OPTIONS`; everything else goes to a worker, which reads the
    cache itself.  Bad input (a spin that does not fit the electron count)
    raises here, at once.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> cached_property_result("electron_affinity", build("Cl"), get_method("quick"), store)
    """
    if task == "orbitals":
        if set(options) - ORBITAL_OPTIONS:
            return None
        return cached_orbital_table(cluster, method, store, **options)
    if task not in CACHE_PROBED_TASKS or set(options) - {"spin"}:
        return None
    spin = options.get("spin", cluster.spin)
    q = cluster.charge
    other = q - 1 if task == "electron_affinity" else q + 1
    species = [cluster.with_charge(q, spin=spin), cluster.with_charge(other)]
    if not all(ground_state_cached(s, method, store) for s in species):
        return None
    from superatom_lab.qc import properties

    return getattr(properties, task)(cluster, method, store=store, **options)
