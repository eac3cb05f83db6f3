"""The superhalogen / superalkali scale of the EA explorer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from superatom_lab.plots.super_scale import classify, plot_super_scale, thresholds_ev  # noqa: E402


def test_borders_are_chlorine_and_caesium():
    assert thresholds_ev() == {"EA": 3.6127, "IE": 3.8939}
    assert classify(3.62, "EA") == "superhalogen" and classify(3.60, "EA") == ""
    assert classify(3.88, "IE") == "superalkali" and classify(3.90, "IE") == ""


def test_value_is_drawn_on_its_row():
    ax = plot_super_scale(3.3, "IE", label="Li3O")
    (star,) = [line for line in ax.lines if line.get_gid() == "value"]
    assert list(star.get_ydata()) == [0.0] and list(star.get_xdata()) == [3.3]
    assert len([line for line in ax.lines if line.get_gid() == "reference"]) == 8
    assert any("Li3O 3.30 eV" in t.get_text() for t in ax.texts)


def test_scale_without_a_value():
    ax = plot_super_scale()
    assert not [line for line in ax.lines if line.get_gid() == "value"]
