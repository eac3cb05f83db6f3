"""What a Dask worker runs for one candidate: compute into a temporary store, return its records.

The worker needs no access to the client's cache: it computes into a store
in a temporary folder (over the results shipped with the package, when the
client's store reads them) and hands back every record written there, as
``(key, record, arrays)``, for the client to put into its own store.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> from superatom_lab.qc.tasks import Request
>>> outcome = compute_candidate(
...     Request.make("electron_affinity", build("Cl"), get_method("quick"), spin=0))
>>> outcome["error"]  # doctest: +ELLIPSIS
'ChargeSpinError: ...'
>>> outcome["records"], outcome["converged"]
([], False)
"""

from __future__ import annotations

import functools
import math
import os
import socket
import tempfile
import time

from superatom_lab.store import ResultStore


class CollectingStore(ResultStore):
    """A store that keeps a copy of every record written to it, in order.

    Examples
    --------
    >>> import tempfile
    >>> store = CollectingStore(tempfile.mkdtemp(), shipped=None)
    >>> store.put("ab" * 32, {"converged": True})
    >>> [key[:4] for key, record, arrays in store.written]
    ['abab']
    """

    def __init__(self, root, shipped=None):
        super().__init__(root, shipped=shipped)
        self.written: list[tuple[str, dict, dict | None]] = []

    def put(self, key: str, record: dict, arrays: dict | None = None) -> None:
        super().put(key, record, arrays)
        self.written.append((key, record, arrays))


def one_thread() -> None:
    """Run PySCF on one thread in this process (one task per worker thread)."""
    os.environ["OMP_NUM_THREADS"] = "1"
    from pyscf import lib

    lib.num_threads(1)


class TaskReleased:
    """``is_set()`` once Dask no longer wants the task this thread runs: the engine's cancel flag.

    The engine checks its cancel flag between SCF cycles and relaxation steps
    (a ``threading.Event`` elsewhere).  On a Dask worker the flag is set when
    the scheduler releases the task: Ctrl-C in the client cancelled it, or
    the client is gone.  So a cancelled or orphaned candidate stops within one
    SCF cycle instead of computing on.  Outside a Dask task it is never set.

    Examples
    --------
    >>> TaskReleased().is_set()
    False
    """

    _GONE = ("cancelled", "released", "forgotten")

    def __init__(self):
        self._worker, self._key = None, None
        try:
            from distributed import get_worker
            from distributed.worker import thread_state

            self._worker, self._key = get_worker(), thread_state.key
        except (ImportError, ValueError, AttributeError):
            pass

    def is_set(self) -> bool:
        """Whether the scheduler has let go of this task."""
        if self._worker is None:
            return False
        task = self._worker.state.tasks.get(self._key)
        return task is None or task.state in self._GONE


def worker_name() -> str:
    """The Dask worker's address, else ``host:pid``."""
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"


@functools.cache
def pyscf_version() -> str:
    """The installed PySCF's version, from package metadata (no import).

    Examples
    --------
    >>> pyscf_version().count(".") >= 1
    True
    """
    from importlib import metadata

    try:
        return metadata.version("pyscf")
    except metadata.PackageNotFoundError:  # pragma: no cover - pyscf is a dependency
        return ""


def compute_candidate(request, shipped: bool = True, root: str | None = None) -> dict:
    """Run ``request`` into a temporary store (or ``root``); never raises for a failed calculation.

    Parameters
    ----------
    request : Request
        One task for one candidate (:class:`superatom_lab.qc.tasks.Request`).
    shipped : bool
        Whether the temporary store reads the results shipped with the package.
    root : str, optional
        A cache folder that this worker shares with the client (a shared file
        system): the records are written there, under the store's lock, and
        not returned.

    Returns
    -------
    dict
        ``value_ev``, ``converged``, ``warnings`` (list), ``error`` (``""`` or
        ``"ErrorType: message"``: bad input, a refused size, an unconverged
        SCF), ``records`` (``(key, record, arrays)`` of every record computed,
        also those of a failed run), ``wall_s``, ``worker`` and ``pyscf``.
    """
    start = time.perf_counter()
    outcome = {"value_ev": math.nan, "converged": False, "warnings": [], "error": "", "records": []}
    with tempfile.TemporaryDirectory(prefix="superatom-screen-") as folder:
        kind = ResultStore if root else CollectingStore  # a shared folder keeps no copies here
        store = kind(root or folder, shipped="package" if shipped else None)
        try:
            one_thread()
            result = request.run(store=store, cancel=TaskReleased())
            outcome.update(
                value_ev=float(result.value_ev),
                converged=bool(result.converged),
                warnings=list(result.warnings),
            )
        except Exception as exc:  # reported in the candidate's row; the batch goes on
            outcome["error"] = f"{type(exc).__name__}: {exc}"
        outcome["records"] = [] if root else store.written
    outcome.update(wall_s=time.perf_counter() - start, worker=worker_name(), pyscf=pyscf_version())
    return outcome
