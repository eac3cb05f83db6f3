"""Orbital explorer, the model: the superatomic levels of a cluster and one orbital's cube file.

:class:`OrbitalModel` (traitlets, no widget import) turns the choices (a
catalogue species or the cluster of a builder session, a charge and a preset)
into an ``"orbitals"`` job for a :class:`~superatom_lab.apps.jobs.JobRunner`.
The finished :class:`~superatom_lab.qc.orbital_table.OrbitalTable` is cut into
:class:`~superatom_lab.core.levels.Level` groups (degenerate orbitals together,
lowest first, :func:`~superatom_lab.core.levels.level_groups`) with their
superatomic labels (1S 1P 1D 2S 1F 2P ...); a jellium ladder of the same
electron count (:func:`~superatom_lab.core.cluster_jellium.jellium_for`) is
solved beside it for simple-metal clusters.  Selecting a level
writes a cube file of one of its orbitals in a background thread (cached on
disk, so selecting it again is instant).  The view is
:class:`~superatom_lab.apps.orbitals.view.OrbitalView`.

Examples
--------
>>> model = OrbitalModel(runner=JobRunner(store="default"))
>>> model.structure, model.charge, model.preset
('Al13', -1, 'quick')
>>> model.structure = "Na8"
>>> model.charge
0
"""

from __future__ import annotations

import threading
from pathlib import Path

from traitlets import Any, Enum, Float, Instance, Int, List, Unicode, observe

from superatom_lab.apps.jobs import JobRunner, one_line
from superatom_lab.apps.mvc import SessionModel
from superatom_lab.apps.session import BUILT
from superatom_lab.core import catalogue
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.cluster_jellium import jellium_electrons, jellium_for, jellium_metal
from superatom_lab.core.jellium import TYPICAL_RS_BOHR
from superatom_lab.core.levels import Level, level_groups
from superatom_lab.qc.tasks import task_for
from superatom_lab.store.keys import state_key

#: Value of ``structure`` meaning "the cluster of the builder session" (as in every app).
SESSION_CHOICE = BUILT
#: The registry task the explorer submits (``"orbital_table"``).
TASK = task_for("orbitals", "table").name
#: Empty orbitals analysed above the HOMO (enough for 1G and 3S of Al13-).
N_VIRTUAL = 10
CUBE_RESOLUTION_ANGSTROM = 0.25
DEFAULT_ISOVALUE = 0.02


def jellium_with_note(cluster):
    """``(JelliumResult, note)`` for a simple-metal cluster, ``(None, why not)`` otherwise.

    The model is :func:`~superatom_lab.core.cluster_jellium.jellium_for`; the
    note is the line the explorer shows under the diagram.

    Examples
    --------
    >>> result, note = jellium_with_note(catalogue.build("Al13", charge=-1))
    >>> result.n_electrons, note
    (40, 'jellium: 40 electrons, r_s of Al 2.07 bohr')
    >>> jellium_with_note(catalogue.build("BF4", charge=-1))[1]
    'no jellium ladder: BF4 is not a simple-metal cluster'
    """
    metal = jellium_metal(cluster)
    if metal is None:
        return None, f"no jellium ladder: {cluster.name} is not a simple-metal cluster"
    try:
        result = jellium_for(cluster)
    except Exception as exc:  # input out of range or no convergence: the levels still show
        return None, f"no jellium ladder: {one_line(exc)}"
    n, rs = jellium_electrons(cluster), TYPICAL_RS_BOHR[metal]
    return result, f"jellium: {n} electrons, r_s of {metal} {rs:.2f} bohr"


class OrbitalModel(SessionModel):
    """Choices, the running job, the levels and the selected orbital of the orbital explorer.

    Parameters
    ----------
    runner : JobRunner, optional
        Runs the calculation (a new one on the user's cache by default).
    session : HasTraits, optional
        Anything with a ``cluster`` trait (a ``Cluster`` or ``None``), such as a
        builder's ``ClusterSession``; it becomes ``cluster_session`` (and
        ``session`` names it too).  When its cluster changes, ``structure``
        switches to :data:`SESSION_CHOICE` and ``charge`` to the cluster's charge.

    Traits
    ------
    structure, charge, preset
        A catalogue name (or :data:`SESSION_CHOICE`), the charge and a method preset.
        Choosing a species sets the charge to its catalogue charge (Al13: -1).
    table : OrbitalTable or None
        The finished orbital analysis.
    levels : list of Level
        Its alpha-spin levels in the diagram's window, lowest first.
    selected : int
        Index into ``levels`` (-1: none); the HOMO level after every result.
    jellium, jellium_note
        The jellium ladder of the same electron count (or ``None``) and a line about it.
    cube_path, cube_state, cube_error
        The cube file of the selected level's first orbital, "idle", "running",
        "done" or "error", and one line about a failure.
    isovalue : float
        Isosurface value (orbital units) for the 3D view.
    error : str
        One line about a failed calculation or bad input, else "".

    Examples
    --------
    >>> m = OrbitalModel(runner=JobRunner(store="default"))
    >>> m.structure = "Nope"
    >>> m.compute()
    >>> m.error.startswith("unknown species 'Nope'"), m.runner.state
    (True, 'idle')
    """

    structure = Unicode("Al13")
    charge = Int(-1)
    preset = Unicode("quick")

    runner = Instance(JobRunner)
    table = Any(None, allow_none=True)
    levels = List()
    selected = Int(-1)
    jellium = Any(None, allow_none=True)
    jellium_note = Unicode("")
    cube_path = Unicode("")
    cube_state = Enum(["idle", "running", "done", "error"], default_value="idle")
    cube_error = Unicode("")
    isovalue = Float(DEFAULT_ISOVALUE)

    def __init__(self, runner: JobRunner | None = None, session=None, **kwargs):
        runner = runner if runner is not None else JobRunner()
        super().__init__(runner=runner, **kwargs)
        self._pending = None  # (cluster, method) of the submitted job
        self._current = None  # (cluster, method) of ``table``
        self._cube_lock = threading.Lock()
        self._cube_generation = 0
        self.runner.observe(self._on_runner_state, "state")
        if session is not None:
            self.cluster_session = session

    @property
    def session(self):
        """The session followed: another name of ``cluster_session``."""
        return self.cluster_session

    @session.setter
    def session(self, value) -> None:
        self.cluster_session = value

    # --- choices --------------------------------------------------------------------
    @observe("structure")
    def _on_structure_change(self, change) -> None:
        if change["new"] == SESSION_CHOICE:
            if self.built_cluster is not None:
                self.charge = self.built_cluster.charge
            return
        try:
            self.charge = catalogue.get_species(change["new"]).charge
        except Exception:
            return  # compute() reports an unknown name

    def on_session_cluster(self, cluster: Cluster | None, label: str) -> None:
        """Follow the session: switch to its cluster (and its charge) when one arrives."""
        super().on_session_cluster(cluster, label)
        if cluster is None:
            return
        if self.structure == SESSION_CHOICE:
            self.charge = cluster.charge
        else:
            self.structure = SESSION_CHOICE  # sets the charge too

    # --- the calculation ------------------------------------------------------------
    def compute(self) -> None:
        """Start the orbital analysis (a running one is replaced); a cached one shows at once."""
        chosen = self.chosen_request()
        if chosen is None:
            return
        cluster, method = chosen
        self._pending = (cluster, method)
        self.runner.submit(TASK, cluster, method, n_virtual=N_VIRTUAL)

    def cancel(self) -> bool:
        """Stop the running calculation; return whether one was running."""
        return self.runner.cancel()

    def _on_runner_state(self, change) -> None:
        state = change["new"]
        if self.runner.task != TASK or self._pending is None:
            return
        if state == "running":
            self._clear()
        elif state == "error":
            self.error = self.runner.error
        elif state == "done":
            self._show(self.runner.result, *self._pending)

    def _clear(self) -> None:
        self._cube_generation += 1
        self.selected = -1
        self.levels, self.table, self.jellium, self.jellium_note = [], None, None, ""
        self.cube_path, self.cube_error, self.cube_state = "", "", "idle"

    def _show(self, table, cluster, method) -> None:
        self._current = (cluster, method)
        self.jellium, self.jellium_note = jellium_with_note(cluster)
        levels = level_groups(table)
        self.levels = levels
        self.table = table
        homo = [k for k, lv in enumerate(levels) if lv.tag == "HOMO"]
        self.selected = homo[0] if homo else len(levels) - 1

    # --- the selected level ---------------------------------------------------------
    @property
    def shown_cluster(self):
        """The ``Cluster`` whose orbitals ``table`` holds, or ``None``."""
        return None if self._current is None else self._current[0]

    @property
    def level(self) -> Level | None:
        """The selected level, or ``None``."""
        return self.levels[self.selected] if 0 <= self.selected < len(self.levels) else None

    @property
    def orbital(self):
        """The orbital of the selected level shown in 3D (its first), or ``None``."""
        level = self.level
        return None if level is None else level.orbitals[0]

    @observe("selected")
    def _on_selected(self, change) -> None:
        self._cube_generation += 1
        orbital = self.orbital
        if orbital is None or self._current is None or self.table is None:
            self.cube_path, self.cube_error, self.cube_state = "", "", "idle"
            return
        self.make_cube(orbital, self._cube_generation)

    def _cube_request(self, orbital) -> dict:
        """Arguments of :func:`~superatom_lab.qc.cube.stored_orbital_cube` for ``orbital``."""
        cluster, method = self._current
        return {
            "store": self.runner.store, "cluster": cluster, "method": method,
            "charge": self.table.charge, "spin": self.table.spin, "channel": orbital.spin,
            "index": orbital.index, "resolution_angstrom": CUBE_RESOLUTION_ANGSTROM,
        }  # fmt: skip

    def cube_file(self, orbital) -> Path:
        """Where the store keeps the cube of ``orbital`` (of the current table)."""
        from superatom_lab.qc.cube import stored_cube_path

        return stored_cube_path(**self._cube_request(orbital))

    def make_cube(self, orbital, generation: int) -> None:
        """Show the cube of ``orbital``: at once when it is on disk, else from a thread."""
        path = self.cube_file(orbital)
        self.cube_error = ""
        if path.is_file():
            self.cube_path, self.cube_state = str(path), "done"
            return
        cluster, method = self._current
        key = state_key(cluster, method, charge=self.table.charge, spin=self.table.spin)
        if not self.runner.store.has_arrays(key):
            self.cube_path, self.cube_state = "", "error"
            self.cube_error = "the orbitals are no longer in the cache: press Compute again"
            return
        self.cube_path, self.cube_state = "", "running"
        thread = threading.Thread(
            target=self._write_cube, args=(generation, orbital), daemon=True,
            name="superatom-cube",
        )  # fmt: skip
        thread.start()

    def _write_cube(self, generation, orbital) -> None:
        """Thread: write the cube file (PySCF on the cached orbitals), then publish it."""
        from superatom_lab.qc.cube import stored_orbital_cube

        with self._cube_lock:  # one cube at a time; skip requests that are already stale
            if generation != self._cube_generation:
                return
            try:
                path = stored_orbital_cube(**self._cube_request(orbital))
            except Exception as exc:
                if generation == self._cube_generation:
                    self.cube_error, self.cube_state = one_line(exc), "error"
                return
            if generation == self._cube_generation:
                self.cube_path, self.cube_state = str(path), "done"
