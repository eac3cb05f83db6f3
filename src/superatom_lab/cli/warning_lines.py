"""Warnings the command line shows as one ``warning: ...`` line on stderr.

Python prints a warning as its file, line number and source line; for a
damaged cache record (:class:`~superatom_lab.errors.CacheRecordWarning`),
which the user did not cause and the command recovers from, one line says
all there is to say.

Examples
--------
>>> import contextlib, io, warnings
>>> from superatom_lab.errors import CacheRecordWarning
>>> err = io.StringIO()
>>> with contextlib.redirect_stderr(err), one_line_warnings():
...     warnings.warn(CacheRecordWarning("cache record ab12 is damaged"))
>>> err.getvalue()
'warning: cache record ab12 is damaged\\n'
"""

from __future__ import annotations

import sys
import warnings
from contextlib import contextmanager

from superatom_lab.errors import CacheRecordWarning

#: Categories shown as one line; every other warning is shown as Python shows it.
ONE_LINE = (CacheRecordWarning,)


@contextmanager
def one_line_warnings():
    """Within the block, show warnings of the ``ONE_LINE`` categories as one line each.

    The previous warning filters and display are restored afterwards.
    """
    original = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, ONE_LINE):
            print(f"warning: {message}", file=file or sys.stderr)
        else:
            original(message, category, filename, lineno, file, line)

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield
