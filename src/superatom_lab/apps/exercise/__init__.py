"""A checked exercise on a dashboard: :class:`ExerciseModel` (no widgets), :class:`ExerciseView`."""

from __future__ import annotations

from superatom_lab.apps.exercise.model import Exercise, ExerciseModel, Verdict
from superatom_lab.apps.exercise.view import ExerciseView

__all__ = ["Exercise", "ExerciseModel", "ExerciseView", "Verdict"]
