"""A folder of JSON records addressed by key, written atomically.

Examples
--------
>>> import tempfile
>>> store = ResultStore(tempfile.mkdtemp())
>>> key = "ab" * 32
>>> store.put(key, {"converged": True, "energy_hartree": -1.0})
>>> store.get(key)["energy_hartree"]
-1.0
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from superatom_lab.errors import SuperatomLabError

ENV_VAR = "SUPERATOM_LAB_CACHE"


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and :func:`os.replace`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    """Content-addressed store of converged results.

    Each record lives in ``<root>/v1/<key[:2]>/<key>.json``.  A write goes to a
    temporary file in the same folder and is then moved into place with
    :func:`os.replace`, so a reader never sees half a record, and an
    interrupted write leaves nothing behind under the key.

    Parameters
    ----------
    root : str or Path, optional
        The cache folder; :func:`default_cache_dir` when omitted.

    Examples
    --------
    >>> import tempfile
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> store.put("cd" * 32, {"converged": False})
    Traceback (most recent call last):
    ...
    superatom_lab.errors.SuperatomLabError: refusing to cache an unconverged result ...
    """

    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root).expanduser() if root is not None else default_cache_dir()

    def path_for(self, key: str) -> Path:
        """Return the file that holds (or would hold) ``key``."""
        if len(key) < 8 or not all(c in "0123456789abcdef" for c in key):
            raise SuperatomLabError(f"malformed cache key {key!r}")
        return self.root / "v1" / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        """Return the record stored under ``key``, or ``None``.

        A record that cannot be read (for example one damaged by hand) counts
        as absent, so the calculation is simply run again.
        """
        path = self.path_for(key)
        try:
            with path.open(encoding="utf-8") as handle:
                return json.load(handle)
        except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
            return None

    def put(self, key: str, record: dict, arrays: dict | None = None) -> None:
        """Store ``record`` under ``key`` atomically; only converged records.

        ``arrays`` (name -> numpy array, e.g. orbital coefficients) go to
        ``<key>.npz``, written before the JSON record, so that a record never
        points at arrays that are not there yet.

        Raises
        ------
        SuperatomLabError
            If ``record["converged"]`` is not true.
        """
        if record.get("converged") is not True:
            raise SuperatomLabError(
                f"refusing to cache an unconverged result under {key[:12]}...: only "
                "converged results are stored"
            )
        path = self.path_for(key)
        text = json.dumps(record, indent=1, sort_keys=True).encode()
        if arrays:
            buffer = io.BytesIO()
            np.savez_compressed(buffer, **arrays)
            _atomic_write(path.with_suffix(".npz"), buffer.getvalue())
        _atomic_write(path, text)

    def get_arrays(self, key: str) -> dict | None:
        """Return the arrays stored with ``key`` (name -> array), or ``None``."""
        path = self.path_for(key).with_suffix(".npz")
        try:
            with np.load(path) as data:
                return {name: data[name] for name in data.files}
        except (FileNotFoundError, ValueError, OSError):
            return None

    def __contains__(self, key: str) -> bool:
        return self.path_for(key).exists()

    def keys(self) -> list[str]:
        """Return every stored key (temporary files excluded)."""
        base = self.root / "v1"
        if not base.exists():
            return []
        return sorted(p.stem for p in base.glob("*/*.json") if not p.name.startswith(".tmp-"))

    def __repr__(self) -> str:
        return f"ResultStore({str(self.root)!r})"
