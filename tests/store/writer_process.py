"""A child process that writes to a result cache, for the concurrency and kill tests.

Run as ``python -m tests.store.writer_process ROOT MODE ...`` from the repository:

- ``same KEY WRITER N``: store ``N`` records under ``KEY``, each read back at once;
  exit 1 on a damaged or inconsistent read (a ``CacheRecordWarning`` is an error).
- ``many N_KEYS SIZE``: print ``ready``, then store records with ``SIZE`` random
  floats under ``N_KEYS`` keys in turn, for ever (until killed).

Each record holds the SHA-256 of its array's bytes (``array_sha256``), so a reader
can check, independently of the store, that a record and its arrays belong together.
"""

from __future__ import annotations

import hashlib
import sys
import warnings

import numpy as np

from superatom_lab.errors import CacheRecordWarning
from superatom_lab.store import ResultStore


def array_sha256(array: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def key_of(i: int) -> str:
    return f"{i:02x}" * 32


def write_same(store: ResultStore, key: str, writer: int, n: int) -> int:
    for i in range(n):
        values = np.full(50, writer * 100_000 + i, dtype=float)
        record = {"converged": True, "writer": writer, "i": i, "array_sha256": array_sha256(values)}
        store.put(key, record, arrays={"values": values})
        got, arrays = store.get_with_arrays(key)
        if got is None:
            continue  # the other writer is replacing it: absent, never wrong
        if arrays is None or array_sha256(arrays["values"]) != got["array_sha256"]:
            print(f"inconsistent read after write {i}: {got}", file=sys.stderr)
            return 1
    return 0


def write_many(store: ResultStore, n_keys: int, size: int) -> int:
    rng = np.random.default_rng()
    print("ready", flush=True)
    i = 0
    while True:
        values = rng.random(size)
        record = {"converged": True, "i": i, "array_sha256": array_sha256(values)}
        store.put(key_of(i % n_keys), record, arrays={"values": values})
        i += 1


def main(argv: list[str]) -> int:
    warnings.simplefilter("error", CacheRecordWarning)
    store = ResultStore(argv[0])
    if argv[1] == "same":
        return write_same(store, argv[2], int(argv[3]), int(argv[4]))
    return write_many(store, int(argv[2]), int(argv[3]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
