"""Ideal shapes: icosahedra, decahedra and octahedra as ASE makes them, with checked input."""

from __future__ import annotations

import numpy as np
import pytest
from ase.cluster import Decahedron, Icosahedron, Octahedron

from superatom_lab.core.shapes import (
    decahedron,
    default_lattice_constant,
    icosahedron,
    octahedron,
)
from superatom_lab.errors import InputError, UnknownSpeciesError


def test_al13_is_exactly_ases_icosahedron():
    al13 = icosahedron("Al")
    reference = Icosahedron("Al", noshells=2, latticeconstant=4.05)
    assert al13.name == "Al13"
    assert np.array_equal(al13.positions_angstrom, reference.get_positions())
    # centre to surface is a / sqrt(2), the fcc nearest-neighbour distance
    assert al13.radius_angstrom == pytest.approx(4.05 / np.sqrt(2))
    assert al13.radius_angstrom == pytest.approx(al13.atoms.get_all_distances().max() / 2)


def test_icosahedron_sizes_and_explicit_lattice_constant():
    assert [icosahedron("Cu", s).n_atoms for s in (1, 2, 3, 4)] == [1, 13, 55, 147]
    assert icosahedron("Al", 2, lattice_constant=4.0).radius_angstrom == pytest.approx(4 / 2**0.5)


def test_default_lattice_constant_keeps_the_crystal_bond_length():
    # Na is bcc (a = 4.23 A): its nearest-neighbour distance, a*sqrt(3)/2, is kept
    na13 = icosahedron("Na")
    assert na13.min_distance_angstrom == pytest.approx(4.23 * np.sqrt(3) / 2)
    assert default_lattice_constant("Au") == 4.08
    with pytest.raises(InputError, match="lattice_constant"):
        default_lattice_constant("B")  # tetragonal: no default


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: icosahedron("Xx"), UnknownSpeciesError),
        (lambda: icosahedron("al"), UnknownSpeciesError),
        (lambda: icosahedron(13), UnknownSpeciesError),
        (lambda: icosahedron("Al", 0), InputError),
        (lambda: icosahedron("Al", 2.0), InputError),
        (lambda: icosahedron("Al", True), InputError),
        (lambda: icosahedron("Al", 9), InputError),  # 2869 atoms, over the cap
        (lambda: icosahedron("Al", 2, lattice_constant=-4.0), InputError),
        (lambda: icosahedron("Al", 2, lattice_constant="4.05"), InputError),
        (lambda: decahedron("Au", 0, 1), InputError),
        (lambda: decahedron("Au", 2, 2, -1), InputError),
        (lambda: decahedron("Au", 12, 12, 12), InputError),
        (lambda: octahedron("Au", 0), InputError),
        (lambda: octahedron("Au", 3, cutoff=2), InputError),
        (lambda: octahedron("Qq", 3), UnknownSpeciesError),
    ],
)
def test_bad_shape_input_raises_input_errors(call, error):
    with pytest.raises(error):
        call()


def test_decahedron_and_octahedron_match_ase():
    deca = decahedron("Au", 2, 2, 1)
    assert np.allclose(deca.positions_angstrom, Decahedron("Au", 2, 2, 1, 4.08).get_positions())
    assert octahedron("Au", 3).n_atoms == 19
    cubo = octahedron("Pt", 3, cutoff=1)  # length = 2 * cutoff + 1: a cuboctahedron
    assert cubo.n_atoms == 13
    assert np.allclose(cubo.positions_angstrom, Octahedron("Pt", 3, 1, 3.92).get_positions())
