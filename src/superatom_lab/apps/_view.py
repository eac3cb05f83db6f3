"""What every app view shares: widgets built lazily, on first display."""

from __future__ import annotations


class LazyView:
    """Mixin for views whose ``render()`` builds the widgets once and returns the top box.

    Examples
    --------
    >>> class Demo(LazyView):
    ...     def render(self):
    ...         return "box"
    >>> Demo().widget
    'box'
    """

    @property
    def widget(self):
        """The top-level widget, built on first use."""
        return self.render()

    def _repr_mimebundle_(self, **kwargs):
        return self.render()._repr_mimebundle_(**kwargs)

    def render(self):  # pragma: no cover - every view defines it
        raise NotImplementedError


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
