"""Electron-affinity explorer, the model: an EA, IE, VDE or successive EAs, classified.

:class:`EAModel` (traitlets, no widget import) turns the choices into a job
for a :class:`~superatom_lab.apps.jobs.JobRunner`, formats the finished result
(value, method, kind, convergence, wall time, warnings), lists the reference
values of the same kind beside it (:func:`references_text`) and keeps a session
table that can be saved as CSV.  Whether a value makes a superhalogen (EA above
chlorine's) or a superalkali (IE below caesium's) is decided by
:mod:`superatom_lab.core.classification`.  The view is
:class:`~superatom_lab.apps.ea.view.EAView`.

The kinds of an EA are the task registry's: ``"vertical"``, ``"adiabatic"``,
``"vde"`` (the anion's vertical detachment energy) and ``"ladder"`` (the
successive EAs EA_n, EA_(n+1) of one geometry, :data:`LADDER_STEPS` of them).
A ladder of a large species that is neither cached nor shipped is not computed
live (:mod:`superatom_lab.apps.live_limits`); the model then says so in
:attr:`~EAModel.error`.

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
>>> model.kind = "ladder"
>>> model.task, model.options
('successive_electron_affinities', {'n': 2})
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
from superatom_lab.core.reference import ea_index, references_for
from superatom_lab.qc.tasks import task_for

PROPERTIES = {"EA": "electron affinity", "IE": "ionization energy"}
#: The kinds of value offered, with their button labels.
KINDS = {"vertical": "vertical", "adiabatic": "adiabatic", "vde": "anion VDE",
         "ladder": "EA_n, EA_n+1"}  # fmt: skip
#: Kinds that only an EA has: choosing one switches the property to EA.
EA_ONLY_KINDS = ("vde", "ladder")
#: How many successive EAs a ladder gives (EA_1 and EA_2 from a neutral).
LADDER_STEPS = 2
#: Columns of the session table, in CSV order.
COLUMNS = ("structure", "charge", "property", "kind", "preset", "method", "value_ev",
           "class", "converged", "cached", "precomputed", "wall_s", "warnings")  # fmt: skip


class EAModel(SessionModel):
    """Choices, the running job and the results of the electron-affinity explorer.

    Traits
    ------
    structure, charge, preset, prop, kind
        What to compute: a catalogue name, the charge of the species, a method
        preset, ``"EA"`` or ``"IE"``, and a kind of :data:`KINDS`.
        Choosing an alkali or superalkali switches ``prop`` to ``"IE"``
        (``Species.characteristic_property``; and a VDE or ladder back to
        ``"vertical"``); choosing a VDE or a ladder switches ``prop`` to ``"EA"``.
        ``structure = BUILT`` takes the cluster of ``cluster_session`` (and its charge).
    result : PropertyResult, list of them (a ladder) or None
        The last finished result.
    result_text : str
        Lines: value(s), method, convergence and wall time, classification, warnings.
    reference_text : str
        Lines: the reference values of the quantity last asked for (:func:`references_text`).
    error : str
        One line about a failure (bad input, a failed calculation, a ladder too
        large to compute live), else "".
    session : list of dict
        One row per finished value (see :data:`COLUMNS`); :meth:`to_csv` saves it.
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
    kind = Enum(list(KINDS), default_value="vertical")

    runner = Instance(JobRunner)
    result = Any(None, allow_none=True)
    result_text = Unicode("")
    reference_text = Unicode("")
    session = List()

    def __init__(self, runner: JobRunner | None = None, **kwargs):
        runner = runner if runner is not None else JobRunner()
        if isinstance(kwargs.get("session"), ClusterSession):
            kwargs["cluster_session"] = kwargs.pop("session")
        super().__init__(runner=runner, **kwargs)
        self._request: dict | None = None
        self.last_rows: list[dict] = []
        self.runner.observe(self._on_runner_state, "state")
        self._on_structure_change({"new": self.structure})

    @property
    def task(self) -> str:
        """The name of the registry task for the current choices (``qc.tasks.task_for``)."""
        return task_for(self.prop, self.kind).name

    @property
    def options(self) -> dict:
        """The task's options for the current choices: ``{"n": LADDER_STEPS}`` for a ladder."""
        return {"n": LADDER_STEPS} if self.kind == "ladder" else {}

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

    @observe("prop")
    def _on_prop_change(self, change) -> None:
        if change["new"] == "IE" and self.kind in EA_ONLY_KINDS:
            self.kind = "vertical"

    @observe("kind")
    def _on_kind_change(self, change) -> None:
        if change["new"] in EA_ONLY_KINDS:
            self.prop = "EA"

    def base_cluster(self) -> Cluster:
        """The chosen structure as built: a neutral catalogue species, or the built cluster."""
        from superatom_lab.errors import InputError

        if self.structure != BUILT:
            return catalogue.build(self.structure)
        if self.built_cluster is None:
            raise InputError("no built cluster: build one and press 'Use in other apps'")
        return self.built_cluster

    def compute(self) -> None:
        """Start the calculation for the current choices (a running one is replaced).

        The answer comes from the cache or the shipped results at once when it
        is there; otherwise a worker computes it, unless
        :func:`~superatom_lab.apps.live_limits.live_refusal` refuses (a large ladder).
        """
        from superatom_lab.apps.live_limits import live_refusal

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
        self.reference_text = references_text(
            self._request["structure"], self.prop, self.kind, self.charge
        )
        # a new request clears the old answer, so an identical one (the same value from
        # the cache again) is still announced to the view
        self.result = None
        self.runner.submit(self.task, cluster, method, guard=live_refusal, **self.options)

    def cancel(self) -> bool:
        """Stop the running calculation; return whether one was running."""
        return self.runner.cancel()

    def scale_point(self) -> tuple[float, str, str] | None:
        """``(value, "EA" or "IE", label)`` of the last result for the scale, or ``None``.

        See :func:`scale_point`.
        """
        return scale_point(self.last_rows)

    def _on_runner_state(self, change) -> None:
        state = change["new"]
        if state == "error":
            self.error = self.runner.error
        elif state == "done" and self._request is not None:
            self._record(self.runner.result, self._request)

    def _record(self, result, request: dict) -> None:
        results = result if isinstance(result, list) else [result]
        rows = [result_row(r, request) for r in results]
        self.result_text = result_text(rows, job_wall_s=self.runner.wall_s,
                                       scf_wall_s=scf_wall_s(results))  # fmt: skip
        self.last_rows = rows
        self.session = [*self.session, *rows]
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


def ion_name(name: str, charge: int) -> str:
    """A species with its charge as chemists write it: ``BF4-``, ``B12H12 2-``, ``Li3O+``.

    Examples
    --------
    >>> [ion_name("BF4", q) for q in (0, -1, -2)], ion_name("Li3O", 1)
    (['BF4', 'BF4-', 'BF4 2-'], 'Li3O+')
    """
    if charge == 0:
        return name
    sign = "-" if charge < 0 else "+"
    return f"{name}{sign}" if abs(charge) == 1 else f"{name} {abs(charge)}{sign}"


def value_label(kind: str, prop: str, charge: int) -> str:
    """What a value is called: ``"EA"``, ``"IE"``, ``"VDE"``, or ``"EA_n"`` for a ladder step.

    ``charge`` is that of the species taking (or giving) the electron.

    Examples
    --------
    >>> value_label("vertical", "EA", 0), value_label("vde", "EA", 0)
    ('EA', 'VDE')
    >>> value_label("ladder", "EA", -1)
    'EA_2'
    """
    if kind == "vde":
        return "VDE"
    if kind == "ladder":
        return f"EA_{ea_index(charge)}"
    return prop


def result_row(result, request: dict) -> dict:
    """One session-table row for one value (a ladder gives one row per step).

    ``charge`` is that of the species taking (EA) or giving (IE) the electron;
    ``property`` is :func:`value_label`; ``class`` is "superhalogen",
    "superalkali", "reference" or "" for a first EA, IE or VDE, and "bound"
    or "not bound" for a later step of a ladder.
    """
    charge = result.states[0].charge
    label = value_label(request["kind"], request["property"], charge)
    quantity = "IE" if request["property"] == "IE" else "EA"
    if label.startswith("EA_") and label != "EA_1":
        klass = "bound" if result.value_ev > 0 else "not bound"
    else:
        klass = species_class(request["structure"], result.value_ev, quantity)
    return {
        **request,
        "charge": charge,
        "property": label,
        "value_ev": round(result.value_ev, 4),
        "class": klass,
        "converged": result.converged,
        "cached": result.cached,
        "precomputed": result.precomputed,
        "wall_s": round(result.wall_s, 2),
        "warnings": list(result.warnings),
    }


def scf_wall_s(results: list) -> float:
    """Wall time of the SCF runs behind ``results``, each state counted once.

    The steps of a ladder share states (EA_1's anion is EA_2's acceptor).
    """
    seen, total = set(), 0.0
    for result in results:
        for state in result.candidates or result.states:
            ident = state.key or id(state)
            if ident not in seen:
                seen.add(ident)
                total += state.wall_s
    return total


def scale_point(rows: list[dict]) -> tuple[float, str, str] | None:
    """``(value, "EA" or "IE", label)`` to draw on the superhalogen/superalkali scale, or ``None``.

    The scale compares first EAs (a VDE too) and IEs with the halogens' EAs and
    the alkalis' IEs; of a ladder it takes EA_1 (a ladder that starts at an
    anion has nothing to draw).

    Examples
    --------
    >>> scale_point([{"property": "EA_1", "value_ev": 7.4, "structure": "BF4", "charge": 0},
    ...              {"property": "EA_2", "value_ev": -5.9, "structure": "BF4", "charge": -1}])
    (7.4, 'EA', 'BF4 EA_1')
    >>> scale_point([{"property": "VDE", "value_ev": 7.5, "structure": "BF4", "charge": 0}])
    (7.5, 'EA', 'BF4- VDE')
    """
    for row in rows:
        label = row["property"]
        if label in ("EA", "IE"):
            return row["value_ev"], label, row["structure"]
        if label == "VDE":
            return row["value_ev"], "EA", f"{ion_name(row['structure'], row['charge'] - 1)} VDE"
        if label == "EA_1":
            return row["value_ev"], "EA", f"{row['structure']} EA_1"
    return None


def reference_line(ref) -> str:
    """A reference value as one line: measured or computed, value, kind and source.

    Examples
    --------
    >>> from superatom_lab.core.reference import computed_ea, experimental_ea
    >>> reference_line(experimental_ea("BO2"))  # doctest: +ELLIPSIS
    'experiment: 4.46 ± 0.03 eV (adiabatic EA; Zhai, Wang et al. (2007), ...)'
    >>> print(reference_line(computed_ea("BF4")))  # doctest: +ELLIPSIS
    computed in the literature: 7.33 eV (EA_1; computed (DFT): Table 4 of H. Fang, ...)
    """
    spread = f" ± {ref.uncertainty_ev:.2f}" if ref.uncertainty_ev else ""
    if ref.measured:
        return f"experiment: {ref.value_ev:.2f}{spread} eV ({ref.kind}; {ref.source})"
    kind = ref.kind.removeprefix("computed ")
    return f"computed in the literature: {ref.value_ev:.2f}{spread} eV ({kind}; {ref.source})"


def references_text(name: str, prop: str, kind: str, charge: int) -> str:
    """The reference values of the quantity asked for, as lines (the kind of each said).

    A VDE gets measured or computed VDEs (:func:`~superatom_lab.core.reference.references_for`);
    where none is stored, the EAs of the species follow, marked as EAs.  Each
    step of a ladder gets its own EA_n (mostly Table 4 of Fang, Sun and Jena's review).

    Examples
    --------
    >>> print(references_text("B12H12", "EA", "ladder", 0))  # doctest: +ELLIPSIS
    EA_1: computed in the literature: 4.57 eV (EA_1; computed (DFT): Table 4 of ...)
    EA_2: experiment: 0.90 eV (EA_2; H. Fang, Q. Sun and P. Jena, ...)
    EA_2: computed in the literature: 0.86 eV (EA_2; computed (DFT): Table 4 of ...)
    >>> print(references_text("Na8", "IE", "vertical", 0))
    no reference IE of Na8 is stored
    """
    if kind == "ladder":
        lines = []
        for step in range(LADDER_STEPS):
            label = value_label(kind, prop, charge - step)
            found = references_for(name, prop, kind, charge - step)
            lines += [f"{label}: {reference_line(r)}" for r in found]
            lines += [] if found else [f"{label}: no reference value stored"]
        return "\n".join(lines)
    label = value_label(kind, prop, charge)
    species = ion_name(name, charge - 1) if kind == "vde" else ion_name(name, charge)
    found = references_for(name, prop, kind, charge)
    if found:
        return "\n".join(reference_line(r) for r in found)
    lines = [f"no reference {label} of {species} is stored"]
    if kind == "vde":
        eas = references_for(name, prop, "vertical", charge)
        lines += [f"for comparison, an EA (a VDE is never below the adiabatic EA): "
                  f"{reference_line(r)}" for r in eas]  # fmt: skip
    return "\n".join(lines)


def _source_words(rows: list[dict], job_wall_s: float | None) -> str:
    shown = f", shown in {job_wall_s:.2f} s" if job_wall_s is not None else ""
    if all(r.get("precomputed") for r in rows):
        return f" (precomputed, shipped with the package{shown})"
    if all(r["cached"] for r in rows):
        return f" (from the cache{shown})"
    return ""


def _class_line(row: dict) -> str:
    """The classification of one value, as a line ("" for none)."""
    label, klass = row["property"], row["class"]
    if klass in ("bound", "not bound"):
        ion = ion_name(row["structure"], row["charge"] - 1)
        if klass == "bound":
            return f"{label} > 0: {ion} holds this extra electron"
        return f"{label} < 0: {ion} does not hold this extra electron (it would shed it)"
    prop = "IE" if label == "IE" else "EA"
    limit = thresholds_ev()[prop]
    if klass == "reference":
        return "a reference species of the scale (halogen or alkali)"
    if klass == "superhalogen":
        return f"{label} above chlorine's EA ({limit:.2f} eV): superhalogen"
    if klass == "superalkali":
        return f"below caesium's IE ({limit:.2f} eV): superalkali"
    if prop == "EA":
        return f"{label} not above chlorine's EA ({limit:.2f} eV): no superhalogen"
    return f"not below caesium's IE ({limit:.2f} eV): no superalkali"


def result_text(rows, job_wall_s: float | None = None, scf_wall_s: float | None = None) -> str:
    """The result as lines of text (value first), from its session-table row(s).

    ``rows`` is one row, or the rows of one ladder; ``scf_wall_s`` is the SCF
    wall time behind them all (the sum of the rows' by default).

    Examples
    --------
    >>> row = {"structure": "Cl", "charge": 0, "property": "EA", "kind": "vertical",
    ...        "preset": "quick", "method": "WB97X/def2-svpd", "value_ev": 3.71,
    ...        "class": "reference", "converged": True, "cached": False, "wall_s": 2.1,
    ...        "warnings": []}
    >>> print(result_text(row))
    EA(Cl) = 3.71 eV (vertical)
    method: WB97X/def2-svpd [quick]
    converged: yes; SCF wall time 2.1 s
    a reference species of the scale (halogen or alkali)
    >>> result_text({**row, "cached": True, "precomputed": True}, 0.01).splitlines()[2]
    'converged: yes; SCF wall time 2.1 s (precomputed, shipped with the package, shown in 0.01 s)'
    >>> vde = {**row, "structure": "BF4", "property": "VDE", "kind": "vde", "value_ev": 7.49,
    ...        "class": "superhalogen"}
    >>> print(result_text(vde).splitlines()[0])
    VDE(BF4-) = 7.49 eV (the anion's vertical detachment energy)
    """
    rows = [rows] if isinstance(rows, dict) else list(rows)
    first = rows[0]
    if first["kind"] == "ladder":
        values = ", ".join(f"{r['property']} = {r['value_ev']:.2f} eV" for r in rows)
        headline = f"{values} (successive EAs of {ion_name(first['structure'], first['charge'])}"
        headline += ", vertical)"
    elif first["kind"] == "vde":
        ion = ion_name(first["structure"], first["charge"] - 1)
        headline = f"VDE({ion}) = {first['value_ev']:.2f} eV (the anion's vertical detachment "
        headline += "energy)"
    else:
        charge = f", charge {first['charge']:+d}" if first["charge"] else ""
        headline = (f"{first['property']}({first['structure']}{charge}) = "
                    f"{first['value_ev']:.2f} eV ({first['kind']})")  # fmt: skip
    wall = scf_wall_s if scf_wall_s is not None else sum(r["wall_s"] for r in rows)
    converged = "yes" if all(r["converged"] for r in rows) else "NO"
    lines = [
        headline,
        f"method: {first['method']} [{first['preset']}]",
        f"converged: {converged}; SCF wall time {wall:.1f} s{_source_words(rows, job_wall_s)}",
    ]
    lines += [line for r in rows if (line := _class_line(r))]
    warnings = dict.fromkeys(w for r in rows for w in r["warnings"])
    lines += [f"warning: {w}" for w in warnings]
    return "\n".join(lines)
