"""Reading one sealed record (and its ``.npz`` orbitals) from a file, checked.

Both the user's store (:class:`~superatom_lab.store.ResultStore`) and the
read-only shipped records (:class:`~superatom_lab.store.shipped.ShippedRecords`)
read through :func:`read_record`, so one code path reads both.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from superatom_lab.store.sealed import seal
>>> path = Path(tempfile.mkdtemp()) / "x.json"
>>> _ = path.write_bytes(seal("ab" * 32, {"converged": True}))
>>> read_record(path, "ab" * 32, "skip")
({'converged': True}, None)
>>> read_record(path.with_name("y.json"), "ab" * 32, "load")
(None, None)
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from superatom_lab.store.sealed import DamagedRecord, sha256_hex, unseal

#: What a read does with the orbitals file: ignore it, check it, or load its arrays.
ARRAY_MODES = ("skip", "check", "load")


def read_record(path: Path, key: str, arrays: str = "skip"):
    """Read and check the record file ``path`` of ``key``; ``(None, None)`` when it is absent.

    ``arrays`` is ``"skip"`` (the record only), ``"check"`` (also check the
    orbitals file; the second item is then ``True`` or ``None``) or ``"load"``
    (the second item is the dict of arrays, or ``None``).  A missing orbitals
    file means "no arrays", not damage.

    Raises
    ------
    DamagedRecord
        If the record or its orbitals file does not check out.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise DamagedRecord(f"it cannot be read ({exc.strerror or exc})") from None
    sealed = unseal(key, raw)
    if arrays == "skip" or sealed.npz_sha256 is None:
        return sealed.body, None
    try:
        data = path.with_suffix(".npz").read_bytes()
    except FileNotFoundError:
        return sealed.body, None
    except OSError as exc:
        why = exc.strerror or exc
        raise DamagedRecord(f"its orbitals file cannot be read ({why})") from None
    if sha256_hex(data) != sealed.npz_sha256:
        raise DamagedRecord(f"its orbitals file ({len(data)} bytes) does not match its checksum")
    if arrays == "check":
        return sealed.body, True
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            return sealed.body, {name: npz[name] for name in npz.files}
    except Exception as exc:  # noqa: BLE001 - any failure to decode is damage
        raise DamagedRecord(f"its orbitals file cannot be decoded ({exc})") from None
