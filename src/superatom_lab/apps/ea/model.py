"""Electron-affinity explorer, the model: compute an EA or IE and classify it.

:class:`EAModel` (traitlets, no widget import) turns the choices into a job
for a :class:`~superatom_lab.apps.jobs.JobRunner`, formats the finished result
(value, method, kind, convergence, wall time, warnings) and keeps a session
table that can be saved as CSV.  Whether a value makes a superhalogen (EA above
chlorine's) or a superalkali (IE below caesium's) is decided by
:mod:`superatom_lab.core.classification`.  The view is
:class:`~superatom_lab.apps.ea.view.EAView`.

Given a :class:`~superatom_lab.apps.session.ClusterSession` (``session=``),
the explorer also offers the cluster built in the cluster builder: the choice
``structure = BUILT`` ("built: <label>" in the dropdown) computes it exactly
like a catalogue species.

Examples
--------
>>> model = EAModel(structure="Li3O")
>>> model.prop, model.task
('IE', 'ionization_energy')
>>> model.structure = "BO2"
>>> model.prop, model.kind
('EA', 'vertical')
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from traitlets import Any, Enum, Instance, Int, List, Unicode, observe

from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.mvc import SessionModel
from superatom_lab.apps.session import BUILT, ClusterSession
from superatom_lab.core import catalogue
from superatom_lab.core.classification import species_class, thresholds_ev
from superatom_lab.core.cluster import Cluster
from superatom_lab.qc.tasks import task_for

PROPERTIES = {"EA": "electron affinity", "IE": "ionization energy"}
#: Columns of the session table, in CSV order.
COLUMNS = ("structure", "charge", "property", "kind", "preset", "method", "value_ev",
           "class", "converged", "cached", "wall_s", "warnings")  # fmt: skip


class EAModel(SessionModel):
    """Choices, the running job and the results of the electron-affinity explorer.

    Traits
    ------
    structure, charge, preset, prop, kind
        What to compute: a catalogue name, the charge of the species, a method
        preset, ``"EA"`` or ``"IE"``, ``"vertical"`` or ``"adiabatic"``.
        Choosing an alkali or superalkali switches ``prop`` to ``"IE"``
        (``Species.characteristic_property``).
        ``structure = BUILT`` takes the cluster of ``cluster_session`` (and its charge).
    result : PropertyResult or None
        The last finished result.
    result_text : str
        Lines: value, method, kind, convergence and wall time, classification, warnings.
    error : str
        One line about a failure (bad input or a failed calculation), else "".
    session : list of dict
        One row per finished result (see :data:`COLUMNS`); :meth:`to_csv` saves it.
    cluster_session : ClusterSession or None
        The cluster shared by the builder (see :class:`~superatom_lab.apps.mvc.SessionModel`).
        ``EAModel(session=ClusterSession(...))`` is accepted too: a ClusterSession
        given as ``session`` lands here.
    built_cluster, built_label
        The session's cluster (or ``None``) and its dropdown label ("" without one).

    Examples
    --------
    >>> m = EAModel(structure="Cl", preset="quick")
    >>> m.task, m.runner.state
    ('electron_affinity', 'idle')
    """

    structure = Unicode("Cl")
    charge = Int(0)
    preset = Unicode("quick")
    prop = Enum(list(PROPERTIES), default_value="EA")
    kind = Enum(["vertical", "adiabatic"], default_value="vertical")

    runner = Instance(JobRunner)
    result = Any(None, allow_none=True)
    result_text = Unicode("")
    session = List()

    def __init__(self, runner: JobRunner | None = None, **kwargs):
        runner = runner if runner is not None else JobRunner()
        if isinstance(kwargs.get("session"), ClusterSession):
            kwargs["cluster_session"] = kwargs.pop("session")
        super().__init__(runner=runner, **kwargs)
        self._request: dict | None = None
        self.runner.observe(self._on_runner_state, "state")
        self._on_structure_change({"new": self.structure})

    @property
    def task(self) -> str:
        """The name of the registry task for the current choices (``qc.tasks.task_for``)."""
        return task_for(self.prop, self.kind).name

    def on_session_cluster(self, cluster: Cluster | None, label: str) -> None:
        """Follow the session: offer its cluster, fall back to Cl when it is cleared."""
        if cluster is None and self.structure == BUILT:
            self.structure = "Cl"
        super().on_session_cluster(cluster, label)
        if cluster is not None and self.structure == BUILT:
            self.charge = cluster.charge

    @observe("structure")
    def _on_structure_change(self, change) -> None:
        if change["new"] == BUILT:
            if self.built_cluster is not None:
                self.charge = self.built_cluster.charge
            return
        try:
            species = catalogue.get_species(change["new"])
        except Exception:
            return  # compute() reports an unknown name
        self.prop = species.characteristic_property

    def base_cluster(self) -> Cluster:
        """The chosen structure as built: a neutral catalogue species, or the built cluster."""
        from superatom_lab.errors import InputError

        if self.structure != BUILT:
            return catalogue.build(self.structure)
        if self.built_cluster is None:
            raise InputError("no built cluster: build one and press 'Use in other apps'")
        return self.built_cluster

    def compute(self) -> None:
        """Start the calculation for the current choices (a running one is replaced)."""
        chosen = self.chosen_request()
        if chosen is None:
            return
        cluster, method = chosen
        self._request = {
            "structure": cluster.name or self.structure,
            "charge": self.charge,
            "property": self.prop,
            "kind": self.kind,
            "preset": method.name,
            "method": method.label(),
        }
        # a new request clears the old answer, so an identical one (the same value from
        # the cache again) is still announced to the view
        self.result = None
        self.runner.submit(self.task, cluster, method)

    def cancel(self) -> bool:
        """Stop the running calculation; return whether one was running."""
        return self.runner.cancel()

    def _on_runner_state(self, change) -> None:
        state = change["new"]
        if state == "error":
            self.error = self.runner.error
        elif state == "done" and self._request is not None:
            self._record(self.runner.result, self._request)

    def _record(self, result, request: dict) -> None:
        row = {
            **request,
            "value_ev": round(result.value_ev, 4),
            "class": species_class(request["structure"], result.value_ev, request["property"]),
            "converged": result.converged,
            "cached": result.cached,
            "precomputed": result.precomputed,
            "wall_s": round(result.wall_s, 2),
            "warnings": list(result.warnings),
        }
        self.result_text = result_text(row, job_wall_s=self.runner.wall_s)
        self.session = [*self.session, row]
        self.result = result

    def csv_text(self) -> str:
        """The session table as CSV text (header row first; warnings joined by " | ").

        Examples
        --------
        >>> EAModel(runner=JobRunner(store="default")).csv_text().splitlines()[0][:26]
        'structure,charge,property,'
        """
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in self.session:
            flat = {c: row.get(c, "") for c in COLUMNS}
            flat["warnings"] = " | ".join(row.get("warnings", []))
            writer.writerow(flat)
        return buffer.getvalue()

    def to_csv(self, path) -> Path:
        """Write the session table to ``path`` (see :meth:`csv_text`) and return the path."""
        path = Path(path)
        path.write_text(self.csv_text(), encoding="utf-8")
        return path


def experiment_line(name: str, prop: str, charge: int) -> str:
    """``"experiment: 3.61 eV (source)"`` for a neutral with a measured value, else "".

    Examples
    --------
    >>> experiment_line("Cl", "EA", 0).startswith("experiment: 3.61 eV (adiabatic")
    True
    """
    from superatom_lab.core.reference import experimental_ea, experimental_ie

    if charge != 0:
        return ""
    ref = experimental_ea(name) if prop == "EA" else experimental_ie(name)
    if ref is None:
        return ""
    kind = "adiabatic" if prop == "EA" else "first ionization"
    return f"experiment: {ref.value_ev:.2f} eV ({kind}; {ref.source})"


def result_text(row: dict, job_wall_s: float | None = None) -> str:
    """The result as lines of text (value first), from a session-table row.

    Examples
    --------
    >>> row = {"structure": "Cl", "charge": 0, "property": "EA", "kind": "vertical",
    ...        "preset": "quick", "method": "PBE/def2-svpd", "value_ev": 3.71,
    ...        "class": "reference", "converged": True, "cached": False, "wall_s": 2.1,
    ...        "warnings": []}
    >>> print(result_text(row))  # doctest: +ELLIPSIS
    EA(Cl) = 3.71 eV (vertical)
    method: PBE/def2-svpd [quick]
    converged: yes; SCF wall time 2.1 s
    experiment: 3.61 eV (adiabatic; ...)
    a reference species of the scale (halogen or alkali)
    >>> result_text({**row, "cached": True, "precomputed": True}, 0.01).splitlines()[2]
    'converged: yes; SCF wall time 2.1 s (precomputed, shipped with the package, shown in 0.01 s)'
    """
    prop, value = row["property"], row["value_ev"]
    charge = f", charge {row['charge']:+d}" if row["charge"] else ""
    lines = [
        f"{prop}({row['structure']}{charge}) = {value:.2f} eV ({row['kind']})",
        f"method: {row['method']} [{row['preset']}]",
    ]
    timing = f"SCF wall time {row['wall_s']:.1f} s"
    if row.get("precomputed"):
        timing += " (precomputed, shipped with the package"
        timing += f", shown in {job_wall_s:.2f} s)" if job_wall_s is not None else ")"
    elif row["cached"]:
        timing += " (from the cache"
        timing += f", shown in {job_wall_s:.2f} s)" if job_wall_s is not None else ")"
    lines.append(f"converged: {'yes' if row['converged'] else 'NO'}; {timing}")
    experiment = experiment_line(row["structure"], prop, row["charge"])
    if experiment:
        lines.append(experiment)
    limit = thresholds_ev()[prop]
    if row["class"] == "reference":
        lines.append("a reference species of the scale (halogen or alkali)")
    elif row["class"] == "superhalogen":
        lines.append(f"above chlorine's EA ({limit:.2f} eV): superhalogen")
    elif row["class"] == "superalkali":
        lines.append(f"below caesium's IE ({limit:.2f} eV): superalkali")
    elif prop == "EA":
        lines.append(f"not above chlorine's EA ({limit:.2f} eV): no superhalogen")
    else:
        lines.append(f"not below caesium's IE ({limit:.2f} eV): no superalkali")
    lines += [f"warning: {w}" for w in row["warnings"]]
    return "\n".join(lines)
