"""The on-disk form of a record: its body sealed with checksums.

A record file is a JSON object ``{"schema", "key", "sha256", "npz_sha256",
"record"}``: ``sha256`` is the SHA-256 of the canonical JSON of the body
(``record``), and ``npz_sha256`` the SHA-256 of the bytes of the ``.npz``
orbitals file stored beside it (``null`` when there is none), so a record and
its orbitals are checked together.  :func:`unseal` refuses anything that does
not check out with a :class:`DamagedRecord` that says what was wrong.

Examples
--------
>>> raw = seal("ab" * 32, {"converged": True, "energy_hartree": -1.5})
>>> unseal("ab" * 32, raw).body
{'converged': True, 'energy_hartree': -1.5}
>>> unseal("cd" * 32, raw)
Traceback (most recent call last):
...
superatom_lab.store.sealed.DamagedRecord: it was stored under another key (abababababab...)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from superatom_lab.store import keys
from superatom_lab.store.keys import canonical_json


class DamagedRecord(Exception):
    """A record file (or its orbitals file) that is truncated, altered or unreadable.

    Internal to the store: the store reports it as an
    :class:`superatom_lab.errors.CacheRecordWarning` and treats the record as absent.
    """


@dataclass(frozen=True)
class Sealed:
    """A verified record: its body and the checksum of its orbitals file (or ``None``)."""

    body: dict
    npz_sha256: str | None


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` as 64 hex digits.

    Examples
    --------
    >>> sha256_hex(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def body_checksum(body: dict) -> str:
    """SHA-256 of the canonical JSON of ``body`` (sorted keys, no spaces).

    Examples
    --------
    >>> body_checksum({"b": 1, "a": 2}) == body_checksum({"a": 2, "b": 1})
    True
    """
    return sha256_hex(canonical_json(body).encode())


def seal(key: str, body: dict, npz_sha256: str | None = None) -> bytes:
    """The bytes of the record file that holds ``body`` under ``key``.

    The body is first brought to its JSON form (tuples become lists, keys
    strings), so that the checksum is the one a reader computes.

    Raises
    ------
    TypeError
        If ``body`` holds something JSON cannot represent.

    Examples
    --------
    >>> raw = seal("ab" * 32, {"x": (1, 2)})
    >>> json.loads(raw)["record"]
    {'x': [1, 2]}
    """
    body = json.loads(json.dumps(body))
    envelope = {
        "schema": keys.SCHEMA_VERSION,
        "key": key,
        "sha256": body_checksum(body),
        "npz_sha256": npz_sha256,
        "record": body,
    }
    return json.dumps(envelope, indent=1, sort_keys=True).encode()


def unseal(key: str, raw: bytes) -> Sealed:
    """Check the record file ``raw`` read for ``key`` and return its content.

    Raises
    ------
    DamagedRecord
        If the file is not JSON, not a record of this schema, stored under
        another key, or its body does not match its checksum.

    Examples
    --------
    >>> raw = seal("ab" * 32, {"energy_hartree": -1.5})
    >>> unseal("ab" * 32, raw.replace(b"-1.5", b"-1.6"))
    Traceback (most recent call last):
    ...
    superatom_lab.store.sealed.DamagedRecord: its content does not match its checksum
    >>> unseal("ab" * 32, raw[: len(raw) // 2])
    Traceback (most recent call last):
    ...
    superatom_lab.store.sealed.DamagedRecord: it is not valid JSON (truncated?)
    """
    try:
        envelope = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DamagedRecord("it is not valid JSON (truncated?)") from None
    fields = {"schema", "key", "sha256", "npz_sha256", "record"}
    if not isinstance(envelope, dict) or set(envelope) != fields:
        raise DamagedRecord("it is not a sealed record (fields missing or extra)")
    if envelope["schema"] != keys.SCHEMA_VERSION:
        raise DamagedRecord(f"its schema is {envelope['schema']!r}, not {keys.SCHEMA_VERSION}")
    if envelope["key"] != key:
        raise DamagedRecord(f"it was stored under another key ({str(envelope['key'])[:12]}...)")
    body, npz_sha256 = envelope["record"], envelope["npz_sha256"]
    if not isinstance(body, dict) or body_checksum(body) != envelope["sha256"]:
        raise DamagedRecord("its content does not match its checksum")
    if npz_sha256 is not None and not isinstance(npz_sha256, str):
        raise DamagedRecord("its orbitals checksum is not a string")
    return Sealed(body, npz_sha256)
