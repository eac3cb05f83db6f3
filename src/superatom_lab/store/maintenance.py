"""What the cache holds (``info``) and removing it (``clean``).

Both walk only the store's own folders under its root (``v<N>`` schema
folders, ``cubes``, ``quarantine``) and never follow a symbolic link out of
it.

Examples
--------
>>> import tempfile
>>> from superatom_lab.store import ResultStore
>>> store = ResultStore(tempfile.mkdtemp())
>>> store.put("ab" * 32, {"converged": True})
>>> cache_info(store).n_records, clean_cache(store).n_records, cache_info(store).n_records
(1, 1, 0)
"""

from __future__ import annotations

import math
import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from superatom_lab.errors import InputError
from superatom_lab.store import keys
from superatom_lab.store.files import is_temporary
from superatom_lab.store.locks import LOCK_NAME, folder_lock

#: A cube file's temporary file untouched this long belongs to no running write.
STALE_TMP_SECONDS = 3600.0
SCHEMA_FOLDER = re.compile(r"v(\d+)")


@dataclass(frozen=True)
class CacheInfo:
    """What a cache folder holds.

    Attributes
    ----------
    root : Path
        The cache folder.
    size_bytes : int
        Total size of the store's files (records, orbitals, cube files,
        quarantine, other schema versions, temporary files).
    n_records : int
        Record files of the current schema version (not checked).
    n_cube_files : int
        Cube files in ``<root>/cubes``.
    oldest : datetime or None
        Last-modified time of the oldest record or cube file (local time zone).
    n_quarantined : int
        Files in ``<root>/quarantine``.
    n_old_schema : int
        Record files in folders of older schema versions, which are never read.
    n_shipped : int
        Precomputed records shipped with the package (read-only, below the
        cache; not in ``size_bytes`` and never removed by :func:`clean_cache`).
    shipped_root : Path or None
        Their folder, or ``None`` when the store has no shipped layer.
    """

    root: Path
    size_bytes: int
    n_records: int
    n_cube_files: int
    oldest: datetime | None
    n_quarantined: int
    n_old_schema: int
    n_shipped: int = 0
    shipped_root: Path | None = None

    def to_dict(self) -> dict:
        """JSON-ready form: paths as strings, ``oldest`` in ISO 8601 (or ``None``).

        Examples
        --------
        >>> CacheInfo(Path("/c"), 10, 1, 0, None, 0, 0).to_dict()["root"]
        '/c'
        """
        return {
            "root": str(self.root),
            "size_bytes": self.size_bytes,
            "n_records": self.n_records,
            "n_cube_files": self.n_cube_files,
            "oldest": self.oldest.isoformat(timespec="seconds") if self.oldest else None,
            "n_quarantined": self.n_quarantined,
            "n_old_schema": self.n_old_schema,
            "n_shipped": self.n_shipped,
            "shipped_root": str(self.shipped_root) if self.shipped_root else None,
        }


@dataclass(frozen=True)
class CleanReport:
    """What :func:`clean_cache` removed.

    Attributes
    ----------
    root : Path
        The cache folder.
    n_records : int
        Records removed (a record and its orbitals file count as one).
    n_cube_files : int
        Cube files removed.
    n_tmp_files : int
        Leftovers of interrupted writes: temporary files, and orbitals files
        without their record.
    n_quarantined : int
        Files removed from the quarantine.
    schema_folders : tuple of str
        Folders of other schema versions removed (``"v1"``, ...).
    freed_bytes : int
        Total size of the files removed.
    """

    root: Path
    n_records: int = 0
    n_cube_files: int = 0
    n_tmp_files: int = 0
    n_quarantined: int = 0
    schema_folders: tuple[str, ...] = ()
    freed_bytes: int = 0

    def to_dict(self) -> dict:
        """JSON-ready form (the root as a string).

        Examples
        --------
        >>> CleanReport(Path("/c"), n_records=2).to_dict()["n_records"]
        2
        """
        return {
            "root": str(self.root),
            "n_records": self.n_records,
            "n_cube_files": self.n_cube_files,
            "n_tmp_files": self.n_tmp_files,
            "n_quarantined": self.n_quarantined,
            "schema_folders": list(self.schema_folders),
            "freed_bytes": self.freed_bytes,
        }


def _entries(folder: Path) -> list[Path]:
    """The entries of ``folder`` (none if it is missing or not a real folder)."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(folder.iterdir())


def _files(folder: Path) -> list[Path]:
    """Every file below ``folder``, symbolic links not followed (a link counts as a file)."""
    if folder.is_symlink() or not folder.is_dir():
        return []
    found = []
    for parent, _dirs, names in os.walk(folder, followlinks=False):
        found += [Path(parent) / name for name in names]
    return found


def _size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0


def _mtime(path: Path) -> float | None:
    try:
        return path.lstat().st_mtime
    except OSError:
        return None


def schema_folders(root: Path) -> dict[int, Path]:
    """The ``v<N>`` folders under ``root``, by schema version ``N``.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "v1").mkdir(); (root / "cubes").mkdir()
    >>> list(schema_folders(root))
    [1]
    """
    found = {}
    for entry in _entries(root):
        match = SCHEMA_FOLDER.fullmatch(entry.name)
        if match and (entry.is_dir() or entry.is_symlink()):
            found[int(match.group(1))] = entry
    return found


def _is_record(path: Path) -> bool:
    return path.suffix == ".json" and not is_temporary(path)


def cache_info(store) -> CacheInfo:
    """Size and contents of ``store`` (a :class:`~superatom_lab.store.ResultStore`).

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.store import ResultStore
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> _ = store.cube_path("x").write_text("cube")
    >>> info = cache_info(store)
    >>> info.n_cube_files, info.n_records, info.oldest is not None
    (1, 0, True)
    """
    root = store.root
    folders = schema_folders(root)
    records = [p for p in _files(store.records_dir) if _is_record(p)]
    cubes = [p for p in _files(store.cubes_dir) if not is_temporary(p)]
    old = [p for n, f in folders.items() if n < keys.SCHEMA_VERSION for p in _files(f)]
    everything = [p for f in folders.values() for p in _files(f)]
    everything += _files(store.cubes_dir) + _files(store.quarantine_dir)
    times = [t for t in map(_mtime, records + cubes) if t is not None]
    shipped = getattr(store, "shipped", None)
    return CacheInfo(
        root=root,
        size_bytes=sum(map(_size, everything)),
        n_records=len(records),
        n_cube_files=len(cubes),
        oldest=datetime.fromtimestamp(min(times)).astimezone() if times else None,
        n_quarantined=len(_files(store.quarantine_dir)),
        n_old_schema=sum(_is_record(p) for p in old),
        n_shipped=len(shipped.keys()) if shipped is not None else 0,
        shipped_root=shipped.root if shipped is not None else None,
    )


class _Remover:
    """Removes files and counts them and their bytes."""

    def __init__(self):
        self.freed = 0

    def file(self, path: Path) -> bool:
        size = _size(path)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        self.freed += size
        return True

    def tree(self, path: Path) -> int:
        """Remove a folder (or a link to one, not what it points at); return its file count."""
        files = _files(path)
        self.freed += sum(map(_size, files))
        if path.is_symlink():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)
        return len(files)


def _days(older_than_days) -> float | None:
    if older_than_days is None:
        return None
    try:
        days = float(older_than_days)
    except (TypeError, ValueError):
        raise InputError(f"older_than_days must be a number, got {older_than_days!r}") from None
    if not math.isfinite(days) or days < 0:
        raise InputError(f"--older-than must be a number of days >= 0, got {older_than_days!r}")
    return days


def clean_cache(store, older_than_days: float | None = None) -> CleanReport:
    """Remove the cached files of ``store``; see :meth:`ResultStore.clean`.

    The records of each ``<key[:2]>`` folder are removed while holding that
    folder's writers' lock, so a write under way is never cut, and every
    ``.tmp-*`` file found there belongs to a write that was killed.

    Raises
    ------
    InputError
        If ``older_than_days`` is negative or not a finite number.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.store import ResultStore
    >>> clean_cache(ResultStore(tempfile.mkdtemp()), -1)
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: --older-than must be a number of days >= 0, got -1
    """
    days = _days(older_than_days)
    now = time.time()
    cutoff = None if days is None else now - days * 86400.0

    def expired(path: Path) -> bool:
        mtime = _mtime(path)
        return cutoff is None or (mtime is not None and mtime < cutoff)

    remove = _Remover()
    n_records = n_cubes = n_tmp = 0
    for shard in _entries(store.records_dir):
        if shard.is_symlink() or not shard.is_dir():
            continue
        with folder_lock(shard):
            entries = _entries(shard)
            for path in entries:
                if is_temporary(path):
                    n_tmp += remove.file(path)
                elif _is_record(path) and expired(path):
                    n_records += remove.file(path)
                    remove.file(path.with_suffix(".npz"))
            for path in entries:  # orbitals whose record is gone: an interrupted write
                if path.suffix == ".npz" and not path.with_suffix(".json").exists():
                    n_tmp += remove.file(path)
        if cutoff is None:
            remove.file(shard / LOCK_NAME)
            _rmdir(shard)
    for path in _entries(store.cubes_dir):
        if is_temporary(path):
            mtime = _mtime(path)
            if cutoff is None or (mtime is not None and mtime < now - STALE_TMP_SECONDS):
                n_tmp += remove.file(path)
        elif (path.is_file() or path.is_symlink()) and expired(path):
            n_cubes += remove.file(path)
    n_quarantined = remove.tree(store.quarantine_dir) if store.quarantine_dir.exists() else 0
    removed_folders = []
    for n, folder in sorted(schema_folders(store.root).items()):
        if n < keys.SCHEMA_VERSION or (cutoff is None and n != keys.SCHEMA_VERSION):
            remove.tree(folder)
            removed_folders.append(folder.name)
    if cutoff is None:
        _rmdir(store.records_dir)
        _rmdir(store.cubes_dir)
    return CleanReport(
        root=store.root,
        n_records=n_records,
        n_cube_files=n_cubes,
        n_tmp_files=n_tmp,
        n_quarantined=n_quarantined,
        schema_folders=tuple(removed_folders),
        freed_bytes=remove.freed,
    )


def _rmdir(folder: Path) -> None:
    """Remove ``folder`` if it is an empty real folder."""
    try:
        if not folder.is_symlink():
            folder.rmdir()
    except OSError:
        pass
