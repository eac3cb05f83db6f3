"""Families of candidates: VSEPR shapes, valences from the periodic table, names, bad input."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superatom_lab.core.families import (
    SUPERHALOGEN_CENTRES,
    SUPERHALOGEN_LIGANDS,
    cage_family,
    family_member,
    make_family,
    superalkali_family,
    superhalogen_family,
    usual_valence,
)
from superatom_lab.errors import InputError

#: The usual valence of each centre (its common oxidation state; any inorganic textbook).
VALENCE = {"Li": 1, "Na": 1, "K": 1, "Cu": 1, "Mg": 2, "Ca": 2, "Zn": 2, "B": 3, "Al": 3,
           "Ga": 3, "Sc": 3, "Si": 4, "P": 5}  # fmt: skip
#: Superhalogens MX(k+1) named in the review (Gutsev and Boldyrev's recipe), built from their parts.
REVIEW_SUPERHALOGENS = {("Li", "F"): "LiF2", ("Na", "Cl"): "NaCl2", ("Mg", "Cl"): "MgCl3",
                        ("B", "F"): "BF4", ("Al", "F"): "AlF4", ("Al", "Cl"): "AlCl4"}  # fmt: skip
#: Superalkalis M(k+1)X named in the review.
REVIEW_SUPERALKALIS = {("O", "Li"): "Li3O", ("F", "Li"): "Li2F", ("N", "Li"): "Li4N"}
#: The angle (degrees) between two ligands in each VSEPR shape.
ANGLES = {2: {180.0}, 3: {120.0}, 4: {109.47}, 5: {90.0, 120.0, 180.0}, 6: {90.0, 180.0}}


def _ligand_angles(cluster) -> set[float]:
    """The angles ligand-centre-ligand at atom 0, over the atoms bonded to it."""
    positions = cluster.positions_angstrom
    distances = np.linalg.norm(positions - positions[0], axis=1)
    bonded = [i for i in range(1, len(positions)) if distances[i] < 1.01 * distances[1:].min()]
    angles = set()
    for i, j in itertools.combinations(bonded, 2):
        a, b = positions[i] - positions[0], positions[j] - positions[0]
        cosine = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
        angles.add(round(float(np.degrees(np.arccos(np.clip(cosine, -1, 1)))), 2))
    return angles


@pytest.mark.parametrize(("element", "k"), VALENCE.items())
def test_usual_valence_follows_the_group(element, k):
    assert usual_valence(element) == k


@pytest.mark.parametrize(("element", "k"), [("F", 1), ("Cl", 1), ("O", 2), ("S", 2), ("N", 3)])
def test_the_valence_of_a_superalkali_centre(element, k):
    assert usual_valence(element, "anion") == k


@pytest.mark.parametrize("element", ["Fe", "He", "H", "Xe"])
def test_no_usual_valence_asks_for_one(element):
    with pytest.raises(InputError, match="give it"):
        usual_valence(element)


def test_the_review_superhalogens_are_members_of_the_default_family():
    names = {(m.centre, m.ligand): m.name for m in superhalogen_family().members}
    for parts, name in REVIEW_SUPERHALOGENS.items():
        if parts[0] in SUPERHALOGEN_CENTRES and parts[1] in SUPERHALOGEN_LIGANDS:
            assert names[parts] == name
    assert len(names) == len(SUPERHALOGEN_CENTRES) * len(SUPERHALOGEN_LIGANDS) >= 12


@pytest.mark.parametrize(("parts", "name"), REVIEW_SUPERALKALIS.items())
def test_the_review_superalkalis_are_built(parts, name):
    member = superalkali_family([parts[0]], [parts[1]]).members[0]
    assert member.name == name and member.cluster.charge == 0


def test_every_superhalogen_has_one_ligand_more_than_its_valence_in_its_vsepr_shape():
    family = superhalogen_family(["Li", "Mg", "Al", "Si", "P"], ["F", "CN"])
    for member in family.members:
        k = VALENCE[member.centre]
        assert member.n_ligands == k + 1
        assert _ligand_angles(member.cluster) == ANGLES[k + 1], member.name
        assert member.cluster.charge == 0


def test_cyanide_binds_through_carbon_and_points_outward():
    member = superhalogen_family(["Al"], ["CN"]).members[0]
    symbols, positions = member.cluster.symbols, member.cluster.positions_angstrom
    for c in [i for i, s in enumerate(symbols) if s == "C"]:
        n = c + 1
        assert symbols[n] == "N"
        assert np.linalg.norm(positions[n]) > np.linalg.norm(positions[c])
        assert np.linalg.norm(positions[n] - positions[c]) == pytest.approx(1.16)


def test_the_family_says_what_it_is_screened_for():
    assert superhalogen_family().prop == "vde"
    assert superalkali_family().prop == "ie-adiabatic"
    cage = cage_family()
    assert cage.prop == "vde" and {m.cluster.charge for m in cage.members} == {-1}
    assert [m.name for m in cage.members] == ["B12H12", "B12F12", "B12Cl12", "B12(CN)12"]


def test_a_valence_can_be_given():
    member = superhalogen_family(["Fe"], ["Cl"], valence={"Fe": 3}).members[0]
    assert member.name == "FeCl4" and member.shape == "tetrahedral"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: superhalogen_family([], ["F"]), "at least one centre"),
        (lambda: superhalogen_family(["Li"], ["Xq"]), "Xq"),
        (lambda: superhalogen_family(["Li"], ["F"], valence={"Li": 9}), "0-5"),
        (lambda: superalkali_family(["O"], ["Mg"]), "alkali"),
        (lambda: make_family("superhalogen", centers=["Li"]), "centers"),
        (lambda: family_member("superhalogen", "XeF2"), "has no member 'XeF2'"),
    ],
)
def test_bad_input_is_refused_with_a_message(call, message):
    with pytest.raises(InputError, match=message):
        call()


@settings(max_examples=40, deadline=None)
@given(
    centre=st.sampled_from(sorted(VALENCE)),
    ligand=st.sampled_from(["F", "Cl", "Br", "I", "CN", "NC", "CCH"]),
)
def test_any_centre_and_ligand_give_a_geometry_without_clashes(centre, ligand):
    member = superhalogen_family([centre], [ligand]).members[0]
    assert member.cluster.min_distance_angstrom > 1.0
    assert member.n_ligands == VALENCE[centre] + 1
