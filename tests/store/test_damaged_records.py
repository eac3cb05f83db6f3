"""Damaged records: reported once, moved into the quarantine, read as absent, never raised."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from superatom_lab.errors import CacheRecordWarning
from superatom_lab.store import ResultStore

KEY = "5e" * 32


@pytest.fixture
def store(tmp_path):
    store = ResultStore(tmp_path)
    values = np.linspace(0.0, 1.0, 2000)
    store.put(KEY, {"converged": True, "energy_hartree": -99.5}, arrays={"mo_coeff": values})
    return store


def _reads(store):
    """Every read of the store's API, none of which may raise."""
    return {
        "get": store.get(KEY),
        "get_arrays": store.get_arrays(KEY),
        "get_with_arrays": store.get_with_arrays(KEY),
        "has_arrays": store.has_arrays(KEY),
        "contains": KEY in store,
    }


def _assert_reported_and_quarantined(store, fragment, read):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert read(store, KEY) in (None, False, (None, None))
    damage = [w for w in caught if issubclass(w.category, CacheRecordWarning)]
    assert len(damage) == 1, [str(w.message) for w in caught]
    message = str(damage[0].message)
    assert KEY in message and fragment in message and "\n" not in message
    names = sorted(p.name for p in store.quarantine_dir.iterdir())
    assert any(n.endswith(f"-{KEY}.json") for n in names), names
    assert not store.path_for(KEY).exists() and not store.path_for(KEY).with_suffix(".npz").exists()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # reported once: afterwards it is simply absent
        reads = _reads(store)
    assert reads == {
        "get": None, "get_arrays": None, "get_with_arrays": (None, None),
        "has_arrays": False, "contains": False,
    }  # fmt: skip
    return names


@pytest.mark.parametrize(
    "read",
    [ResultStore.get_arrays, ResultStore.get_with_arrays, ResultStore.has_arrays],
    ids=["get_arrays", "get_with_arrays", "has_arrays"],
)
def test_truncated_npz(store, read):
    npz = store.path_for(KEY).with_suffix(".npz")
    data = npz.read_bytes()
    npz.write_bytes(data[: len(data) // 2])
    names = _assert_reported_and_quarantined(store, "orbitals file", read)
    assert sorted(n.rsplit(".", 1)[1] for n in names) == ["json", "npz"]
    quarantined_npz = next(p for p in store.quarantine_dir.iterdir() if p.suffix == ".npz")
    assert quarantined_npz.stat().st_size == len(data) // 2, "kept as found, for inspection"


def test_npz_with_one_byte_changed(store):
    npz = store.path_for(KEY).with_suffix(".npz")
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    _assert_reported_and_quarantined(store, "checksum", ResultStore.get_arrays)


def test_altered_json_value(store):
    path = store.path_for(KEY)
    envelope = json.loads(path.read_text())
    envelope["record"]["energy_hartree"] = -100.5  # checksum left as it was
    path.write_text(json.dumps(envelope))
    _assert_reported_and_quarantined(store, "checksum", ResultStore.get)


def test_truncated_json(store):
    path = store.path_for(KEY)
    path.write_bytes(path.read_bytes()[:40])
    _assert_reported_and_quarantined(store, "not valid JSON", ResultStore.get)


def test_record_copied_under_another_key(store):
    other = "7a" * 32
    store.path_for(other).parent.mkdir(parents=True, exist_ok=True)
    store.path_for(other).write_bytes(store.path_for(KEY).read_bytes())
    with pytest.warns(CacheRecordWarning, match="another key"):
        assert store.get(other) is None
    assert store.get(KEY)["energy_hartree"] == -99.5, "the original is untouched"


def test_plain_json_of_the_old_format(store):
    store.path_for(KEY).write_text(json.dumps({"converged": True, "energy_hartree": -99.5}))
    _assert_reported_and_quarantined(store, "not a sealed record", ResultStore.get)


def test_unreadable_record(store):
    path = store.path_for(KEY)
    path.unlink()
    path.mkdir()  # reading it fails with an OSError
    _assert_reported_and_quarantined(store, "cannot be read", ResultStore.get)


def test_recomputed_record_replaces_a_damaged_one(store):
    store.path_for(KEY).write_text("{")
    with pytest.warns(CacheRecordWarning):
        assert store.get(KEY) is None
    store.put(KEY, {"converged": True, "energy_hartree": -99.6}, arrays={"x": np.ones(3)})
    record, arrays = store.get_with_arrays(KEY)
    assert record["energy_hartree"] == -99.6 and arrays["x"].tolist() == [1.0, 1.0, 1.0]
    assert store.has_arrays(KEY)


def test_missing_orbitals_file_means_no_arrays_not_damage(store):
    store.path_for(KEY).with_suffix(".npz").unlink()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert store.get(KEY)["energy_hartree"] == -99.5
        assert store.get_arrays(KEY) is None and not store.has_arrays(KEY)
    assert not store.quarantine_dir.exists()


def test_valid_records_warn_about_nothing(store):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reads = _reads(store)
    assert reads["get"] == {"converged": True, "energy_hartree": -99.5}
    assert np.array_equal(reads["get_arrays"]["mo_coeff"], np.linspace(0.0, 1.0, 2000))
    assert reads["has_arrays"] is True and reads["contains"] is True
