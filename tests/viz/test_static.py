"""The static orbital picture: contours of both signs over the atoms."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from scipy.optimize import brentq

from superatom_lab.errors import InputError
from superatom_lab.viz import orbital_image, read_cube_grid


def new_ax():
    return Figure(figsize=(5.4, 5.0), layout="constrained").add_subplot()


def contour_vertices(ax, gid):
    (contours,) = [c for c in ax.collections if c.get_gid() == gid]
    outer = contours.get_paths()[0 if gid == "positive" else -1]  # the ±isovalue line
    return outer.vertices


def test_cube_grid_coordinates_are_in_angstrom(px_cube):
    _, path = px_cube
    grid = read_cube_grid(path)
    assert grid.data.shape == (41, 41, 41)
    assert grid.axes[0][0] == pytest.approx(-5.0, abs=1e-6)
    assert grid.axes[0][1] - grid.axes[0][0] == pytest.approx(10.0 / 41, abs=1e-6)


@pytest.mark.parametrize("mode", ["projection", "slice"])
def test_both_signs_are_drawn_where_the_orbital_has_them(px_cube, mode):
    cluster, path = px_cube
    ax = orbital_image(cluster, path, 0.02, ax=new_ax(), mode=mode)
    assert ax.get_xlabel() == "x (Å)"  # auto picks a plane containing x, where the lobes are
    positive, negative = contour_vertices(ax, "positive"), contour_vertices(ax, "negative")
    assert len(positive) > 10 and len(negative) > 10
    assert positive[:, 0].mean() > 0.5 and negative[:, 0].mean() < -0.5
    assert len([p for p in ax.patches if p.get_gid() == "atom"]) == 2


def test_looking_along_the_lobes_is_still_possible(px_cube):
    cluster, path = px_cube
    ax = orbital_image(cluster, path, 0.02, ax=new_ax(), plane="yz", mode="slice")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("y (Å)", "z (Å)")


def test_bad_arguments(px_cube, tmp_path):
    cluster, path = px_cube
    with pytest.raises(InputError, match="mode"):
        orbital_image(cluster, path, mode="volume", ax=new_ax())
    with pytest.raises(InputError, match="plane"):
        orbital_image(cluster, path, plane="xx", ax=new_ax())
    with pytest.raises(InputError, match="does not exist"):
        orbital_image(cluster, tmp_path / "nothing.cube", ax=new_ax())


@pytest.mark.pyscf
def test_na8_homo_picture(na8_homo_cube, artifacts):
    na8, path = na8_homo_cube
    ax = orbital_image(na8, path, 0.02, ax=new_ax())
    for gid in ("positive", "negative"):
        assert len(contour_vertices(ax, gid)) > 10
    ax.figure.savefig(artifacts / "viz_orbital_image_na8_homo.png", dpi=110)
    ax = orbital_image(na8, path, 0.02, ax=new_ax(), mode="slice")
    ax.figure.savefig(artifacts / "viz_orbital_slice_na8_homo.png", dpi=110)
    # a 1P orbital's nodal plane passes through the centre: the slice chosen to separate the
    # signs contains its axis, so both lobes show, each on its own side of the centre
    assert "slice" in ax.get_title()
    positive, negative = contour_vertices(ax, "positive"), contour_vertices(ax, "negative")
    assert len(positive) > 10 and len(negative) > 10
    centre = [na8.center_angstrom["xyz".index(ax.get_xlabel()[0])],
              na8.center_angstrom["xyz".index(ax.get_ylabel()[0])]]  # fmt: skip
    lobes = positive.mean(axis=0) - centre, negative.mean(axis=0) - centre
    assert np.dot(*lobes) < 0  # on opposite sides
    assert len([p for p in ax.patches if p.get_gid() == "atom"]) == len(na8.atoms)
    data = read_cube_grid(path).data
    assert data.max() > 0.02 and data.min() < -0.02  # a 1P orbital has both signs
    assert np.isfinite(data).all()


def test_synthetic_artifact(px_cube, artifacts):
    cluster, path = px_cube
    ax = orbital_image(cluster, path, 0.02, ax=new_ax())
    ax.figure.savefig(artifacts / "viz_orbital_image_px.png", dpi=110)
    # The cube holds f = 0.2 x exp(-r^2/4) (tests/viz/synthetic_cube.py).  Seen along y or z,
    # the largest value on a line of sight is f at that coordinate = 0, so the +0.02 outline
    # is 0.2 x exp(-(x^2 + y^2)/4) = 0.02: on the x axis it reaches x0, the outer root of
    # x exp(-x^2/4) = 0.1, and it is widest at x = sqrt(2), where y = +-2 sqrt(ln(10 sqrt(2/e))).
    x0 = brentq(lambda x: x * np.exp(-(x**2) / 4) - 0.1, np.sqrt(2), 5.0)
    half_width = 2 * np.sqrt(np.log(10 * np.sqrt(2 / np.e)))
    tol = 0.05  # Angstrom, a fifth of the 0.244 A grid spacing
    positive, negative = contour_vertices(ax, "positive"), contour_vertices(ax, "negative")
    assert positive[:, 0].max() == pytest.approx(x0, abs=tol)
    assert negative[:, 0].min() == pytest.approx(-x0, abs=tol)  # f is odd in x
    assert np.abs(positive[:, 1]).max() == pytest.approx(half_width, abs=tol)
    # the two Na atoms as discs at their own positions (x = +-1.54 A on the axis)
    centres = sorted(tuple(p.center) for p in ax.patches if p.get_gid() == "atom")
    on_axis = [(x, 0.0) for x in sorted(cluster.positions_angstrom[:, 0])]
    assert np.allclose(centres, on_axis)  # both atoms lie on the x axis, in every plane
    entries = [t.get_text() for t in ax.get_legend().get_texts()]
    assert entries == ["ψ > +0.02", "ψ < −0.02"]
    assert ax.get_title().startswith(f"{cluster.name}: px")
