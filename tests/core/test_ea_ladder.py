"""Successive EAs: sign patterns, the wells of Table 4 and the electrostatic estimate.

Expected values come from Table 4 of the review the project grew from (H. Fang, Q. Sun and
P. Jena, "Cluster-based materials: design and applications", Chem. Soc. Rev., 2025; "Table 4"
below), which lists computed EA_n of stable gas-phase anions, all positive, with a dash where
the next electron is not bound, and from CODATA for the Coulomb constant.
"""

from __future__ import annotations

import numpy as np
import pytest

from superatom_lab.core.ea_ladder import (
    BOUND,
    NOT_BOUND,
    bound_electrons,
    coulomb_ea_ev,
    coulomb_potential_ev,
    coulomb_radius_angstrom,
    coulomb_step_ev,
    sign_pattern,
    table4_ladder,
    table4_pattern,
    table4_wells,
    well_depth_ev,
)

#: Table 4, row by row: (anion's charge, IR in A, EA_1 ... as printed). M(CN)4 is a range.
TABLE4 = {
    "Cl": (-1, 1.81, (3.62,)),
    "Br": (-1, 1.96, (3.36,)),
    "I": (-1, 2.20, (3.06,)),
    "CN": (-1, 1.40, (4.10,)),
    "SCN": (-1, 2.50, (3.50,)),
    "SeCN": (-1, 2.70, (3.39,)),
    "BH4": (-1, 2.24, (3.42,)),
    "BF4": (-1, 2.75, (7.33,)),
    "BCl4": (-1, 3.69, (5.01,)),
    "B12(CN)11": (-1, 5.86, (8.49,)),
    "B12H12": (-2, 3.91, (4.57, 0.86)),
    "B12(CN)12": (-2, 5.88, (8.56, 5.28)),
    "B12(SCN)12": (-2, 7.79, (5.65, 3.28)),
    "BeB11(CN)11": (-2, 5.89, (8.10, 4.62)),
    "BeB11(CN)12": (-3, 6.11, (8.44, 4.76, 2.65)),
    "BeB23(CN)22": (-3, 10.15, (8.86, 6.38, 3.25)),
    "Be2B22(CN)23": (-4, 10.15, (8.86, 5.98, 3.54, 1.48)),
    "Be2B22(CN)26Ca": (-5, 11.66, (8.37, 5.98, 4.25, 1.88, 0.18)),
}
#: e^2 / (4 pi eps0) = 1.439964 eV nm (CODATA 2018).
COULOMB_EV_A = 14.39964


def test_sign_pattern_pads_with_dashes_and_cuts():
    assert sign_pattern([3.78, -7.88]) == (BOUND, NOT_BOUND)
    assert sign_pattern([3.62], n=3) == (BOUND, NOT_BOUND, NOT_BOUND)
    assert sign_pattern([1.0, 2.0, 3.0], n=2) == (BOUND, BOUND)
    assert sign_pattern([0.0, None]) == (NOT_BOUND, NOT_BOUND)
    assert sign_pattern(None, n=1) == (NOT_BOUND,)


def test_bound_electrons_stop_at_the_first_unbound_step():
    assert bound_electrons([4.57, 0.86]) == 2
    assert bound_electrons([3.6, -8.0, 1.0]) == 1  # a later positive value does not count
    assert bound_electrons([-0.2, 3.0]) == 0
    assert well_depth_ev([3.6, -8.0, 1.0]) == pytest.approx(3.6)
    assert well_depth_ev([-0.2]) == 0.0


@pytest.mark.parametrize("name", sorted(TABLE4))
def test_table4_rows(name):
    charge, _radius, eas = TABLE4[name]
    assert table4_ladder(name) == pytest.approx(eas)
    # Table 4: every listed EA_n is positive, and the next electron is not bound
    assert table4_pattern(name, len(eas) + 1) == (BOUND,) * len(eas) + (NOT_BOUND,)
    assert -len(eas) == charge


def test_the_m_cn4_row_is_a_range_stored_as_ca_cn4():
    # Table 4: M(CN)4 2- (M = Ca, Sr, Ba), EA_1 7.21-7.08, EA_2 2.62-2.79, IR 3.77-4.07
    assert table4_ladder("Ca(CN)4") == pytest.approx((7.145, 2.705))
    assert table4_pattern("Ca(CN)4", 3) == (BOUND, BOUND, NOT_BOUND)
    (well,) = [w for w in table4_wells() if w.name == "Ca(CN)4"]
    assert well.charge == -2
    assert well.radius_range == (3.77, 4.07)
    assert well.depth_range == pytest.approx((7.08 + 2.62, 7.21 + 2.79))
    assert well.depth_range[0] < well.depth_ev < well.depth_range[1]


def test_species_outside_table4_have_no_pattern():
    assert table4_ladder("LiF2") is None  # a computed EA_1, but from another work
    assert table4_pattern("Na8", 2) is None


def test_table4_wells_follow_the_table():
    wells = {w.name: w for w in table4_wells()}
    assert set(TABLE4) <= set(wells)
    for name, (charge, radius, eas) in TABLE4.items():
        w = wells[name]
        assert (w.charge, w.radius_angstrom) == (charge, radius)
        assert w.depth_ev == pytest.approx(sum(eas))
        assert w.radius_range == (radius, radius)
    # Fig. 2A's trend: the penta-anion is the deepest and widest well
    deepest = max(wells.values(), key=lambda w: w.depth_ev)
    assert deepest.name == "Be2B22(CN)26Ca"
    assert deepest.radius_angstrom == max(w.radius_angstrom for w in wells.values())


def test_coulomb_step_is_e2_over_r():
    assert coulomb_step_ev(1.0) == pytest.approx(COULOMB_EV_A, abs=1e-5)
    assert coulomb_step_ev(2.0) == pytest.approx(COULOMB_EV_A / 2, abs=1e-5)
    with pytest.raises(ValueError):
        coulomb_step_ev(0.0)


def test_the_estimate_falls_with_each_electron_and_rises_with_the_radius():
    assert coulomb_ea_ev(4.57, 3.91, 1) == 4.57
    steps = [coulomb_ea_ev(8.0, 6.0, n) for n in (1, 2, 3)]
    assert steps[0] - steps[1] == pytest.approx(COULOMB_EV_A / 6.0, abs=1e-4)
    assert steps[1] - steps[2] == pytest.approx(COULOMB_EV_A / 6.0, abs=1e-4)
    assert coulomb_ea_ev(8.0, 9.0, 2) > coulomb_ea_ev(8.0, 6.0, 2)


def test_the_estimate_is_close_to_table4_for_b12h12_and_signs_agree_for_the_dianions():
    # B12H12 2-: EA_1 4.57 eV, IR 3.91 A give an estimate within 0.1 eV of Table 4's 0.86 eV
    assert coulomb_ea_ev(4.57, 3.91, 2) == pytest.approx(0.86, abs=0.1)
    for name in ("B12H12", "B12(CN)12", "B12(SCN)12", "BeB11(CN)11", "Ca(CN)4"):
        ea_1, *_ = table4_ladder(name)
        radius = [w for w in table4_wells() if w.name == name][0].radius_angstrom
        assert coulomb_ea_ev(ea_1, radius, 2) > 0, name


def test_the_radius_that_binds_the_nth_electron():
    radius = coulomb_radius_angstrom(4.57, 2)
    assert coulomb_ea_ev(4.57, radius, 2) == pytest.approx(0.0, abs=1e-12)
    assert coulomb_ea_ev(4.57, radius * 1.01, 2) > 0 > coulomb_ea_ev(4.57, radius * 0.99, 2)
    with pytest.raises(ValueError):
        coulomb_radius_angstrom(-1.0, 2)


def test_potential_is_a_flat_well_and_a_coulomb_barrier():
    radius, ea_1 = 4.0, 5.0
    r = np.array([0.0, 3.99, 4.0, 8.0, 1e6])
    v = coulomb_potential_ev(r, radius, ea_1, 3)
    level = coulomb_ea_ev(ea_1, radius, 3)
    assert v[0] == v[1] == pytest.approx(-level)  # inside: the level of electron 3
    assert v[2] == pytest.approx(2 * COULOMB_EV_A / 4.0, abs=1e-4)  # the barrier top at R
    assert v[3] == pytest.approx(v[2] / 2)  # 1/r outside
    assert abs(v[4]) < 1e-4  # the vacuum level far away
    # the first electron sees no barrier: zero outside
    assert np.allclose(coulomb_potential_ev([5.0, 50.0], radius, ea_1, 1), 0.0)
