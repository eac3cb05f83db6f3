"""Where a figure function draws: the axes it is given, or a new figure's.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ax = new_axes(None, figsize=(3, 2))
>>> new_axes(ax, figsize=(9, 9)) is ax, ax.figure.get_size_inches().tolist()
(True, [3.0, 2.0])
"""

from __future__ import annotations


def new_axes(ax, figsize):
    """Return ``ax``, or a new pyplot axes of ``figsize`` when ``ax`` is None."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax
