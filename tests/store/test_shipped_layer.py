"""The read-only layer of shipped results below the user's cache."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from superatom_lab.errors import CacheRecordWarning, SuperatomLabError
from superatom_lab.store import ResultStore
from superatom_lab.store.shipped import ShippedRecords
from tests.helpers import cache_files

KEY = "ab" * 32


def _stores(tmp_path):
    """A user's store over a shipped folder that holds one record with orbitals."""
    shipped_root = tmp_path / "shipped"
    writer = ResultStore(shipped_root, shipped=None)  # the layout precompute writes
    writer.put(KEY, {"converged": True, "energy_hartree": -1.5}, arrays={"mo_occ": np.ones(3)})
    return ResultStore(tmp_path / "user", shipped=shipped_root), shipped_root


def test_a_shipped_record_is_read_below_the_cache_and_marked_precomputed(tmp_path):
    store, _ = _stores(tmp_path)
    assert store.get(KEY)["energy_hartree"] == -1.5 and KEY in store
    found = store.lookup(KEY, "load")
    assert found.precomputed and found.arrays["mo_occ"].tolist() == [1.0, 1.0, 1.0]
    assert store.has_arrays(KEY) and store.get_with_arrays(KEY)[1] is not None
    assert store.keys() == []  # the user's folder holds nothing
    store.put(KEY, {"converged": True, "energy_hartree": -2.5})  # the user's record wins
    found = store.lookup(KEY)
    assert found.record["energy_hartree"] == -2.5 and not found.precomputed


def test_put_clean_and_info_leave_the_shipped_records_alone(tmp_path):
    store, shipped_root = _stores(tmp_path)
    before = {p: p.read_bytes() for p in cache_files(shipped_root)}
    store.put("cd" * 32, {"converged": True})
    assert cache_files(shipped_root) == sorted(before)  # put wrote into the user's folder
    info = store.info()
    assert (info.n_records, info.n_shipped, info.shipped_root) == (1, 1, shipped_root)
    assert info.to_dict()["n_shipped"] == 1
    report = store.clean()
    assert report.n_records == 1
    assert {p: p.read_bytes() for p in cache_files(shipped_root)} == before
    assert store.lookup(KEY).precomputed
    with pytest.raises(SuperatomLabError, match="read-only"):
        store.shipped.put(KEY, {"converged": True})


def test_without_a_shipped_layer_nothing_is_shipped(tmp_path):
    _, shipped_root = _stores(tmp_path)
    store = ResultStore(tmp_path / "user", shipped=None)
    assert store.get(KEY) is None and store.info().n_shipped == 0


def test_a_damaged_shipped_record_is_reported_and_absent_but_never_moved(tmp_path):
    store, shipped_root = _stores(tmp_path)
    path = store.shipped.path_for(KEY)
    path.write_bytes(path.read_bytes().replace(b"-1.5", b"-1.6"))
    before = cache_files(shipped_root)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert store.get(KEY) is None and not store.has_arrays(KEY)
    messages = [str(w.message) for w in caught if issubclass(w.category, CacheRecordWarning)]
    assert len(messages) == 2 and "shipped record" in messages[0]
    assert "does not match its checksum" in messages[0]
    assert cache_files(shipped_root) == before  # nothing moved out of the package folder
    assert not store.quarantine_dir.exists()


def test_a_damaged_orbitals_file_is_absent_too(tmp_path):
    store, _ = _stores(tmp_path)
    store.shipped.path_for(KEY).with_suffix(".npz").write_bytes(b"not an npz")
    with pytest.warns(CacheRecordWarning, match="orbitals file"):
        assert store.get_with_arrays(KEY) == (None, None)
    assert store.get(KEY)["energy_hartree"] == -1.5  # the record alone still checks out


def test_shipped_records_answer_the_reads_of_a_store(tmp_path):
    _, shipped_root = _stores(tmp_path)
    shipped = ShippedRecords(shipped_root)
    assert shipped.keys() == [KEY] and shipped.get_arrays(KEY)["mo_occ"].shape == (3,)
    assert shipped.lookup("cd" * 32) is None and shipped.get("cd" * 32) is None
