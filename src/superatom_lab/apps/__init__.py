"""Interactive apps: traitlets models (no widget import) beside lazily built ipywidgets views.

Every app is a folder with a ``model.py`` and a ``view.py`` (``builder``, ``ea``,
``orbitals``, ``jellium``, ``periodic``, the periodic table of superatoms, and
``exercise``, a checked exercise for a dashboard),
built on the bases of :mod:`superatom_lab.apps.mvc`.
Importing this package does not import ipywidgets, matplotlib or PySCF; each
view builds its widgets the first time it is shown (or ``render()`` is called).
A :class:`ClusterSession` hands the cluster made in the builder to the
electron-affinity and orbital explorers; :class:`LabView` shows all four apps.

Examples
--------
>>> from superatom_lab.apps import JelliumModel
>>> JelliumModel(n_electrons=8, rs_bohr=3.93).magic_numbers[:3]
[2, 8, 18]
"""

from __future__ import annotations

from superatom_lab.apps.builder import BuilderModel, BuilderView
from superatom_lab.apps.ea import EAModel, EAView
from superatom_lab.apps.exercise import ExerciseModel, ExerciseView
from superatom_lab.apps.jellium import JelliumModel, JelliumView
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.lab import LabView
from superatom_lab.apps.orbitals import OrbitalModel, OrbitalView
from superatom_lab.apps.periodic.model import PeriodicModel
from superatom_lab.apps.periodic.view import PeriodicView
from superatom_lab.apps.session import ClusterSession

__all__ = [
    "BuilderModel",
    "BuilderView",
    "ClusterSession",
    "EAModel",
    "EAView",
    "ExerciseModel",
    "ExerciseView",
    "JelliumModel",
    "JelliumView",
    "JobRunner",
    "LabView",
    "OrbitalModel",
    "OrbitalView",
    "PeriodicModel",
    "PeriodicView",
]
