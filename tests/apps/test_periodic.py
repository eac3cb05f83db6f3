"""The periodic table of superatoms: tiles, values from shipped results only, opening a species."""

from __future__ import annotations

import pytest

from superatom_lab.apps import LabView, PeriodicModel, PeriodicView
from superatom_lab.core import catalogue
from superatom_lab.core.catalogue import NO_ATOM
from superatom_lab.errors import UnknownSpeciesError
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request
from superatom_lab.store import ResultStore, ShippedRecords


@pytest.fixture
def empty_store(tmp_path):
    return ResultStore(tmp_path, shipped=None)


def _no_pyscf(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the periodic table never runs an SCF")

    monkeypatch.setattr("superatom_lab.qc.scf.run_scf", refuse)


def test_values_come_from_the_shipped_results_with_their_method(monkeypatch, empty_store):
    _no_pyscf(monkeypatch)
    model = PeriodicModel(store=ResultStore(empty_store.root))  # with the shipped records
    model.select("Cs")
    row = next(r for r in model.rows if r["species"] == "Li3O")
    shipped = Request.make(
        "ionization_energy", catalogue.build("Li3O"), get_method("standard")
    ).cached(ShippedRecords())
    assert row["computed_ev"] == pytest.approx(shipped.value_ev, abs=1e-9)
    assert "vertical IE" in row["computed"] and "shipped" in row["computed"]
    assert row["measured"] == "4.54 eV" and row["measured_source"]


def test_a_species_never_computed_says_so_and_nothing_runs(monkeypatch, empty_store):
    _no_pyscf(monkeypatch)
    model = PeriodicModel(store=empty_store)
    rows = {r["species"]: r for r in model.rows}  # chlorine's tile, selected first
    assert rows["Al13"]["computed"] == "not computed yet" and rows["Al13"]["computed_ev"] is None
    assert rows["Al13"]["measured"] == "3.57 eV"  # Li, Wu and Wang (1998)


def test_a_dianion_shows_its_second_ea():
    model = PeriodicModel()
    model.select(NO_ATOM)
    row = next(r for r in model.rows if r["species"] == "B12H12")
    assert row["quantity"] == "EA_2" and row["kind"] == "ladder"
    assert "EA_2" in row["computed"] and row["computed_ev"] > 0  # the second electron is bound
    assert row["measured"] == "0.9 eV"


def test_an_element_without_mimics_lists_none():
    model = PeriodicModel()
    model.select("Fe")
    assert model.rows == [] and "no catalogue species mimics it" in model.summary_html()


def test_opening_an_unknown_species_is_refused():
    with pytest.raises(UnknownSpeciesError):
        PeriodicModel().open("Al31")


def test_a_tile_click_lists_its_species_and_open_shows_the_value_in_the_apps(monkeypatch):
    _no_pyscf(monkeypatch)
    view = PeriodicView(lab=LabView())
    view.render()
    assert "superatom-tile-mimic" in view.tile_buttons["Pd"]._dom_classes
    assert "superatom-tile" in view.tile_buttons["Fe"]._dom_classes
    view.tile_buttons["Cs"].click()
    assert set(view.open_buttons) == {"Li3O", "Li2F"}
    view.open_buttons["Li3O"].click()
    ea = view.lab.ea.model
    assert (ea.structure, ea.prop, ea.preset, ea.kind) == ("Li3O", "IE", "standard", "vertical")
    assert view.lab.widget.selected_index == 1
    assert view.lab.orbitals.model.structure == "Li3O"
    assert ea.result is not None and ea.result.value_ev == pytest.approx(
        view.model.rows[0]["computed_ev"]
    )
    view.tile_buttons[NO_ATOM].click()
    view.open_buttons["B12H12"].click()
    assert (ea.structure, ea.kind) == ("B12H12", "ladder")
