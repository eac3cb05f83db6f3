"""Jellium playground, the model: N, r_s and charge in, the level ladder and magic numbers out.

:class:`JelliumModel` holds the inputs as traits and re-solves the model
(:func:`~superatom_lab.core.jellium.solve_jellium`, tens of milliseconds, no
PySCF) whenever one changes; bad input lands in ``error``.  The view,
:class:`~superatom_lab.apps.jellium.view.JelliumView`, builds its widgets the
first time it is shown and links them to the model.

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

from traitlets import Any, Float, Int, List, Unicode, observe

from superatom_lab.apps.mvc import Model
from superatom_lab.core.jellium import TYPICAL_RS_BOHR, solve_jellium
from superatom_lab.errors import InputError

#: Range of the electron-count slider.
N_RANGE = (1, 200)
#: Range of the r_s slider (bohr).
RS_RANGE = (1.5, 6.5)


class JelliumModel(Model):
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
