"""Orbital explorer, the view: widgets built on first display.

Beside the level diagram (DFT levels with their superatomic labels and the
jellium ladder aligned at the HOMO, the selected level highlighted, drawn by
:func:`~superatom_lab.plots.orbital_diagram.plot_orbital_diagram`) is a list
of the levels, one entry per degenerate group ("1F ×4  -1.87 eV  HOMO"),
highest first.  Voila here has no ipympl, so the figure is a PNG in an
``ipywidgets.Image`` and the list is what one clicks.  Selecting a level shows
an nglview isosurface of its first orbital, with an isovalue slider, and the
orbital's l-weights.

Examples
--------
>>> from superatom_lab.apps.jobs import JobRunner
>>> view = OrbitalView(OrbitalModel(runner=JobRunner(store="default")))
>>> view.render().children[0].children[0].value
'Al13'
"""

from __future__ import annotations

import html
import threading

from superatom_lab.apps.choices import preset_options, structure_options
from superatom_lab.apps.job_progress import follow_cycle, follow_state
from superatom_lab.apps.jobs import one_line
from superatom_lab.apps.messages import error_html
from superatom_lab.apps.mvc import View
from superatom_lab.apps.orbitals.model import SESSION_CHOICE, OrbitalModel

VIEW_SIZE = ("420px", "360px")


def _warm_up() -> None:
    """Import matplotlib's Agg canvas ahead of the first figure (half a second, off-thread)."""
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401


class OrbitalView(View):
    """Species, charge, preset, Compute and Cancel; levels, isosurface and l-weights.

    Parameters
    ----------
    model : OrbitalModel, optional
        A new model (on the user's cache) by default.
    session : HasTraits, optional
        A builder session (anything with a ``cluster`` trait) for a new model;
        its cluster is then the first choice of the species list.
    """

    def __init__(self, model: OrbitalModel | None = None, session=None):
        super().__init__(model if model is not None else OrbitalModel(session=session))
        self._ngl = None
        self._syncing = False
        self._figure_lock = threading.Lock()  # one drawing at a time
        self._generation_lock = threading.Lock()
        self._figure_generation = 0

    def build(self):
        """Make the widgets, link them to the model and return the top-level ``VBox``."""
        import ipywidgets as ipw

        m, runner = self.model, self.model.runner
        style = {"description_width": "5em"}
        self.structure = ipw.Dropdown(options=self._structure_options(), description="species",
                                      style=style)  # fmt: skip
        m.observe(self._on_built, "built_label")
        self.charge = ipw.IntText(description="charge", style=style,
                                  layout=ipw.Layout(width="11em"))  # fmt: skip
        self.preset = ipw.Dropdown(options=preset_options(), description="preset", style=style)
        for widget, name in ((self.structure, "structure"), (self.charge, "charge"),
                             (self.preset, "preset")):  # fmt: skip
            ipw.link((m, name), (widget, "value"))
        self.compute_button = ipw.Button(description="Compute", button_style="primary")
        self.cancel_button = ipw.Button(description="Cancel", disabled=True)
        self.compute_button.on_click(lambda _: m.compute())
        self.cancel_button.on_click(lambda _: m.cancel())
        self.progress = ipw.IntProgress(value=0, min=0, max=30, description="SCF cycles",
                                        style={"description_width": "6em"})  # fmt: skip
        self.status = ipw.Label(value="")
        self.notice = ipw.Label(value="")
        self.error = ipw.HTML(value="")
        self.level_list = ipw.Select(options=[], rows=20, layout=ipw.Layout(width="15em"))
        self.diagram = ipw.Image(format="png", layout=ipw.Layout(max_width="700px"))
        self.jellium_note = ipw.HTML(value="")
        self.orbital_box = ipw.Box(layout=ipw.Layout(width=VIEW_SIZE[0], height=VIEW_SIZE[1]))
        self.isovalue = ipw.FloatSlider(
            min=0.002, max=0.1, step=0.002, description="isovalue", readout_format=".3f",
            continuous_update=False, style={"description_width": "5em"},
        )  # fmt: skip
        ipw.link((m, "isovalue"), (self.isovalue, "value"))
        self.cube_status = ipw.HTML(value="")
        self.lweights = ipw.Image(format="png", layout=ipw.Layout(max_width="520px"))

        runner.observe(self._on_cycle, "cycle")
        runner.observe(self._on_state, "state")
        runner.observe(self._on_text, ["progress_text", "notice"])
        m.observe(self._on_error, "error")
        m.observe(self._on_levels, "levels")
        m.observe(self._on_selected, "selected")
        m.observe(self._on_cube, ["cube_state", "cube_path"])
        m.observe(self._on_isovalue, "isovalue")
        self.level_list.observe(self._on_pick, "value")
        threading.Thread(target=_warm_up, daemon=True, name="superatom-warm-up").start()
        self._on_state()
        self._on_text()
        self._on_levels()
        self._on_selected()
        self._on_cube()

        controls = ipw.HBox([self.structure, self.charge, self.preset, self.compute_button,
                             self.cancel_button],
                            layout=ipw.Layout(flex_flow="row wrap"))  # fmt: skip
        levels = ipw.VBox([ipw.HTML("<b>Levels</b> (click one)"), self.level_list])
        orbital = ipw.VBox([self.orbital_box, self.isovalue, self.cube_status])
        return ipw.VBox([
            controls, ipw.HBox([self.progress, self.status]), self.notice, self.error,
            ipw.HBox([levels, ipw.VBox([self.diagram, self.jellium_note])]),
            ipw.HBox([orbital, self.lweights]),
        ])  # fmt: skip

    def _structure_options(self) -> list:
        """The species, the session's cluster first (offered even before one is built)."""
        m = self.model
        if m.cluster_session is None:
            return structure_options()
        return [(m.built_label or "built: none yet", SESSION_CHOICE), *structure_options()]

    # --- observers (they may run in the runner's watcher thread or the cube thread) ------
    def _on_built(self, change) -> None:
        value = self.model.structure
        with self.structure.hold_trait_notifications():
            self.structure.options = self._structure_options()
            self.structure.value = value

    def _on_cycle(self, change) -> None:
        follow_cycle(self.progress, change["new"])

    def _on_state(self, change=None) -> None:
        follow_state(self.progress, self.cancel_button, self.model.runner.state)

    def _on_text(self, change=None) -> None:
        self.status.value = self.model.runner.progress_text
        self.notice.value = self.model.runner.notice

    def _on_error(self, change=None) -> None:
        self.error.value = error_html(self.model.error)

    def _on_levels(self, change=None) -> None:
        m = self.model
        self._syncing = True
        try:
            entries = [(lv.text, k) for k, lv in enumerate(m.levels)]
            self.level_list.options = entries[::-1]  # highest first, as in the diagram
            self.level_list.value = m.selected if m.level is not None else None
        finally:
            self._syncing = False
        self.jellium_note.value = html.escape(m.jellium_note)

    def _on_pick(self, change) -> None:
        if not self._syncing and change["new"] is not None:
            self.model.selected = change["new"]

    def _on_selected(self, change=None) -> None:
        """Mark the level in the list; draw its figures in a thread (the kernel stays free)."""
        m = self.model
        level, table, jellium = m.level, m.table, m.jellium
        self._syncing = True
        try:
            self.level_list.value = m.selected if level is not None else None
        finally:
            self._syncing = False
        with self._generation_lock:  # never held while drawing: this observer returns at once
            self._figure_generation += 1
            generation = self._figure_generation
        if table is None or level is None:
            self.diagram.value, self.lweights.value = b"", b""
            return
        thread = threading.Thread(target=self._draw, args=(generation, table, jellium, level),
                                  daemon=True, name="superatom-figures")  # fmt: skip
        thread.start()

    def _draw(self, generation: int, table, jellium, level) -> None:
        """Thread: draw the level diagram and the l-weights (a few tenths of a second)."""
        from superatom_lab.apps.figures import figure_png
        from superatom_lab.plots import plot_l_weights, plot_orbital_diagram
        from superatom_lab.plots.orbital_diagram import orbital_diagram_figsize

        with self._figure_lock:
            try:
                if generation != self._figure_generation:
                    return  # another level was picked meanwhile
                size = orbital_diagram_figsize(jellium is not None)
                diagram = figure_png(
                    lambda ax: plot_orbital_diagram(table, jellium, level, ax=ax), size
                )
                orbital = level.orbitals[0]
                weights = figure_png(lambda ax: plot_l_weights(orbital, ax=ax), (5.6, 3.4))
                if generation == self._figure_generation:
                    self.diagram.value, self.lweights.value = diagram, weights
            except Exception as exc:  # a figure that cannot be drawn: one line, the app goes on
                self.cube_status.value = error_html(f"figure: {one_line(exc)}")

    def _on_cube(self, change=None) -> None:
        import ipywidgets as ipw

        m = self.model
        if m.cube_state == "running":
            orbital = m.orbital
            name = f"orbital {orbital.index}" if orbital is not None else "the orbital"
            self.cube_status.value = f"<i>writing the cube file of {name} ...</i>"
        elif m.cube_state == "error":
            self.cube_status.value = error_html(m.cube_error)
        elif m.cube_state == "idle":
            self.cube_status.value = "<i>select a level to see one of its orbitals</i>"
        if m.cube_state != "done" or not m.cube_path:
            return
        old = list(self.orbital_box.children)
        try:
            from superatom_lab.viz import orbital_view

            width, height = VIEW_SIZE
            shown = orbital_view(m.shown_cluster, m.cube_path, isovalue=m.isovalue, width=width,
                                 height=height)  # fmt: skip
            self._ngl = shown
            orbital = m.orbital
            self.cube_status.value = (
                f"orbital {orbital.index} ({orbital.label}, {orbital.energy_ev:.2f} eV): "
                "blue +, red -"
                if orbital is not None
                else ""
            )
        except Exception as exc:  # nglview missing or a bad file: say so in one line, go on
            self._ngl = None
            shown = ipw.HTML(f"<i>no 3D view: {html.escape(str(exc).splitlines()[0])}</i>")
        self.orbital_box.children = [shown]
        for widget in old:
            widget.close()

    def _on_isovalue(self, change) -> None:
        if self._ngl is None:
            return
        from superatom_lab.viz import set_isovalue

        try:
            set_isovalue(self._ngl, change["new"])
        except Exception as exc:
            self.cube_status.value = error_html(str(exc).splitlines()[0])
