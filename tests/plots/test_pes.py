"""Simulated photoelectron spectra: peak positions, widths and heights."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from superatom_lab.errors import InputError
from superatom_lab.plots import pes_curve, pes_sticks, simulated_pes
from tests.plots.fake_tables import al13_anion, table_from_levels

VDE = 3.62


def new_ax():
    return Figure(figsize=(6.4, 3.8), layout="constrained").add_subplot()


def single_level(occupation=2.0):
    return table_from_levels([(-2.6, "2P", 1, True)], occupation=occupation)


def test_homo_peak_sits_at_the_vde():
    grid = np.linspace(2.0, 5.0, 30001)
    curve = pes_curve(single_level(), VDE, 0.2, grid)
    assert grid[curve.argmax()] == pytest.approx(VDE, abs=0.01)
    table = al13_anion()
    curve = pes_curve(table, VDE, 0.2, grid)
    first = grid < 4.5
    assert grid[first][curve[first].argmax()] == pytest.approx(VDE, abs=0.01)


@pytest.mark.parametrize("fwhm", [0.1, 0.2, 0.5])
def test_width_at_half_maximum_is_the_fwhm(fwhm):
    grid = np.linspace(0.0, 8.0, 8001)
    curve = pes_curve(single_level(), VDE, fwhm, grid)
    top = int(curve.argmax())
    half = curve[top] / 2  # crossings by linear interpolation on each flank
    left = np.interp(half, curve[: top + 1], grid[: top + 1])
    right = np.interp(half, curve[top:][::-1], grid[top:][::-1])
    assert right - left == pytest.approx(fwhm, abs=1e-4)


def test_peak_height_is_the_occupation_and_levels_keep_their_spacing():
    assert pes_curve(single_level(1.0), VDE, 0.2, [VDE])[0] == pytest.approx(1.0)
    table = al13_anion()
    sticks = pes_sticks(table, VDE)
    assert sticks.binding_ev[0] == pytest.approx(VDE)
    one_s = [b for b, label in zip(sticks.binding_ev, sticks.labels) if label == "1S"]
    assert one_s == pytest.approx([VDE + (table.homo.energy_ev + 9.6)])
    assert sticks.weight.sum() == pytest.approx(sum(o.occupation for o in table.orbitals
                                                    if o.occupation > 0))  # fmt: skip


def test_bad_width_is_refused():
    with pytest.raises(InputError, match="fwhm_ev"):
        pes_curve(single_level(), VDE, 0.0, [VDE])


def test_plot_draws_curve_sticks_and_labels():
    ax = simulated_pes(al13_anion(), VDE, ax=new_ax(), photon_ev=6.42)
    (curve,) = [ln for ln in ax.lines if ln.get_gid() == "pes"]
    x, y = curve.get_xdata(), curve.get_ydata()
    assert x[np.argmax(np.where(x < 4.5, y, 0))] == pytest.approx(VDE, abs=0.01)
    (sticks,) = [c for c in ax.collections if c.get_gid() == "sticks"]
    heights = sorted(seg[1][1] for seg in sticks.get_segments())
    assert heights == pytest.approx([2, 6, 6, 8, 10])  # 2S, 2P, 1F x3, 1F x4, 1D (6.4-7.6 eV)
    labels = {t.get_text() for t in ax.texts if t.get_gid() == "peak-label"}
    assert {"2P ×3", "1F ×3", "1F ×4"} <= labels


def test_artifact(artifacts):
    table = al13_anion()
    ax = simulated_pes(table, VDE, ax=new_ax(), photon_ev=6.42)
    ax.figure.savefig(artifacts / "plots_simulated_pes_al13.png", dpi=110)
    lo, hi = VDE - 1.0, VDE + 4.0  # the default binding-energy range
    assert ax.get_xlim() == pytest.approx((lo, hi))
    (vde,) = [ln for ln in ax.lines if ln.get_gid() == "vde"]
    assert list(vde.get_xdata()) == pytest.approx([VDE, VDE])
    (unreachable,) = [p for p in ax.patches if p.get_gid() == "unreachable"]
    corners = unreachable.get_path().transformed(unreachable.get_patch_transform()).vertices
    assert corners[:, 0].min() == pytest.approx(6.42) and corners[:, 0].max() == pytest.approx(hi)
    # sticks: one per group of degenerate occupied orbitals, binding = VDE - (e - e_HOMO)
    e_homo = table.homo.energy_ev
    binding = sorted(VDE - (o.energy_ev - e_homo) for o in table.orbitals if o.occupation > 0)
    groups = [[binding[0]]]
    for b in binding[1:]:
        if b - groups[-1][0] <= 0.05:
            groups[-1].append(b)
        else:
            groups.append([b])
    expected = [float(np.mean(g)) for g in groups if lo <= np.mean(g) <= hi]
    (sticks,) = [c for c in ax.collections if c.get_gid() == "sticks"]
    assert sorted(seg[0][0] for seg in sticks.get_segments()) == pytest.approx(expected)
    assert ax.get_xlabel() == "binding energy (eV)"
    entries = {t.get_text() for t in ax.get_legend().get_texts()}
    assert entries == {"FWHM 0.20 eV", f"VDE {VDE:.2f} eV", "levels (height = electrons)"}
