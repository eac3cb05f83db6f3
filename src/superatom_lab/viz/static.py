"""A static picture of an orbital from a cube file, with matplotlib (no browser needed).

For exports and for sessions without a working 3D front end.  The default
``mode="projection"`` looks along one axis and keeps, for every point of the
picture, the largest and the smallest orbital value along the line of sight:
their ``+isovalue`` and ``-isovalue`` contours are the outlines of the 3D
isosurfaces at the same isovalue, as seen through semi-transparent lobes.
``mode="slice"`` cuts one plane through the cluster's centre.

Examples
--------
>>> ax = orbital_image(cluster, "homo.cube", 0.02)  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from superatom_lab.errors import InputError

AXES = "xyz"
PLANES = {"xy": 2, "xz": 1, "yz": 0}  # plane -> the axis it is perpendicular to
POSITIVE_COLOR = "#1f6fd1"
NEGATIVE_COLOR = "#d1361f"
ATOM_SCALE = 0.4  # disc radius / covalent radius; the orbital is not drawn inside


@dataclass(frozen=True)
class CubeGrid:
    """Values of a cube file on an axis-aligned grid, coordinates in Angstrom."""

    data: np.ndarray
    axes: tuple  # three 1-D coordinate arrays (x, y, z), Angstrom
    atoms: object  # ase.Atoms read from the file


def read_cube_grid(path) -> CubeGrid:
    """Read a cube file with ASE and return its values with their coordinates.

    Raises
    ------
    InputError
        For a missing file or a grid whose axes are not along x, y and z.

    Examples
    --------
    >>> grid = read_cube_grid("homo.cube")  # doctest: +SKIP
    >>> grid.data.shape  # doctest: +SKIP
    (60, 58, 62)
    """
    from ase.io.cube import read_cube

    path = Path(path)
    if not path.is_file():
        raise InputError(f"cube file {str(path)!r} does not exist: write it with orbital_cube()")
    with open(path) as handle:
        content = read_cube(handle)
    spacing = np.asarray(content["spacing"])
    if np.abs(spacing - np.diag(np.diag(spacing))).max() > 1e-8:
        raise InputError(f"{path.name}: only grids along x, y and z can be drawn")
    data = np.asarray(content["data"])
    origin = np.asarray(content["origin"])
    axes = tuple(origin[k] + np.arange(data.shape[k]) * spacing[k, k] for k in range(3))
    return CubeGrid(data=data, axes=axes, atoms=content["atoms"])


def _without_cores(grid: CubeGrid, cluster) -> np.ndarray:
    """The grid values with every point inside an atom's disc radius set to zero.

    All-electron orbitals oscillate near the nuclei; those core wiggles would
    clutter the picture, and the atom's disc covers that region anyway.
    """
    from ase.data import covalent_radii

    data = grid.data.copy()
    x, y, z = grid.axes
    for position, number in zip(cluster.positions_angstrom, cluster.atoms.get_atomic_numbers()):
        r = ATOM_SCALE * covalent_radii[number]
        ix = np.flatnonzero(np.abs(x - position[0]) <= r)
        iy = np.flatnonzero(np.abs(y - position[1]) <= r)
        iz = np.flatnonzero(np.abs(z - position[2]) <= r)
        if not (len(ix) and len(iy) and len(iz)):
            continue
        d2 = (
            (x[ix, None, None] - position[0]) ** 2
            + (y[None, iy, None] - position[1]) ** 2
            + (z[None, None, iz] - position[2]) ** 2
        )
        block = data[np.ix_(ix, iy, iz)]
        block[d2 <= r * r] = 0.0
        data[np.ix_(ix, iy, iz)] = block
    return data


def _flatten(grid: CubeGrid, normal: int, mode: str, centre, offset: float):
    """The 2-D pictures ``(positive, negative)`` seen along axis ``normal``.

    In a projection, ``positive`` is the largest value along each line of sight
    and ``negative`` the smallest, so lobes of both signs show even where they
    overlap, as through semi-transparent isosurfaces.  A slice is one plane.
    """
    if mode == "projection":
        return grid.data.max(axis=normal), grid.data.min(axis=normal)
    coordinate = grid.axes[normal]
    k = int(np.abs(coordinate - (centre[normal] + offset)).argmin())
    cut = np.take(grid.data, k, axis=normal)
    return cut, cut


def _best_normal(grid: CubeGrid, isovalue: float, mode: str, centre, offset: float) -> int:
    """The axis to look along that best separates the two signs (then shows the most)."""

    def score(normal: int):
        positive, negative = _flatten(grid, normal, mode, centre, offset)
        pos, neg = positive > isovalue, negative < -isovalue
        return (int((pos ^ neg).sum()), int((pos | neg).sum()))

    return max((2, 1, 0), key=score)


def orbital_image(
    cluster,
    cube_path,
    isovalue: float = 0.02,
    ax=None,
    *,
    plane: str = "auto",
    mode: str = "projection",
    offset_angstrom: float = 0.0,
    title: str | None = None,
):
    """Draw an orbital as contours of both signs over the cluster's atoms.

    Parameters
    ----------
    cluster : Cluster
        The atoms to draw, in the cube file's coordinates (Angstrom).
    cube_path : str or Path
        A cube file from :func:`superatom_lab.qc.cube.orbital_cube`.
    isovalue : float
        Outer contour (orbital units, as in :func:`~superatom_lab.viz.orbital_view`);
        inner contours are drawn at 2x and 4x.  Inside the atom discs (the
        core region) the orbital is not drawn.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    plane : {"auto", "xy", "xz", "yz"}
        The picture's plane.  ``"auto"`` picks the one that best separates the
        lobes of the two signs.
    mode : {"projection", "slice"}
        Outline of the lobes seen along the plane's normal, or a cut through
        the cluster's centre (moved by ``offset_angstrom`` along the normal).
    title : str, optional
        Replaces the automatic title.

    Returns
    -------
    matplotlib.axes.Axes
        The contour sets carry ``gid="positive"`` and ``gid="negative"``.

    Examples
    --------
    >>> ax = orbital_image(cluster, "homo.cube", 0.02, plane="xz")  # doctest: +SKIP
    """
    from superatom_lab.plots.axes import new_axes

    if mode not in ("projection", "slice"):
        raise InputError(f"mode must be 'projection' or 'slice', got {mode!r}")
    if plane != "auto" and plane not in PLANES:
        raise InputError(f"plane must be 'auto', 'xy', 'xz' or 'yz', got {plane!r}")
    value = abs(float(isovalue))
    if not value > 0:
        raise InputError(f"isovalue must be a positive number, got {isovalue!r}")
    raw = read_cube_grid(cube_path)
    grid = CubeGrid(_without_cores(raw, cluster), raw.axes, raw.atoms)
    centre = cluster.center_angstrom
    normal = (
        _best_normal(grid, value, mode, centre, offset_angstrom)
        if plane == "auto"
        else PLANES[plane]
    )
    pos_image, neg_image = (im.T for im in _flatten(grid, normal, mode, centre, offset_angstrom))
    i, j = [k for k in range(3) if k != normal]
    xs, ys = grid.axes[i], grid.axes[j]
    ax = new_axes(ax, figsize=(5.4, 5.0))

    big = max(float(pos_image.max()), float(-neg_image.min()), 8 * value) * 1.01
    levels = value * np.array([1.0, 2.0, 4.0])
    ax.contourf(xs, ys, pos_image, levels=[value, big], colors=[POSITIVE_COLOR], alpha=0.2)
    ax.contourf(xs, ys, neg_image, levels=[-big, -value], colors=[NEGATIVE_COLOR], alpha=0.2)
    positive = ax.contour(xs, ys, pos_image, levels=levels, colors=POSITIVE_COLOR,
                          linewidths=[1.6, 0.9, 0.6], linestyles="solid", zorder=3)  # fmt: skip
    negative = ax.contour(xs, ys, neg_image, levels=-levels[::-1], colors=NEGATIVE_COLOR,
                          linewidths=[0.6, 0.9, 1.6], linestyles="solid", zorder=3)  # fmt: skip
    positive.set_gid("positive")
    negative.set_gid("negative")
    _draw_atoms(ax, cluster, i, j, normal, mode, centre[normal] + offset_angstrom)

    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=POSITIVE_COLOR, lw=1.6, label=f"ψ > +{value:g}"),
        Line2D([], [], color=NEGATIVE_COLOR, lw=1.6, label=f"ψ < −{value:g}"),
    ]
    ax.legend(handles=handles, loc="upper right", fontsize=8, framealpha=0.9)
    ax.set_aspect("equal")
    ax.set_xlabel(f"{AXES[i]} (Å)")
    ax.set_ylabel(f"{AXES[j]} (Å)")
    if title is None:
        how = (
            f"lobes seen along {AXES[normal]}"
            if mode == "projection"
            else f"slice {AXES[normal]} = {centre[normal] + offset_angstrom:.2f} Å"
        )
        title = f"{cluster.name}: {Path(cube_path).stem}, {how}"
    ax.set_title(title, fontsize=11)
    return ax


def _draw_atoms(ax, cluster, i: int, j: int, normal: int, mode: str, depth0: float) -> None:
    """Atoms as discs in jmol colours, back to front; far from a slice they fade."""
    from ase.data import covalent_radii
    from ase.data.colors import jmol_colors
    from matplotlib.patches import Circle

    positions = cluster.positions_angstrom
    numbers = cluster.atoms.get_atomic_numbers()
    order = np.argsort(positions[:, normal])
    for k in order:
        z = numbers[k]
        far = mode == "slice" and abs(positions[k, normal] - depth0) > covalent_radii[z]
        disc = Circle((positions[k, i], positions[k, j]), ATOM_SCALE * covalent_radii[z],
                      facecolor=jmol_colors[z], edgecolor="0.15", linewidth=0.8,
                      alpha=0.3 if far else 0.75, zorder=2, gid="atom")  # fmt: skip
        ax.add_patch(disc)
