"""3D scenes with nglview, a static matplotlib fallback, and a front-end version check.

Importing this package is cheap: nglview, ipywidgets and matplotlib are
imported only inside the functions that need them.  The import compares the
widget front ends with their Python sides (a few milliseconds) and issues a
:class:`~superatom_lab.errors.FrontEndMismatchWarning` with the fix for each
mismatch (``superatom doctor`` prints the same).

Examples
--------
>>> from superatom_lab.viz import version_check
>>> all(hasattr(f, "fix") for f in version_check())
True
"""

from __future__ import annotations

from superatom_lab.viz.scenes import (
    crystal_view,
    isovalue_slider,
    keep_visible,
    orbital_view,
    refresh_view,
    set_isovalue,
    structure_view,
)
from superatom_lab.viz.static import CubeGrid, orbital_image, read_cube_grid
from superatom_lab.viz.versions import Finding, version_check, warn_if_mismatched

warn_if_mismatched()

__all__ = [
    "CubeGrid",
    "Finding",
    "crystal_view",
    "isovalue_slider",
    "keep_visible",
    "orbital_image",
    "orbital_view",
    "read_cube_grid",
    "refresh_view",
    "set_isovalue",
    "structure_view",
    "version_check",
    "warn_if_mismatched",
]
