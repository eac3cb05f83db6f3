"""nglview scenes: a cluster in ball-and-stick, a crystal cell, an orbital's two isosurfaces.

nglview and ipywidgets are imported inside the functions, so importing this
module is cheap and works without a Jupyter front end.

Blank views
-----------
In Voila, and in tabs or accordions that open later, an NGL canvas can be
created before its box has a size, and stays blank until the window is
resized (nglview issue 950).  Every view made here therefore

* gets an explicit ``layout.width``/``layout.height`` and a matching
  ``setSize`` call, so the box never has zero height;
* queues a ``handleResize`` that runs as soon as the front end reports the
  view loaded, and repeats it a little later (``RESIZE_DELAYS_S``), when the
  page has laid itself out.

An app that shows a view in a tab should call :func:`refresh_view` when the
tab opens.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> view = structure_view(Cluster(Atoms("Na2", positions=[(0, 0, 0), (0, 0, 3.08)])))
>>> len(view._ngl_component_ids)
1
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from superatom_lab.errors import InputError

POSITIVE_COLOR = "#1f6fd1"
NEGATIVE_COLOR = "#d1361f"
RESIZE_DELAYS_S = (0.5, 2.0)
SINGLE_ATOM_ZOOM = -0.6


def refresh_view(view) -> None:
    """Make the front end re-measure the view's box and redraw (fixes a blank canvas).

    Examples
    --------
    >>> import nglview
    >>> refresh_view(nglview.NGLWidget())
    """
    view.handle_resize()


def _resize_when_loaded(change) -> None:
    if not change["new"]:
        return
    view = change["owner"]
    refresh_view(view)
    for delay in RESIZE_DELAYS_S:
        timer = threading.Timer(delay, refresh_view, args=(view,))
        timer.daemon = True
        timer.start()


def keep_visible(view, width: str = "100%", height: str = "400px"):
    """Give ``view`` a fixed size and resize it once it is loaded (nglview issue 950).

    Parameters
    ----------
    view : nglview.NGLWidget
    width, height : str
        CSS sizes; a height in pixels is what keeps the canvas from collapsing.

    Returns
    -------
    nglview.NGLWidget
        The same view.

    Examples
    --------
    >>> import nglview
    >>> keep_visible(nglview.NGLWidget(), height="300px").layout.height
    '300px'
    """
    view.layout.width = width
    view.layout.height = height
    view._set_size(width, height)  # both at once: the layout observer sends them one by one
    view.handle_resize()  # queued until the front end has loaded the view
    view.observe(_resize_when_loaded, names="loaded")
    return view


def principal_frame(positions) -> np.ndarray:
    """Positions centred and rotated so the longest extent lies along x, the next along y.

    NGL looks down the z axis: a linear molecule along z would be seen end-on
    (OH as one red ball) and a planar one edge-on.

    Examples
    --------
    >>> principal_frame([[0, 0, 0], [0, 0, 0.97]]).round(3).tolist()
    [[0.485, 0.0, 0.0], [-0.485, 0.0, 0.0]]
    """
    pos = np.asarray(positions, dtype=float)
    pos = pos - pos.mean(axis=0)
    if len(pos) < 2:
        return pos
    _, vectors = np.linalg.eigh(pos.T @ pos)  # ascending spread
    axes = vectors[:, ::-1].T  # rows: the longest axis first
    if np.linalg.det(axes) < 0:
        axes[2] = -axes[2]
    rotated = pos @ axes.T
    for k in range(3):  # a fixed sign per axis, so the same input gives the same picture
        if rotated[np.argmax(np.abs(rotated[:, k])), k] < 0:
            rotated[:, k] = -rotated[:, k]
    return rotated + 0.0


def pdb_with_bonds(cluster, orient: bool = False) -> str:
    """PDB text of the cluster with CONECT records for the bonds this package sees.

    NGL guesses bonds from its own covalent radii, which are too short for
    metal-metal bonds (Al13's surface bonds of 2.9-3.0 A were drawn as loose
    balls); the CONECT records carry the bonds of
    :func:`superatom_lab.core.connectivity.bonded_neighbours` instead.

    Examples
    --------
    >>> from ase import Atoms
    >>> from superatom_lab.core.cluster import Cluster
    >>> text = pdb_with_bonds(Cluster(Atoms("Al2", positions=[(0, 0, 0), (0, 0, 2.9)])))
    >>> [line.split() for line in text.splitlines() if line.startswith("CONECT")]
    [['CONECT', '1', '2'], ['CONECT', '2', '1']]
    """
    from superatom_lab.core.connectivity import bonded_neighbours

    atoms = cluster.atoms
    positions = principal_frame(atoms.positions) if orient else atoms.positions
    lines = []
    for i, (symbol, (x, y, z)) in enumerate(zip(atoms.get_chemical_symbols(), positions)):
        name = symbol.upper() if len(symbol) == 2 else f" {symbol.upper()}"
        lines.append(f"HETATM{i + 1:5d} {name:<4s} CLU A   1    {x:8.3f}{y:8.3f}{z:8.3f}"
                     f"  1.00  0.00          {symbol.upper():>2s}")  # fmt: skip
    for i, neighbours in enumerate(bonded_neighbours(atoms)):
        for start in range(0, len(neighbours), 4):  # a CONECT record holds four partners
            chunk = sorted(neighbours)[start : start + 4]
            lines.append(f"CONECT{i + 1:5d}" + "".join(f"{j + 1:5d}" for j in chunk))
    return "\n".join(lines + ["END", ""])


def structure_view(cluster, *, width: str = "100%", height: str = "400px", orient: bool = True):
    """An nglview widget showing the cluster's atoms in ball-and-stick.

    Parameters
    ----------
    cluster : Cluster
        Its ``atoms`` (an ``ase.Atoms``) are sent to the viewer.
    width, height : str
        CSS size of the view.
    orient : bool
        Turn the structure so its longest extent lies across the screen
        (:func:`principal_frame`).  Off when something in the original frame,
        such as a cube file, is added to the view.

    Returns
    -------
    nglview.NGLWidget
        Component 0 is the structure, drawn with one ``ball+stick``
        representation; display it as the last line of a cell.

    Examples
    --------
    >>> from superatom_lab.core.shapes import icosahedron
    >>> view = structure_view(icosahedron("Al"), height="300px")  # doctest: +SKIP
    >>> view  # doctest: +SKIP
    """
    import nglview

    view = nglview.NGLWidget()
    view.background = "white"
    structure = nglview.TextStructure(pdb_with_bonds(cluster, orient=orient), ext="pdb")
    component = view.add_component(structure, defaultRepresentation=False, name=cluster.name)
    component.add_representation("ball+stick", aspectRatio=2.5)
    view.center()
    if cluster.n_atoms == 1:
        # NGL puts the camera so close to a lone atom that it is drawn unlit (a black
        # disc); zoomed out it is shaded in its element colour
        view.control.zoom(SINGLE_ATOM_ZOOM)
    return keep_visible(view, width=width, height=height)


def crystal_view(atoms, *, repeat: int = 2, width: str = "100%", height: str = "400px"):
    """An nglview widget of a periodic cell, repeated ``repeat`` times along each axis.

    Parameters
    ----------
    atoms : ase.Atoms
        A periodic cell, e.g. from :func:`superatom_lab.core.perovskites.cubic_cell`.
    repeat : int
        Cells along each axis (1 to 4); the box of the first cell is drawn.
    width, height : str
        CSS size of the view.

    Examples
    --------
    >>> from superatom_lab.core.perovskites import cubic_cell
    >>> view = crystal_view(cubic_cell("BH4-", "O2-", "Li+"))  # doctest: +SKIP
    """
    import nglview

    if isinstance(repeat, bool) or not isinstance(repeat, int) or not 1 <= repeat <= 4:
        raise InputError(f"repeat is a whole number of cells from 1 to 4, got {repeat!r}")
    if not all(atoms.pbc):
        raise InputError("a crystal view needs a periodic cell (pbc on every axis)")
    view = nglview.show_ase(atoms.repeat(repeat), default=False)
    view.background = "white"
    view.add_representation("ball+stick", aspectRatio=2.5)
    view.add_unitcell()
    view.center()
    return keep_visible(view, width=width, height=height)


def _check_isovalue(isovalue) -> float:
    try:
        value = abs(float(isovalue))
    except (TypeError, ValueError):
        raise InputError(f"isovalue must be a number, got {isovalue!r}") from None
    if not 0 < value < 10:
        raise InputError(f"isovalue must be between 0 and 10 (orbital units), got {isovalue!r}")
    return value


def orbital_view(
    cluster,
    cube_path,
    isovalue: float = 0.02,
    *,
    positive_color: str = POSITIVE_COLOR,
    negative_color: str = NEGATIVE_COLOR,
    opacity: float = 0.75,
    width: str = "100%",
    height: str = "400px",
):
    """The cluster with an orbital from a cube file: positive lobes blue, negative red.

    Parameters
    ----------
    cluster : Cluster
        The atoms to draw (the cube file's own atoms are not shown twice).
    cube_path : str or Path
        A Gaussian cube file, e.g. from :func:`superatom_lab.qc.cube.orbital_cube`.
    isovalue : float
        The surfaces are drawn where the orbital equals ``+isovalue`` and
        ``-isovalue`` (orbital units, bohr^-3/2).
    positive_color, negative_color : str
        Colours of the two signs.
    opacity : float
        0 (invisible) to 1 (opaque).
    width, height : str
        CSS size of the view.

    Returns
    -------
    nglview.NGLWidget
        Component 0 is the structure, component 1 the orbital with two
        ``surface`` representations: index 0 positive, index 1 negative.

    Raises
    ------
    InputError
        For a missing cube file or an isovalue that is not a positive number.

    Examples
    --------
    >>> view = orbital_view(cluster, "homo.cube", isovalue=0.03)  # doctest: +SKIP
    >>> set_isovalue(view, 0.01)  # doctest: +SKIP
    """
    value = _check_isovalue(isovalue)
    path = Path(cube_path)
    if not path.is_file():
        raise InputError(f"cube file {str(path)!r} does not exist: write it with orbital_cube()")
    view = structure_view(cluster, width=width, height=height, orient=False)
    orbital = view.add_component(str(path), ext="cube", defaultRepresentation=False,
                                 name=path.stem)  # fmt: skip
    for sign, color in ((1.0, positive_color), (-1.0, negative_color)):
        orbital.add_surface(isolevelType="value", isolevel=sign * value, color=color,
                            opacity=opacity, smooth=1)  # fmt: skip
    view._superatom_orbital_component = len(view._ngl_component_ids) - 1
    return view


def set_isovalue(view, isovalue: float) -> None:
    """Move both isosurfaces of an :func:`orbital_view` to ``±isovalue``.

    Examples
    --------
    >>> set_isovalue(view, 0.01)  # doctest: +SKIP
    """
    value = _check_isovalue(isovalue)
    component = getattr(view, "_superatom_orbital_component", None)
    if component is None:
        raise InputError("this view has no orbital: make it with orbital_view()")
    for repr_index, sign in ((0, 1.0), (1, -1.0)):
        view.update_representation(component=component, repr_index=repr_index,
                                   isolevelType="value", isolevel=sign * value)  # fmt: skip


def isovalue_slider(view, isovalue: float = 0.02):
    """A logarithmic slider (0.001 to 0.3) that moves the isosurfaces of ``view``.

    Examples
    --------
    >>> from ipywidgets import VBox  # doctest: +SKIP
    >>> VBox([view, isovalue_slider(view)])  # doctest: +SKIP
    """
    import ipywidgets as ipw

    slider = ipw.FloatLogSlider(
        value=_check_isovalue(isovalue), base=10, min=-3, max=-0.5, step=0.05,
        description="isovalue", readout_format=".3f", continuous_update=False,
    )  # fmt: skip
    slider.observe(lambda change: set_isovalue(view, change["new"]), names="value")
    return slider
