"""The electron-affinity explorer: model and view driven in plain pytest with real tiny jobs."""

from __future__ import annotations

import csv
import time

import pytest

from superatom_lab.apps.ea.model import EAModel, result_text
from superatom_lab.apps.ea.view import EAView, session_html
from superatom_lab.apps.jobs import JobRunner
from tests.apps.polling import wait_for
from tests.helpers import cache_files


def make_view(tmp_path, **traits) -> EAView:
    model = EAModel(runner=JobRunner(store=tmp_path / "cache"), **traits)
    view = EAView(model, csv_path=str(tmp_path / "session.csv"))
    view.render()
    return view


def test_choices_follow_the_species():
    model = EAModel(runner=JobRunner(store="default"))
    assert (model.structure, model.prop, model.kind, model.preset) == ("Cl", "EA", "vertical",
                                                                       "quick")  # fmt: skip
    model.structure = "Li3O"
    assert model.prop == "IE" and model.task == "ionization_energy"
    model.kind = "adiabatic"
    assert model.task == "ionization_energy_adiabatic"


def test_bad_input_is_one_line_in_the_app(tmp_path):
    view = make_view(tmp_path, structure="F")
    view.charge.value = 10  # more charge than electrons
    view.compute_button.click()
    assert "electrons" in view.model.error and "\n" not in view.model.error
    assert "Error" in view.result.value and "Traceback" not in view.result.value
    assert view.model.runner.state == "idle" and view.model.session == []


@pytest.mark.pyscf
def test_compute_shows_the_result_then_answers_from_the_cache(tmp_path):
    view = make_view(tmp_path, structure="F")
    empty_scale = view.scale.value
    view.compute_button.click()
    runner = view.model.runner
    assert runner.state == "running" and not view.cancel_button.disabled
    assert runner.wait(180), runner.progress_text
    assert wait_for(lambda: view.model.result is not None, 5), view.model.error
    assert view.progress.value > 0 and view.progress.bar_style == "success"
    assert view.cancel_button.disabled
    assert "EA(F) = " in view.result.value and "WB97X/def2-svpd" in view.result.value
    assert "converged: yes" in view.result.value
    assert "experiment: 3.40 eV (adiabatic EA; " in view.references.value  # NIST: 3.4012 eV
    assert view.scale.value != empty_scale
    assert "<td" in view.table.value

    start = time.perf_counter()
    view.compute_button.click()
    assert time.perf_counter() - start < 1.0
    assert runner.state == "done" and runner.from_cache
    assert len(view.model.session) == 2 and view.model.session[-1]["cached"] is True
    assert "from the cache" in view.model.result_text

    view.export_button.click()
    rows = list(csv.DictReader(open(tmp_path / "session.csv", encoding="utf-8")))
    assert [r["structure"] for r in rows] == ["F", "F"]
    assert rows[0]["property"] == "EA" and float(rows[0]["value_ev"]) > 2.5
    assert "saved 2 rows" in view.export_status.value
    assert "href='data:text/csv;base64," in view.export_status.value


@pytest.mark.pyscf
def test_cancel_button_stops_the_run_and_the_app_stays_usable(tmp_path):
    view = make_view(tmp_path, structure="Al13")
    view.compute_button.click()
    runner = view.model.runner
    assert wait_for(lambda: runner.cycle > 0, 120), runner.progress_text
    assert view.progress.value > 0 and view.status.value.startswith("Al13")
    start = time.perf_counter()
    view.cancel_button.click()
    assert time.perf_counter() - start < 5.0
    assert runner.state == "cancelled" and "Cancelled" in view.result.value
    assert view.cancel_button.disabled and cache_files(tmp_path / "cache") == []

    view.structure.value = "F"
    view.compute_button.click()
    assert runner.wait(180) and runner.state == "done", runner.error
    assert wait_for(lambda: view.model.result is not None, 5)
    assert [r["structure"] for r in view.model.session] == ["F"]


def test_result_text_lists_warnings_and_the_superhalogen_border():
    row = {"structure": "BO2", "charge": 0, "property": "EA", "kind": "vertical",
           "preset": "quick", "method": "PBE/def2-svpd", "value_ev": 4.3, "class": "superhalogen",
           "converged": True, "cached": True, "wall_s": 3.0,
           "warnings": ["spin contamination: <S^2> = 0.9"]}  # fmt: skip
    text = result_text(row, job_wall_s=0.05)
    assert text.splitlines()[0] == "EA(BO2) = 4.30 eV (vertical)"
    assert "superhalogen" in text and "from the cache, shown in 0.05 s" in text
    assert text.splitlines()[-1] == "warning: spin contamination: <S^2> = 0.9"
    assert "&lt;S^2&gt;" not in session_html([row])  # warnings are not in the table


def test_a_new_computation_clears_the_previous_value_from_the_scale(tmp_path):
    view = make_view(tmp_path, structure="F")
    blank = view.scale.value
    view._draw_scale(3.4, "EA", "F")
    assert view.scale.value != blank
    view.model.runner.state = "running"
    assert view.scale.value == blank


@pytest.mark.pyscf
def test_the_same_cached_answer_twice_is_shown_again(tmp_path):
    view = make_view(tmp_path, structure="F")
    view.compute_button.click()
    assert view.model.runner.wait(180)
    assert wait_for(lambda: "EA(F) = " in view.result.value, 5)
    for _ in range(2):  # twice from the cache: equal results, each one shown
        view.result.value = "<i>computing ...</i>"  # what a running job shows
        view.compute_button.click()
        assert view.model.runner.from_cache
        assert "EA(F) = " in view.result.value and "from the cache" in view.result.value
