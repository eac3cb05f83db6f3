"""Interactive apps: traitlets models (no widget import) beside lazily built ipywidgets views.

Importing this package does not import ipywidgets, matplotlib or PySCF; each
view builds its widgets the first time it is shown (or ``render()`` is called).

Examples
--------
>>> from superatom_lab.apps import JobRunner
>>> JobRunner().state
'idle'
"""

from __future__ import annotations

from superatom_lab.apps.jobs import JobRunner

__all__ = ["JobRunner"]
