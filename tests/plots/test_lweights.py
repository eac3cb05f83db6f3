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
    ax = plot_l_weights(
        table.homo, ax=Figure(figsize=(5.6, 3.6), layout="constrained").add_subplot()
    )
    ax.figure.savefig(artifacts / "plots_l_weights_homo.png", dpi=110)
    ax = plot_l_weights([o for o in table.orbitals if o.label == "1F"], ax=new_ax())
    ax.figure.savefig(artifacts / "plots_l_weights_1f.png", dpi=110)
