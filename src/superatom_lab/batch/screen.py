"""Screen many candidates for one property on a Dask cluster, answering from the cache first.

Examples
--------
>>> import tempfile
>>> from superatom_lab.batch.candidates import candidate
>>> from superatom_lab.store import ResultStore
>>> table = screen([candidate("F")], task="electron_affinity", preset="quick",
...                store=ResultStore(tempfile.mkdtemp()), workers=1)  # doctest: +SKIP
>>> table.loc[0, ["name", "converged"]].tolist()  # doctest: +SKIP
['F', True]
>>> screen([], task="orbital_table")
Traceback (most recent call last):
...
superatom_lab.errors.InputError: a screen computes one value per candidate: ...
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass

from superatom_lab.batch.candidates import Candidate
from superatom_lab.batch.compute import compute_candidate
from superatom_lab.batch.connection import connected
from superatom_lab.batch.progress import ScreenBar
from superatom_lab.batch.properties import RELAXED, family_task
from superatom_lab.batch.rows import COLUMNS, cached_row, computed_row, error_row
from superatom_lab.errors import InputError, SuperatomLabError
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import TASKS, Request, get_task

CANCELLED = "cancelled before it finished"


def screenable_tasks() -> list[str]:
    """Tasks that give one value in eV per candidate (no ladders, no orbital tables).

    Examples
    --------
    >>> "electron_affinity" in screenable_tasks(), "orbital_table" in screenable_tasks()
    (True, False)
    """
    return [t.name for t in TASKS.values() if t.quantity in ("EA", "IE") and t.kind != "ladder"]


@dataclass(frozen=True)
class Plan:
    """What a screen will do, reported before it starts.

    Examples
    --------
    >>> Plan(5, 2, 2, 1).summary()
    '5 candidates: 2 from the cache, 2 to compute, 1 refused'
    """

    n_candidates: int
    n_cached: int
    n_to_compute: int
    n_refused: int

    def summary(self) -> str:
        """One line for people."""
        text = (
            f"{self.n_candidates} candidates: {self.n_cached} from the cache, "
            f"{self.n_to_compute} to compute"
        )
        return text + (f", {self.n_refused} refused" if self.n_refused else "")


def _notify(progress, event: dict) -> None:
    if progress is not None:
        progress(event)


def _plan(candidates, task, method, store):
    """Rows answered before computing (cached or refused) and the requests left to compute."""
    rows, pending = [None] * len(candidates), []
    for i, c in enumerate(candidates):
        try:
            request = Request.make(task, c.cluster, method)
            found = request.cached(store) if store is not None else None
        except SuperatomLabError as exc:
            rows[i] = error_row(c, task.name, method.name, f"{type(exc).__name__}: {exc}")
            continue
        if found is None:
            pending.append((i, request))
        else:
            rows[i] = cached_row(c, task.name, method.name, found)
    n_done = sum(r is not None for r in rows)
    n_cached = sum(bool(r and r["cached"]) for r in rows)
    return rows, pending, Plan(len(candidates), n_cached, len(pending), n_done - n_cached)


def _keep(store, outcome: dict) -> list[str]:
    """Put a worker's records into the client's store; the problems, for the row's warnings."""
    problems = []
    if store is None:
        return problems
    for key, record, arrays in outcome["records"]:
        try:
            store.put(key, record, arrays)
        except (OSError, SuperatomLabError, TypeError) as exc:
            problems.append(f"record {key[:12]} not stored: {exc}")
    return problems


def _inputs(candidates, task):
    """Candidates, the task and the extra columns of a family (or of a plain list)."""
    from superatom_lab.core.families import Family

    if not isinstance(candidates, Family):
        return list(candidates), get_task(task or "electron_affinity"), {}
    family = candidates
    if task is None:
        task = family_task(family.prop)
    elif get_task(task).kind == "vertical":
        raise InputError(
            f"a family is screened at relaxed geometries: {task!r} is a vertical value at "
            f"the starting geometry; use {', '.join(sorted(RELAXED))}"
        )
    members = family.members
    extra = {
        "family": [family.kind] * len(members),
        "centre": [m.centre for m in members],
        "ligand": [m.ligand for m in members],
        "n_ligands": [m.n_ligands for m in members],
    }
    chosen = [Candidate(m.name, m.cluster, m.cluster.charge) for m in members]
    return chosen, get_task(task), extra


def screen(
    candidates,
    task: str | None = None,
    preset: str = "quick",
    client=None,
    workers: int | None = None,
    store="default",
    progress=None,
    write: str = "client",
):
    """Compute one property for every candidate, in parallel; one table row per candidate.

    Each candidate's request is first asked of ``store``
    (:meth:`~superatom_lab.qc.tasks.Request.cached`, no PySCF); the rest run
    on Dask workers, each into a temporary store, and every record they
    computed is sent back and put into ``store`` as soon as that candidate
    finishes, so a rerun computes only what is missing and a remote cluster
    needs no shared disk.  A candidate that fails (bad input, a refused size,
    an unconverged SCF, a lost worker) gets its error in its row; the others
    go on.  Ctrl-C cancels what is still running and returns the table, the
    unfinished rows saying so.

    Parameters
    ----------
    candidates : list of Candidate, or Family
        From :func:`~superatom_lab.batch.candidates.candidate` or
        :func:`~superatom_lab.batch.input_file.read_input`, or a family of
        :mod:`superatom_lab.core.families` (its table gains the columns
        family, centre, ligand and n_ligands).
    task : str, optional
        A task of the registry that gives one value per candidate
        (:func:`screenable_tasks`); by default the vertical EA, and for a
        family its own property (never a vertical one).
    preset : str
        The method preset.
    client : distributed.Client, str or None
        A client, a scheduler address, or ``None`` for an embedded
        ``LocalCluster`` on 127.0.0.1 (one single-threaded process per
        worker), started only when something is to be computed and closed
        at the end.
    workers : int, optional
        Processes of the embedded cluster (the number of cores by default,
        never more than the candidates to compute).
    store : ResultStore, "default" or None
        The cache read first and filled: the user's by default; ``None``
        computes everything and keeps nothing.
    write : str
        Who writes the records into ``store``: ``"client"`` (the workers send
        them back; no shared disk needed) or ``"workers"`` (they write into
        ``store``'s folder themselves, which must be on a file system they
        share with the client, under the same path).
    progress : callable or True, optional
        ``True`` shows a bar (tqdm's widget in Jupyter, text elsewhere).
        A callable is called with ``{"event": "plan", "plan": Plan}`` before
        anything runs,
        then ``{"event": "done", "row": dict, "done": k, "total": n}`` as each
        computed candidate finishes.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`~superatom_lab.batch.rows.COLUMNS`, rows in the order of
        ``candidates``; ``attrs["plan"]`` holds the :class:`Plan` as a dict and
        ``attrs["interrupted"]`` whether Ctrl-C stopped it.

    Raises
    ------
    InputError
        For an unknown task or preset, a task that gives no single value, or
        an unreachable scheduler.
    """
    import pandas as pd

    from superatom_lab.qc.runner import resolve_store

    candidates, task, extra = _inputs(candidates, task)
    if task.name not in screenable_tasks():
        raise InputError(
            f"a screen computes one value per candidate: {task.name!r} gives "
            f"{task.label}; choose one of {', '.join(screenable_tasks())}"
        )
    method = get_method(preset)
    store = resolve_store(store)
    if write not in ("client", "workers") or (write == "workers" and store is None):
        raise InputError(f"write is 'client' or 'workers' (the latter with a store), got {write!r}")
    root = str(store.root) if write == "workers" else None
    bar = ScreenBar(auto=True) if progress is True else None
    progress = bar or progress
    rows, pending, plan = _plan(candidates, task, method, store)
    _notify(progress, {"event": "plan", "plan": plan})
    try:
        interrupted = _compute(pending, rows, candidates, task.name, method.name,
                               client, workers, store, progress, root)  # fmt: skip
    finally:
        if bar is not None:
            bar.close()
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    for column, values in extra.items():
        table[column] = values
    table.attrs.update(plan=asdict(plan), interrupted=interrupted)
    return table


def _row_of(future, candidate, task, preset, store) -> dict:
    """The row of a finished future; its records are put into ``store`` first."""
    try:
        outcome = future.result()
    except Exception as exc:  # a lost worker, a task that could not be sent
        return error_row(candidate, task, preset, f"{type(exc).__name__}: {exc}")
    outcome["warnings"] = outcome["warnings"] + _keep(store, outcome)
    return computed_row(candidate, task, preset, outcome)


def _compute(pending, rows, candidates, task, preset, client, workers, store, progress, root):
    """Run ``pending`` on Dask, filling ``rows``; ``True`` when Ctrl-C stopped it.

    ``root`` is the shared cache folder the workers write into, or ``None``
    when they send their records back for ``store``.

    After Ctrl-C, the candidates already finished keep their rows (and their
    records are stored); the others are cancelled and say so.
    """
    shipped = store is not None and store.shipped is not None
    interrupted = False
    with connected(client, workers, needed=len(pending)) as dask:
        if dask is None:
            return False
        from distributed import as_completed

        tag = uuid.uuid4().hex[:8]
        futures = {
            dask.submit(
                compute_candidate,
                request,
                shipped,
                root,
                pure=False,
                key=f"superatom-{task}-{i}-{tag}",
            ): i  # fmt: skip
            for i, request in pending
        }
        try:
            for done, future in enumerate(as_completed(futures), start=1):
                i = futures[future]
                rows[i] = _row_of(future, candidates[i], task, preset, store)
                event = {"event": "done", "row": rows[i], "done": done, "total": len(pending)}
                _notify(progress, event)
        except KeyboardInterrupt:
            interrupted = True
            finished = [f for f in futures if f.status == "finished" and rows[futures[f]] is None]
            dask.cancel([f for f in futures if f not in finished])
            for future in finished:
                i = futures[future]
                rows[i] = _row_of(future, candidates[i], task, preset, store)
        for i, _request in pending:
            if rows[i] is None:
                rows[i] = error_row(candidates[i], task, preset, CANCELLED)
    return interrupted
