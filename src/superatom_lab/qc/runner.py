"""Cache-aware SCF runs: answer from the result store when possible.

A cached answer needs neither PySCF nor any calculation, so it is fast.

Examples
--------
>>> import tempfile
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> from superatom_lab.qc.presets import get_method
>>> from superatom_lab.store import ResultStore
>>> store = ResultStore(tempfile.mkdtemp())
>>> h = Cluster(Atoms("H"))
>>> first = compute_state(h, get_method("quick"), charge=0, spin=1, store=store)
>>> again = compute_state(h, get_method("quick"), charge=0, spin=1, store=store)
>>> first.cached, again.cached, again.energy_hartree == first.energy_hartree
(False, True, True)
"""

from __future__ import annotations

import threading

from superatom_lab.core.cluster import Cluster
from superatom_lab.qc.presets import Method
from superatom_lab.qc.results import ScfResult
from superatom_lab.store import ResultStore
from superatom_lab.store.keys import state_key

#: Keyword arguments that every task function accepts and hands down to the states it computes.
ENGINE_KWARGS = ("store", "read_cache", "cache_only", "progress", "cancel")


class NotInCache(LookupError):
    """Raised by :func:`compute_state` with ``cache_only=True`` when a state is not stored.

    The cache probes (:mod:`superatom_lab.qc.cached`) run the same code as a
    calculation with ``cache_only=True`` and catch this, so a cached answer is
    assembled by exactly the steps that would compute it.
    """


def resolve_store(store):
    """``"default"`` -> the user's :class:`ResultStore`; anything else unchanged.

    Examples
    --------
    >>> resolve_store(None) is None
    True
    """
    return ResultStore() if isinstance(store, str) and store == "default" else store


def compute_state(
    cluster: Cluster,
    method: Method,
    *,
    charge: int,
    spin: int,
    store: ResultStore | None | str = "default",
    read_cache: bool = True,
    cache_only: bool = False,
    need_orbitals: bool = False,
    partner: ScfResult | None = None,
    shared=None,
    progress=None,
    cancel: threading.Event | None = None,
) -> ScfResult:
    """Return the converged state, from ``store`` if present, else by running PySCF.

    Parameters
    ----------
    cluster, method, charge, spin
        What to compute.
    store : ResultStore, "default" or None
        Where results are looked up and saved: the user's cache
        (:func:`~superatom_lab.store.default_cache_dir`) by default, none when ``None``.
    read_cache : bool
        ``False`` ignores a stored result, shipped ones included (the user's
        is still replaced by the new one).
    cache_only : bool
        Never compute: raise :class:`NotInCache` when the state is not stored.
        Its orbitals are then neither read nor required (they only seed
        calculations, and none will run): the shipped states of EAs and
        ladders come without them.
    need_orbitals : bool
        Also return the orbitals in ``result.arrays``; a cached record whose
        orbitals are missing is then computed again.
    partner : ScfResult, optional
        A converged state whose orbitals seed the SCF (see :func:`run_scf`).
    shared : SharedIntegrals, optional
        Integrals shared with the other states of this geometry and method.
    progress, cancel
        Passed on to :func:`superatom_lab.qc.scf.run_scf`.
    """
    store = resolve_store(store)
    key = state_key(cluster, method, charge=charge, spin=spin)
    need_orbitals = need_orbitals and not cache_only
    if store is not None and read_cache:
        found = store.lookup(key, "load" if need_orbitals else "skip")
        if found is not None and found.record.get("converged") is True:
            if not need_orbitals or found.arrays is not None:
                result = ScfResult.from_dict(found.record, cached=True,
                                             precomputed=found.precomputed)  # fmt: skip
                result.arrays = found.arrays
                return result
    if cache_only:
        raise NotInCache(key)
    from superatom_lab.qc.scf import run_scf  # imports PySCF: only when computing

    result = run_scf(
        cluster, method, charge=charge, spin=spin, partner=partner, shared=shared,
        progress=progress, cancel=cancel,
    )  # fmt: skip
    result.key = key
    if store is not None:
        store.put(key, result.to_dict(), arrays=result.arrays)
    return result
