"""Precomputed results shipped with the package: a read-only layer below the user's cache.

``superatom precompute`` writes them into the package's data folder
(``superatom_lab/data/shipped``) in the user's store layout and sealed format
(``v<SCHEMA_VERSION>/<key[:2]>/<key>.json`` and ``.npz``), so they are read by
the same code (:func:`~superatom_lab.store.reading.read_record`) and found under
the same keys.  :class:`~superatom_lab.store.ResultStore` consults them after
the user's folder.  Nothing here ever writes, moves or removes a file: the
package folder may be read-only, so a damaged shipped record is reported
(:class:`~superatom_lab.errors.CacheRecordWarning`) and read as absent.

Examples
--------
>>> import tempfile
>>> from superatom_lab.store.sealed import seal
>>> shipped = ShippedRecords(tempfile.mkdtemp())
>>> shipped.path_for("ab" * 32).parent.mkdir(parents=True)
>>> _ = shipped.path_for("ab" * 32).write_bytes(seal("ab" * 32, {"converged": True}))
>>> shipped.get("ab" * 32), shipped.lookup("ab" * 32).precomputed, shipped.keys() == ["ab" * 32]
({'converged': True}, True, True)
>>> shipped.put("ab" * 32, {"converged": True})
Traceback (most recent call last):
...
superatom_lab.errors.SuperatomLabError: the shipped results are read-only ...
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from superatom_lab.errors import CacheRecordWarning, SuperatomLabError
from superatom_lab.store import keys as _keys
from superatom_lab.store.files import is_temporary
from superatom_lab.store.reading import read_record
from superatom_lab.store.sealed import DamagedRecord


def shipped_dir() -> Path:
    """The package's folder of shipped results, ``superatom_lab/data/shipped``.

    Examples
    --------
    >>> shipped_dir().parts[-3:]
    ('superatom_lab', 'data', 'shipped')
    """
    return Path(__file__).resolve().parents[1] / "data" / "shipped"


@dataclass(frozen=True)
class Found:
    """A record found by a lookup: its body, its arrays (or ``None``) and where it came from.

    ``precomputed`` is true for a shipped record, false for one of the user's cache.
    """

    record: dict
    arrays: dict | bool | None
    precomputed: bool


def key_is_valid(key) -> bool:
    """Whether ``key`` is a string of at least 8 lower-case hex digits.

    Examples
    --------
    >>> key_is_valid("ab" * 32), key_is_valid("../x")
    (True, False)
    """
    return isinstance(key, str) and len(key) >= 8 and all(c in "0123456789abcdef" for c in key)


class ShippedRecords:
    """The read-only store of shipped results (same layout and format as the user's).

    It answers the reads of a :class:`~superatom_lab.store.ResultStore`
    (``get``, ``get_with_arrays``, ``has_arrays``, ``lookup``), so a request
    can be looked up in the shipped records alone (``request.cached(ShippedRecords())``),
    and refuses ``put``.

    Parameters
    ----------
    root : str or Path, optional
        The folder; :func:`shipped_dir` when omitted.
    """

    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root) if root is not None else shipped_dir()

    @property
    def records_dir(self) -> Path:
        """``<root>/v<SCHEMA_VERSION>``."""
        return self.root / f"v{_keys.SCHEMA_VERSION}"

    def path_for(self, key: str) -> Path:
        """The file that holds (or would hold) the shipped record of ``key``.

        Raises
        ------
        SuperatomLabError
            For a malformed key.
        """
        if not key_is_valid(key):
            raise SuperatomLabError(f"malformed cache key {key!r}")
        return self.records_dir / key[:2] / f"{key}.json"

    def read(self, key: str, arrays: str = "skip"):
        """``(record, arrays)`` as :func:`read_record`; damage is reported and read as absent.

        The damaged files stay where they are (the folder may be read-only).
        """
        try:
            return read_record(self.path_for(key), key, arrays)
        except DamagedRecord as exc:
            message = (
                f"shipped record {key} in {self.root} is damaged: {exc}; it counts as absent "
                "(reinstall the package, or run 'superatom precompute' in a source checkout)"
            )
            warnings.warn(CacheRecordWarning(message.replace("\n", " ")), stacklevel=4)
            return None, None

    def lookup(self, key: str, arrays: str = "skip") -> Found | None:
        """The shipped record of ``key`` (see :class:`Found`), or ``None``."""
        record, extra = self.read(key, arrays)
        return None if record is None else Found(record, extra, True)

    def get(self, key: str) -> dict | None:
        """The shipped record of ``key``, or ``None``."""
        return self.read(key)[0]

    def get_arrays(self, key: str) -> dict | None:
        """The arrays shipped with ``key``, or ``None``."""
        return self.read(key, "load")[1]

    def get_with_arrays(self, key: str) -> tuple[dict | None, dict | None]:
        """``(record, arrays)`` of ``key``; ``(None, None)`` when absent or damaged."""
        return self.read(key, "load")

    def has_arrays(self, key: str) -> bool:
        """Whether ``key`` has a valid shipped record with checked arrays."""
        return self.read(key, "check")[1] is True

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def keys(self) -> list[str]:
        """The key of every shipped record file (not checked)."""
        base = self.records_dir
        if not base.is_dir():
            return []
        return sorted(p.stem for p in base.glob("*/*.json") if not is_temporary(p))

    def put(self, key: str, record: dict, arrays: dict | None = None) -> None:
        """Refuse: shipped results are written only by ``superatom precompute``.

        Raises
        ------
        SuperatomLabError
            Always.
        """
        raise SuperatomLabError(
            f"the shipped results are read-only ({self.root}); 'superatom precompute' writes them"
        )

    def __repr__(self) -> str:
        return f"ShippedRecords({str(self.root)!r})"
