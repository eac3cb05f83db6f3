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
