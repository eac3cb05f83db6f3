"""Reference values: the shipped JSON, its sources, and the lookups by name."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from superatom_lab.core import reference
from superatom_lab.core.catalogue import names
from superatom_lab.core.reference import (
    KINDS,
    ReferenceValue,
    computed_ea,
    experimental_ea,
    experimental_ie,
    ionic_radius_angstrom,
    reference_value,
    reference_values,
)
from superatom_lab.errors import InputError

REVIEW_DOI = "10.1039/d5cs00663e"


def test_data_file_ships_inside_the_package():
    path = resources.files("superatom_lab").joinpath("data").joinpath("reference_values.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {row["source"] for row in data["values"]} <= set(data["sources"])


def test_loaded_once():
    assert reference._load() is reference._load()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("F", 3.4012),
        ("Cl", 3.6127),
        ("Br", 3.3636),
        ("I", 3.0590),
        ("O", 1.4611),
        ("Au", 2.3086),
        ("OH", 1.8276),
        ("CN", 3.862),
        ("O2", 0.448),
        ("NO2", 2.273),
        ("Al13", 3.57),
        ("BrO3", 4.60),
    ],
)
def test_experimental_electron_affinities(name, value):
    ea = experimental_ea(name)
    assert isinstance(ea, ReferenceValue)
    assert ea.kind == "adiabatic EA" and ea.species == name
    assert ea.value_ev == pytest.approx(value)


def test_uncertainties_and_sources_where_stated():
    assert experimental_ea("CN").uncertainty_ev == 0.004
    assert "Bradforth" in experimental_ea("CN").source
    assert experimental_ea("Cl").uncertainty_ev is None
    assert "Li, Wu, Wang 1998" in experimental_ea("Al13").source


def test_experimental_ionization_energies_of_the_alkalis():
    values = {n: experimental_ie(n).value_ev for n in ("Li", "Na", "K", "Cs")}
    assert values == {"Li": 5.3917, "Na": 5.1391, "K": 4.3407, "Cs": 3.8939}
    assert all("NIST" in experimental_ie(n).source for n in values)
    assert experimental_ie("Cl") is None


def test_lookups_accept_catalogue_aliases_and_any_case():
    assert experimental_ea("al13").value_ev == 3.57
    assert experimental_ea("chlorine").species == "Cl"
    assert reference_value("B12CN12", "EA_2").value_ev == 5.55
    assert reference_value("b12h12", "EA_2").value_ev == pytest.approx(0.9)


def test_unknown_names_give_none_and_unknown_kinds_an_error():
    assert experimental_ea("Al14x") is None
    assert experimental_ea("/tmp/some file.xyz") is None
    assert experimental_ie("Li3O") is None
    with pytest.raises(InputError, match="unknown kind"):
        reference_values("EA")
    with pytest.raises(InputError):
        computed_ea("B12H12", 6)


def test_superhalogens_bind_an_electron_more_strongly_than_chlorine():
    chlorine = experimental_ea("Cl").value_ev
    assert experimental_ea("CN").value_ev > chlorine
    assert experimental_ea("IO3").value_ev > chlorine
    assert computed_ea("BF4").value_ev > computed_ea("Cl").value_ev + 3
    assert reference_value("NaBr2", "VDE").value_ev > chlorine


def test_review_table4_values_and_citation():
    assert computed_ea("B12(CN)12", 2).value_ev == 5.28
    assert computed_ea("B12H12", 2).value_ev == 0.86
    assert computed_ea("Be2B22(CN)26Ca", 5).value_ev == 0.18
    assert computed_ea("BeB11(CN)12", 3).value_ev == 2.65
    for value in reference_values("computed EA_1"):
        assert REVIEW_DOI in value.source
        assert "Fang" in value.source and "Jena" in value.source
    assert ionic_radius_angstrom("B12(CN)12") == 5.88
    assert ionic_radius_angstrom("Cl") == 1.81
    assert ionic_radius_angstrom("Na8") is None


def test_successive_computed_electron_affinities_fall():
    series: dict[str, dict[int, float]] = {}
    for kind in KINDS:
        if kind.startswith("computed EA_"):
            for v in reference_values(kind):
                series.setdefault(v.species, {})[int(kind[-1])] = v.value_ev
    multi = {s: ea for s, ea in series.items() if 1 in ea and len(ea) > 1}
    assert len(multi) >= 8
    for species, ea in multi.items():
        values = [ea[n] for n in sorted(ea)]
        assert sorted(ea) == list(range(1, len(ea) + 1)), species
        assert values == sorted(values, reverse=True), species


def test_every_value_is_well_formed():
    values = reference_values()
    assert len(values) >= 50
    for v in values:
        assert v.kind in KINDS
        assert 0 < v.value_ev < 10
        assert v.uncertainty_ev is None or 0 < v.uncertainty_ev < 0.5
        assert v.source and "\n" not in v.source
    keys = [(v.species, v.kind) for v in values]
    assert len(keys) == len(set(keys))


def test_measured_species_are_in_the_catalogue_under_the_same_name():
    catalogue_names = set(names())
    for v in reference_values():
        if not v.kind.startswith("computed"):
            assert v.species in catalogue_names, v.species


def test_docstring_examples_run():
    import doctest

    from superatom_lab.core import reference as module

    assert doctest.testmod(module).failed == 0
