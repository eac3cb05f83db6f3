"""Interactive apps: traitlets models (no widget import) beside lazily built ipywidgets views.

Importing this package does not import ipywidgets, matplotlib or PySCF; each
view builds its widgets the first time it is shown (or ``render()`` is called).

Examples
--------
>>> from superatom_lab.apps import JelliumModel
>>> JelliumModel(n_electrons=8, rs_bohr=3.93).magic_numbers[:3]
[2, 8, 18]
"""

from __future__ import annotations

from superatom_lab.apps.ea_app import EAModel, EAView
from superatom_lab.apps.jellium_app import JelliumModel, JelliumView
from superatom_lab.apps.jobs import JobRunner

__all__ = ["EAModel", "EAView", "JelliumModel", "JelliumView", "JobRunner"]
