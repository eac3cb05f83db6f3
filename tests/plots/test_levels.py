"""The orbital level diagram: one bar per orbital, grouped labels, HOMO/LUMO and gap."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from superatom_lab.errors import InputError
from superatom_lab.plots import plot_orbital_levels
from tests.plots.fake_tables import al13_anion, table_from_levels


def new_ax(size=(5.2, 6.4)):
    return Figure(figsize=size, layout="constrained").add_subplot()


def by_gid(ax, gid):
    return [a for a in [*ax.lines, *ax.texts] if a.get_gid() == gid]


def test_one_bar_per_orbital_in_the_window_and_cores_left_out():
    table = al13_anion()
    ax = plot_orbital_levels(table, ax=new_ax())
    valence = [o for o in table.orbitals if o.label != "core"]
    assert len(by_gid(ax, "level")) == len(valence) == 35
    ax = plot_orbital_levels(table, ax=new_ax(), window_ev=(-7.0, -2.0))
    inside = [o for o in table.orbitals if -7.0 <= o.energy_ev <= -2.0]
    assert len(by_gid(ax, "level")) == len(inside) == 16


def test_degenerate_orbitals_stand_side_by_side_and_share_one_label():
    ax = plot_orbital_levels(al13_anion(), ax=new_ax())
    labels = [t.get_text() for t in by_gid(ax, "shell-label")]
    assert "1P ×3" in labels and "1D ×5" in labels and "1S" in labels
    assert "1F ×3" in labels and "1F ×4" in labels  # a split shell keeps its name
    assert "2P ×3  HOMO" in labels and "1G ×4  LUMO" in labels
    p_bars = [ln for ln in by_gid(ax, "level") if abs(ln.get_ydata()[0] + 8.3) < 0.05]
    lefts = sorted(ln.get_xdata()[0] for ln in p_bars)
    assert len(p_bars) == 3 and lefts[1] - lefts[0] > 0.9  # beside, not on top of each other


def test_occupied_and_empty_levels_look_different():
    ax = plot_orbital_levels(al13_anion(), ax=new_ax())
    styles = {(ln.get_color(), ln.get_linewidth()) for ln in by_gid(ax, "level")}
    assert len(styles) == 2


def test_gap_is_annotated_with_its_value():
    table = al13_anion()
    ax = plot_orbital_levels(table, ax=new_ax())
    (gap,) = by_gid(ax, "gap-label")
    assert f"{table.gap_ev:.2f} eV" in gap.get_text()


def test_crowded_labels_do_not_overlap():
    ax = plot_orbital_levels(al13_anion(), ax=new_ax())
    ax.figure.canvas.draw()
    boxes = sorted((t.get_window_extent() for t in by_gid(ax, "shell-label")), key=lambda b: b.y0)
    for below, above in zip(boxes, boxes[1:]):
        assert above.y0 >= below.y1 - 1.0


def test_beta_channel_and_bad_spin():
    levels = [(-5.0, "1S", 1, True), (-3.0, "1P", 3, False)]
    table = table_from_levels(levels, formula="Li3O", charge=0, spin=1, occupation=1.0)
    with pytest.raises(InputError, match="no beta orbitals"):
        plot_orbital_levels(table, ax=new_ax(), spin="beta")
    with pytest.raises(InputError, match="'alpha' or 'beta'"):
        plot_orbital_levels(table, ax=new_ax(), spin="up")


def test_new_figure_when_no_axes_given():
    import matplotlib.pyplot as plt

    ax = plot_orbital_levels(al13_anion())
    try:
        assert ax.figure.get_figwidth() == pytest.approx(5.2)
    finally:
        plt.close(ax.figure)


def test_artifact(artifacts):
    table = al13_anion()
    ax = plot_orbital_levels(table, ax=new_ax())
    ax.figure.savefig(artifacts / "plots_orbital_levels_al13.png", dpi=110)
    legend = ax.get_legend()
    colours = {t.get_text(): h.get_color() for t, h in zip(legend.get_texts(),
                                                           legend.legend_handles)}  # fmt: skip
    assert list(colours) == ["occupied", "empty"]
    valence = [o for o in table.orbitals if o.label != "core"]
    bars = by_gid(ax, "level")
    assert sorted(ln.get_ydata()[0] for ln in bars) == pytest.approx(
        sorted(o.energy_ev for o in valence)
    )
    for orbital in valence:  # each bar at its orbital's energy, in the style of its occupation
        (bar,) = [ln for ln in bars if ln.get_ydata()[0] == pytest.approx(orbital.energy_ev)]
        assert bar.get_color() == colours["occupied" if orbital.occupation > 0 else "empty"]
    # every shell of the table is named once per group, and no name is invented
    names = {t.get_text().split()[0] for t in by_gid(ax, "shell-label")}
    assert names == {o.label for o in valence}
    assert ax.get_ylabel() == "orbital energy (eV)"
    lo, hi = ax.get_ylim()
    assert lo < min(o.energy_ev for o in valence) and hi > max(o.energy_ev for o in valence)
