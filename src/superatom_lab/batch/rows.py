"""The rows of a screen's table, one per candidate.

Examples
--------
>>> from superatom_lab.batch.candidates import candidate
>>> row = error_row(candidate("F"), "electron_affinity", "quick", "InputError: no")
>>> row["name"], row["converged"], row["error"]
('F', False, 'InputError: no')
>>> list(row) == list(COLUMNS)
True
"""

from __future__ import annotations

import math

from superatom_lab.batch.compute import pyscf_version

#: The columns of a screen's table, in order.
COLUMNS = (
    "name",
    "formula",
    "charge",
    "task",
    "preset",
    "value_ev",
    "converged",
    "wall_s",
    "worker",
    "warnings",
    "error",
    "cached",
    "precomputed",
    "pyscf_version",
)


def _row(candidate, task: str, preset: str, **values) -> dict:
    row = {
        "name": candidate.name,
        "formula": candidate.cluster.formula,
        "charge": candidate.charge,
        "task": task,
        "preset": preset,
        "value_ev": math.nan,
        "converged": False,
        "wall_s": math.nan,
        "worker": "",
        "warnings": "",
        "error": "",
        "cached": False,
        "precomputed": False,
        "pyscf_version": "",
    }
    row.update(values)
    return row


def cached_row(candidate, task: str, preset: str, result) -> dict:
    """A row answered by the client's store (``precomputed``: by the shipped results); no worker."""
    return _row(
        candidate,
        task,
        preset,
        value_ev=float(result.value_ev),
        converged=bool(result.converged),
        warnings="; ".join(result.warnings),
        cached=True,
        precomputed=bool(result.precomputed),
        pyscf_version=pyscf_version(),
    )


def computed_row(candidate, task: str, preset: str, outcome: dict) -> dict:
    """A row from a worker's outcome (:func:`~superatom_lab.batch.compute.compute_candidate`)."""
    return _row(
        candidate,
        task,
        preset,
        value_ev=outcome["value_ev"],
        converged=outcome["converged"],
        wall_s=outcome["wall_s"],
        worker=outcome["worker"],
        warnings="; ".join(outcome["warnings"]),
        error=outcome["error"],
        pyscf_version=outcome["pyscf"],
    )


def error_row(candidate, task: str, preset: str, error: str) -> dict:
    """A row with no value: bad input found before computing, a lost worker, a cancel."""
    return _row(candidate, task, preset, error=error)
