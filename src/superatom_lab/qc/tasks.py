"""The task registry: every property the project can compute, declared once.

A :class:`Task` says what a property is called (``name``, the key every layer
uses, and ``label`` for people), what it measures (``quantity`` and ``kind``),
which function computes it and with which options, and how an answer is found
in the cache without PySCF (``probe``) and kept there (``remember``).  A
:class:`Request` is one task applied to one cluster with one method: the
command line, the job runner, the apps, the worker process and the screening
layer all build a ``Request`` and ask it to run or to look itself up.

Cache keys are made by :mod:`superatom_lab.store.keys`: a property is
assembled from the SCF states (and relaxations) it needs, each stored under
its own key, so a cached property is probed by running the task's own function
with ``cache_only=True``: every state is read from the store, and
:class:`~superatom_lab.qc.runner.NotInCache` ends the probe at the first one
that is missing.  An orbital table is stored whole, under
:func:`~superatom_lab.store.keys.orbital_table_key`.

Examples
--------
>>> TASKS["vertical_detachment_energy"].label
'VDE'
>>> task_for("IE", "adiabatic").name
'ionization_energy_adiabatic'
>>> sorted({t.quantity for t in TASKS.values()})
['BE', 'EA', 'IE', 'orbitals']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module

from superatom_lab.errors import InputError

#: The probe that runs the task's own function with ``cache_only=True``.
RUN_FROM_CACHE = "superatom_lab.qc.cached:run_from_cache"


def _resolve(path: str):
    module, name = path.split(":")
    return getattr(import_module(module), name)


@dataclass(frozen=True)
class Task:
    """One computable property.

    Attributes
    ----------
    name : str
        The key used everywhere (``"electron_affinity"``).
    label : str
        How people read it (``"vertical EA"``).
    quantity, kind : str
        What it measures: ``"EA"``, ``"IE"``, ``"orbitals"`` or ``"BE"`` (a
        binding energy); ``"vertical"``, ``"adiabatic"``, ``"vde"``,
        ``"ladder"``, ``"table"``, ``"counterpoise"`` or ``"scan"``.
    function : str
        ``"module:function"`` that computes it, called as
        ``function(cluster, method, **options, store=..., progress=..., ...)``;
        imported only when the task runs, since it may import PySCF.
    options : tuple of str
        The keyword options the function takes besides the engine's
        (:data:`~superatom_lab.qc.runner.ENGINE_KWARGS`).
    probe : str
        ``"module:function"`` answering ``(request, store)`` from the cache
        without PySCF, or ``None`` when it is not stored.
    remember : str or None
        ``"module:function"`` storing a finished result ``(request, result,
        store)`` when the function does not store it itself.
    description : str
        One sentence for help texts.

    Examples
    --------
    >>> TASKS["orbital_table"].options
    ('charge', 'spin', 'n_virtual')
    """

    name: str
    label: str
    quantity: str
    kind: str
    function: str
    options: tuple[str, ...] = ("spin",)
    probe: str = RUN_FROM_CACHE
    remember: str | None = None
    description: str = ""

    def compute(self):
        """The function that computes the task (imports its module)."""
        return _resolve(self.function)


#: Every task, by name.  Adding a property is adding one entry here.
TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        Task("electron_affinity", "vertical EA", "EA", "vertical",
             "superatom_lab.qc.properties:electron_affinity",
             description="E(Q) - E(Q-1) at the given geometry"),
        Task("ionization_energy", "vertical IE", "IE", "vertical",
             "superatom_lab.qc.properties:ionization_energy",
             description="E(Q+1) - E(Q) at the given geometry"),
        Task("electron_affinity_adiabatic", "adiabatic EA", "EA", "adiabatic",
             "superatom_lab.qc.adiabatic:electron_affinity_adiabatic",
             description="E(Q) - E(Q-1), each state at its own minimum"),
        Task("ionization_energy_adiabatic", "adiabatic IE", "IE", "adiabatic",
             "superatom_lab.qc.adiabatic:ionization_energy_adiabatic",
             description="E(Q+1) - E(Q), each state at its own minimum"),
        Task("vertical_detachment_energy", "VDE", "EA", "vde",
             "superatom_lab.qc.adiabatic:vertical_detachment_energy",
             description="E(Q) - E(Q-1) at the minimum of the anion (charge Q-1)"),
        Task("successive_electron_affinities", "successive EAs", "EA", "ladder",
             "superatom_lab.qc.successive:successive_electron_affinities", ("spin", "n"),
             description="EA_n, EA_(n+1), ... of one geometry, vertical"),
        Task("orbital_table", "orbitals", "orbitals", "table",
             "superatom_lab.qc.orbitals:analyse_orbitals", ("charge", "spin", "n_virtual"),
             probe="superatom_lab.qc.cached:cached_orbital_table",
             remember="superatom_lab.qc.cached:store_orbital_table",
             description="orbital energies, l-weights and superatomic labels of one state"),
        Task("binding_energy", "binding energy", "BE", "counterpoise",
             "superatom_lab.qc.binding:binding_energy",
             ("spin", "guest_atoms", "guest_charge", "counterpoise"),
             description="E(host) + E(guest) - E(complex) at the complex's geometry, "
                         "the last atoms being the guest; counterpoise corrected"),
        Task("site_binding_scan", "binding scan", "BE", "scan",
             "superatom_lab.qc.binding_scan:site_binding_scan",
             ("spin", "ligand", "guest", "distances"),
             description="a guest's binding energy at each distance from the site one "
                         "ligand leaves; counterpoise corrected at the best"),
    )
}  # fmt: skip


def get_task(name: str) -> Task:
    """The task called ``name``.

    Raises
    ------
    InputError
        For an unknown name, listing the known ones.

    Examples
    --------
    >>> get_task("orbital_table").label
    'orbitals'
    >>> get_task("colour")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: unknown task 'colour': one of electron_affinity, ...
    """
    try:
        return TASKS[name]
    except KeyError:
        raise InputError(f"unknown task {name!r}: one of {', '.join(TASKS)}") from None


def task_for(quantity: str, kind: str) -> Task:
    """The task that computes ``quantity`` ("EA", "IE", "orbitals") of ``kind``.

    Examples
    --------
    >>> task_for("EA", "vde").name
    'vertical_detachment_energy'
    """
    for task in TASKS.values():
        if task.quantity == quantity and task.kind == kind:
            return task
    raise InputError(f"no task computes the {kind} {quantity}")


@dataclass(frozen=True, eq=False)
class Request:
    """One task for one cluster and method, with the task's options.

    Build it with :meth:`make`, which checks the task name and options.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> r = Request.make("orbital_table", build("Na8"), get_method("quick"), n_virtual=4)
    >>> r.task.label, r.options
    ('orbitals', {'n_virtual': 4})
    >>> Request.make("electron_affinity", build("F"), get_method("quick"), colour=1)
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: the vertical EA takes no option 'colour' (it takes spin)
    """

    task: Task
    cluster: object
    method: object
    options: Mapping = field(default_factory=dict)

    @classmethod
    def make(cls, task: str | Task, cluster, method, **options) -> Request:
        """A checked request: a known task and only the options it takes."""
        task = task if isinstance(task, Task) else get_task(task)
        unknown = sorted(set(options) - set(task.options))
        if unknown:
            raise InputError(
                f"the {task.label} takes no option {unknown[0]!r} (it takes "
                f"{', '.join(task.options)})"
            )
        return cls(task, cluster, method, dict(options))

    def describe(self) -> str:
        """What the request computes, for messages (``"vertical EA of F"``).

        Examples
        --------
        >>> from superatom_lab.core.catalogue import build
        >>> Request.make("ionization_energy", build("Li3O"), None).describe()
        'vertical IE of Li3O'
        """
        return f"{self.task.label} of {self.cluster.name or self.cluster.formula}"

    def run(self, **engine):
        """Compute, reading and filling the cache; ``engine``: store, read_cache, progress, ...

        The result is a ``PropertyResult``, a list of them (successive EAs) or
        an ``OrbitalTable``.  A request whose every part is stored is answered
        by :meth:`cached` first, without orbitals (the shipped states of EAs
        and ladders have none).  A task stored whole (``remember``) is stored
        after it is computed.
        """
        from superatom_lab.qc.runner import resolve_store

        store = resolve_store(engine.get("store", "default"))
        whole = self.task.remember is not None and store is not None
        if store is not None and engine.get("read_cache", True) and not engine.get("cache_only"):
            found = self.cached(store)
            if found is not None:
                return found
        result = self.task.compute()(self.cluster, self.method, **self.options, **engine)
        if whole:
            self.remember(result, store)
        return result

    def cached(self, store):
        """The answer from ``store`` alone (no PySCF), or ``None``.

        Bad input (a spin that does not fit the electron count) raises here.
        """
        from superatom_lab.qc.runner import resolve_store

        store = resolve_store(store)
        return None if store is None else _resolve(self.task.probe)(self, store)

    def remember(self, result, store) -> None:
        """Store ``result`` with the task's ``remember`` function, if it has one."""
        from superatom_lab.qc.runner import resolve_store

        store = resolve_store(store)
        if self.task.remember and store is not None:
            _resolve(self.task.remember)(self, result, store)
