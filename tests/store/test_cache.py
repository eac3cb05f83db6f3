"""The result cache: keys, atomic writes, converged-only storage, the folder setting."""

from __future__ import annotations

import json

import pytest
from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import CacheRecordWarning, SuperatomLabError
from superatom_lab.store import ResultStore, default_cache_dir, scf_key
from superatom_lab.store.keys import SCHEMA_VERSION

METHOD = {"xc": "b3lyp", "basis": "def2-svpd"}


def _hf(shift=0.0):
    return Cluster(Atoms("HF", positions=[(0, 0, 0), (0, 0, 0.917 + shift)]))


def test_key_ignores_noise_below_rounding_but_not_real_changes():
    base = scf_key(_hf(), charge=0, spin=0, method=METHOD)
    assert scf_key(_hf(1e-8), charge=0, spin=0, method=METHOD) == base
    assert scf_key(_hf(1e-3), charge=0, spin=0, method=METHOD) != base
    assert scf_key(_hf(), charge=-1, spin=1, method=METHOD) != base
    assert scf_key(_hf(), charge=0, spin=0, method={**METHOD, "xc": "pbe"}) != base


def test_put_get_roundtrip_and_layout(tmp_path):
    store = ResultStore(tmp_path)
    key = scf_key(_hf(), charge=0, spin=0, method=METHOD)
    store.put(key, {"converged": True, "energy_hartree": -100.4})
    assert store.get(key) == {"converged": True, "energy_hartree": -100.4}
    assert store.path_for(key) == tmp_path / f"v{SCHEMA_VERSION}" / key[:2] / f"{key}.json"
    assert store.keys() == [key]
    assert not list(tmp_path.rglob(".tmp-*")), "no temporary file may remain"


def test_unconverged_results_are_refused(tmp_path):
    store = ResultStore(tmp_path)
    with pytest.raises(SuperatomLabError, match="unconverged"):
        store.put("ab" * 32, {"converged": False, "energy_hartree": -1.0})
    assert store.keys() == []


def test_failed_write_leaves_nothing(tmp_path):
    store = ResultStore(tmp_path)
    with pytest.raises(TypeError):
        store.put("ab" * 32, {"converged": True, "bad": object()})
    assert store.get("ab" * 32) is None
    assert not list(tmp_path.rglob("*.json"))


def test_damaged_record_counts_as_absent(tmp_path):
    store = ResultStore(tmp_path)
    key = "cd" * 32
    store.put(key, {"converged": True})
    store.path_for(key).write_text("{not json")
    with pytest.warns(CacheRecordWarning, match=key):
        assert store.get(key) is None


def test_environment_variable_sets_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SUPERATOM_LAB_CACHE", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    assert ResultStore().root == tmp_path / "here"
    monkeypatch.delenv("SUPERATOM_LAB_CACHE")
    assert default_cache_dir().parts[-2:] == (".cache", "superatom-lab")


def test_records_are_plain_json(tmp_path):
    store = ResultStore(tmp_path)
    store.put("ef" * 32, {"converged": True, "x": [1, 2]})
    assert json.loads(store.path_for("ef" * 32).read_text())["record"]["x"] == [1, 2]


def test_arrays_are_stored_beside_the_record(tmp_path):
    import numpy as np

    store = ResultStore(tmp_path)
    key = "12" * 32
    coeff = np.arange(6.0).reshape(2, 3)
    store.put(key, {"converged": True}, arrays={"mo_coeff": coeff})
    assert np.array_equal(store.get_arrays(key)["mo_coeff"], coeff)
    assert store.get_arrays("34" * 32) is None
