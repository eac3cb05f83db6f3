"""The results shipped with the package match their keys and the code that computes them."""

from __future__ import annotations

import pytest

from superatom_lab.errors import InputError
from superatom_lab.qc.manifest import load_manifest, load_provenance, select
from superatom_lab.qc.precompute import orbitals_in_use, precompute, summarize
from superatom_lab.qc.runner import NotInCache, compute_state
from superatom_lab.store import ResultStore
from superatom_lab.store.keys import state_key
from superatom_lab.store.shipped import ShippedRecords, shipped_dir

MANIFEST = load_manifest()
RERUN = "run `superatom precompute` (in a source checkout) and commit the new records"
MAX_FILE_BYTES = 5_000_000


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e.name)
def test_every_manifest_entry_is_answered_by_the_shipped_records(entry):
    """Fails when a preset's fields, the pinned PySCF minor version or the geometry change,
    since keys include them."""
    result = entry.request().cached(ShippedRecords())
    assert result is not None, f"no valid shipped records for {entry.name}: {RERUN}"
    shipped = load_provenance()[entry.name]
    assert summarize(result)["value_ev"] == pytest.approx(shipped["value_ev"], abs=1e-9), RERUN
    if entry.task == "orbital_table":  # one record, and its state with the orbitals
        assert result.precomputed and len(shipped["keys"]) == 2
        return
    parts = result if isinstance(result, list) else [result]  # successive EAs: one per step
    if entry.task == "site_binding_scan":  # a binding energy per distance, and the corrected one
        parts = [*result.uncorrected, result.corrected]
    assert all(r.precomputed and r.cached and r.converged for r in parts)
    assert set(shipped["keys"]) >= {s.key for r in parts for s in r.candidates}


def test_the_provenance_says_how_each_result_was_computed():
    provenance = load_provenance()
    assert sorted(provenance) == sorted(e.name for e in MANIFEST)
    for entry in MANIFEST:
        shipped = provenance[entry.name]
        assert shipped["request"] == entry.to_dict() and shipped["preset"] == entry.preset
        assert shipped["converged"] is True and shipped["wall_s"] > 0
        assert shipped["pyscf"].startswith(shipped["versions_in_keys"]["pyscf"])
        assert {"platform", "processor", "cores"} <= set(shipped["machine"])
        assert shipped["date"][:2] == "20"


def test_the_shipped_folder_holds_only_records_in_use_and_no_large_file():
    used = {k for p in load_provenance().values() for k in p["keys"]}
    with_orbitals = orbitals_in_use(MANIFEST, load_provenance())
    assert set(ShippedRecords().keys()) == used
    for path in shipped_dir().rglob("*"):
        assert path.name != ".lock" and not path.name.startswith(".tmp-"), path
        if path.is_file():
            assert path.stat().st_size < MAX_FILE_BYTES, path
            assert path.suffix != ".npz" or path.stem in with_orbitals, f"{path}: not needed"
            assert path.stat().st_mode & 0o444 == 0o444, f"{path} is not readable by everyone"


def test_no_cache_ignores_the_shipped_records(tmp_path):
    request = select(MANIFEST, "Li")[0].request()
    state = request.cached(ShippedRecords()).states[0]
    assert state_key(request.cluster, request.method, charge=state.charge,
                     spin=state.spin) in ShippedRecords().keys()  # fmt: skip
    store = ResultStore(tmp_path, shipped=shipped_dir())  # an empty cache over the shipped
    kwargs = {"charge": state.charge, "spin": state.spin, "store": store, "cache_only": True}
    assert compute_state(request.cluster, request.method, **kwargs).precomputed
    with pytest.raises(NotInCache):  # read_cache=False reads nothing, shipped records included
        compute_state(request.cluster, request.method, read_cache=False, **kwargs)


@pytest.mark.pyscf
def test_precompute_reproduces_the_shipped_chlorine_records(tmp_path):
    """`superatom precompute --only Cl`, into a scratch folder, gives the shipped energies."""
    entries = select(MANIFEST, "Cl")
    done = precompute(entries, tmp_path, MANIFEST)
    assert sorted(done) == sorted(e.name for e in entries)
    for entry in entries:
        again = entry.request().cached(ShippedRecords(tmp_path))
        shipped = entry.request().cached(ShippedRecords())
        assert again is not None and shipped is not None
        again_parts = again if isinstance(again, list) else [again]  # successive EAs
        shipped_parts = shipped if isinstance(shipped, list) else [shipped]
        for a, b in zip(again_parts, shipped_parts, strict=True):
            for new, old in zip(a.candidates, b.candidates, strict=True):
                assert (new.key, new.charge, new.spin) == (old.key, old.charge, old.spin)
                assert new.energy_hartree == pytest.approx(old.energy_hartree, abs=1e-6), RERUN
            assert a.value_ev == pytest.approx(b.value_ev, abs=1e-6 * 27.2114)
    assert set(ShippedRecords(tmp_path).keys()) == {k for p in done.values() for k in p["keys"]}


def test_a_precompute_run_reads_back_only_what_it_wrote(tmp_path):
    """Old records are computed again; a state written earlier in the run is reused, not redone."""
    from superatom_lab.qc.precompute import _RunStore

    old, new = "ab" * 32, "cd" * 32
    ResultStore(tmp_path, shipped=None).put(old, {"converged": True})  # from an earlier run
    fresh: set[str] = set()
    first = _RunStore(tmp_path, fresh)
    assert first.get(old) is None and first.used == []
    first.put(new, {"converged": True})
    second = _RunStore(tmp_path, fresh)  # the next entry of the same run
    assert second.get(new) == {"converged": True} and second.get(old) is None
    assert first.used == [new] and second.used == [new] and fresh == {new}


@pytest.mark.pyscf
def test_precompute_reuses_the_states_of_a_cache_instead_of_computing_them(tmp_path, monkeypatch):
    """`precompute --reuse DIR`: a converged state found in DIR is copied in, not recomputed."""
    import superatom_lab.qc.scf as scf

    (entry,) = [e for e in select(MANIFEST, "Li") if e.task == "ionization_energy"]
    cache = tmp_path / "cache"
    first = entry.request().run(store=ResultStore(cache, shipped=None))  # an earlier `superatom ip`

    def no_scf(*args, **kwargs):
        raise AssertionError("an SCF ran although the cache holds the state")

    monkeypatch.setattr(scf, "run_scf", no_scf)
    done = precompute([entry], tmp_path / "shipped", MANIFEST, reuse=cache)
    provenance = done[entry.name]
    assert provenance["reused_keys"] == provenance["keys"] != []
    assert provenance["value_ev"] == pytest.approx(first.value_ev, abs=1e-12)
    assert set(ShippedRecords(tmp_path / "shipped").keys()) == set(provenance["keys"])
    with pytest.raises(InputError):
        precompute([entry], tmp_path / "shipped", MANIFEST, reuse=tmp_path / "absent")
