"""The dashboards' checked exercises: each check gives right and wrong, with a hint.

Expected answers are cited facts. Which dianions hold a second extra electron: H. Fang, Q. Sun
and P. Jena, "Cluster-based materials: design and applications", Chem. Soc. Rev. (DOI
10.1039/d5cs00663e), section III.1: no isolated atom holds a second extra electron (no Cl 2-);
none of the small superhalogens CN, SCN, BH4, BF4 is stable as a dianion; B12H12 2- holds its
second electron by about 0.9 eV and B12(CN)12 2- by 5.28 eV (Table 4; about 5.5 eV measured,
Mayer et al., PNAS 2019).
"""

from __future__ import annotations

import pytest

from superatom_lab.apps import ExerciseModel, ExerciseView
from superatom_lab.apps.ea.exercises import SECOND_ELECTRON, check_second_electron
from superatom_lab.core.reference import computed_ea, reference_value

HOLDS_A_SECOND_ELECTRON = {"B12H12", "B12(CN)12"}  # the review, section III.1


def test_the_right_answer_is_right_and_says_why():
    verdict = check_second_electron(HOLDS_A_SECOND_ELECTRON)
    assert verdict.right and verdict.answered and verdict.word == "right"
    assert "B12H12 2-" in verdict.hint and "EA_2 > 0" in verdict.hint


@pytest.mark.parametrize(
    ("chosen", "hint_about"),
    [
        ({"Cl", "B12H12", "B12(CN)12"}, "Cl 2-"),  # an atom with a second electron
        ({"BF4", "B12H12", "B12(CN)12"}, "BF4 2-"),  # a small superhalogen with one
        ({"B12(CN)12"}, "B12H12 2-"),  # the classic stable dianion missed
        ({"B12H12"}, "B12(CN)12 2-"),
        ({"Cl", "BF4", "B12H12", "B12(CN)12"}, "Cl 2-"),  # everything ticked
    ],
)
def test_a_wrong_answer_is_wrong_with_a_hint_about_the_first_mistake(chosen, hint_about):
    verdict = check_second_electron(chosen)
    assert not verdict.right and verdict.answered and verdict.word == "wrong"
    assert verdict.hint.startswith(f"{hint_about}: ")


def test_no_answer_and_a_stranger_are_not_right():
    assert check_second_electron(set()).word == "not answered yet"
    stranger = check_second_electron({"Na8", "B12H12", "B12(CN)12"})
    assert not stranger.right and "Na8 is not one of the choices" in stranger.hint


def test_the_reference_data_agrees_with_the_cited_answer():
    # the explorer shows these EA_2 beside the refused ladders: the student can read them there
    assert computed_ea("B12H12", 2).value_ev > 0 and reference_value("B12H12", "EA_2").value_ev > 0
    assert computed_ea("B12(CN)12", 2).value_ev > 0
    assert computed_ea("Cl", 2) is None and computed_ea("BF4", 2) is None


def test_the_widget_gives_the_verdict_and_forgets_it_when_the_answer_changes():
    view = ExerciseView(SECOND_ELECTRON)
    view.render()
    assert list(view.boxes) == ["Cl", "BF4", "B12H12", "B12(CN)12"]
    view.check_button.click()
    assert "Not answered yet." in view.verdict.value
    view.boxes["BF4"].value = True
    view.boxes["B12H12"].value = True
    view.boxes["B12(CN)12"].value = True
    view.check_button.click()
    assert view.verdict.value.startswith("<b style='color:#b00020'>Wrong.</b> BF4 2-: ")
    view.boxes["BF4"].value = False
    assert view.verdict.value == "" and view.model.verdict is None
    view.check_button.click()
    assert view.verdict.value.startswith("<b style='color:#1b7a2f'>Right.</b> ")
    assert sorted(view.model.chosen) == ["B12(CN)12", "B12H12"]


def test_the_model_checks_without_widgets():
    model = ExerciseModel(exercise=SECOND_ELECTRON, chosen=["Cl"])
    assert model.check().hint.startswith("Cl 2-") and model.verdict.word == "wrong"
