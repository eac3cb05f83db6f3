"""Electron-affinity explorer, the view: widgets built on first display.

:class:`EAView` shows an :class:`~superatom_lab.apps.ea.model.EAModel`:
dropdowns, Compute and Cancel, a progress bar fed by the runner's SCF cycles,
the result with the reference values of the same kind beside it, the value on
the scale of
:func:`~superatom_lab.plots.super_scale.plot_super_scale` that marks
"superhalogen" (EA above chlorine's) and "superalkali" (IE below caesium's),
and the session table with CSV export.

Examples
--------
>>> view = EAView(EAModel())
>>> view.render().children[0].children[0].children[0].value
'Cl'
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from superatom_lab.apps.choices import preset_options, structure_options
from superatom_lab.apps.ea.model import KINDS, EAModel
from superatom_lab.apps.job_progress import follow_cycle, follow_state
from superatom_lab.apps.messages import error_html, notice_html
from superatom_lab.apps.mvc import View
from superatom_lab.apps.session import BUILT, ClusterSession, charge_text

#: What each kind of value is, for the buttons' tooltips.
KIND_TIPS = {
    "vertical": "E(Q) - E(Q-1) at one geometry",
    "adiabatic": "E(Q) - E(Q-1), each at its own minimum",
    "vde": "the anion's vertical detachment energy: the electron removed at the anion's minimum",
    "ladder": "successive EAs: the electron affinity of the species and of its anion",
}
#: Style of the reference lines.
SMALL = "font-size:0.9em;color:#333"


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


class EAView(View):
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
        super().__init__(model if model is not None else EAModel(cluster_session=session))
        if model is not None and session is not None:
            self.model.cluster_session = session
        self.csv_path = csv_path

    def build(self):
        """Make the widgets, link them to the model and return the top-level ``VBox``."""
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
        self.kind = ipw.ToggleButtons(
            options=[(label, kind) for kind, label in KINDS.items()], description="kind",
            tooltips=list(KIND_TIPS.values()), style={"button_width": "8.5em"},
        )  # fmt: skip
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
        self.result = ipw.HTML(value="", layout=ipw.Layout(width="50%"))
        self.references = ipw.HTML(value="", layout=ipw.Layout(width="50%"))
        self.scale = ipw.Image(format="png", layout=ipw.Layout(max_width="640px"))
        self.table = ipw.HTML(value=session_html([]))
        self.export_button = ipw.Button(description="Export CSV")
        self.export_status = ipw.HTML(value="")
        self.export_button.on_click(self._on_export)
        runner.observe(self._on_cycle, "cycle")
        runner.observe(self._on_state, "state")
        runner.observe(self._on_text, ["progress_text", "notice"])
        m.observe(self._on_result, ["result", "error"])
        m.observe(self._on_references, "reference_text")
        m.observe(self._on_session, "session")
        self.structure_box = ipw.Box(layout=ipw.Layout(width="360px", height="260px"))
        m.observe(self._on_structure, "structure")
        self._draw_scale()
        self._blank_scale = self.scale.value  # shown again while a new value is computed
        self._on_state()
        self._on_structure()
        controls = ipw.VBox([self.structure, ipw.HBox([self.charge, self.charge_words]),
                             self.preset, self.prop, self.kind,
                             ipw.HBox([self.compute_button, self.cancel_button])])  # fmt: skip
        return ipw.VBox([
            ipw.HBox([controls, self.structure_box]),
            ipw.HBox([self.progress, self.status]), self.notice,
            ipw.HBox([self.result, self.references]), self.scale,
            ipw.HTML("<b>This session</b>"), self.table,
            ipw.HBox([self.export_button, self.export_status]),
        ])  # fmt: skip

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
            refused = m.runner.refused and m.error == m.runner.error
            self.result.value = notice_html(m.error) if refused else error_html(m.error)
            return
        if m.result is None or not m.result_text:
            return
        first, *rest = m.result_text.splitlines()
        lines = [f"<b style='font-size:1.2em'>{html.escape(first)}</b>"]
        for line in rest:
            color = "#9f5f1f" if line.startswith("warning:") else "inherit"
            lines.append(f"<span style='color:{color}'>{html.escape(line)}</span>")
        self.result.value = "<br>".join(lines)
        point = m.scale_point()
        if point is not None:
            self._draw_scale(*point)

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

    def _on_references(self, change=None) -> None:
        text = self.model.reference_text
        if not text:
            self.references.value = ""
            return
        lines = "<br>".join(html.escape(line) for line in text.splitlines())
        self.references.value = f"<b>Reference values</b><br><span style='{SMALL}'>{lines}</span>"

    def _draw_scale(self, value=None, prop="EA", label="") -> None:
        """The scale with ``value`` (an EA or IE, ``prop``) as a star named ``label``, or empty."""
        from superatom_lab.apps.figures import figure_png
        from superatom_lab.plots.super_scale import plot_super_scale

        self.scale.value = figure_png(
            lambda ax: plot_super_scale(value, prop, label=label, ax=ax), figsize=(7.0, 2.4)
        )
