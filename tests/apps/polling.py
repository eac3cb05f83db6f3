"""Waiting on a condition in app tests, instead of sleeping a fixed time."""

from __future__ import annotations

import time


def wait_for(predicate, timeout: float) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` s have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def wait_for_cube(model, timeout: float = 60.0) -> bool:
    """Wait until an ``OrbitalModel`` writes no cube file any more; False on timeout."""
    return wait_for(lambda: model.cube_state != "running", timeout)
