"""Simulated photoelectron spectra drawn: curve, sticks, labels, VDE and the reference marker.

The spectrum itself (positions, widths, heights, area) is tested in
tests/core/test_photoelectron.py.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from superatom_lab.core.photoelectron import pes_sticks
from superatom_lab.core.reference import computed_vde, experimental_ea
from superatom_lab.plots import plot_pes, simulated_pes
from tests.plots.fake_tables import al13_anion

VDE = 3.62


def new_ax():
    return Figure(figsize=(6.4, 3.8), layout="constrained").add_subplot()


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


def cl_anion_sticks(vde):
    """Cl-: 3s and 3p, both spin channels, 3p at the VDE."""
    channel = [-13.1, -0.86, -0.86, -0.86]
    return pes_sticks([channel, channel], [[1, 1, 1, 1], [1, 1, 1, 1]], vde)


def test_plot_marks_the_measured_value_with_its_source():
    measured = experimental_ea("Cl")  # for an atom, the EA is the VDE of its anion
    ax = plot_pes(cl_anion_sticks(3.78), 0.25, ax=new_ax(), reference=measured,
                  vde_label="computed VDE")  # fmt: skip
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "reference"]
    assert list(line.get_xdata()) == pytest.approx([3.6127, 3.6127])
    (marker,) = [ln for ln in ax.lines if ln.get_gid() == "reference-marker"]
    assert list(marker.get_xdata()) == pytest.approx([3.6127])
    assert marker.get_ydata()[0] <= ax.get_ylim()[1]  # drawn inside the axes
    (source,) = [t for t in ax.texts if t.get_gid() == "reference-source"]
    assert "photodetachment" in source.get_text()
    assert "measured adiabatic EA" in source.get_text()
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "computed VDE 3.78 eV" in entries and "measured adiabatic EA 3.61 eV" in entries
    (curve,) = [ln for ln in ax.lines if ln.get_gid() == "pes"]
    x, y = curve.get_xdata(), curve.get_ydata()
    assert x[np.argmax(y)] == pytest.approx(3.78, abs=0.01)  # 3p band; 3s is 12 eV deeper
    (sticks,) = [c for c in ax.collections if c.get_gid() == "sticks"]
    assert [seg[1][1] for seg in sticks.get_segments()] == pytest.approx([6])  # 3p^6


def test_a_computed_reference_is_not_called_measured():
    ax = plot_pes(cl_anion_sticks(7.9), 0.25, ax=new_ax(), reference=computed_vde("AlF4"))
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "computed VDE (literature) 9.79 eV" in entries
    assert not any("measured" in e for e in entries)


def test_without_a_reference_no_marker_is_drawn():
    ax = plot_pes(cl_anion_sticks(3.78), 0.25, ax=new_ax())
    gids = {a.get_gid() for a in ax.lines + ax.texts}
    assert not gids & {"reference", "reference-marker", "reference-source"}
