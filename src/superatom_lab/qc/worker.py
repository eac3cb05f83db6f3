"""Run a calculation in a separate process that can be killed at any moment.

A PySCF call inside a thread cannot be interrupted from outside; a process
can.  The worker uses the ``spawn`` start method (forking after BLAS/OpenMP
threads have started can deadlock), streams progress events back through a
pipe and sends the finished result.  Results are written to the cache only
through the store's atomic writes, so killing the worker leaves either a
complete record or none.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> from superatom_lab.qc.tasks import Request
>>> job = WorkerJob(Request.make("electron_affinity", build("F"), get_method("quick")))
>>> job.start()
>>> result = job.result(timeout=120)
>>> result.property, result.converged
('electron_affinity', True)
"""

from __future__ import annotations

import multiprocessing as mp
import time

from superatom_lab.errors import CalculationCancelled, CalculationError


def _child(conn, request, store_root, read_cache) -> None:
    """Worker entry point: compute, streaming ("progress", event) then ("done", result)."""
    try:
        from superatom_lab.store import ResultStore

        store = ResultStore(store_root)  # None: the default cache folder

        def progress(event):
            conn.send(("progress", event))

        result = request.run(store=store, read_cache=read_cache, progress=progress)
        conn.send(("done", result))
    except BaseException as exc:  # report every failure to the parent, then exit
        conn.send(("error", (type(exc).__name__, str(exc))))
    finally:
        conn.close()


class WorkerJob:
    """One calculation in a killable child process.

    Parameters
    ----------
    request : Request
        What to compute (:class:`superatom_lab.qc.tasks.Request`); the child
        runs it, and a task with ``remember`` stores its result there.
    store_root : path, optional
        Cache folder for the child (the default cache folder when omitted).
    read_cache : bool
        ``False`` recomputes what is stored (and replaces it).
    """

    def __init__(self, request, store_root=None, read_cache: bool = True):
        ctx = mp.get_context("spawn")
        self.request = request
        self._parent, child = ctx.Pipe(duplex=False)
        self._process = ctx.Process(
            target=_child, args=(child, request, store_root, read_cache), daemon=True
        )
        self._child_end = child
        self.events: list[dict] = []
        self._outcome = None

    def start(self) -> None:
        """Start the child process."""
        self._process.start()
        self._child_end.close()

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def poll(self, timeout: float = 0.0) -> list[dict]:
        """Collect progress events that arrived (waiting up to ``timeout`` s for the first)."""
        new = []
        while self._outcome is None and self._parent.poll(timeout):
            try:
                kind, payload = self._parent.recv()
            except EOFError:
                break
            if kind == "progress":
                new.append(payload)
            else:
                self._outcome = (kind, payload)
            timeout = 0.0
        self.events += new
        return new

    def result(self, timeout: float | None = None):
        """Wait for the result; re-raise a failure as :class:`CalculationError`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._outcome is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError("the worker has not finished yet")
            self.poll(0.2)
            if self._outcome is None and not self._process.is_alive():
                self.poll(0.0)
                if self._outcome is None:
                    raise CalculationCancelled("the worker process ended without a result")
        kind, payload = self._outcome
        self._process.join(timeout=10)
        if kind == "error":
            name, message = payload
            if name == "CalculationCancelled":
                raise CalculationCancelled(message)
            raise CalculationError(f"{name}: {message}")
        return payload

    def kill(self, timeout: float = 5.0) -> None:
        """Stop the child at once (SIGKILL after SIGTERM) and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout)
        self._outcome = self._outcome or ("error", ("CalculationCancelled", "killed"))
