"""Superhalogens and superalkalis: the borders are chlorine's EA and caesium's IE."""

from __future__ import annotations

from superatom_lab.core.classification import (
    ALKALIS,
    HALOGENS,
    classify,
    species_class,
    thresholds_ev,
)


def test_borders_are_chlorine_and_caesium():
    assert thresholds_ev() == {"EA": 3.6127, "IE": 3.8939}
    assert classify(3.62, "EA") == "superhalogen" and classify(3.60, "EA") == ""
    assert classify(3.88, "IE") == "superalkali" and classify(3.90, "IE") == ""


def test_an_ea_is_never_a_superalkali_nor_an_ie_a_superhalogen():
    assert classify(1.0, "EA") == "" and classify(9.0, "IE") == ""


def test_the_reference_species_are_marked_as_such():
    assert all(species_class(s, 9.9, "EA") == "reference" for s in HALOGENS + ALKALIS)
    assert species_class("Li3O", 3.2, "IE") == "superalkali"
