"""Electron-affinity explorer: compute an EA or IE and place it among halogens and alkalis.

:class:`EAModel` (traitlets, no widget import) turns the choices into a job
for a :class:`~superatom_lab.apps.jobs.JobRunner`, formats the finished result
(value, method, kind, convergence, wall time, warnings) and keeps a session
table that can be saved as CSV.  :class:`EAView` builds the widgets lazily:
dropdowns, Compute and Cancel, a progress bar fed by the runner's SCF cycles,
the result and a scale that marks "superhalogen" (EA above chlorine's) and
"superalkali" (IE below caesium's).

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

import base64
import csv
import html
import io
from pathlib import Path

from traitlets import Any, Enum, HasTraits, Instance, Int, List, Unicode, observe

from superatom_lab.apps._view import LazyView, follow_cycle, follow_state
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.session import ClusterSession, charge_text
from superatom_lab.core import catalogue
from superatom_lab.core.classification import ALKALIS, HALOGENS, classify, thresholds_ev
from superatom_lab.core.cluster import Cluster

PROPERTIES = {"EA": "electron affinity", "IE": "ionization energy"}
TASKS = {
    ("EA", "vertical"): "electron_affinity",
    ("EA", "adiabatic"): "electron_affinity_adiabatic",
    ("IE", "vertical"): "ionization_energy",
    ("IE", "adiabatic"): "ionization_energy_adiabatic",
}
#: Columns of the session table, in CSV order.
COLUMNS = ("structure", "charge", "property", "kind", "preset", "method", "value_ev",
           "class", "converged", "cached", "wall_s", "warnings")  # fmt: skip
ALKALI_LIKE = ("alkali", "superalkali")
#: The ``structure`` value that stands for the cluster of the shared session.
BUILT = "built"


def structure_options(built_label: str = "") -> list[tuple[str, str]]:
    """``(label, name)`` pairs for a dropdown: every catalogue species with its category.

    A ``built_label`` (see :attr:`EAModel.built_label`) puts the built cluster first.

    Examples
    --------
    >>> structure_options()[1]
    ('Cl (halogen)', 'Cl')
    >>> structure_options("built: W@Au12, neutral")[0]
    ('built: W@Au12, neutral', 'built')
    """
    built = [(built_label, BUILT)] if built_label else []
    return built + [(f"{n} ({catalogue.get_species(n).category})", n) for n in catalogue.names()]


def preset_options() -> list[str]:
    """Preset names, the quick one first (the apps' default).

    Examples
    --------
    >>> preset_options()[0]
    'quick'
    """
    from superatom_lab.qc.presets import PRESETS

    return ["quick", *[p for p in PRESETS if p != "quick"]]


class EAModel(HasTraits):
    """Choices, the running job and the results of the electron-affinity explorer.

    Traits
    ------
    structure, charge, preset, prop, kind
        What to compute: a catalogue name, the charge of the species, a method
        preset, ``"EA"`` or ``"IE"``, ``"vertical"`` or ``"adiabatic"``.
        Choosing an alkali or superalkali switches ``prop`` to ``"IE"``.
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
        The cluster shared by the builder.  ``EAModel(session=ClusterSession(...))``
        is accepted too: a ClusterSession given as ``session`` lands here.
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
    error = Unicode("")
    session = List()
    cluster_session = Instance(ClusterSession, allow_none=True)
    built_cluster = Instance(Cluster, allow_none=True)
    built_label = Unicode("")

    def __init__(self, runner: JobRunner | None = None, **kwargs):
        runner = runner if runner is not None else JobRunner()
        if isinstance(kwargs.get("session"), ClusterSession):
            kwargs["cluster_session"] = kwargs.pop("session")
        super().__init__(runner=runner, **kwargs)
        self._request: dict | None = None
        self.runner.observe(self._on_runner_state, "state")
        self._on_cluster_session({"old": None, "new": self.cluster_session})
        self._on_structure_change({"new": self.structure})

    @property
    def task(self) -> str:
        """The worker task for the current choices."""
        return TASKS[(self.prop, self.kind)]

    @observe("cluster_session")
    def _on_cluster_session(self, change) -> None:
        if change["old"] is not None:
            change["old"].unobserve(self._on_shared, "cluster")
        if change["new"] is not None:
            change["new"].observe(self._on_shared, "cluster")
        self._on_shared()

    def _on_shared(self, change=None) -> None:
        """Follow the session: offer its cluster, fall back to Cl when it is cleared."""
        s = self.cluster_session
        cluster = s.cluster if s is not None else None
        if cluster is None and self.structure == BUILT:
            self.structure = "Cl"
        label = s.label if cluster is not None and s.label else getattr(cluster, "name", "")
        self.built_label = f"built: {label}, {charge_text(cluster.charge)}" if cluster else ""
        self.built_cluster = cluster
        if cluster is not None and self.structure == BUILT:
            self.charge = cluster.charge

    @observe("structure")
    def _on_structure_change(self, change) -> None:
        if change["new"] == BUILT:
            if self.built_cluster is not None:
                self.charge = self.built_cluster.charge
            return
        try:
            category = catalogue.get_species(change["new"]).category
        except Exception:
            return  # compute() reports an unknown name
        self.prop = "IE" if category in ALKALI_LIKE else "EA"

    def base_cluster(self) -> Cluster:
        """The chosen structure as built: a neutral catalogue species, or the built cluster."""
        from superatom_lab.errors import InputError

        if self.structure != BUILT:
            return catalogue.build(self.structure)
        if self.built_cluster is None:
            raise InputError("no built cluster: build one and press 'Use in other apps'")
        return self.built_cluster

    def chosen_cluster(self) -> Cluster:
        """The cluster to compute, at ``charge`` (a built one keeps its spin at its own charge).

        Examples
        --------
        >>> EAModel(structure="F", charge=-1).chosen_cluster().n_electrons
        10
        """
        cluster = self.base_cluster()
        if self.structure == BUILT and cluster.charge == self.charge:
            return cluster
        return cluster.with_charge(self.charge)

    def compute(self) -> None:
        """Start the calculation for the current choices (a running one is replaced)."""
        from superatom_lab.errors import SuperatomLabError
        from superatom_lab.qc.presets import get_method

        self.error = ""
        try:
            cluster = self.chosen_cluster()
            method = get_method(self.preset)
        except SuperatomLabError as exc:
            self.error = str(exc).splitlines()[0]
            return
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


def species_class(name: str, value_ev: float, prop: str) -> str:
    """``"superhalogen"``, ``"superalkali"``, ``"reference"`` (a halogen or alkali) or ``""``.

    Examples
    --------
    >>> [species_class(n, v, "EA") for n, v in (("BO2", 4.3), ("F", 3.7), ("O", 1.4))]
    ['superhalogen', 'reference', '']
    """
    if name in HALOGENS + ALKALIS:
        return "reference"
    return classify(value_ev, prop)


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
    """
    prop, value = row["property"], row["value_ev"]
    charge = f", charge {row['charge']:+d}" if row["charge"] else ""
    lines = [
        f"{prop}({row['structure']}{charge}) = {value:.2f} eV ({row['kind']})",
        f"method: {row['method']} [{row['preset']}]",
    ]
    timing = f"SCF wall time {row['wall_s']:.1f} s"
    if row["cached"]:
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


def session_html(rows: list[dict]) -> str:
    """The session table as a small HTML table.

    Examples
    --------
    >>> session_html([])
    '<i>No results yet.</i>'
    """
    if not rows:
        return "<i>No results yet.</i>"
    shown = ("structure", "charge", "property", "kind", "preset", "value_ev", "class", "cached")
    head = "".join(f"<th style='padding:0 8px'>{c}</th>" for c in shown)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:0 8px'>{html.escape(str(r[c]))}</td>"
                         for c in shown) + "</tr>"
        for r in rows
    )  # fmt: skip
    return f"<table><tr>{head}</tr>{body}</table>"


class EAView(LazyView):
    """Widgets of the electron-affinity explorer, built on first display.

    Examples
    --------
    >>> view = EAView(EAModel())
    >>> view.render().children[0].children[0].children[0].value
    'Cl'
    """

    def __init__(
        self,
        model: EAModel | None = None,
        csv_path: str = "superatom-session.csv",
        session: ClusterSession | None = None,
    ):
        self.model = model if model is not None else EAModel(cluster_session=session)
        if model is not None and session is not None:
            self.model.cluster_session = session
        self.csv_path = csv_path
        self._widget = None

    def render(self):
        """Build the widgets once and return the top-level ``VBox``."""
        if self._widget is not None:
            return self._widget
        import ipywidgets as ipw

        m, runner = self.model, self.model.runner
        style = {"description_width": "6em"}
        self.structure = ipw.Dropdown(options=structure_options(m.built_label), style=style,
                                      description="species", value=m.structure)  # fmt: skip
        self.charge = ipw.IntText(description="charge", style=style,
                                  layout=ipw.Layout(width="12em"))  # fmt: skip
        self.charge_words = ipw.Label(value=charge_text(m.charge))
        self.preset = ipw.Dropdown(options=preset_options(), description="preset", style=style)
        self.prop = ipw.ToggleButtons(options=[("EA", "EA"), ("IE", "IE")], description="compute",
                                      style={"button_width": "5em"})  # fmt: skip
        self.kind = ipw.ToggleButtons(options=["vertical", "adiabatic"], description="kind",
                                      style={"button_width": "6em"})  # fmt: skip
        for widget, name in ((self.charge, "charge"), (self.preset, "preset"),
                             (self.prop, "prop"), (self.kind, "kind")):  # fmt: skip
            ipw.link((m, name), (widget, "value"))
        # not ipw.link: new options (a built cluster) must not pass through another species
        self._syncing = False
        self.structure.observe(self._on_dropdown, "value")
        m.observe(self._on_model_structure, "structure")
        m.observe(self._on_built, ["built_cluster", "built_label"])
        m.observe(lambda ch: setattr(self.charge_words, "value", charge_text(ch["new"])),
                  "charge")  # fmt: skip
        self.compute_button = ipw.Button(description="Compute", button_style="primary")
        self.cancel_button = ipw.Button(description="Cancel", disabled=True)
        self.compute_button.on_click(lambda _: m.compute())
        self.cancel_button.on_click(lambda _: m.cancel())
        self.progress = ipw.IntProgress(value=0, min=0, max=30, description="SCF cycles",
                                        style=style)  # fmt: skip
        self.status = ipw.Label(value="")
        self.notice = ipw.Label(value="")
        self.result = ipw.HTML(value="")
        self.scale = ipw.Image(format="png", layout=ipw.Layout(max_width="640px"))
        self.table = ipw.HTML(value=session_html([]))
        self.export_button = ipw.Button(description="Export CSV")
        self.export_status = ipw.HTML(value="")
        self.export_button.on_click(self._on_export)
        runner.observe(self._on_cycle, "cycle")
        runner.observe(self._on_state, "state")
        runner.observe(self._on_text, ["progress_text", "notice"])
        m.observe(self._on_result, ["result", "error"])
        m.observe(self._on_session, "session")
        self.structure_box = ipw.Box(layout=ipw.Layout(width="360px", height="260px"))
        m.observe(self._on_structure, "structure")
        self._draw_scale(None)
        self._blank_scale = self.scale.value  # shown again while a new value is computed
        self._on_state()
        self._on_structure()
        controls = ipw.VBox([self.structure, ipw.HBox([self.charge, self.charge_words]),
                             self.preset, self.prop, self.kind,
                             ipw.HBox([self.compute_button, self.cancel_button])])  # fmt: skip
        self._widget = ipw.VBox([
            ipw.HBox([controls, self.structure_box]),
            ipw.HBox([self.progress, self.status]), self.notice, self.result,
            self.scale, ipw.HTML("<b>This session</b>"), self.table,
            ipw.HBox([self.export_button, self.export_status]),
        ])  # fmt: skip
        return self._widget

    # --- observers (they may run in the runner's watcher thread) --------------------
    def _on_dropdown(self, change) -> None:
        if not self._syncing:
            self.model.structure = change["new"]

    def _on_model_structure(self, change) -> None:
        if self.structure.value != change["new"]:
            self.structure.value = change["new"]

    def _on_built(self, change=None) -> None:
        """Offer the session's cluster in the dropdown, keeping the current choice."""
        self._syncing = True
        try:
            self.structure.options = structure_options(self.model.built_label)
            self.structure.value = self.model.structure
        finally:
            self._syncing = False
        if self.model.structure == BUILT and (change is None or change["name"] == "built_cluster"):
            self._on_structure()

    def _on_cycle(self, change) -> None:
        follow_cycle(self.progress, change["new"])

    def _on_state(self, change=None) -> None:
        state = self.model.runner.state
        follow_state(self.progress, self.cancel_button, state, self.model.runner.cycle)
        if state == "running":
            self.result.value = "<i>computing ...</i>"
            self.scale.value = self._blank_scale  # not the previous species' star
        elif state == "cancelled":
            self.result.value = "<i>Cancelled: nothing was stored for the unfinished run.</i>"

    def _on_text(self, change=None) -> None:
        self.status.value = self.model.runner.progress_text
        self.notice.value = self.model.runner.notice

    def _on_result(self, change=None) -> None:
        m = self.model
        if m.error:
            self.result.value = (
                f"<span style='color:#b00020'><b>Error:</b> {html.escape(m.error)}</span>"
            )
            return
        if m.result is None or not m.result_text:
            return
        first, *rest = m.result_text.splitlines()
        lines = [f"<b style='font-size:1.2em'>{html.escape(first)}</b>"]
        for line in rest:
            color = "#9f5f1f" if line.startswith("warning:") else "inherit"
            lines.append(f"<span style='color:{color}'>{html.escape(line)}</span>")
        self.result.value = "<br>".join(lines)
        row = m.session[-1] if m.session else None
        if row is not None:
            self._draw_scale(row)

    def _on_structure(self, change=None) -> None:
        """Show the chosen species in 3D (a new nglview view; the old one is closed)."""
        import ipywidgets as ipw

        old = list(self.structure_box.children)
        try:
            from superatom_lab.viz import structure_view

            cluster = self.model.base_cluster()
            shown = structure_view(cluster, width="360px", height="260px")
        except Exception as exc:  # no 3D view (nglview missing, unknown name): say so, go on
            shown = ipw.HTML(f"<i>no 3D view: {html.escape(str(exc).splitlines()[0])}</i>")
        self.structure_box.children = [shown]
        for widget in old:
            widget.close()

    def _on_session(self, change) -> None:
        self.table.value = session_html(change["new"])

    def _on_export(self, _button) -> None:
        """Save the table next to the notebook and offer it as a download in the browser."""
        text = self.model.csv_text()
        rows = len(self.model.session)
        link = base64.b64encode(text.encode()).decode()
        download = (
            f"<a download='{html.escape(Path(self.csv_path).name)}' "
            f"href='data:text/csv;base64,{link}'>download the CSV</a>"
        )
        try:
            path = self.model.to_csv(self.csv_path)
            saved = f"saved {rows} rows to {html.escape(str(path))}; "
        except OSError as exc:  # a read-only folder on a server: the download still works
            saved = f"could not save to {html.escape(self.csv_path)} ({html.escape(str(exc))}); "
        self.export_status.value = saved + download

    def _draw_scale(self, row) -> None:
        from superatom_lab.apps._figures import figure_png
        from superatom_lab.plots.super_scale import plot_super_scale

        value = None if row is None else row["value_ev"]
        prop = "EA" if row is None else row["property"]
        label = "" if row is None else row["structure"]
        self.scale.value = figure_png(
            lambda ax: plot_super_scale(value, prop, label=label, ax=ax), figsize=(7.0, 2.4)
        )
