"""Tolerance factors and cubic cells of perovskites with cluster ions, against hand values."""

import math

import numpy as np
import pytest

from superatom_lab.core.perovskites import (
    cubic_cell,
    in_stable_range,
    ion,
    lattice_constant,
    tolerance_factor,
)
from superatom_lab.errors import InputError

# t = (r_A + r_X) / (sqrt 2 (r_B + r_X)) worked by hand from Shannon's radii (Li+ 0.76, O2- 1.40,
# Pb2+ 1.19), Kieslich's MA+ (2.17) and Table 4's anions (Cl- 1.81, I- 2.20, BH4- 2.24,
# BF4- 2.75); "forms" is the 0.8-1.0 window. Li3OCl and MAPbI3 exist as perovskites, with t
# reported near 0.84 (Zhao and Daemen, J. Am. Chem. Soc. 134, 15042, 2012) and 0.91 (Kieslich,
# Sun and Cheetham, Chem. Sci. 5, 4712, 2014).
HAND = [
    # A, B, X, t by hand, in the window
    ("Cl-", "O2-", "Li+", (1.81 + 0.76) / (math.sqrt(2) * (1.40 + 0.76)), True),  # Li3OCl 0.841
    ("BH4-", "O2-", "Li+", (2.24 + 0.76) / (math.sqrt(2) * (1.40 + 0.76)), True),  # Li3O(BH4) 0.982
    ("BF4-", "O2-", "Li+", (2.75 + 0.76) / (math.sqrt(2) * (1.40 + 0.76)), False),  # 1.149
    ("MA+", "Pb2+", "I-", (2.17 + 2.20) / (math.sqrt(2) * (1.19 + 2.20)), True),  # MAPbI3 0.912
    ("MA+", "Pb2+", "BH4-", (2.17 + 2.24) / (math.sqrt(2) * (1.19 + 2.24)), True),  # 0.909
]


@pytest.mark.parametrize(("a", "b", "x", "t", "forms"), HAND)
def test_tolerance_factors_match_the_hand_values(a, b, x, t, forms):
    assert tolerance_factor(a, b, x) == pytest.approx(t, abs=1e-9)
    assert in_stable_range(tolerance_factor(a, b, x)) is forms


def test_literature_values_of_the_parent_perovskites():
    assert tolerance_factor("Cl-", "O2-", "Li+") == pytest.approx(0.84, abs=0.01)
    assert tolerance_factor("MA+", "Pb2+", "I-") == pytest.approx(0.91, abs=0.01)


def test_every_radius_says_where_it_comes_from():
    assert "Shannon" in ion("Li+").source and "Shannon" in ion("Pb2+").source
    assert "Kieslich" in ion("MA+").source
    assert "Table 4" in ion("BH4-").source and "Table 4" in ion("I-").source
    assert (ion("B12H12 2-").charge, ion("B12H12 2-").radius_angstrom) == (-2, 3.91)
    assert (ion("O2-").charge, ion("BH4-").charge, ion("Pb2+").charge) == (-2, -1, 2)


@pytest.mark.parametrize("name", ["Li", "Xx-", "Na2+", "", 3])
def test_unknown_or_chargeless_ions_are_refused(name):
    with pytest.raises(InputError):
        ion(name)


def test_the_cell_edge_is_set_by_the_ions_that_touch():
    assert lattice_constant("Cl-", "O2-", "Li+") == pytest.approx(2 * (1.40 + 0.76))  # B-X
    # t > 1: the A-X contact sets the edge, sqrt(2) (r_A + r_X)
    assert lattice_constant("BF4-", "O2-", "Li+") == pytest.approx(math.sqrt(2) * (2.75 + 0.76))


def test_li3o_bh4_cell_has_the_cluster_on_the_a_site():
    cell = cubic_cell("BH4-", "O2-", "Li+")
    symbols = cell.get_chemical_symbols()
    assert sorted(symbols) == sorted(["B", "H", "H", "H", "H", "O", "Li", "Li", "Li"])
    edge = cell.cell[0, 0]
    boron = cell.positions[symbols.index("B")]
    assert np.allclose(boron, [edge / 2] * 3, atol=0.05)  # the cage centre of the cell
    assert np.allclose(cell.positions[symbols.index("O")], 0.0)
    assert all(cell.pbc)


def test_a_linear_ion_on_an_x_site_lies_along_the_b_x_b_line():
    cell = cubic_cell("MA+", "Pb2+", "SCN-")
    symbols = cell.get_chemical_symbols()
    sulfurs = [i for i, s in enumerate(symbols) if s == "S"]
    assert len(sulfurs) == 3 and symbols.count("Pb") == 1
    # each SCN- is centred on one edge midpoint and points along that edge
    for k, s in enumerate(sulfurs):
        n = max((i for i, sym in enumerate(symbols) if sym == "N"),
                key=lambda i: -cell.get_distance(s, i, mic=True))  # fmt: skip
        axis = cell.get_distance(s, n, mic=True, vector=True)
        assert abs(axis[k]) / np.linalg.norm(axis) > 0.99
