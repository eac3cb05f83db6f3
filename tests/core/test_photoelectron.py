"""The simulated photoelectron spectrum: peak positions, order, widths, heights and area."""

from __future__ import annotations

import numpy as np
import pytest

from superatom_lab.core.photoelectron import AREA_PER_HEIGHT, bands, pes_curve, pes_sticks
from superatom_lab.errors import InputError
from superatom_lab.qc.manifest import load_manifest
from superatom_lab.store.shipped import ShippedRecords

VDE = 3.62
#: Orbital energies (eV) and occupations of a made-up closed-shell anion, given in no order:
#: a 3-fold HOMO band, a 2-fold band 0.9 eV deeper, a single level 2.5 eV deeper, two empty ones.
ENERGIES = [-4.4, -1.0, -2.5, -5.0, -1.9, -2.5, -1.0, -1.9, -1.0, 0.8, 1.5]
OCCUPATIONS = [2, 2, 0, 2, 2, 0, 2, 2, 2, 0, 0]


def first_local_maximum(grid, curve) -> float:
    """The binding energy of the first local maximum of ``curve``, from the low end."""
    rising = np.diff(curve) > 0
    k = int(np.argmax(rising[:-1] & ~rising[1:])) + 1
    return float(grid[k])


def test_the_homo_goes_to_the_vde_and_the_others_keep_their_spacing():
    sticks = pes_sticks(ENERGIES, OCCUPATIONS, VDE)
    assert sticks.binding_ev.tolist() == pytest.approx(
        [VDE] * 3 + [VDE + 0.9] * 2 + [VDE + 3.4, VDE + 4.0]
    )
    assert sticks.weight.tolist() == [2.0] * 7  # the empty orbitals are left out


def test_degenerate_orbitals_make_one_band_as_high_as_its_electrons():
    sticks = pes_sticks(ENERGIES, OCCUPATIONS, VDE)
    found = bands(sticks)
    assert [b.binding_ev for b in found] == pytest.approx([VDE, VDE + 0.9, VDE + 3.4, VDE + 4.0])
    assert [b.electrons for b in found] == [6.0, 4.0, 2.0, 2.0]
    assert sorted(i for b in found for i in b.sticks) == list(range(7))
    # a band standing apart from the others is as high as its electron count
    assert pes_curve(sticks, 0.1, [VDE + 3.4])[0] == pytest.approx(2.0, abs=1e-6)


def test_peaks_come_in_the_order_of_the_orbital_energies():
    sticks = pes_sticks(ENERGIES, OCCUPATIONS, VDE)
    energies = np.array(ENERGIES)[sticks.index]
    assert np.all(np.diff(sticks.binding_ev) >= 0)  # lowest binding energy first
    assert np.all(np.diff(energies) <= 0)  # ... which is the highest orbital first
    assert sorted(sticks.index.tolist()) == [0, 1, 3, 4, 6, 7, 8]  # every occupied one, once


def test_spin_channels_are_flattened_and_each_spin_orbital_counts_once():
    alpha, beta = [-12.0, -3.0, -3.0, 0.5], [-12.0, -3.0, -2.0, 0.5]
    sticks = pes_sticks([alpha, beta], [[1, 1, 1, 0], [1, 1, 0, 0]], vde_ev=2.0)
    # the HOMO is the alpha orbital at -3.0 eV; the empty beta orbital at -2.0 eV is no peak
    assert sticks.binding_ev.tolist() == pytest.approx([2.0, 2.0, 2.0, 11.0, 11.0])
    assert sticks.weight.sum() == 5  # five electrons


def test_first_peak_sits_at_the_vde_within_the_resolution():
    grid = np.linspace(2.0, 9.0, 7001)
    for fwhm in (0.1, 0.3, 0.6):
        curve = pes_curve(pes_sticks(ENERGIES, OCCUPATIONS, VDE), fwhm, grid)
        assert first_local_maximum(grid, curve) == pytest.approx(VDE, abs=fwhm / 2)


@pytest.mark.parametrize("fwhm", [0.1, 0.2, 0.5])
def test_width_at_half_maximum_is_the_fwhm_and_height_the_occupation(fwhm):
    grid = np.linspace(0.0, 8.0, 8001)
    curve = pes_curve(pes_sticks([-2.6], [1.0], VDE), fwhm, grid)
    top = int(curve.argmax())
    assert curve[top] == pytest.approx(1.0, abs=1e-6)
    half = curve[top] / 2  # crossings by linear interpolation on each flank
    left = np.interp(half, curve[: top + 1], grid[: top + 1])
    right = np.interp(half, curve[top:][::-1], grid[top:][::-1])
    assert right - left == pytest.approx(fwhm, abs=1e-4)


@pytest.mark.parametrize("fwhm", [0.1, 0.4])
def test_area_is_the_electron_count_times_the_gaussian_area_of_unit_height(fwhm):
    # a Gaussian of height 1 and FWHM w has area w * sqrt(pi / (4 ln 2)) = 1.0645 w
    assert AREA_PER_HEIGHT == pytest.approx(1.0645, abs=1e-4)
    grid = np.linspace(-5.0, 20.0, 50001)
    curve = pes_curve(pes_sticks(ENERGIES, OCCUPATIONS, VDE), fwhm, grid)
    assert np.trapezoid(curve, grid) == pytest.approx(14 * 1.0645 * fwhm, rel=1e-4)


def test_bad_input_is_refused():
    with pytest.raises(InputError, match="fwhm_ev"):
        pes_curve(pes_sticks([-2.0], [2], VDE), 0.0, [VDE])
    with pytest.raises(InputError, match="vde_ev"):
        pes_sticks([-2.0], [2], float("nan"))
    with pytest.raises(InputError, match="2 orbital energies but 1 occupations"):
        pes_sticks([-2.0, -1.0], [2], VDE)
    with pytest.raises(InputError, match="no occupied orbital"):
        pes_sticks([-2.0, -1.0], [0, 0], VDE)
    with pytest.raises(InputError, match="numbers"):
        pes_sticks(["a"], [2], VDE)


# --- from the anion states shipped with the package ----------------------------------------


def shipped(species: str, task: str):
    (entry,) = [e for e in load_manifest()
                if e.species == species and e.task == task and e.preset == "standard"]  # fmt: skip
    result = entry.request().cached(ShippedRecords())
    assert result is not None, f"{species} is not shipped"
    return result


@pytest.mark.parametrize(
    "species, task",
    [
        ("Cl", "electron_affinity"),
        ("BF4", "vertical_detachment_energy"),
        ("MnO4", "vertical_detachment_energy"),
    ],  # fmt: skip
)
def test_spectrum_of_a_shipped_anion_starts_at_its_computed_vde(species, task):
    result = shipped(species, task)
    anion = result.state(-1)
    sticks = pes_sticks(anion.orbital_energies_ev, anion.occupations, result.value_ev)
    assert sticks.binding_ev[0] == pytest.approx(result.value_ev)
    # the HOMO of the anion, not of the neutral, is the first stick
    assert np.hstack(anion.orbital_energies_ev)[sticks.index[0]] == pytest.approx(anion.homo_ev)
    neutral_electrons = sum(sum(n) for n in result.state(0).occupations)
    assert sticks.weight.sum() == pytest.approx(neutral_electrons + 1)  # every anion electron
    grid = np.linspace(result.value_ev - 1.0, result.value_ev + 4.0, 5001)
    curve = pes_curve(sticks, 0.25, grid)
    assert first_local_maximum(grid, curve) == pytest.approx(result.value_ev, abs=0.125)
