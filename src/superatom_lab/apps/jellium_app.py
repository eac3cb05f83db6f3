"""Jellium playground: sliders for N and r_s, the level ladder and the magic numbers at once.

:class:`JelliumModel` holds the inputs as traits and re-solves the model
(:func:`~superatom_lab.core.jellium.solve_jellium`, tens of milliseconds, no
PySCF) whenever one changes; bad input lands in ``error``.  :class:`JelliumView`
builds its widgets the first time it is shown and links them to the model.

Examples
--------
>>> model = JelliumModel(n_electrons=20, rs_bohr=3.93)
>>> model.magic_numbers[:4], model.error
([2, 8, 18, 20], '')
>>> model.rs_bohr = 50.0
>>> model.result is None, model.error.startswith("rs_bohr must be between")
(True, True)
"""

from __future__ import annotations

from traitlets import Any, Float, HasTraits, Int, List, Unicode, observe

from superatom_lab.apps._view import LazyView
from superatom_lab.core.jellium import TYPICAL_RS_BOHR, solve_jellium
from superatom_lab.errors import InputError

N_RANGE = (1, 200)
RS_RANGE = (1.5, 6.5)
#: Value of the "custom" entry of the metal dropdown (no metal's r_s).
CUSTOM_RS = 0.0


class JelliumModel(HasTraits):
    """Inputs and results of one spherical jellium model.

    Traits
    ------
    n_electrons, rs_bohr, charge
        The inputs (see :func:`~superatom_lab.core.jellium.solve_jellium`).
    result : JelliumResult or None
        The solved model; ``None`` when the input is bad.
    magic_numbers, major_magic_numbers : list of int
        Shell closures of the ladder, and those followed by a large gap.
    configuration, summary : str
        Shell filling (``"1S2 1P6 ..."``) and a one-line description.
    error : str
        What is wrong with the input, else "".

    Examples
    --------
    >>> m = JelliumModel(n_electrons=8, rs_bohr=3.93)
    >>> m.configuration
    '1S2 1P6'
    >>> m.n_electrons = 40
    >>> m.major_magic_numbers[:3]
    [2, 8, 18]
    """

    n_electrons = Int(40)
    rs_bohr = Float(TYPICAL_RS_BOHR["Na"])
    charge = Int(0)

    result = Any(None, allow_none=True)
    magic_numbers = List(Int())
    major_magic_numbers = List(Int())
    configuration = Unicode("")
    summary = Unicode("")
    error = Unicode("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.update()

    @observe("n_electrons", "rs_bohr", "charge")
    def _on_input_change(self, change) -> None:
        self.update()

    def update(self) -> None:
        """Solve the model for the current inputs (called on every input change)."""
        try:
            result = solve_jellium(self.n_electrons, self.rs_bohr, charge=self.charge)
        except InputError as exc:
            self.result, self.magic_numbers, self.major_magic_numbers = None, [], []
            self.configuration, self.summary = "", ""
            self.error = str(exc).splitlines()[0]
            return
        except Exception as exc:  # pragma: no cover - a numerical failure, reported not raised
            self.result, self.magic_numbers, self.major_magic_numbers = None, [], []
            self.configuration, self.summary = "", ""
            self.error = f"the jellium model did not converge: {exc}".splitlines()[0]
            return
        self.error = ""
        self.magic_numbers = list(result.magic_numbers)
        self.major_magic_numbers = list(result.major_magic_numbers)
        self.configuration = result.configuration
        self.summary = describe_result(result)
        self.result = result


def describe_result(result) -> str:
    """One line: closed shell or not, and the HOMO-LUMO gap.

    Examples
    --------
    >>> describe_result(solve_jellium(8, 3.93))
    '8 electrons: closed shell, HOMO-LUMO gap 1.50 eV'
    """
    n = result.n_electrons
    if result.is_closed_shell:
        gap = result.gap_ev
        tail = f", HOMO-LUMO gap {gap:.2f} eV" if gap is not None else ""
        return f"{n} electrons: closed shell{tail}"
    return f"{n} electrons: open shell, {result.homo.label} partly filled"


def magic_html(model: JelliumModel) -> str:
    """The magic numbers as HTML, major closures in bold, the current N marked.

    Examples
    --------
    >>> magic_html(JelliumModel(n_electrons=8, rs_bohr=3.93))[:40]
    '<b>Magic numbers</b> (shell closures): <'
    """
    if model.error:
        return f"<span style='color:#b00020'>Error: {_escape(model.error)}</span>"
    parts = []
    for n in model.magic_numbers:
        text = f"<b>{n}</b>" if n in model.major_magic_numbers else str(n)
        if n == model.n_electrons:
            text = f"<u>{text}</u>"
        parts.append(text)
    return (
        "<b>Magic numbers</b> (shell closures): " + ", ".join(parts)
        + "<br><small>bold: followed by a large gap (major); underlined: this N</small>"
        + f"<br>{_escape(model.summary)}<br>Configuration: {_escape(model.configuration)}"
    )  # fmt: skip


def _escape(text: str) -> str:
    import html

    return html.escape(text)


class JelliumView(LazyView):
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
        self.model = model if model is not None else JelliumModel()
        self._widget = None

    def render(self):
        """Build the widgets once and return the top-level ``VBox``."""
        if self._widget is not None:
            return self._widget
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
        self._widget = ipw.VBox(
            [controls, ipw.HBox([self.figure, self.magic])],
            layout=ipw.Layout(width="100%"),
        )
        return self._widget

    def _on_metal_change(self, change) -> None:
        if change["new"] != CUSTOM_RS:
            self.model.rs_bohr = change["new"]

    def _on_rs_change(self, change) -> None:
        if self.metal.value != CUSTOM_RS and abs(self.metal.value - change["new"]) > 1e-9:
            self.metal.value = CUSTOM_RS  # the slider moved away from the metal's r_s

    def _on_result_change(self, change=None) -> None:
        from superatom_lab.apps._figures import figure_png
        from superatom_lab.plots.jellium_plot import plot_jellium_ladder

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


def ladder_figsize(result) -> tuple[float, float]:
    """A figure wide enough for the ladder's widest level (2l + 1 bars) and its labels.

    Examples
    --------
    >>> ladder_figsize(solve_jellium(8, 3.93))  # levels up to 1F (seven bars)
    (5.48, 6.0)
    """
    widest = max(2 * int(level.l) + 1 for level in result.levels)
    return (round(max(5.2, 3.8 + 0.24 * widest), 2), 6.0)
