"""Matplotlib figures as PNG bytes for ``ipywidgets.Image``.

The apps draw on a bare :class:`matplotlib.figure.Figure` (no pyplot, so no
global figure list that grows with every update) and hand the PNG to an
Image widget.  An image widget updates in place, from any thread, in
JupyterLab and in Voila alike; an ``Output`` widget captures only in the thread
that runs the cell.

Examples
--------
>>> png = figure_png(lambda ax: ax.plot([0, 1], [0, 1]), figsize=(2, 2))
>>> png[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

import io

DPI = 90


def figure_png(draw, figsize=(5.0, 5.0), dpi: int = DPI) -> bytes:
    """Call ``draw(ax)`` on a new figure and return it as PNG bytes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.subplots()
    draw(ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
