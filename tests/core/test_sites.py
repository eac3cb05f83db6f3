"""Opening a site (one ligand off) and placing a guest there, checked against hand geometry."""

import numpy as np
import pytest
from ase import Atoms
from hypothesis import given, settings
from hypothesis import strategies as st

from superatom_lab.core.catalogue import build
from superatom_lab.core.sites import ligand_atoms, place_at_site, remove_ligand
from superatom_lab.errors import AtomsTooCloseError, InputError

# the catalogue geometry: B-B cage of radius 1.69 A, B-C 1.56 A, C-N 1.16 A along each B-H
CAGE_RADIUS = 1.69


@pytest.fixture(scope="module")
def dianion():
    return build("B12(CN)12", charge=-2)


def test_one_cyanide_off_gives_the_monoanion_with_a_bare_boron(dianion):
    anion, site = remove_ligand(dianion, 12)
    assert (anion.name, anion.formula, anion.charge, anion.n_atoms) == (
        "B12(CN)11", "C11B12N11", -1, 34)  # fmt: skip
    assert anion.symbols[site] == "B"
    assert np.allclose(anion.positions_angstrom[site], dianion.positions_angstrom[0])
    # the bare boron has only cage neighbours left: nothing within 2 A outward of it
    outward = anion.positions_angstrom - anion.positions_angstrom[site]
    close = np.linalg.norm(outward, axis=1) < 2.0
    assert set(np.array(anion.symbols)[close]) == {"B"}


def test_a_neutral_ligand_keeps_the_charge(dianion):
    radical, _ = remove_ligand(dianion, 12, ligand_charge=0)
    assert radical.charge == -2


def test_ligand_atoms_stop_at_the_cage(dianion):
    group, anchor = ligand_atoms(dianion, 14)
    assert [dianion.symbols[i] for i in group] == ["C", "N"]
    assert dianion.symbols[anchor] == "B"


@pytest.mark.parametrize("index", [0, 11, 40, -37, 1.0, True])
def test_bad_ligand_indices_are_refused(dianion, index):
    with pytest.raises(InputError):
        remove_ligand(dianion, index)


def test_argon_sits_on_the_outward_line_through_the_site(dianion):
    anion, site = remove_ligand(dianion, 12)
    cage_centre = dianion.positions_angstrom[:12].mean(axis=0)  # the 12 borons
    with_ar = place_at_site(anion, site, "Ar", 2.8)
    ar = with_ar.positions_angstrom[-1]
    assert with_ar.symbols[-1] == "Ar" and with_ar.charge == -1
    assert np.linalg.norm(ar - anion.positions_angstrom[site]) == pytest.approx(2.8)
    # by hand: the boron sits on the cage sphere, and Ar on the same radius 2.8 A farther out
    assert np.linalg.norm(anion.positions_angstrom[site] - cage_centre) == pytest.approx(
        CAGE_RADIUS, abs=0.01)  # fmt: skip
    assert np.linalg.norm(ar - cage_centre) == pytest.approx(
        np.linalg.norm(anion.positions_angstrom[site] - cage_centre) + 2.8)  # fmt: skip


def test_a_molecule_binds_by_its_first_atom_and_points_outward(dianion):
    anion, site = remove_ligand(dianion, 12)
    co = Atoms("CO", positions=[(0, 0, 0), (1.128, 0, 0)])
    with_co = place_at_site(anion, site, co, 1.6)
    c, o = with_co.positions_angstrom[-2:]
    b = anion.positions_angstrom[site]
    assert np.linalg.norm(c - b) == pytest.approx(1.6)
    assert np.linalg.norm(o - b) == pytest.approx(1.6 + 1.128)  # collinear, O outside


@pytest.mark.parametrize("distance", [0, -1.0, float("nan"), True, "2"])
def test_bad_distances_are_refused(dianion, distance):
    with pytest.raises(InputError):
        place_at_site(dianion, 0, "Ar", distance)


def test_unknown_guests_and_clashes_are_refused(dianion):
    with pytest.raises(InputError):
        place_at_site(dianion, 0, "Xx", 2.0)
    with pytest.raises(AtomsTooCloseError):
        place_at_site(dianion, 0, "Ar", 1.56)  # on top of the cyanide's carbon


@settings(max_examples=30, deadline=None)
@given(site=st.integers(0, 11), distance=st.floats(1.0, 6.0))
def test_the_guest_is_where_it_was_asked_for(site, distance):
    b12 = build("B12H12", charge=-2)
    bare, bare_site = remove_ligand(b12, 12 + site)  # each H is a one-atom ligand
    guest = place_at_site(bare, bare_site, "He", distance)
    assert guest.atoms.get_distance(bare_site, -1) == pytest.approx(distance)
    assert bare.charge == -1 and bare.name == "B12H11"
