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
