"""The superhalogen / superalkali scale of the EA explorer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from superatom_lab.core.classification import thresholds_ev  # noqa: E402
from superatom_lab.plots.super_scale import plot_super_scale  # noqa: E402


def test_shaded_regions_start_at_the_borders():
    ax = plot_super_scale(4.1, "EA")
    limits = thresholds_ev()
    spans = sorted(p.get_x() for p in ax.patches)  # axvspan rectangles: their left edges
    assert spans[1] == limits["EA"]  # superhalogens: from EA(Cl) to the right
    assert max(p.get_x() + p.get_width() for p in ax.patches if p.get_x() < 0.5) == limits["IE"]


def test_value_is_drawn_on_its_row():
    ax = plot_super_scale(3.3, "IE", label="Li3O")
    (star,) = [line for line in ax.lines if line.get_gid() == "value"]
    assert list(star.get_ydata()) == [0.0] and list(star.get_xdata()) == [3.3]
    assert len([line for line in ax.lines if line.get_gid() == "reference"]) == 8
    assert any("Li3O 3.30 eV" in t.get_text() for t in ax.texts)


def test_scale_without_a_value():
    ax = plot_super_scale()
    assert not [line for line in ax.lines if line.get_gid() == "value"]


def test_a_large_ea_is_labelled_away_from_the_region_name():
    # BF4-'s VDE, 7.5 eV, lies at the right end of the superhalogen band
    ax = plot_super_scale(7.5, "EA", label="BF4- VDE")
    (region,) = [t for t in ax.texts if t.get_text() == "superhalogen"]
    (value,) = [t for t in ax.texts if t.get_text() == "BF4- VDE 7.50 eV"]
    assert region.get_position()[1] < 1.0  # below the EA row
    assert value.xy[1] == 1.0 and value.xyann[1] > 0  # anchored on the row, offset above it
