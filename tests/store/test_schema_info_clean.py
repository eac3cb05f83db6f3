"""Schema folders, cube files, ``info`` and ``clean`` of the result cache."""

from __future__ import annotations

import json
import os
import time
import warnings

import numpy as np
import pytest

from superatom_lab.errors import CacheRecordWarning, InputError
from superatom_lab.store import ResultStore, keys

DAY = 86400.0


def _age(path, days):
    """Set the last-modified time of ``path`` ``days`` days back."""
    when = time.time() - days * DAY
    os.utime(path, (when, when))


def _old_schema_record(root, key, version=1):
    """A record as the schema-``version`` store wrote it: plain JSON, no checksum."""
    path = root / f"v{version}" / key[:2] / f"{key}.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"converged": True, "energy_hartree": -1.0}))
    return path


def test_records_live_in_the_folder_of_the_schema_version(tmp_path, monkeypatch):
    store = ResultStore(tmp_path)
    assert store.records_dir == tmp_path / f"v{keys.SCHEMA_VERSION}"
    store.put("ab" * 32, {"converged": True})
    monkeypatch.setattr(keys, "SCHEMA_VERSION", keys.SCHEMA_VERSION + 1)  # a format bump
    assert store.path_for("ab" * 32).parts[-3] == f"v{keys.SCHEMA_VERSION}"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert store.get("ab" * 32) is None and store.keys() == []
    assert store.info().n_old_schema == 1
    report = store.clean(older_than_days=10)
    assert report.schema_folders == (f"v{keys.SCHEMA_VERSION - 1}",)
    assert not (tmp_path / f"v{keys.SCHEMA_VERSION - 1}").exists()


def test_old_schema_folder_is_ignored_never_misread_and_cleaned(tmp_path):
    store = ResultStore(tmp_path)
    key = "ab" * 32
    old = _old_schema_record(tmp_path, key)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even read, so not reported as damage
        assert store.get(key) is None and store.keys() == [] and key not in store
    assert store.info().n_old_schema == 1 and store.info().n_records == 0
    store.put(key, {"converged": True, "energy_hartree": -2.0})
    assert store.get(key)["energy_hartree"] == -2.0
    report = store.clean(older_than_days=30)  # old folders go even when records are kept
    assert report.schema_folders == ("v1",) and report.n_records == 0
    assert not old.exists() and store.get(key)["energy_hartree"] == -2.0
    assert store.info().n_old_schema == 0


def test_info_counts_records_cubes_quarantine_and_size(tmp_path):
    store = ResultStore(tmp_path)
    assert store.info().n_records == 0 and store.info().oldest is None
    store.put("ab" * 32, {"converged": True}, arrays={"x": np.zeros(100)})
    store.put("cd" * 32, {"converged": True})
    store.cube_path("abab-alpha-3-0p25").write_text("cube\n" * 100)
    _age(store.path_for("cd" * 32), 3)
    store.path_for("ab" * 32).write_text("{")  # damaged: quarantined when read
    with pytest.warns(CacheRecordWarning):
        store.get("ab" * 32)
    info = store.info()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert info.root == tmp_path and info.size_bytes == sum(p.stat().st_size for p in files)
    assert (info.n_records, info.n_cube_files, info.n_quarantined) == (1, 1, 2)
    assert abs(info.oldest.timestamp() - (time.time() - 3 * DAY)) < 60
    assert info.to_dict()["oldest"] == info.oldest.isoformat(timespec="seconds")


def test_clean_older_than_removes_only_old_records_and_cubes(tmp_path):
    store = ResultStore(tmp_path)
    for key in ("aa" * 32, "ab" * 32):
        store.put(key, {"converged": True}, arrays={"x": np.ones(10)})
    old_cube, new_cube = store.cube_path("old"), store.cube_path("new")
    old_cube.write_text("old")
    new_cube.write_text("new")
    _age(store.path_for("aa" * 32), 10)
    _age(old_cube, 10)
    tmp = store.path_for("ab" * 32).with_name(".tmp-killed.npz")
    tmp.write_bytes(b"half a write")
    orphan = store.path_for("ef" * 32).with_suffix(".npz")  # a write killed before its record
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"orbitals")
    report = store.clean(older_than_days=5)
    assert (report.n_records, report.n_cube_files, report.n_tmp_files) == (1, 1, 2)
    assert report.freed_bytes > 0
    assert store.keys() == ["ab" * 32] and store.has_arrays("ab" * 32)
    assert not store.path_for("aa" * 32).with_suffix(".npz").exists()
    assert new_cube.exists() and not old_cube.exists() and not tmp.exists()
    assert not orphan.exists()


def test_clean_without_age_removes_everything_of_the_store_only(tmp_path):
    store = ResultStore(tmp_path / "cache")
    store.put("ab" * 32, {"converged": True}, arrays={"x": np.ones(10)})
    store.cube_path("c").write_text("cube")
    _old_schema_record(store.root, "cd" * 32)
    store.quarantine_dir.mkdir()
    (store.quarantine_dir / "x.json").write_text("{")
    mine = store.root / "notes.txt"  # not the store's: left alone
    mine.write_text("keep")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "data.json").write_text("{}")
    (store.root / "v0").symlink_to(outside)  # a link out of the root: unlinked, not followed
    report = store.clean()
    assert (report.n_records, report.n_cube_files, report.n_quarantined) == (1, 1, 1)
    assert set(report.schema_folders) == {"v0", "v1"}
    assert sorted(p.name for p in store.root.iterdir()) == ["notes.txt"]
    assert (outside / "data.json").read_text() == "{}"
    info = store.info()
    assert (info.n_records, info.n_cube_files, info.n_quarantined, info.n_old_schema) == (
        0, 0, 0, 0,
    )  # fmt: skip


@pytest.mark.parametrize("days", [-1, float("nan"), float("inf"), "soon"])
def test_clean_refuses_bad_ages(tmp_path, days):
    store = ResultStore(tmp_path)
    store.put("ab" * 32, {"converged": True})
    with pytest.raises(InputError, match="older"):
        store.clean(older_than_days=days)
    assert store.keys() == ["ab" * 32]


@pytest.mark.parametrize("name", ["", ".tmp-x", "../x", "a/b", "a b"])
def test_cube_path_refuses_names_that_are_not_plain(tmp_path, name):
    with pytest.raises(InputError, match="cube name"):
        ResultStore(tmp_path).cube_path(name)


def test_cube_path_is_under_the_cubes_folder(tmp_path):
    store = ResultStore(tmp_path)
    path = store.cube_path("ab12-beta-7-0p25.cube")
    assert path == tmp_path / "cubes" / "ab12-beta-7-0p25.cube" and path.parent.is_dir()
