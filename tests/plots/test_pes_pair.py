"""Spectra side by side: one shared binding-energy window, one panel per species, in order."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from superatom_lab.core.photoelectron import pes_sticks
from superatom_lab.core.reference import experimental_ea
from superatom_lab.errors import InputError
from superatom_lab.plots import plot_pes_side_by_side


def spectra():
    # two made-up anions: VDEs 1.6 and 0.6 eV, a second band 3.5 eV deeper
    return {"ZrO-": pes_sticks([-1.5, -5.0], [1, 2], vde_ev=1.6),
            "Pd-": pes_sticks([-0.6, -4.1], [1, 2], vde_ev=0.6)}  # fmt: skip


def test_panels_share_the_window_from_the_lowest_to_the_highest_vde():
    axes = plot_pes_side_by_side(spectra(), fwhm_ev=0.3)
    assert [ax.get_title() for ax in axes] == ["ZrO-", "Pd-"]
    for ax in axes:
        # 1 eV below the lowest VDE (0.6, clipped at 0) to 4 eV above the highest (1.6)
        assert ax.get_xlim() == pytest.approx((0.0, 5.6))
        vde = [ln for ln in ax.lines if ln.get_gid() == "vde"][0]
        assert vde.get_xdata()[0] in (pytest.approx(1.6), pytest.approx(0.6))


def test_given_axes_and_references_are_used():
    fig = Figure()
    axes = [fig.add_subplot(1, 2, k) for k in (1, 2)]
    drawn = plot_pes_side_by_side(spectra(), axes=axes,
                                  references={"Pd-": experimental_ea("Cl")})  # fmt: skip
    assert drawn == axes
    assert any(ln.get_gid() == "reference" for ln in axes[1].lines)
    assert not any(ln.get_gid() == "reference" for ln in axes[0].lines)


def test_bad_input_is_refused():
    with pytest.raises(InputError):
        plot_pes_side_by_side({})
    fig = Figure()
    with pytest.raises(InputError):
        plot_pes_side_by_side(spectra(), axes=[fig.add_subplot()])
