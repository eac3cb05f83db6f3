"""The self-consistent spherical jellium model: shells, magic numbers, bad input."""

from __future__ import annotations

import time

import numpy as np
import pytest

from superatom_lab.core.jellium import (
    TYPICAL_RS_BOHR,
    JelliumResult,
    align_ladder,
    solve_jellium,
)
from superatom_lab.errors import InputError


@pytest.fixture(scope="module")
def na100() -> JelliumResult:
    return solve_jellium(100, 3.93)


@pytest.fixture(scope="module")
def al13_anion() -> JelliumResult:
    return solve_jellium(40, TYPICAL_RS_BOHR["Al"], charge=-1)


def test_na100_magic_numbers_follow_the_cluster_shell_order(na100):
    assert na100.magic_numbers[:7] == (2, 8, 18, 20, 34, 40, 58)
    assert 68 in na100.magic_numbers and 92 in na100.magic_numbers
    # the ladder reaches beyond the 100 electrons asked for
    assert max(na100.magic_numbers) > 100
    assert [lv.label for lv in na100.levels[:7]] == ["1S", "1P", "1D", "2S", "1F", "2P", "1G"]


def test_levels_are_sorted_bound_and_labelled_consistently(na100):
    energies = [lv.energy_ev for lv in na100.levels]
    assert energies == sorted(energies)
    assert all(e < 0 for e in energies)
    letters = "SPDFGHIJKLMNO"
    seen: dict[int, int] = {}
    for lv in na100.levels:  # n counts the levels of each l from 1, in energy order
        seen[lv.l] = seen.get(lv.l, 0) + 1
        assert lv.n == seen[lv.l]
        assert lv.degeneracy == 2 * (2 * lv.l + 1)
        assert lv.label == f"{lv.n}{letters[lv.l]}"
    cumulative = np.cumsum([lv.degeneracy for lv in na100.levels])
    assert tuple(cumulative) == na100.magic_numbers


def test_occupations_hold_every_electron_and_fit_the_levels(na100):
    occ = np.array(na100.occupations)
    assert occ.sum() == pytest.approx(100.0, abs=1e-8)
    assert np.all(occ >= -1e-12)
    assert np.all(occ <= np.array([lv.degeneracy for lv in na100.levels]) + 1e-9)
    # 100 = 92 + 8: the 1S...3S shells are full, the rest sits at the Fermi level
    assert na100.configuration.startswith("1S2 1P6 1D10 2S2 1F14 2P6 1G18 2D10")
    assert not na100.is_closed_shell


def test_al13_anion_closes_the_40_electron_shell(al13_anion):
    assert al13_anion.configuration == "1S2 1P6 1D10 2S2 1F14 2P6"
    assert al13_anion.is_closed_shell
    assert al13_anion.smearing_ev == 0.0  # filled in order, no smearing needed
    assert al13_anion.homo.label == "2P"
    assert 40 in al13_anion.magic_numbers
    assert al13_anion.radius_bohr == pytest.approx(2.07 * 39 ** (1 / 3))


def test_al_well_is_deeper_than_na_well():
    al, na = solve_jellium(40, 2.07), solve_jellium(40, 3.93)
    assert al.levels[0].energy_ev < na.levels[0].energy_ev - 3.0
    assert al.gap_ev is not None and al.gap_ev > 1.0  # 2P -> 1G gap of a closed shell
    assert al.magic_numbers[:6] == (2, 8, 18, 20, 34, 40)


def test_open_shell_al13_neutral_has_a_hole_in_2p():
    al13 = solve_jellium(39, 2.07)
    assert al13.configuration.endswith("2P5")
    assert not al13.is_closed_shell
    assert al13.gap_ev == 0.0  # the HOMO is only partly filled


def test_potential_is_a_well_and_density_integrates_to_n(al13_anion):
    r, v, rho = al13_anion.r_bohr, al13_anion.potential_ev, al13_anion.density_bohr3
    inside = r < al13_anion.radius_bohr
    assert v[inside].max() < -5.0
    # far outside, an anion repels an electron like a point charge -1: +1/r hartree
    assert v[-1] == pytest.approx(27.211386 / r[-1], rel=0.02)
    h = r[1] - r[0]
    assert 4 * np.pi * np.sum(r**2 * rho) * h == pytest.approx(40.0, rel=1e-6)
    # the density inside is close to the background density 3 / (4 pi rs^3)
    n0 = 3.0 / (4.0 * np.pi * 2.07**3)
    assert np.mean(rho[inside]) == pytest.approx(n0, rel=0.15)


@pytest.mark.parametrize("n", [1, 2, 9, 19, 57, 93, 139, 200])
def test_converges_quickly_for_many_sizes(n):
    start = time.perf_counter()
    res = solve_jellium(n, 3.93)
    assert time.perf_counter() - start < 5.0
    assert sum(res.occupations) == pytest.approx(n)
    assert res.magic_numbers[0] == 2 and res.magic_numbers[-1] >= n


@pytest.mark.parametrize(
    ("n", "rs", "charge"),
    [
        (0, 3.93, 0),
        (-5, 3.93, 0),
        (2.5, 3.93, 0),
        ("ten", 3.93, 0),
        (True, 3.93, 0),
        (None, 3.93, 0),
        (10**6, 3.93, 0),
        (float("nan"), 3.93, 0),
        (20, 0.0, 0),
        (20, -1.0, 0),
        (20, "3.9", 0),
        (20, float("inf"), 0),
        (20, 3.93, 0.5),
        (5, 3.93, -5),
    ],
)
def test_bad_input_raises_one_line_input_error(n, rs, charge):
    with pytest.raises(InputError) as err:
        solve_jellium(n, rs, charge=charge)
    assert "\n" not in str(err.value) and str(err.value)


def test_typical_rs_values():
    assert TYPICAL_RS_BOHR["Al"] == 2.07
    assert TYPICAL_RS_BOHR["Na"] == 3.93
    assert all(1.5 < rs < 6.0 for rs in TYPICAL_RS_BOHR.values())


def test_align_ladder_puts_the_homo_on_the_dft_homo(al13_anion):
    # a fake "DFT" spectrum: the jellium occupied levels 1.5 eV lower, one entry per orbital
    occupied = [lv for lv, f in zip(al13_anion.levels, al13_anion.occupations) if f > 0]
    fake = [lv.energy_ev - 1.5 for lv in occupied for _ in range(2 * lv.l + 1)]
    fit = align_ladder(al13_anion, fake)
    assert fit.shift_ev == pytest.approx(-1.5)
    assert fit.mean_abs_deviation_ev == pytest.approx(0.0, abs=1e-9)
    assert fit.labels.count("1D") == 5 and fit.labels.count("2P") == 3
    assert fit.levels[5].energy_ev == pytest.approx(max(fake))
    explicit = align_ladder(al13_anion, fake, dft_homo_ev=-3.0)
    assert explicit.shift_ev == pytest.approx(-3.0 - al13_anion.homo.energy_ev)


@pytest.mark.parametrize("bad", [[], ["a"], [float("nan")], None, [[1.0, 2.0]]])
def test_align_ladder_rejects_bad_levels(al13_anion, bad):
    with pytest.raises(InputError):
        align_ladder(al13_anion, bad)
