"""Electron-affinity explorer: :class:`EAModel` (no widget import) and :class:`EAView`."""

from __future__ import annotations

from superatom_lab.apps.ea.model import EAModel
from superatom_lab.apps.ea.view import EAView

__all__ = ["EAModel", "EAView"]
