"""Advisory file locks that serialise the writers of one folder of the cache.

Writers of a record hold the exclusive lock of its folder while they replace
its files, so two processes storing the same key one after the other leave
one consistent record.  The operating system releases the lock when its
process ends, even when it is killed, so a lock is never left behind.  Where
:mod:`fcntl` does not exist (Windows) the lock does nothing.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> with folder_lock(folder):
...     (folder / "record.json").write_text("{}")
2
>>> sorted(p.name for p in folder.iterdir())
['.lock', 'record.json']
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

LOCK_NAME = ".lock"


@contextmanager
def folder_lock(folder: Path, *, exclusive: bool = True):
    """Hold the lock of ``folder`` (created if needed) for the ``with`` block.

    Parameters
    ----------
    folder : Path
        The folder whose ``.lock`` file is locked.
    exclusive : bool
        An exclusive (writer's) lock; ``False`` takes a shared one.

    Examples
    --------
    >>> import tempfile
    >>> with folder_lock(Path(tempfile.mkdtemp()) / "ab", exclusive=False):
    ...     pass
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
