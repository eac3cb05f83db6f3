"""The jellium playground: model and view driven in plain pytest (no front end, no PySCF)."""

from __future__ import annotations

import sys

import pytest

from superatom_lab.apps.jellium import JelliumModel, JelliumView


def test_model_updates_magic_numbers_when_n_changes():
    model = JelliumModel(n_electrons=8, rs_bohr=3.93)
    assert model.configuration == "1S2 1P6" and model.error == ""
    seen = []
    model.observe(lambda change: seen.append(change.new), "magic_numbers")
    model.n_electrons = 40
    assert seen and model.magic_numbers == seen[-1]
    assert model.magic_numbers[:6] == [2, 8, 18, 20, 34, 40]
    assert model.result.n_electrons == 40 and "closed shell" in model.summary


def test_model_updates_when_rs_changes():
    model = JelliumModel(n_electrons=40, rs_bohr=3.93)
    before = model.result
    model.rs_bohr = 2.07
    assert model.result is not before and model.result.rs_bohr == pytest.approx(2.07)
    assert model.result.levels[0].energy_ev != before.levels[0].energy_ev


def test_a_bad_rs_is_an_error_not_an_exception_and_recovers():
    model = JelliumModel(n_electrons=20, rs_bohr=3.93)
    model.rs_bohr = 0.1
    assert model.result is None and model.magic_numbers == []
    assert model.error.startswith("rs_bohr must be between") and "\n" not in model.error
    model.rs_bohr = 3.93
    assert model.error == "" and model.magic_numbers[:4] == [2, 8, 18, 20]


def test_a_charge_that_leaves_no_background_is_an_error():
    model = JelliumModel(n_electrons=2, rs_bohr=3.93)
    model.charge = -2
    assert "no positive background" in model.error


def test_the_view_is_lazy_and_follows_the_model():
    model = JelliumModel(n_electrons=8, rs_bohr=3.93)
    view = JelliumView(model)
    assert view._widget is None
    view.render()
    first_png = view.figure.value
    assert first_png[:4] == b"\x89PNG"
    assert "<b>8</b>" in view.magic.value or "8</u>" in view.magic.value

    view.n_slider.value = 20  # as a student dragging the slider
    assert model.n_electrons == 20 and model.configuration.endswith("2S2")
    assert view.figure.value != first_png
    assert "20" in view.magic.value

    second_png = view.figure.value
    view.rs_slider.value = 2.07
    assert model.rs_bohr == pytest.approx(2.07) and view.figure.value != second_png


def test_metal_preset_sets_rs_and_resets_when_the_slider_moves():
    view = JelliumView(JelliumModel(n_electrons=8, rs_bohr=3.93))
    view.render()
    assert view.metal.label == "Na (3.93 bohr)"  # r_s = 3.93 is sodium's: not a blank box
    view.metal.value = 2.07  # Al
    assert view.model.rs_bohr == pytest.approx(2.07) and view.rs_slider.value == pytest.approx(2.07)
    view.rs_slider.value = 3.0
    assert view.metal.label == "custom"


def test_the_view_shows_model_errors():
    view = JelliumView(JelliumModel(n_electrons=8, rs_bohr=3.93))
    view.render()
    view.model.rs_bohr = 0.1  # set from code: below the slider's range
    assert view.model.error.startswith("rs_bohr must be between")
    assert view.magic.value.startswith("<span") and "Error" in view.magic.value
    view.model.rs_bohr = 3.93
    assert view.model.error == "" and "Magic numbers" in view.magic.value


def test_model_module_does_not_import_ipywidgets():
    import subprocess

    code = (
        "import sys; import superatom_lab.apps.jellium.model as m; m.JelliumModel(); "
        "import superatom_lab.apps.ea.model as e; e.EAModel(); "
        "print('ipywidgets' in sys.modules, 'pyscf' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"], out.stderr
