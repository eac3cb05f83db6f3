"""Every state a write passes through on disk reads as the old record, as absent, or as the new one.

A write (``ResultStore.put``) removes the old record, writes the orbitals to a
``.tmp-*`` file and moves it into place, then does the same for the record.  A
process killed between any two of these steps leaves one of the states built
here, file by file, from the files of two real writes.
"""

from __future__ import annotations

import shutil
import warnings

import numpy as np
import pytest

from superatom_lab.errors import CacheRecordWarning
from superatom_lab.store import ResultStore

KEY = "d1" * 32


@pytest.fixture
def versions(tmp_path):
    """The files of an old and a new record of KEY, kept aside."""
    kept = {}
    for name, value in (("old", 1.0), ("new", 2.0)):
        store = ResultStore(tmp_path / name)
        store.put(KEY, {"converged": True, "value": value}, arrays={"x": np.full(500, value)})
        path = store.path_for(KEY)
        kept[name] = (path.read_bytes(), path.with_suffix(".npz").read_bytes())
    return kept


def _state(root, files):
    """A cache whose record folder holds exactly ``files`` (name -> bytes)."""
    store = ResultStore(root)
    folder = store.path_for(KEY).parent
    shutil.rmtree(store.root, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return store


def test_each_step_of_an_overwrite_reads_old_absent_or_new(tmp_path, versions):
    (old_json, old_npz), (new_json, new_npz) = versions["old"], versions["new"]
    j, n = f"{KEY}.json", f"{KEY}.npz"
    steps = [
        ({j: old_json, n: old_npz}, 1.0),  # before
        ({n: old_npz}, None),  # old record removed
        ({n: old_npz, ".tmp-a.npz": new_npz[: len(new_npz) // 3]}, None),  # orbitals half written
        ({n: new_npz}, None),  # orbitals moved into place
        ({n: new_npz, ".tmp-b.json": new_json[:50]}, None),  # record half written
        ({n: new_npz, j: new_json}, 2.0),  # done
    ]
    for files, expected in steps:
        store = _state(tmp_path / "cache", files)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an interrupted write is never reported as damage
            record, arrays = store.get_with_arrays(KEY)
            has = store.has_arrays(KEY)
        if expected is None:
            assert (record, arrays, has) == (None, None, False), sorted(files)
        else:
            assert record["value"] == expected and has, sorted(files)
            assert np.array_equal(arrays["x"], np.full(500, expected)), sorted(files)
        assert store.keys() == ([KEY] if expected else [])


def test_a_record_never_meets_orbitals_that_are_not_its_own(tmp_path, versions):
    """The state the order of the steps rules out is caught by the checksum if it ever arises."""
    (old_json, _), (_, new_npz) = versions["old"], versions["new"]
    store = _state(tmp_path / "cache", {f"{KEY}.json": old_json, f"{KEY}.npz": new_npz})
    with pytest.warns(CacheRecordWarning, match="does not match its checksum"):
        assert store.get_with_arrays(KEY) == (None, None)
