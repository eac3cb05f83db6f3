"""Interactive apps: traitlets models (no widget import) beside lazily built ipywidgets views.

Importing this package does not import ipywidgets, matplotlib or PySCF; each
view builds its widgets the first time it is shown (or ``render()`` is called).
A :class:`ClusterSession` hands the cluster made in the builder to the
electron-affinity explorer.

Examples
--------
>>> from superatom_lab.apps import JelliumModel
>>> JelliumModel(n_electrons=8, rs_bohr=3.93).magic_numbers[:3]
[2, 8, 18]
"""

from __future__ import annotations

from superatom_lab.apps.builder_app import BuilderModel
from superatom_lab.apps.builder_view import BuilderView
from superatom_lab.apps.ea_app import EAModel, EAView
from superatom_lab.apps.jellium_app import JelliumModel, JelliumView
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.lab_app import LabView
from superatom_lab.apps.orbital_app import OrbitalModel
from superatom_lab.apps.orbital_view import OrbitalView
from superatom_lab.apps.session import ClusterSession

__all__ = [
    "BuilderModel",
    "BuilderView",
    "ClusterSession",
    "EAModel",
    "EAView",
    "JelliumModel",
    "JelliumView",
    "JobRunner",
    "LabView",
    "OrbitalModel",
    "OrbitalView",
]
