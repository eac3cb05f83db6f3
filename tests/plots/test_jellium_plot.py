"""Jellium ladders, alone and beside the DFT levels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from superatom_lab.core.jellium import solve_jellium
from superatom_lab.plots import plot_jellium_ladder, plot_levels_beside_jellium
from tests.plots.fake_tables import al13_anion


@pytest.fixture(scope="module")
def al13_jellium():
    return solve_jellium(40, 2.07, charge=-1)


@pytest.fixture(scope="module")
def na8_jellium():
    return solve_jellium(8, 3.93)


def new_ax(size=(5.2, 6.0)):
    return Figure(figsize=size, layout="constrained").add_subplot()


def by_gid(ax, gid):
    return [a for a in [*ax.lines, *ax.texts] if a.get_gid() == gid]


def test_ladder_has_2l_plus_1_bars_per_level_and_labels(al13_jellium):
    ax = plot_jellium_ladder(al13_jellium, ax=new_ax())
    n_bars = sum(2 * lv.l + 1 for lv in al13_jellium.levels)
    assert len(by_gid(ax, "jellium-level")) == n_bars == 20
    labels = [t.get_text() for t in by_gid(ax, "shell-label")]
    assert labels == ["1S (2 e⁻)", "1P (6 e⁻)", "1D (10 e⁻)", "2S (2 e⁻)", "1F (14 e⁻)",
                      "2P (6 e⁻)"]  # fmt: skip


def test_running_totals_are_the_magic_numbers(al13_jellium, na8_jellium):
    ax = plot_jellium_ladder(al13_jellium, ax=new_ax())
    totals = [t.get_text() for t in by_gid(ax, "magic-total")]
    assert totals == [str(n) for n in al13_jellium.magic_numbers]
    bold = {t.get_text() for t in by_gid(ax, "magic-total") if t.get_fontweight() == "bold"}
    assert {"2", "8", "20"} <= bold
    ax = plot_jellium_ladder(na8_jellium, ax=new_ax())
    occupied = [ln for ln in by_gid(ax, "jellium-level") if ln.get_linewidth() > 2]
    assert len(occupied) == 1 + 3  # 1S and 1P full, the rest empty


def test_shift_moves_every_level(na8_jellium):
    ax = plot_jellium_ladder(na8_jellium, ax=new_ax(), shift_ev=1.5)
    ys = sorted({round(ln.get_ydata()[0], 6) for ln in by_gid(ax, "jellium-level")})
    assert ys[0] == pytest.approx(na8_jellium.levels[0].energy_ev + 1.5)


def test_beside_aligns_homos_and_connects_matching_shells(al13_jellium):
    table = al13_anion()
    ax = plot_levels_beside_jellium(table, al13_jellium, ax=new_ax((8.5, 6.4)))
    jel = by_gid(ax, "jellium-level")
    top_occupied = max(ln.get_ydata()[0] for ln in jel)  # 2P, the jellium HOMO
    assert top_occupied == pytest.approx(table.homo.energy_ev)
    dft_bars = by_gid(ax, "level")
    assert len(dft_bars) == len([o for o in table.orbitals if o.label != "core"])
    # 1S 1P 1D 2S 2P once, and 1F twice (split 3 + 4); no jellium 1G or 2D is bound
    assert len(by_gid(ax, "connector")) == 7


def legend_colours(ax) -> dict:
    """Legend entry text -> colour of its line handle."""
    legend = ax.get_legend()
    return {t.get_text(): h.get_color() for t, h in zip(legend.get_texts(), legend.legend_handles)}


def test_artifacts(artifacts, al13_jellium, na8_jellium):
    ax = plot_jellium_ladder(na8_jellium, ax=new_ax())
    ax.figure.savefig(artifacts / "plots_jellium_ladder_na8.png", dpi=110)
    # Na8 is 1S2 1P6, a closed shell (Knight et al., Phys. Rev. Lett. 52, 2141 (1984)):
    # nothing partly filled, so the legend has two entries
    colours = legend_colours(ax)
    assert list(colours) == ["occupied", "empty"] and len(set(colours.values())) == 2
    bars = by_gid(ax, "jellium-level")
    assert len(bars) == sum(2 * lv.l + 1 for lv in na8_jellium.levels)
    for level, occ in zip(na8_jellium.levels, na8_jellium.occupations):
        at = [ln for ln in bars if ln.get_ydata()[0] == pytest.approx(level.energy_ev)]
        assert len(at) == 2 * level.l + 1, level.label  # one bar per m, at the level's energy
        kind = "occupied" if occ > 0 else "empty"
        assert {ln.get_color() for ln in at} == {colours[kind]}, level.label
    occupied = [ln for ln in bars if ln.get_color() == colours["occupied"]]
    assert len(occupied) == 1 + 3  # the 1S bar and the three 1P bars
    assert ax.get_ylabel() == "jellium level energy (eV)" and "8 electrons" in ax.get_title()

    table = al13_anion()
    ax = plot_levels_beside_jellium(table, al13_jellium, ax=new_ax((8.5, 6.4)))
    ax.figure.savefig(artifacts / "plots_levels_beside_jellium_al13.png", dpi=110)
    colours = legend_colours(ax)
    assert list(colours) == ["occupied", "empty"]  # Al13- has 40 electrons: a closed shell
    # left: one DFT bar at each valence orbital's energy, coloured by its occupation
    valence = [o for o in table.orbitals if o.label != "core"]
    dft = by_gid(ax, "level")
    assert sorted(ln.get_ydata()[0] for ln in dft) == pytest.approx(
        sorted(o.energy_ev for o in valence)
    )
    for orbital in valence:
        (bar,) = [ln for ln in dft if ln.get_ydata()[0] == pytest.approx(orbital.energy_ev)]
        assert bar.get_color() == colours["occupied" if orbital.occupation > 0 else "empty"]
    # right: every jellium level moved by the same shift, the one that puts its HOMO on the DFT's
    shift = table.homo.energy_ev - al13_jellium.homo.energy_ev
    jel_ys = sorted({round(ln.get_ydata()[0], 9) for ln in by_gid(ax, "jellium-level")})
    assert jel_ys == pytest.approx(sorted(lv.energy_ev + shift for lv in al13_jellium.levels))
    assert ax.get_ylabel() == "DFT orbital energy (eV)"
    headers = [t.get_text() for t in by_gid(ax, "column-header")]
    way = "lower" if shift < 0 else "higher"
    assert f"drawn {abs(shift):.2f} eV {way}: HOMOs aligned" in headers
