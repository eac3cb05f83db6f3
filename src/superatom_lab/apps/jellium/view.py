"""Jellium playground, the view: sliders for N, r_s and charge, the ladder, the magic numbers.

:class:`JelliumView` builds its widgets the first time it is shown and links
them to a :class:`~superatom_lab.apps.jellium.model.JelliumModel`; the ladder
is drawn by :func:`~superatom_lab.plots.jellium_plot.plot_jellium_ladder`.

Examples
--------
>>> view = JelliumView(JelliumModel(n_electrons=8, rs_bohr=3.93))
>>> view.render().children[0].children[0].value
8
"""

from __future__ import annotations

import html

from superatom_lab.apps.jellium.model import N_RANGE, RS_RANGE, JelliumModel
from superatom_lab.apps.mvc import View
from superatom_lab.core.jellium import TYPICAL_RS_BOHR

#: Value of the "custom" entry of the metal dropdown (no metal's r_s).
CUSTOM_RS = 0.0


def magic_html(model: JelliumModel) -> str:
    """The magic numbers as HTML, major closures in bold, the current N marked.

    Examples
    --------
    >>> magic_html(JelliumModel(n_electrons=8, rs_bohr=3.93))[:40]
    '<b>Magic numbers</b> (shell closures): <'
    """
    if model.error:
        return f"<span style='color:#b00020'>Error: {html.escape(model.error)}</span>"
    parts = []
    for n in model.magic_numbers:
        text = f"<b>{n}</b>" if n in model.major_magic_numbers else str(n)
        if n == model.n_electrons:
            text = f"<u>{text}</u>"
        parts.append(text)
    return (
        "<b>Magic numbers</b> (shell closures): " + ", ".join(parts)
        + "<br><small>bold: followed by a large gap (major); underlined: this N</small>"
        + f"<br>{html.escape(model.summary)}<br>Configuration: {html.escape(model.configuration)}"
    )  # fmt: skip


class JelliumView(View):
    """Sliders for N, r_s and the charge, a metal preset, the ladder figure and the magic numbers.

    The widgets are built on first display (or :meth:`render`), so creating a
    view is free.  ``view.widget`` is the top-level ``ipywidgets.VBox``.

    Examples
    --------
    >>> view = JelliumView(JelliumModel(n_electrons=8, rs_bohr=3.93))
    >>> view.render().children[0].children[0].value
    8
    """

    def __init__(self, model: JelliumModel | None = None):
        super().__init__(model if model is not None else JelliumModel())

    def build(self):
        """Make the widgets, link them to the model and return the top-level ``VBox``."""
        import ipywidgets as ipw

        style = {"description_width": "9em"}
        self.n_slider = ipw.IntSlider(
            min=N_RANGE[0], max=N_RANGE[1], description="electrons N",
            continuous_update=False, style=style,
        )  # fmt: skip
        self.rs_slider = ipw.FloatSlider(
            min=RS_RANGE[0], max=RS_RANGE[1], step=0.01, description="r_s (bohr)",
            continuous_update=False, readout_format=".2f", style=style,
        )  # fmt: skip
        self.charge_slider = ipw.IntSlider(
            min=-3, max=3, description="charge", continuous_update=False, style=style
        )
        # "custom" is 0.0, not None: a None value selects nothing and the box shows blank
        self.metal = ipw.Dropdown(
            options=[("custom", CUSTOM_RS)]
            + [(f"{m} ({rs:.2f} bohr)", rs) for m, rs in TYPICAL_RS_BOHR.items()],
            index=metal_index(self.model.rs_bohr), description="r_s of metal", style=style,
        )  # fmt: skip
        self.figure = ipw.Image(format="png", layout=ipw.Layout(max_width="640px"))
        self.magic = ipw.HTML()
        for widget, name in ((self.n_slider, "n_electrons"), (self.rs_slider, "rs_bohr"),
                             (self.charge_slider, "charge")):  # fmt: skip
            ipw.link((self.model, name), (widget, "value"))
        self.metal.observe(self._on_metal_change, "value")
        self.model.observe(self._on_rs_change, "rs_bohr")
        self.model.observe(self._on_result_change, ["result", "error"])
        self._on_result_change()
        controls = ipw.VBox([self.n_slider, self.rs_slider, self.metal, self.charge_slider])
        return ipw.VBox(
            [controls, ipw.HBox([self.figure, self.magic])],
            layout=ipw.Layout(width="100%"),
        )

    def _on_metal_change(self, change) -> None:
        if change["new"] != CUSTOM_RS:
            self.model.rs_bohr = change["new"]

    def _on_rs_change(self, change) -> None:
        if self.metal.value != CUSTOM_RS and abs(self.metal.value - change["new"]) > 1e-9:
            self.metal.value = CUSTOM_RS  # the slider moved away from the metal's r_s

    def _on_result_change(self, change=None) -> None:
        from superatom_lab.apps.figures import figure_png
        from superatom_lab.plots.jellium_plot import ladder_figsize, plot_jellium_ladder

        self.magic.value = magic_html(self.model)
        result = self.model.result
        if result is not None:
            self.figure.value = figure_png(
                lambda ax: plot_jellium_ladder(result, ax=ax), figsize=ladder_figsize(result)
            )


def metal_index(rs_bohr: float) -> int:
    """Position in the metal dropdown of the metal with this r_s; 0 ("custom") if none.

    Examples
    --------
    >>> metal_index(TYPICAL_RS_BOHR["Na"]), metal_index(4.0)
    (2, 0)
    """
    for i, rs in enumerate(TYPICAL_RS_BOHR.values(), start=1):
        if abs(rs - rs_bohr) < 1e-9:
            return i
    return 0
