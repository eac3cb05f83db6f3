"""A checked exercise, the model: the student's answer and its verdict, right or wrong with a hint.

An :class:`Exercise` is a question with choices (tick all that apply) and a
check, a pure function from the set of ticked keys to a :class:`Verdict`.  The
checks live beside the app whose dashboard asks them (the EA explorer's in
:mod:`superatom_lab.apps.ea.exercises`); their expected answers come from the
literature and are cited there, never from this package's computations.
:class:`ExerciseModel` holds the ticked keys and the last verdict; the view is
:class:`~superatom_lab.apps.exercise.view.ExerciseView`.

Examples
--------
>>> def even(chosen):
...     right = chosen == {"2", "4"}
...     return Verdict(right, "2 and 4 are even" if right else "an even number divides by 2")
>>> model = ExerciseModel(exercise=Exercise("Evens", "Which are even?",
...                                         (("one", "1"), ("two", "2"), ("four", "4")), even))
>>> model.chosen = ["2"]
>>> model.check().text()
'wrong: an even number divides by 2'
>>> model.chosen = ["2", "4"]
>>> model.verdict is None, model.check().right
(True, True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from traitlets import Any, Instance, List, Unicode, observe

from superatom_lab.apps.mvc import Model


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check: ``right`` or not, and a hint (for a right answer: why).

    ``answered`` is false when nothing was chosen yet (then ``right`` is false).

    Examples
    --------
    >>> Verdict(False, "tick at least one", answered=False).text()
    'not answered yet: tick at least one'
    """

    right: bool
    hint: str
    answered: bool = True

    @property
    def word(self) -> str:
        """``"right"``, ``"wrong"`` or ``"not answered yet"``."""
        if not self.answered:
            return "not answered yet"
        return "right" if self.right else "wrong"

    def text(self) -> str:
        """The verdict and its hint as one line."""
        return f"{self.word}: {self.hint}"


@dataclass(frozen=True)
class Exercise:
    """A question whose answer is the set of the choices that apply.

    Attributes
    ----------
    title : str
        A short heading.
    question : str
        What to find out and how (plain text).
    choices : tuple of (label, key)
        What the student can tick: shown ``label``, ``key`` passed to ``check``.
    check : callable
        ``check(set of keys) -> Verdict``, pure (no widgets, no I/O).
    """

    title: str
    question: str
    choices: tuple[tuple[str, str], ...]
    check: Callable[[set], Verdict]


class ExerciseModel(Model):
    """The ticked choices of one :class:`Exercise` and the verdict of the last check.

    Traits
    ------
    exercise : Exercise
    chosen : list of str
        The keys ticked; changing them clears :attr:`verdict`.
    verdict : Verdict or None
        The result of the last :meth:`check`, ``None`` before one (or after a change).
    """

    exercise = Instance(Exercise)
    chosen = List(Unicode())
    verdict = Any(None, allow_none=True)

    @observe("chosen")
    def _on_chosen(self, change) -> None:
        self.verdict = None

    def check(self) -> Verdict:
        """Check the ticked choices, keep the verdict in :attr:`verdict` and return it."""
        self.verdict = self.exercise.check(set(self.chosen))
        return self.verdict
