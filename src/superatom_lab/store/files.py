"""File operations of the cache: atomic writes and moving damaged files aside.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "ab" / "x.json"
>>> atomic_write(path, b"{}")
>>> path.read_bytes(), [p.name for p in path.parent.iterdir()]
(b'{}', ['x.json'])
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

#: Name prefix of the temporary files of unfinished writes; every reader skips them.
TMP_PREFIX = ".tmp-"


def is_temporary(path: Path) -> bool:
    """Whether ``path`` is the temporary file of an unfinished (or killed) write.

    Examples
    --------
    >>> is_temporary(Path("v2/ab/.tmp-x1y2.json")), is_temporary(Path("v2/ab/abcd.json"))
    (True, False)
    """
    return path.name.startswith(TMP_PREFIX)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and :func:`os.replace`.

    The data are flushed to disk before the rename, so ``path`` holds either
    its old content or all of ``data``, never part of it, whenever the
    writing process is stopped.  A write that fails removes its temporary
    file; one killed outright leaves it, named ``.tmp-*``, for ``clean``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def move_aside(paths: list[Path], folder: Path) -> list[Path]:
    """Move the files of ``paths`` that exist into ``folder``; return their new paths.

    Each keeps its name behind a UTC time stamp (and a counter if needed), so
    nothing already in ``folder`` is overwritten.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "k.json").write_text("{")
    1
    >>> moved = move_aside([root / "k.json", root / "k.npz"], root / "quarantine")
    >>> [p.name.endswith("-k.json") for p in moved], (root / "k.json").exists()
    ([True], False)
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    moved = []
    for path in paths:
        for n in range(1000):
            target = folder / (f"{stamp}-{path.name}" if n == 0 else f"{stamp}-{n}-{path.name}")
            if not target.exists():
                break
        try:
            os.replace(path, target)
        except FileNotFoundError:
            continue
        moved.append(target)
    return moved
