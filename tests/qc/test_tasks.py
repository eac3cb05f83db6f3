"""The task registry: one declaration per task, checked requests, probes that match a run."""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from superatom_lab.core import catalogue
from superatom_lab.errors import InputError
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.runner import ENGINE_KWARGS
from superatom_lab.qc.tasks import TASKS, Request, get_task, task_for
from superatom_lab.store import ResultStore

SRC = Path(__file__).resolve().parents[2] / "src" / "superatom_lab"
QUICK = get_method("quick")


def test_every_task_function_takes_its_options_and_the_engine_arguments():
    for task in TASKS.values():
        params = inspect.signature(task.compute()).parameters
        takes_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
        for option in task.options:
            assert option in params, f"{task.name} does not take {option}"
        for name in ("store", "progress", "cancel"):
            assert name in params or takes_kwargs, f"{task.name} does not take {name}"
    assert set(ENGINE_KWARGS) >= {"store", "read_cache", "cache_only", "progress", "cancel"}


def test_each_task_name_is_declared_in_one_module_only():
    """A task is a table key or a declaration in exactly one module of src/."""
    for name in TASKS:
        declared = re.compile(rf"(Task\(\s*[\"']{name}[\"'])|([{{,]\s*[\"']{name}[\"']\s*:)")
        modules = [p.relative_to(SRC) for p in SRC.rglob("*.py") if declared.search(p.read_text())]
        assert modules == [Path("qc/tasks.py")], (name, modules)


def test_requests_are_checked():
    f = catalogue.build("F")
    with pytest.raises(InputError, match="unknown task 'colour'"):
        Request.make("colour", f, QUICK)
    with pytest.raises(InputError, match="takes no option 'n_virtual'"):
        Request.make("electron_affinity", f, QUICK, n_virtual=3)
    with pytest.raises(InputError, match="no task computes"):
        task_for("IE", "vde")
    assert get_task("orbital_table") is TASKS["orbital_table"]
    assert {task_for(q, k).name for q in ("EA", "IE") for k in ("vertical", "adiabatic")} == {
        "electron_affinity", "ionization_energy",
        "electron_affinity_adiabatic", "ionization_energy_adiabatic",
    }  # fmt: skip


def test_an_empty_cache_answers_nothing_and_bad_spin_raises_at_once(tmp_path):
    store = ResultStore(tmp_path)
    f = catalogue.build("F")
    for name in ("electron_affinity", "vertical_detachment_energy", "orbital_table"):
        assert Request.make(name, f, QUICK).cached(store) is None
    with pytest.raises(InputError):
        Request.make("electron_affinity", f, QUICK, spin=0).cached(store)  # 9 electrons
    assert list(tmp_path.rglob("*")) == []


@pytest.mark.pyscf
def test_a_cached_answer_is_assembled_without_pyscf(tmp_path):
    """Compute F's EA once, then probe it from a fresh interpreter: PySCF is never imported."""
    store = ResultStore(tmp_path)
    computed = Request.make("electron_affinity", catalogue.build("F"), QUICK).run(store=store)
    probe = (
        "import json, sys\n"
        "from superatom_lab.core import catalogue\n"
        "from superatom_lab.qc.presets import get_method\n"
        "from superatom_lab.qc.tasks import Request\n"
        "from superatom_lab.store import ResultStore\n"
        "r = Request.make('electron_affinity', catalogue.build('F'), get_method('quick'))\n"
        f"found = r.cached(ResultStore({str(tmp_path)!r}))\n"
        "print(json.dumps([found.value_ev, found.cached, 'pyscf' in sys.modules]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC.parent)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                         timeout=120, check=True)  # fmt: skip
    value, cached, pyscf_loaded = json.loads(out.stdout)
    assert value == pytest.approx(computed.value_ev, abs=1e-9)
    assert cached and not pyscf_loaded


def hydrogen_pair_energy_ev(cluster, method, **engine):
    """A property for the test below: E(H2 at this geometry) - 2 E(H), from two states."""
    from superatom_lab.core.cluster import Cluster
    from superatom_lab.core.units import HARTREE_TO_EV
    from superatom_lab.qc.runner import compute_state

    h = Cluster(cluster.atoms[:1])
    keep = {k: v for k, v in engine.items() if k != "progress"}
    pair = compute_state(cluster, method, charge=0, spin=0, **keep)
    atom = compute_state(h, method, charge=0, spin=1, **keep)
    return (pair.energy_hartree - 2 * atom.energy_hartree) * HARTREE_TO_EV, pair.cached


@pytest.mark.pyscf
def test_a_new_property_is_one_registry_entry(tmp_path, monkeypatch):
    """The worked example of docs/architecture.md: declare a task, then run and probe it."""
    from ase import Atoms

    from superatom_lab.core.cluster import Cluster
    from superatom_lab.qc import tasks

    task = tasks.Task("hydrogen_binding", "H2 binding", "binding", "vertical",
                      f"{__name__}:hydrogen_pair_energy_ev", options=())  # fmt: skip
    monkeypatch.setitem(tasks.TASKS, task.name, task)
    h2 = Cluster(Atoms("H2", positions=[(0, 0, 0), (0, 0, 0.74)]))
    store = ResultStore(tmp_path)
    request = Request.make("hydrogen_binding", h2, QUICK)
    assert request.cached(store) is None
    value, cached = request.run(store=store)
    assert -5.0 < value < -4.0 and not cached  # D_e of H2 is 4.75 eV (Huber & Herzberg)
    again, cached = request.cached(store)
    assert again == value and cached
    assert tasks.task_for("binding", "vertical") is task
