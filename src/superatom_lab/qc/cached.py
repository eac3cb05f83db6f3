"""Answers read from the result cache without PySCF: the probes of the task registry.

A property (vertical or adiabatic EA/IE, VDE, successive EAs) is probed by
:func:`run_from_cache`: the task's own function runs with ``cache_only=True``,
so every state and relaxation it needs is read from the store exactly once,
by the same steps (spin search and pruning included) that would compute it,
and the first one missing ends the probe.  An orbital table is stored whole
(:func:`store_orbital_table`) and read back by :func:`cached_orbital_table`.
"""

from __future__ import annotations

from dataclasses import replace

from superatom_lab.qc.orbital_table import DEFAULT_N_VIRTUAL, OrbitalTable, analysed_state
from superatom_lab.store import ResultStore
from superatom_lab.store.keys import orbital_table_key, state_key


def run_from_cache(request, store: ResultStore):
    """The request's result assembled from ``store`` alone, or ``None`` if a part is missing.

    Bad input (a spin that does not fit the electron count) raises at once.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.tasks import Request
    >>> from superatom_lab.qc.presets import get_method
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> request = Request.make("vertical_detachment_energy", build("OH"), get_method("quick"))
    >>> run_from_cache(request, store) is None
    True
    """
    from superatom_lab.qc.runner import NotInCache

    try:
        return request.run(store=store, cache_only=True)
    except NotInCache:
        return None


def _table_key(request) -> tuple[str, str]:
    """``(state key, table key)`` of an orbitals request."""
    options = dict(request.options)
    n_virtual = options.pop("n_virtual", DEFAULT_N_VIRTUAL)
    charge, spin = analysed_state(request.cluster, **options)
    cluster, method = request.cluster, request.method
    return (
        state_key(cluster, method, charge=charge, spin=spin),
        orbital_table_key(cluster, method, charge=charge, spin=spin, n_virtual=n_virtual),
    )


def store_orbital_table(request, table: OrbitalTable, store: ResultStore) -> str:
    """Save the orbital table that ``request`` computed; return its key."""
    _state, key = _table_key(request)
    store.put(key, table.to_record())
    return key


def cached_orbital_table(request, store: ResultStore) -> OrbitalTable | None:
    """The stored orbital table of an orbitals request, or ``None``.

    Only a table whose SCF record and orbitals (needed for cube files) are
    stored too counts.  Bad input (a spin that does not fit) raises at once.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> from superatom_lab.qc.tasks import Request
    >>> request = Request.make("orbital_table", build("Na8"), get_method("quick"))
    >>> cached_orbital_table(request, ResultStore(tempfile.mkdtemp())) is None
    True
    """
    state, key = _table_key(request)
    if not store.has_arrays(state):
        return None
    found = store.lookup(key)
    if found is None or found.record.get("kind") != "orbital_table":
        return None
    try:
        table = OrbitalTable.from_record(found.record)
    except (KeyError, TypeError, ValueError):  # an old or damaged record: compute again
        return None
    return replace(table, precomputed=found.precomputed)
