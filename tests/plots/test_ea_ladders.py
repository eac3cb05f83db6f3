"""Figures of successive EAs: the ladders, the wells of Fig. 2A and the Coulomb well."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from superatom_lab.core.ea_ladder import Well, table4_wells  # noqa: E402
from superatom_lab.plots.ea_ladders import (  # noqa: E402
    plot_coulomb_well,
    plot_successive_eas,
    plot_wells,
)

#: e^2 / (4 pi eps0) = 1.439964 eV nm (CODATA 2018).
COULOMB_EV_A = 14.39964


def new_ax():
    return Figure(figsize=(7, 4), layout="constrained").add_subplot()


def points(ax, gid):
    return [(float(line.get_xdata()[0]), float(line.get_ydata()[0]))
            for line in ax.lines if line.get_gid() == gid]  # fmt: skip


def test_ladders_draw_each_value_where_it_belongs():
    ax = plot_successive_eas(
        ["Cl", "B12H12", "X"],
        {"Cl": [3.8, -7.9], "B12H12": [4.4, 0.7], "X": None},
        {"Cl": [3.62], "B12H12": [4.57, 0.86]},
        {"B12H12": [None, 0.9]},
        ax=new_ax(),
    )
    computed = points(ax, "computed")
    assert sorted(y for _, y in computed) == [-7.9, 0.7, 3.8, 4.4]
    # Cl's values are in its column (x near 0), B12H12's near 1, EA_1 left of EA_2
    cl = sorted((x, y) for x, y in computed if abs(x) < 0.5)
    assert [y for _, y in cl] == [3.8, -7.9]
    assert sorted(y for _, y in points(ax, "reference")) == [0.86, 3.62, 4.57]  # no Cl EA_2
    assert points(ax, "measured") == [pytest.approx((1.15, 0.9))]
    missing = [t for t in ax.texts if t.get_gid() == "missing"]
    assert len(missing) == 1 and missing[0].get_position()[0] == 2
    low, high = ax.get_ylim()
    assert low < -7.9 and high > 4.57
    labels = ax.get_legend_handles_labels()[1]
    assert len(labels) == len(set(labels)) == 5  # 2 computed, 2 Table 4, measured


def test_wells_are_grouped_by_charge_with_ranges_as_error_bars():
    wells = table4_wells()
    ax = plot_wells(wells, {"B12H12": 5.6, "not a row": 1.0}, highlight="Ca(CN)4", ax=new_ax())
    for charge in {w.charge for w in wells}:
        (line,) = [line for line in ax.lines if line.get_gid() == f"well {charge}"]
        expected = sorted((w.radius_angstrom, w.depth_ev) for w in wells if w.charge == charge)
        assert sorted(zip(line.get_xdata(), line.get_ydata(), strict=True)) == expected
    assert points(ax, "computed") == [(3.91, 5.6)]  # at B12H12's radius; unknown names skipped
    (ring,) = points(ax, "highlight")
    assert ring == pytest.approx((3.92, 9.85))
    ranged = [w for w in wells if w.radius_range[0] != w.radius_range[1]]
    assert [w.name for w in ranged] == ["Ca(CN)4"]
    assert len(ax.containers) == 1  # one error bar: the M(CN)4 row


def test_wells_of_a_single_point():
    ax = plot_wells([Well("X", -1, 2.0, 3.0, (2.0, 2.0), (3.0, 3.0))], ax=new_ax())
    assert points(ax, "well -1") == [(2.0, 3.0)] and not ax.containers


def test_coulomb_well_level_and_barrier():
    radius, ea_1 = 3.91, 4.57
    ax = plot_coulomb_well(radius, ea_1, 2, ax=new_ax())
    (level,) = [line for line in ax.lines if line.get_gid() == "level"]
    expected = -(ea_1 - COULOMB_EV_A / radius)
    assert list(level.get_ydata()) == pytest.approx([expected, expected], abs=1e-4)
    assert points(ax, "barrier") == [pytest.approx((radius, COULOMB_EV_A / radius), abs=1e-4)]
    (first,) = [line for line in ax.lines if line.get_gid() == "first level"]
    assert list(first.get_ydata()) == [-ea_1, -ea_1]
    assert "(bound)" in ax.get_legend_handles_labels()[1][-1]


def test_coulomb_well_of_an_unbound_electron_and_of_the_first():
    ax = plot_coulomb_well(2.0, 3.0, 2, ax=new_ax())  # 3.0 - 7.2 < 0, below the 7.2 eV barrier
    assert "held only by the barrier" in ax.get_legend_handles_labels()[1][-1]
    low, high = ax.get_ylim()
    assert high > COULOMB_EV_A / 2.0
    ax = plot_coulomb_well(2.0, 3.0, 1, ax=new_ax())
    assert not points(ax, "barrier")
