"""Cluster builder, the view: widgets built on first display.

:class:`BuilderView` links its controls to a
:class:`~superatom_lab.apps.builder.model.BuilderModel`: the source (catalogue,
geometric shape, uploaded .xyz), the modifications, charge and spin; it shows
the cluster in 3D (nglview), the electron count, the counting rules and any
error in one line.  "Use in other apps" puts the cluster in the model's
:class:`~superatom_lab.apps.session.ClusterSession`.

Examples
--------
>>> from superatom_lab.apps.session import ClusterSession
>>> view = BuilderView(session=ClusterSession())
>>> view.model.cluster.name
'Al13'
"""

from __future__ import annotations

import html

from superatom_lab.apps.builder.model import (
    MAX_UPLOAD_BYTES,
    MODES,
    SHAPES,
    SPIN_OPEN,
    BuilderModel,
)
from superatom_lab.apps.choices import structure_options
from superatom_lab.apps.messages import error_html
from superatom_lab.apps.mvc import View
from superatom_lab.apps.session import ClusterSession, charge_text
from superatom_lab.core.edits import LIGANDS

_SPIN_NAMES = ("singlet", "doublet", "triplet", "quartet", "quintet", "sextet", "septet")
#: Spin choices: open, then 2S = 0 ... 10, the first ones with the multiplicity's name.
SPIN_OPTIONS = [("open (find the ground state)", SPIN_OPEN)] + [
    (f"{s} ({_SPIN_NAMES[s]})" if s < len(_SPIN_NAMES) else str(s), s) for s in range(11)
]
VIEW_SIZE = ("380px", "300px")


def rules_html(model: BuilderModel) -> str:
    """The counting rules that apply as a small table, then whether the shell is closed.

    Examples
    --------
    >>> "jellium" in rules_html(BuilderModel(species="Al13", charge=-1))
    True
    """
    if model.cluster is None:
        return ""
    applied = [r for r in model.rules if r.applies]
    if not applied:
        return "<i>No electron-counting rule applies to this cluster.</i>"
    cell = "padding:0 6px;white-space:nowrap"
    rows = "".join(
        f"<tr title='{html.escape(r.why)}'><td style='{cell}'><b>{r.rule}</b></td>"
        f"<td style='{cell}'>{r.count} e</td>"
        f"<td style='padding:0 6px'>{html.escape(r.prediction)}</td>"
        f"<td style='{cell};color:{'#1a7f37' if r.satisfied else '#9f5f1f'}'>"
        f"{'met' if r.satisfied else 'not met'}</td></tr>"
        for r in applied
    )
    verdict = html.escape(model.rules_summary.splitlines()[-1])
    return f"<table>{rows}</table><b>{verdict}</b>"


class BuilderView(View):
    """Controls, 3D view and electron counts of the cluster builder.

    Parameters
    ----------
    model : BuilderModel or None
        A new model (with ``session``) when ``None``.
    session : ClusterSession or None
        Where "Use in other apps" puts the cluster; only used to make a new model.

    Examples
    --------
    >>> view = BuilderView()
    >>> box = view.render()
    >>> view.mode.value, view.species.value
    ('catalogue', 'Al13')
    """

    def __init__(self, model: BuilderModel | None = None, session: ClusterSession | None = None):
        super().__init__(model if model is not None else BuilderModel(session=session))

    @property
    def session(self) -> ClusterSession:
        """The session the builder shares its cluster through."""
        return self.model.session

    def build(self):
        """Make the widgets, link them to the model and return the top-level ``HBox``."""
        import ipywidgets as ipw

        m = self.model
        style = {"description_width": "7em"}
        short = ipw.Layout(width="14em")
        self.mode = ipw.ToggleButtons(options=list(MODES), description="build from",
                                      style={"button_width": "7em", **style})  # fmt: skip
        self.species = ipw.Dropdown(options=structure_options(), description="species",
                                    style=style)  # fmt: skip
        self.shape = ipw.Dropdown(options=list(SHAPES), description="shape", style=style)
        self.element = ipw.Text(description="element", continuous_update=False, style=style,
                                layout=short)  # fmt: skip
        self.size = ipw.BoundedIntText(min=1, max=6, description="size", style=style,
                                       layout=short)  # fmt: skip
        self.lattice = ipw.BoundedFloatText(min=0.0, max=10.0, step=0.01, style=style,
                                            description="a (A), 0: own", layout=short)  # fmt: skip
        self.upload = ipw.FileUpload(accept=".xyz", multiple=False, description="Upload .xyz")
        self.ligand_old = ipw.Text(description="replace", continuous_update=False, style=style,
                                   layout=short)  # fmt: skip
        self.ligand_new = ipw.Dropdown(options=[("(no swap)", ""), *[(k, k) for k in LIGANDS]],
                                       description="by ligand", style=style)  # fmt: skip
        self.dopant = ipw.Text(description="dopant", continuous_update=False, style=style,
                               layout=short, placeholder="e.g. C")  # fmt: skip
        self.dopant_index = ipw.IntText(description="at atom", style=style, layout=short)
        self.hollow = ipw.Checkbox(description="remove the central atom", indent=False)
        self.centre = ipw.Text(description="centre atom", continuous_update=False, style=style,
                               layout=short, placeholder="e.g. W")  # fmt: skip
        self.charge = ipw.IntText(description="charge", style=style, layout=short)
        self.charge_words = ipw.Label(value="")
        self.spin = ipw.Dropdown(options=SPIN_OPTIONS, description="spin 2S", style=style)
        self.name = ipw.Text(description="name", continuous_update=False, style=style,
                             placeholder="(automatic)")  # fmt: skip
        links = {"mode": self.mode, "species": self.species, "shape": self.shape,
                 "element": self.element, "size": self.size, "lattice_constant": self.lattice,
                 "ligand_old": self.ligand_old, "ligand_new": self.ligand_new,
                 "dopant": self.dopant, "dopant_index": self.dopant_index,
                 "hollow": self.hollow, "centre": self.centre, "charge": self.charge,
                 "spin": self.spin, "name": self.name}  # fmt: skip
        for name, widget in links.items():
            ipw.link((m, name), (widget, "value"))
        self.upload.observe(self._on_upload, "value")
        self.share_button = ipw.Button(description="Use in other apps", button_style="primary",
                                       tooltip="hand this cluster to the EA explorer")  # fmt: skip
        self.share_button.on_click(lambda _: m.share())
        self.shared = ipw.Label(value="")
        self.hint = ipw.HTML(value="")
        self.file_label = ipw.Label(value="")
        self.summary = ipw.HTML(value="")
        self.rules = ipw.HTML(value="")
        self.error = ipw.HTML(value="")
        self.structure_box = ipw.Box(layout=ipw.Layout(width=VIEW_SIZE[0], height=VIEW_SIZE[1]))
        self.catalogue_box = ipw.VBox([self.species])
        self.geometric_box = ipw.VBox([self.shape, self.element, self.size, self.lattice])
        self.file_box = ipw.VBox([ipw.HBox([self.upload, self.file_label])])
        m.observe(self._on_mode, ["mode", "description", "xyz_name"])
        m.observe(self._on_cluster, "cluster")
        m.observe(self._on_text, ["error", "summary", "rules_summary", "charge", "shared"])
        self._on_mode()
        self._on_cluster()
        self._on_text()
        controls = ipw.VBox([
            self.mode, self.catalogue_box, self.geometric_box, self.file_box, self.hint,
            ipw.HTML("<b>Modify</b>"), ipw.HBox([self.ligand_old, self.ligand_new]),
            ipw.HBox([self.dopant, self.dopant_index]), ipw.HBox([self.centre, self.hollow]),
            ipw.HBox([self.charge, self.charge_words]), self.spin, self.name,
            ipw.HBox([self.share_button, self.shared]),
        ])  # fmt: skip
        shown = ipw.VBox([self.structure_box, self.summary, self.rules, self.error],
                         layout=ipw.Layout(max_width="560px"))  # fmt: skip
        return ipw.HBox([controls, shown])

    # --- observers ----------------------------------------------------------------------
    def _on_mode(self, change=None) -> None:
        m = self.model
        for mode, box in zip(MODES, (self.catalogue_box, self.geometric_box, self.file_box),
                             strict=True):  # fmt: skip
            box.layout.display = "" if m.mode == mode else "none"
        self.hint.value = f"<i>{html.escape(m.description)}</i>" if m.description else ""
        limit = f"plain-text .xyz, at most {MAX_UPLOAD_BYTES // 1_000_000} MB"
        self.file_label.value = f"file: {m.xyz_name}" if m.xyz_name else f"no file yet ({limit})"

    def _on_cluster(self, change=None) -> None:
        """Show the cluster in 3D (a new nglview view; the old one is closed)."""
        import ipywidgets as ipw

        old = list(self.structure_box.children)
        cluster = self.model.cluster
        if cluster is None:
            shown = ipw.HTML("<i>no cluster to show</i>")
        else:
            try:
                from superatom_lab.viz import structure_view

                shown = structure_view(cluster, width=VIEW_SIZE[0], height=VIEW_SIZE[1])
            except Exception as exc:  # nglview missing or broken: say so, the rest works
                shown = ipw.HTML(f"<i>no 3D view: {html.escape(str(exc).splitlines()[0])}</i>")
        self.structure_box.children = [shown]
        for widget in old:
            widget.close()
        self.share_button.disabled = cluster is None

    def _on_text(self, change=None) -> None:
        m = self.model
        self.charge_words.value = charge_text(m.charge)
        self.summary.value = f"<b>{html.escape(m.summary)}</b>" if m.summary else ""
        self.rules.value = rules_html(m)
        self.error.value = error_html(m.error)
        self.shared.value = m.shared

    def _on_upload(self, change) -> None:
        files = change["new"]
        if isinstance(files, dict):  # ipywidgets 7: {name: {"metadata": ..., "content": ...}}
            files = [{"name": k, **v} for k, v in files.items()]
        if not files:
            return
        first = files[0]
        name = first.get("name") or first.get("metadata", {}).get("name", "uploaded.xyz")
        self.model.load_xyz(first["content"], name)
        try:  # forget the upload, so that choosing the same file again is seen
            self.upload.value = ()
        except Exception:  # pragma: no cover - older ipywidgets keep it read-only
            pass
