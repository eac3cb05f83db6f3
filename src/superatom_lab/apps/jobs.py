"""A job runner for the apps: one killable calculation at a time, cached answers at once.

:class:`JobRunner` is a traitlets model (no widget import).  A view observes
its traits: ``state`` ("idle", "running", "done", "error", "cancelled"),
``progress_text``, ``cycle``, ``result`` and ``error``.

* A calculation runs in a :class:`~superatom_lab.qc.worker.WorkerJob`, a
  spawned process that can be killed at any moment, so the kernel, and the
  widgets served by it, stay responsive and Cancel really stops the run.
* A background thread polls the worker's progress events into the traits.
* Before a process is started, :func:`cached_property_result` checks whether
  every state a vertical EA or IE needs is in the store; if so the value is
  assembled in-process from the cache in a fraction of a second.  An orbital
  table (task "orbitals") is stored as a record of its own when its worker
  finishes (:func:`store_orbital_table`), next to the SCF record and orbitals
  it was analysed from, and is read back in milliseconds without PySCF.
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

import hashlib
import threading
import time
from dataclasses import asdict
from pathlib import Path

from traitlets import Any, Bool, HasTraits, Int, Unicode

from superatom_lab import errors
from superatom_lab.store import ResultStore

#: Tasks whose cached answer can be assembled in-process (vertical, no relaxation; orbitals).
CACHE_PROBED_TASKS = ("electron_affinity", "ionization_energy", "orbitals")

#: Options of the "orbitals" task that the cache probe understands.
ORBITAL_OPTIONS = {"charge", "spin", "n_virtual"}
#: Default of ``n_virtual`` in :func:`~superatom_lab.qc.orbitals.analyse_orbitals`.
DEFAULT_N_VIRTUAL = 8
#: Version of the stored orbital-table record; raise it when the analysis changes.
ORBITAL_TABLE_SCHEMA = 1

#: How the runner names tasks in its messages.
TASK_LABELS = {
    "electron_affinity": "vertical EA",
    "ionization_energy": "vertical IE",
    "electron_affinity_adiabatic": "adiabatic EA",
    "ionization_energy_adiabatic": "adiabatic IE",
    "vertical_detachment_energy": "VDE",
    "orbitals": "orbitals",
}

STATES = ("idle", "running", "done", "error", "cancelled")


def _store(store) -> ResultStore:
    if store is None or (isinstance(store, str) and store == "default"):
        return ResultStore()
    if isinstance(store, ResultStore):
        return store
    return ResultStore(store)


def _cached_state(store: ResultStore, key: str):
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
    exactly as ``ground_state`` does, including its spin pruning: for clusters of
    ``SPIN_PRUNING_MIN_ATOMS`` atoms or more a higher multiplicity is skipped when
    the cached lower state's spin-flip gap exceeds ``SPIN_FLIP_GAP_EV``, so fewer
    states than candidates may be needed.

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
        if (
            previous is not None
            and cluster.n_atoms >= properties.SPIN_PRUNING_MIN_ATOMS
            and properties.spin_flip_gap_ev(previous) > properties.SPIN_FLIP_GAP_EV
        ):
            break
        key = state_key(cluster, method, charge=cluster.charge, spin=spin)
        previous = _cached_state(store, key)
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
    if _cached_state(store, state_key(cluster, method, charge=charge, spin=spin)) is None:
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
    >>> describe("orbitals", build("Na8"))
    'orbitals of Na8 (neutral)'
    """
    from superatom_lab.apps.session import charge_text

    label = TASK_LABELS.get(task, task)
    words = charge_text(cluster.charge).replace(" (", ", ").rstrip(")")
    return f"{label} of {cluster.name or cluster.formula} ({words})"


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

    def submit(self, task: str, cluster, method, **options) -> None:
        """Start ``task`` on ``cluster`` with ``method``; replaces a running job.

        Returns at once.  A cached vertical EA/IE or orbital table is answered before
        returning (state "done", ``from_cache`` true, no process started); anything else
        starts a worker whose progress shows in ``cycle`` and ``progress_text``.
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
            self.from_cache = False
            self.progress_text = f"looking up the {self._label} in the cache ..."
            self.state = "running"  # every submit passes through "running", even a cache hit
            start = time.perf_counter()
            try:
                cached = cached_property_result(task, cluster, method, self.store, **options)
            except Exception as exc:  # bad input: report it, start nothing
                self._finish(generation, error=one_line(exc))
                return
            if cached is not None:
                self.from_cache = True
                self._finish(generation, result=cached, elapsed=time.perf_counter() - start)
                return
            try:
                from superatom_lab.qc.worker import WorkerJob

                job = WorkerJob(task, cluster, method, store_root=str(self.store.root), **options)
                job.start()
            except Exception as exc:
                self._finish(generation, error=one_line(exc))
                return
            self._job = job
            self.progress_text = f"starting the {self._label} ..."
            request = (task, cluster, method, options)
            watcher = threading.Thread(
                target=self._watch, args=(generation, job, start, request), daemon=True,
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

    def _finish(self, generation, *, result=None, error="", elapsed=None) -> None:
        with self._lock:
            if generation != self._generation:
                return  # cancelled or replaced meanwhile
            self._job = None
            if error:
                self.error = error
                self.progress_text = f"the {self._label} failed"
                self.state = "error"
            else:
                self.result = result
                self.wall_s = elapsed
                where = "from the cache" if self.from_cache else "computed"
                self.progress_text = f"{self._label}: done ({where}, {elapsed:.2f} s)"
                self.state = "done"
            self._finished.set()

    def _watch(self, generation: int, job, start: float, request=None) -> None:
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
            self._remember(request, result)
            self._finish(generation, result=result, elapsed=time.perf_counter() - start)
            return

    def _remember(self, request, result) -> None:
        """Store an orbital table, so the next request for it is answered at once."""
        if request is None or request[0] != "orbitals":
            return
        _task, cluster, method, options = request
        if set(options) - ORBITAL_OPTIONS:
            return
        try:
            store_orbital_table(result, cluster, method, self.store, **options)
        except Exception:  # pragma: no cover - a read-only cache: the table is still shown
            pass


def cache_files(root) -> list[Path]:
    """Every file under a cache folder (for tests and the apps' "nothing stored" checks)."""
    return sorted(p for p in Path(root).rglob("*") if p.is_file())
