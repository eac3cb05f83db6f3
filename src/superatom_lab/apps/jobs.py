"""A job runner for the apps: one killable calculation at a time, cached answers at once.

:class:`JobRunner` is a traitlets model (no widget import).  A view observes
its traits: ``state`` ("idle", "running", "done", "error", "cancelled"),
``progress_text``, ``cycle``, ``result`` and ``error``.

* A calculation runs in a :class:`~superatom_lab.qc.worker.WorkerJob`, a
  spawned process that can be killed at any moment, so the kernel, and the
  widgets served by it, stay responsive and Cancel really stops the run.
* A background thread polls the worker's progress events into the traits.
* Each submit is a :class:`~superatom_lab.qc.tasks.Request` of the task
  registry.  Before a process is started, the request looks itself up in the
  cache (:meth:`~superatom_lab.qc.tasks.Request.cached`): an answer whose
  states (and relaxations) are all stored, or a stored orbital table, is
  assembled in-process in milliseconds without PySCF.  A finished orbitals job
  stores its table for the next time (the task's ``remember``).
* Only one job runs at a time: a new :meth:`JobRunner.submit` kills the running
  one and says so in ``notice``.
* Failures end in state "error" with one line in ``error``, never a traceback.

Examples
--------
>>> import tempfile
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> runner = JobRunner(store=tempfile.mkdtemp())
>>> runner.submit("electron_affinity", build("F"), get_method("quick"))  # doctest: +SKIP
>>> runner.wait(120) and runner.state  # doctest: +SKIP
'done'
"""

from __future__ import annotations

import threading
import time

from traitlets import Any, Bool, HasTraits, Int, Unicode

from superatom_lab import errors
from superatom_lab.qc.tasks import TASKS, Request
from superatom_lab.store import ResultStore

STATES = ("idle", "running", "done", "error", "cancelled")


def _store(store) -> ResultStore:
    if store is None or (isinstance(store, str) and store == "default"):
        return ResultStore()
    if isinstance(store, ResultStore):
        return store
    return ResultStore(store)


def one_line(exc: BaseException) -> str:
    """A one-line message for ``exc``; the class name only where it adds something.

    Examples
    --------
    >>> one_line(errors.ChargeSpinError("9 electrons cannot have spin 2S = 0\\nmore"))
    '9 electrons cannot have spin 2S = 0'
    >>> one_line(errors.CalculationError("ChargeSpinError: 9 electrons ..."))
    '9 electrons ...'
    >>> one_line(ZeroDivisionError("division by zero"))
    'ZeroDivisionError: division by zero'
    """
    text = (str(exc).strip().splitlines() or [""])[0]
    name, sep, rest = text.partition(": ")
    if sep and isinstance(getattr(errors, name, None), type):
        text = rest  # "ChargeSpinError: ..." relayed from the worker
    if isinstance(exc, errors.SuperatomLabError):
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def describe(task: str, cluster) -> str:
    """What a job computes, for messages, with the charge in words.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> describe("electron_affinity", build("Al13", charge=-1))
    'vertical EA of Al13 (anion, charge -1)'
    >>> describe("orbital_table", build("Na8"))
    'orbitals of Na8 (neutral)'
    """
    from superatom_lab.apps.session import charge_text

    label = TASKS[task].label if task in TASKS else task
    words = charge_text(cluster.charge).replace(" (", ", ").rstrip(")")
    return f"{label} of {cluster.name or cluster.formula} ({words})"


def precomputed(result) -> bool:
    """Whether ``result`` (one result or a list, such as a ladder) came from the shipped results.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> shipped, own = SimpleNamespace(precomputed=True), SimpleNamespace(precomputed=False)
    >>> precomputed(shipped), precomputed([shipped, own]), precomputed(object())
    (True, False, False)
    """
    results = result if isinstance(result, list) else [result]
    return bool(results) and all(getattr(r, "precomputed", False) for r in results)


def progress_line(event: dict) -> str:
    """One progress event as text.

    Examples
    --------
    >>> progress_line({"stage": "F q=-1 2S=0", "step": "diis", "cycle": 3,
    ...                "energy_hartree": -99.5})
    'F q=-1 2S=0 | diis | cycle 3 | E = -99.500000 Ha'
    """
    energy = event.get("energy_hartree")
    tail = f" | E = {energy:.6f} Ha" if isinstance(energy, float) else ""
    return f"{event.get('stage', '')} | {event.get('step', '')} | cycle {event.get('cycle')}{tail}"


class JobRunner(HasTraits):
    """Run one calculation at a time in a killable worker process; answer from the cache at once.

    Parameters
    ----------
    store : "default", path or ResultStore
        The result cache: the user's cache by default.
    poll_interval : float
        Seconds the watcher thread waits for progress events per poll.

    Attributes (traits)
    -------------------
    state : str
        "idle", "running", "done", "error" or "cancelled".
    progress_text : str
        The latest progress line (stage, step, cycle, energy) or status.
    cycle : int
        SCF cycles (or geometry steps) reported so far by the running job.
    result
        The finished result (a ``PropertyResult`` or ``OrbitalTable``), else ``None``.
    error : str
        One line saying what went wrong (state "error"), else "".
    notice : str
        What happened to a job that was replaced by a new submit, else "".
    from_cache : bool
        The last result was assembled from the cache without starting a process.
    refused : bool
        The last job was not started because its ``guard`` refused it (state "error").

    Examples
    --------
    >>> runner = JobRunner(store="default")
    >>> runner.state, runner.result is None
    ('idle', True)
    """

    state = Unicode("idle")
    progress_text = Unicode("")
    cycle = Int(0)
    result = Any(None, allow_none=True)
    error = Unicode("")
    notice = Unicode("")
    task = Unicode("")
    from_cache = Bool(False)
    refused = Bool(False)
    wall_s = Any(None, allow_none=True)

    def __init__(self, store="default", poll_interval: float = 0.1, **kwargs):
        super().__init__(**kwargs)
        self.store = _store(store)
        self.poll_interval = poll_interval
        self._lock = threading.RLock()
        self._generation = 0
        self._job = None
        self._label = ""
        self._finished = threading.Event()
        self._finished.set()

    # --- public API -------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while a worker process is computing."""
        return self.state == "running"

    def submit(
        self, task: str, cluster, method, *, read_cache: bool = True, guard=None, **options
    ) -> None:
        """Start ``task`` on ``cluster`` with ``method``; replaces a running job.

        Returns at once.  ``task`` is a name of the task registry
        (:data:`superatom_lab.qc.tasks.TASKS`) and ``options`` its options.
        A cached answer (any EA/IE, VDE or orbital table) is given before
        returning (state "done", ``from_cache`` true, no process started); anything else
        starts a worker whose progress shows in ``cycle`` and ``progress_text``.
        ``read_cache=False`` skips the lookup and recomputes in the worker.
        ``guard``, if given, is called with the :class:`~superatom_lab.qc.tasks.Request`
        when no cached answer was found, before a worker starts: a non-empty line
        it returns ends the job in state "error" with that line (nothing is
        computed); see :func:`superatom_lab.apps.live_limits.live_refusal`.
        """
        with self._lock:
            replaced = self._label if self.state == "running" else ""
            self._stop_worker()
            self._generation += 1
            generation = self._generation
            self._finished.clear()
            self._label = describe(task, cluster)
            self.notice = (
                f"cancelled the running {replaced} to start the {self._label}" if replaced else ""
            )
            self.task = task
            self.result, self.error, self.cycle, self.wall_s = None, "", 0, None
            self.from_cache = self.refused = False
            self.progress_text = f"looking up the {self._label} in the cache ..."
            self.state = "running"  # every submit passes through "running", even a cache hit
            start = time.perf_counter()
            try:
                request = Request.make(task, cluster, method, **options)
                cached = request.cached(self.store) if read_cache else None
            except Exception as exc:  # bad input: report it, start nothing
                self._finish(generation, error=one_line(exc))
                return
            if cached is not None:
                self.from_cache = True
                self._finish(generation, result=cached, elapsed=time.perf_counter() - start)
                return
            try:
                refusal = guard(request) if guard is not None else ""
            except Exception as exc:
                self._finish(generation, error=one_line(exc))
                return
            if refusal:
                self._finish(generation, error=refusal, refused=True)
                return
            try:
                from superatom_lab.qc.worker import WorkerJob

                job = WorkerJob(request, store_root=str(self.store.root), read_cache=read_cache)
                job.start()
            except Exception as exc:
                self._finish(generation, error=one_line(exc))
                return
            self._job = job
            self.progress_text = f"starting the {self._label} ..."
            watcher = threading.Thread(
                target=self._watch, args=(generation, job, start), daemon=True,
                name=f"superatom-job-{generation}",
            )  # fmt: skip
            watcher.start()

    def cancel(self, timeout: float = 5.0) -> bool:
        """Kill the running job (within ``timeout`` s); return whether one was running.

        Only complete records are ever in the cache: states that finished before
        the kill stay cached, the unfinished one leaves nothing.
        """
        with self._lock:
            if self.state != "running":
                return False
            self._generation += 1
            self._stop_worker(timeout)
            self.progress_text = (
                f"cancelled the {self._label}; nothing was stored for the unfinished calculation"
            )
            self.state = "cancelled"
            self._finished.set()
            return True

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no job is running; return False on timeout."""
        return self._finished.wait(timeout)

    # --- internals ----------------------------------------------------------------------
    def _stop_worker(self, timeout: float = 5.0) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.kill(timeout)

    def _finish(self, generation, *, result=None, error="", elapsed=None, refused=False) -> None:
        with self._lock:
            if generation != self._generation:
                return  # cancelled or replaced meanwhile
            self._job = None
            if error:
                self.refused = refused
                self.error = error
                ended = "was not started" if refused else "failed"
                self.progress_text = f"the {self._label} {ended}"
                self.state = "error"
            else:
                self.result = result
                self.wall_s = elapsed
                where = "from the cache" if self.from_cache else "computed"
                if self.from_cache and precomputed(result):
                    where = "precomputed"
                self.progress_text = f"{self._label}: done ({where}, {elapsed:.2f} s)"
                self.state = "done"
            self._finished.set()

    def _watch(self, generation: int, job, start: float) -> None:
        """Poll the worker until it ends, copying its progress into the traits."""
        while True:
            job.poll(self.poll_interval)
            with self._lock:
                if generation != self._generation:
                    return
                if len(job.events) != self.cycle:  # every event collected so far, by any call
                    self.cycle = len(job.events)
                    self.progress_text = progress_line(job.events[-1])
            try:
                result = job.result(timeout=0 if job.alive else 5)
            except TimeoutError:
                continue
            except errors.CalculationCancelled:
                self._finish(generation, error="the calculation process ended without a result")
                return
            except Exception as exc:
                self._finish(generation, error=one_line(exc))
                return
            self._finish(generation, result=result, elapsed=time.perf_counter() - start)
            return
