"""A folder of sealed JSON records (and ``.npz`` orbitals) addressed by key.

Every record carries checksums of its body and of its orbitals file, and is
checked on every read: a record that is truncated, altered or unreadable is
reported once (:class:`~superatom_lab.errors.CacheRecordWarning`), moved into
``<root>/quarantine`` and read as absent, so the caller computes it again.
A read never raises on a damaged file.

Examples
--------
>>> import tempfile
>>> store = ResultStore(tempfile.mkdtemp())
>>> key = "ab" * 32
>>> store.put(key, {"converged": True, "energy_hartree": -1.0})
>>> store.get(key)["energy_hartree"]
-1.0
>>> store.path_for(key).relative_to(store.root).parts[0] == f"v{_keys.SCHEMA_VERSION}"
True
"""

from __future__ import annotations

import io
import os
import re
import warnings
from pathlib import Path

import numpy as np

from superatom_lab.errors import CacheRecordWarning, InputError, SuperatomLabError
from superatom_lab.store import keys as _keys
from superatom_lab.store.files import atomic_write, is_temporary, move_aside
from superatom_lab.store.locks import folder_lock
from superatom_lab.store.maintenance import CacheInfo, CleanReport, cache_info, clean_cache
from superatom_lab.store.reading import read_record
from superatom_lab.store.sealed import DamagedRecord, seal, sha256_hex
from superatom_lab.store.shipped import Found, ShippedRecords, key_is_valid

ENV_VAR = "SUPERATOM_LAB_CACHE"
CUBE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,250}")


def default_cache_dir() -> Path:
    """Return ``$SUPERATOM_LAB_CACHE`` if set, else ``~/.cache/superatom-lab``.

    Examples
    --------
    >>> default_cache_dir().name in {"superatom-lab"} or "SUPERATOM_LAB_CACHE" in os.environ
    True
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "superatom-lab"


class ResultStore:
    """Content-addressed store of converged results, checked on every read.

    Layout under ``root``:

    - ``v<SCHEMA_VERSION>/<key[:2]>/<key>.json``: the record, sealed with the
      SHA-256 of its body and of its orbitals file
      (:mod:`superatom_lab.store.sealed`);
    - ``v<SCHEMA_VERSION>/<key[:2]>/<key>.npz``: its arrays, if any;
    - ``cubes/``: cube files (:meth:`cube_path`);
    - ``quarantine/``: damaged files moved aside for inspection.

    Below the user's folder lie the results shipped with the package
    (:class:`~superatom_lab.store.shipped.ShippedRecords`): every read
    (:meth:`get`, :meth:`get_with_arrays`, :meth:`has_arrays`, :meth:`lookup`)
    consults them when the user's folder has no valid record of the key, and
    :meth:`lookup` says which one answered.  They are never written, moved or
    removed by the store (:meth:`put`, :meth:`clean`), and :meth:`info`
    counts them apart.

    Folders of other schema versions (``v1``, ...) are never read;
    :meth:`clean` removes them.  A write replaces the files of its key while
    holding the lock of the key's folder (:mod:`superatom_lab.store.locks`):
    it removes the old record, writes the orbitals, then the record, each
    through a temporary file and :func:`os.replace`.  So concurrent writers of
    one key leave one consistent record, and a writer killed at any moment
    leaves the old record, no record, or the new one, plus at most a
    ``.tmp-*`` file that reads skip and :meth:`clean` removes.

    Parameters
    ----------
    root : str or Path, optional
        The cache folder; :func:`default_cache_dir` when omitted.
    shipped : ShippedRecords, str, Path or None, optional
        The read-only layer below it: the package's shipped results when
        omitted, another folder of them, or ``None`` for none.

    Examples
    --------
    >>> import tempfile
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> store.put("cd" * 32, {"converged": False})
    Traceback (most recent call last):
    ...
    superatom_lab.errors.SuperatomLabError: refusing to cache an unconverged result ...
    """

    def __init__(
        self,
        root: str | os.PathLike | None = None,
        shipped: ShippedRecords | str | os.PathLike | None = "package",
    ):
        self.root = Path(root).expanduser() if root is not None else default_cache_dir()
        if isinstance(shipped, str) and shipped == "package":
            shipped = ShippedRecords()
        elif shipped is not None and not isinstance(shipped, ShippedRecords):
            shipped = ShippedRecords(shipped)
        self.shipped = shipped

    @property
    def records_dir(self) -> Path:
        """The folder of the records of this schema version, ``<root>/v<SCHEMA_VERSION>``."""
        return self.root / f"v{_keys.SCHEMA_VERSION}"

    @property
    def quarantine_dir(self) -> Path:
        """Where damaged files are moved, ``<root>/quarantine``."""
        return self.root / "quarantine"

    @property
    def cubes_dir(self) -> Path:
        """Where cube files are kept, ``<root>/cubes``."""
        return self.root / "cubes"

    def path_for(self, key: str) -> Path:
        """Return the file that holds (or would hold) the record of ``key``.

        Raises
        ------
        SuperatomLabError
            If ``key`` is not a string of at least 8 lower-case hex digits.
        """
        if not key_is_valid(key):
            raise SuperatomLabError(f"malformed cache key {key!r}")
        return self.records_dir / key[:2] / f"{key}.json"

    # -- reading -----------------------------------------------------------------

    def _read(self, key: str, arrays: str):
        """Read and check the record of ``key`` in the user's folder (see :func:`read_record`).

        Raises
        ------
        DamagedRecord
            If the record or its orbitals file does not check out.
        """
        return read_record(self.path_for(key), key, arrays)

    def _load(self, key: str, arrays: str = "skip"):
        """The user's record of ``key``, else the shipped one: ``(record, arrays, precomputed)``.

        ``(None, None, False)`` when neither has a valid record.
        """
        record, extra = self._load_own(key, arrays)
        if record is not None or self.shipped is None:
            return record, extra, False
        record, extra = self.shipped.read(key, arrays)
        return record, extra, record is not None

    def lookup(self, key: str, arrays: str = "skip") -> Found | None:
        """The record of ``key`` and where it came from, or ``None``.

        Parameters
        ----------
        key : str
            The cache key.
        arrays : {"skip", "check", "load"}
            Leave the orbitals file alone, check it (``Found.arrays`` is then
            ``True`` or ``None``) or load it (a dict of arrays, or ``None``).

        Examples
        --------
        >>> import tempfile
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> store.put("ab" * 32, {"converged": True}, arrays={"mo_occ": np.ones(2)})
        >>> found = store.lookup("ab" * 32, arrays="load")
        >>> found.record, found.arrays["mo_occ"].tolist(), found.precomputed
        ({'converged': True}, [1.0, 1.0], False)
        >>> store.lookup("cd" * 32) is None
        True
        """
        record, extra, precomputed = self._load(key, arrays)
        return None if record is None else Found(record, extra, precomputed)

    def _load_own(self, key: str, arrays: str = "skip"):
        """:meth:`_read`, with damage reported once, moved aside and read as absent.

        Damage is confirmed under the writers' lock first, so a record that a
        concurrent writer was replacing is read again, not quarantined.
        """
        try:
            return self._read(key, arrays)
        except DamagedRecord as exc:
            reason = str(exc)
        path = self.path_for(key)
        try:
            with folder_lock(path.parent):
                try:
                    return self._read(key, arrays)
                except DamagedRecord as exc:
                    reason = str(exc)
                moved = move_aside([path, path.with_suffix(".npz")], self.quarantine_dir)
            where = f"moved to {self.quarantine_dir}" if moved else "already moved aside"
        except OSError as exc:
            where = f"could not be moved aside ({exc.strerror or exc})"
        message = (
            f"cache record {key} is damaged: {reason}; {where}; it counts as absent "
            "and will be computed again"
        )
        warnings.warn(CacheRecordWarning(message.replace("\n", " ")), stacklevel=3)
        return None, None

    def get(self, key: str) -> dict | None:
        """Return the record stored under ``key`` (or shipped with the package), or ``None``.

        The record is checked against its checksum; a damaged one is reported
        (:class:`~superatom_lab.errors.CacheRecordWarning`), moved into the
        quarantine folder and returned as ``None``, so the calculation is
        simply run again.  Never raises on a damaged file.

        Examples
        --------
        >>> import tempfile, warnings
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> store.put("ab" * 32, {"converged": True, "x": 1})
        >>> _ = store.path_for("ab" * 32).write_text("{not json")
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     print(store.get("ab" * 32), len(caught), len(list(store.quarantine_dir.iterdir())))
        None 1 1
        """
        return self._load(key)[0]

    def get_arrays(self, key: str) -> dict | None:
        """Return the arrays stored with ``key`` (name -> array), or ``None``.

        ``None`` also when the record is absent or damaged (damage is handled as
        in :meth:`get`); never raises on a damaged file.
        """
        return self._load(key, "load")[1]

    def get_with_arrays(self, key: str) -> tuple[dict | None, dict | None]:
        """Return ``(record, arrays)`` of ``key``, reading and checking the record once.

        ``(None, None)`` when the record is absent or damaged; ``(record, None)``
        when it has no arrays.

        Examples
        --------
        >>> import tempfile
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> store.put("ab" * 32, {"converged": True}, arrays={"mo_occ": np.ones(2)})
        >>> record, arrays = store.get_with_arrays("ab" * 32)
        >>> record, arrays["mo_occ"].tolist()
        ({'converged': True}, [1.0, 1.0])
        """
        record, arrays, _precomputed = self._load(key, "load")
        return record, arrays

    def has_arrays(self, key: str) -> bool:
        """Whether ``key`` has a valid record with arrays whose checksum matches.

        The orbitals file is read and checked, not only looked for; a damaged
        pair is handled as in :meth:`get` and gives ``False``.

        Examples
        --------
        >>> import tempfile
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> store.put("ab" * 32, {"converged": True}, arrays={"mo_occ": np.ones(2)})
        >>> store.put("cd" * 32, {"converged": True})
        >>> store.has_arrays("ab" * 32), store.has_arrays("cd" * 32), store.has_arrays("ef" * 32)
        (True, False, False)
        """
        return self._load(key, "check")[1] is True

    def __contains__(self, key: str) -> bool:
        """Whether a valid record is stored under ``key`` (it is read and checked)."""
        return self.get(key) is not None

    def keys(self) -> list[str]:
        """Return the key of every record file of this schema version (not checked).

        Only the user's folder: shipped records are listed by ``store.shipped.keys()``.

        Temporary files of unfinished writes and folders of other schema
        versions are left out.
        """
        base = self.records_dir
        if not base.exists():
            return []
        return sorted(p.stem for p in base.glob("*/*.json") if not is_temporary(p))

    # -- writing -----------------------------------------------------------------

    def put(self, key: str, record: dict, arrays: dict | None = None) -> None:
        """Store ``record`` under ``key``, sealed with its checksums; only converged records.

        ``arrays`` (name -> numpy array, e.g. orbital coefficients) go to
        ``<key>.npz``, whose SHA-256 the record holds.  The files of the key are
        replaced under the lock of its folder: the old record is removed, the
        orbitals written, then the record, so that at no moment does a record
        point at orbitals that are not its own.

        Raises
        ------
        SuperatomLabError
            If ``record["converged"]`` is not true.
        TypeError
            If ``record`` holds something JSON cannot represent (nothing is written).
        """
        if record.get("converged") is not True:
            raise SuperatomLabError(
                f"refusing to cache an unconverged result under {key[:12]}...: only "
                "converged results are stored"
            )
        path = self.path_for(key)
        npz = None
        if arrays:
            buffer = io.BytesIO()
            np.savez_compressed(buffer, **arrays)
            npz = buffer.getvalue()
        raw = seal(key, record, sha256_hex(npz) if npz is not None else None)
        npz_path = path.with_suffix(".npz")
        with folder_lock(path.parent):
            path.unlink(missing_ok=True)
            if npz is not None:
                atomic_write(npz_path, npz)
            else:
                npz_path.unlink(missing_ok=True)
            atomic_write(path, raw)

    # -- cube files and housekeeping ---------------------------------------------

    def cube_path(self, name: str) -> Path:
        """The file for the cube named ``name`` (``.cube`` added if missing), folder created.

        Parameters
        ----------
        name : str
            A name derived from a key: letters, digits and ``._+-``, not starting
            with a dot.

        Raises
        ------
        InputError
            For a name that is empty, has a path separator or starts with a dot.

        Examples
        --------
        >>> import tempfile
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> path = store.cube_path("ab12-alpha-3-0p25")
        >>> path.name, path.parent == store.cubes_dir, path.parent.is_dir()
        ('ab12-alpha-3-0p25.cube', True, True)
        >>> store.cube_path("../x")
        Traceback (most recent call last):
        ...
        superatom_lab.errors.InputError: a cube name is letters, digits and ._+- ...
        """
        if not isinstance(name, str) or not CUBE_NAME.fullmatch(name):
            raise InputError(
                "a cube name is letters, digits and ._+- and does not start with a dot, "
                f"got {name!r}"
            )
        self.cubes_dir.mkdir(parents=True, exist_ok=True)
        return self.cubes_dir / (name if name.endswith(".cube") else f"{name}.cube")

    def info(self) -> CacheInfo:
        """Size and contents of the cache (see :class:`CacheInfo`); nothing is changed.

        Examples
        --------
        >>> import tempfile
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> store.put("ab" * 32, {"converged": True})
        >>> info = store.info()
        >>> info.n_records, info.n_cube_files, info.size_bytes > 0
        (1, 0, True)
        """
        return cache_info(self)

    def clean(self, older_than_days: float | None = None) -> CleanReport:
        """Remove cached files and report what went (see :class:`CleanReport`).

        Parameters
        ----------
        older_than_days : float, optional
            Without it, every record, cube file, temporary file, quarantined
            file and schema folder of the cache is removed.  With it, only the
            records and cube files last written more than this many days ago;
            temporary files of interrupted writes, the quarantine and folders of
            older schema versions are removed either way.  Nothing outside the
            store's own folders under ``root`` is touched.

        Raises
        ------
        InputError
            If ``older_than_days`` is negative or not a finite number.

        Examples
        --------
        >>> import tempfile
        >>> store = ResultStore(tempfile.mkdtemp())
        >>> store.put("ab" * 32, {"converged": True})
        >>> store.clean(older_than_days=1).n_records, store.clean().n_records, store.keys()
        (0, 1, [])
        """
        return clean_cache(self, older_than_days)

    def __repr__(self) -> str:
        return f"ResultStore({str(self.root)!r}, shipped={self.shipped!r})"
