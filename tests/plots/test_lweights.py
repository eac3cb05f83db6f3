"""l-weight bar charts."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from superatom_lab.errors import InputError
from superatom_lab.plots import plot_l_weights
from tests.plots.fake_tables import al13_anion


def new_ax():
    return Figure(figsize=(7.6, 3.6), layout="constrained").add_subplot()


def test_bar_heights_are_the_weights():
    orbital = al13_anion().homo
    ax = plot_l_weights(orbital, ax=new_ax())
    assert [p.get_height() for p in ax.patches] == pytest.approx(list(orbital.l_weights))
    assert [t.get_text() for t in ax.get_xticklabels()] == list("SPDFGHI")


def test_several_orbitals_are_grouped_per_l():
    f_shell = [o for o in al13_anion().orbitals if o.label == "1F"]
    ax = plot_l_weights(f_shell, ax=new_ax())
    assert len(ax.patches) == 7 * len(f_shell)
    for k, orbital in enumerate(f_shell):
        heights = [p.get_height() for p in ax.patches if p.get_gid() == f"lweight-{k}"]
        assert heights == pytest.approx(list(orbital.l_weights))
    assert len(ax.get_legend().get_texts()) == len(f_shell)


def test_empty_list_is_refused():
    with pytest.raises(InputError):
        plot_l_weights([], ax=new_ax())


def test_artifacts(artifacts):
    table = al13_anion()
    homo = table.homo
    ax = plot_l_weights(homo, ax=Figure(figsize=(5.6, 3.6), layout="constrained").add_subplot())
    ax.figure.savefig(artifacts / "plots_l_weights_homo.png", dpi=110)
    assert [p.get_height() for p in ax.patches] == pytest.approx(list(homo.l_weights))
    # each weight written above its own bar, the empty ones left blank
    written = [t for t in ax.texts if t.get_gid() == "weight-value"]
    values = [(t.get_position()[0], t.get_text()) for t in written]
    assert values == [(l, f"{w:.2f}") for l, w in enumerate(homo.l_weights) if w >= 0.005]
    assert "2P" in ax.get_title() and f"{homo.energy_ev:.2f} eV" in ax.get_title()
    assert ax.get_ylabel() == "weight" and ax.get_ylim()[1] > max(homo.l_weights)

    f_shell = [o for o in table.orbitals if o.label == "1F"]
    ax = plot_l_weights(f_shell, ax=new_ax())
    ax.figure.savefig(artifacts / "plots_l_weights_1f.png", dpi=110)
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert entries == [f"#{o.index} 1F, {o.energy_ev:.2f} eV" for o in f_shell]
    colours = [{tuple(p.get_facecolor()) for p in ax.patches if p.get_gid() == f"lweight-{k}"}
               for k in range(len(f_shell))]  # fmt: skip
    assert all(len(c) == 1 for c in colours)  # one colour per orbital ...
    assert len(set().union(*colours)) == len(f_shell)  # ... and a different one for each
