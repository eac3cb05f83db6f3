"""Cluster builder: :class:`BuilderModel` (no widget import) and :class:`BuilderView`."""

from __future__ import annotations

from superatom_lab.apps.builder.model import BuilderModel
from superatom_lab.apps.builder.view import BuilderView

__all__ = ["BuilderModel", "BuilderView"]
