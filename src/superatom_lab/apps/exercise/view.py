"""A checked exercise, the view: the question, a checkbox per choice, Check, and the verdict.

Examples
--------
>>> from superatom_lab.apps.ea.exercises import SECOND_ELECTRON
>>> view = ExerciseView(SECOND_ELECTRON)
>>> [box.description for box in view.render().children[1].children][:2]
['Cl 2-', 'BF4 2-']
"""

from __future__ import annotations

import html

from superatom_lab.apps.exercise.model import Exercise, ExerciseModel
from superatom_lab.apps.mvc import View

#: Colour of each verdict word.
COLOURS = {"right": "#1b7a2f", "wrong": "#b00020", "not answered yet": "#555"}


def verdict_html(verdict) -> str:
    """A verdict as HTML: the word in colour, then the hint; "" for none.

    Examples
    --------
    >>> from superatom_lab.apps.exercise.model import Verdict
    >>> verdict_html(Verdict(True, "a <b> tag"))
    "<b style='color:#1b7a2f'>Right.</b> a &lt;b&gt; tag"
    """
    if verdict is None:
        return ""
    word = verdict.word
    return f"<b style='color:{COLOURS[word]}'>{word.capitalize()}.</b> {html.escape(verdict.hint)}"


class ExerciseView(View):
    """Widgets of one checked exercise, built on first display.

    Parameters
    ----------
    exercise : Exercise or ExerciseModel
    """

    def __init__(self, exercise: Exercise | ExerciseModel):
        model = (
            exercise if isinstance(exercise, ExerciseModel) else ExerciseModel(exercise=exercise)
        )
        super().__init__(model)

    def build(self):
        """The question, one checkbox per choice, the Check button and the verdict line."""
        import ipywidgets as ipw

        m, exercise = self.model, self.model.exercise
        self.question = ipw.HTML(
            f"<b>{html.escape(exercise.title)}</b><br>{html.escape(exercise.question)}"
        )
        self.boxes = {
            key: ipw.Checkbox(
                value=key in m.chosen,
                description=label,
                indent=False,
                layout=ipw.Layout(width="auto", margin="0 1.5em 0 0"),
            )
            for label, key in exercise.choices
        }
        for box in self.boxes.values():
            box.observe(self._on_box, "value")
        self.check_button = ipw.Button(description="Check", button_style="info")
        self.check_button.on_click(lambda _: m.check())
        self.verdict = ipw.HTML(value=verdict_html(m.verdict))
        m.observe(lambda _: setattr(self.verdict, "value", verdict_html(m.verdict)), "verdict")
        box = ipw.VBox([self.question, ipw.HBox(list(self.boxes.values())),
                        ipw.HBox([self.check_button, self.verdict])])  # fmt: skip
        box.add_class("superatom-exercise")
        return box

    def _on_box(self, change=None) -> None:
        self.model.chosen = [key for key, box in self.boxes.items() if box.value]
