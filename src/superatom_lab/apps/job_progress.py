"""A job's progress on widgets: SCF cycles on a progress bar, its colour, the Cancel button.

The functions take any objects with the widgets' attributes, so they run
without ipywidgets too.

Examples
--------
>>> from types import SimpleNamespace
>>> bar, cancel = SimpleNamespace(value=0, max=30, bar_style=""), SimpleNamespace()
>>> follow_state(bar, cancel, "running", cycle=4); (bar.value, bar.bar_style, cancel.disabled)
(4, 'info', False)
"""

from __future__ import annotations

#: Progress bar colour for each job state.
STATE_STYLES = {"running": "info", "done": "success", "error": "danger", "cancelled": "warning"}


def follow_cycle(bar, cycle: int) -> None:
    """Show SCF cycle ``cycle`` on a progress ``bar``, stretching it when a run is long.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> bar = SimpleNamespace(value=0, max=30)
    >>> follow_cycle(bar, 31); (bar.value, bar.max)
    (31, 51)
    """
    if cycle > bar.max:
        bar.max = cycle + 20
    bar.value = cycle


def follow_state(bar, cancel_button, state: str, cycle: int = 0) -> None:
    """Colour ``bar`` for a job ``state``; full when done (also for a cached answer).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> bar, cancel = SimpleNamespace(value=0, max=30, bar_style=""), SimpleNamespace()
    >>> follow_state(bar, cancel, "done"); (bar.value, bar.max, bar.bar_style, cancel.disabled)
    (1, 1, 'success', True)
    """
    cancel_button.disabled = state != "running"
    bar.bar_style = STATE_STYLES.get(state, "")
    if state == "running":
        bar.max, bar.value = 30, cycle
    elif state == "done":
        bar.max = max(bar.value, 1)
        bar.value = bar.max
