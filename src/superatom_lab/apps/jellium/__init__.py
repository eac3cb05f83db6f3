"""Jellium playground: :class:`JelliumModel` (no widget import) and :class:`JelliumView`."""

from __future__ import annotations

from superatom_lab.apps.jellium.model import JelliumModel
from superatom_lab.apps.jellium.view import JelliumView

__all__ = ["JelliumModel", "JelliumView"]
