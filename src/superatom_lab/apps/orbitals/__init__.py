"""Orbital explorer: :class:`OrbitalModel` (no widget import) and :class:`OrbitalView`."""

from __future__ import annotations

from superatom_lab.apps.orbitals.model import OrbitalModel
from superatom_lab.apps.orbitals.view import OrbitalView

__all__ = ["OrbitalModel", "OrbitalView"]
