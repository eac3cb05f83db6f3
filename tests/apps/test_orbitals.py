"""The orbital explorer: model and view driven in plain pytest with real small PySCF jobs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from traitlets import Any, HasTraits

from superatom_lab.apps import OrbitalModel, OrbitalView
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.orbitals.model import N_VIRTUAL, SESSION_CHOICE, TASK, jellium_with_note
from superatom_lab.core import catalogue
from superatom_lab.core.levels import level_groups
from superatom_lab.qc.cached import cached_orbital_table
from superatom_lab.qc.orbital_table import analysed_state
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request
from superatom_lab.store import ResultStore
from superatom_lab.store.keys import orbital_table_key, state_key
from tests.apps.polling import wait_for, wait_for_cube
from tests.helpers import cache_files

QUICK = get_method("quick")


class FakeSession(HasTraits):
    """Anything with a ``cluster`` trait will do (the builder's ClusterSession has one)."""

    cluster = Any(None, allow_none=True)


def make_view(store, **traits) -> OrbitalView:
    view = OrbitalView(OrbitalModel(runner=JobRunner(store=store), **traits))
    view.render()
    return view


@pytest.fixture(scope="module")
def na8_cache(tmp_path_factory):
    """A cache with the Na8 orbital table (computed once by a worker, a few seconds)."""
    root = tmp_path_factory.mktemp("na8-cache")
    runner = JobRunner(store=root)
    runner.submit(TASK, catalogue.build("Na8"), QUICK, n_virtual=N_VIRTUAL)
    assert runner.wait(180), runner.progress_text
    assert runner.state == "done" and not runner.from_cache, runner.error
    return root


def test_defaults_and_the_charge_follow_the_species():
    model = OrbitalModel(runner=JobRunner(store="default"))
    assert (model.structure, model.charge, model.preset) == ("Al13", -1, "quick")
    assert model.chosen_cluster().n_valence_electrons == 40
    model.structure = "Na8"
    assert model.charge == 0
    model.structure = "BF4"
    assert model.charge == -1


def test_a_session_cluster_is_picked_up():
    session = FakeSession()
    model = OrbitalModel(runner=JobRunner(store="default"), session=session)
    assert model.structure == "Al13"  # nothing shared yet
    session.cluster = catalogue.build("Na8", charge=1)
    assert model.structure == SESSION_CHOICE and model.charge == 1
    assert model.chosen_cluster().formula == "Na8" and model.chosen_cluster().charge == 1
    view = OrbitalView(model)
    view.render()
    assert view.structure.value == SESSION_CHOICE
    assert view.structure.options[0][0] == "built: Na8, cation (charge +1)"
    with pytest.raises(TypeError, match="cluster"):
        OrbitalModel(runner=JobRunner(store="default"), session=object())


def test_bad_input_is_one_line_and_starts_nothing(tmp_path):
    view = make_view(tmp_path, structure="Na8")
    view.charge.value = 100  # more charge than electrons
    view.compute_button.click()
    m = view.model
    assert "electrons" in m.error and "\n" not in m.error
    assert view.error.value.startswith("<span") and "Traceback" not in view.error.value
    assert m.runner.state == "idle" and cache_files(tmp_path) == []
    unknown = OrbitalModel(runner=JobRunner(store=tmp_path), structure="Nope")
    unknown.compute()
    assert unknown.error.startswith("unknown species 'Nope'") and "\n" not in unknown.error
    empty = OrbitalModel(runner=JobRunner(store=tmp_path), session=FakeSession())
    empty.structure = SESSION_CHOICE
    empty.compute()
    assert "no built cluster" in empty.error


def test_the_view_renders_without_a_result(tmp_path):
    view = make_view(tmp_path)
    box = view.render()
    assert box is view.render() and box is view.widget
    assert view.structure.value == "Al13" and view.charge.value == -1
    assert view.level_list.options == () and view.diagram.value == b""
    assert view.cancel_button.disabled and "select a level" in view.cube_status.value
    assert view.isovalue.value == pytest.approx(0.02)


def test_model_module_does_not_import_widgets_or_pyscf():
    code = (
        "import sys; import superatom_lab.apps.orbitals.model as m; m.OrbitalModel(); "
        "print('ipywidgets' in sys.modules, 'pyscf' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_jellium_only_for_simple_metal_clusters():
    result, note = jellium_with_note(catalogue.build("Na8"))
    assert result.n_electrons == 8 and "r_s of Na" in note
    assert jellium_with_note(catalogue.build("W@Au12"))[0].n_electrons == 18  # W 6, Au 1
    assert jellium_with_note(catalogue.build("B12H12", charge=-2)) == (
        None,
        "no jellium ladder: B12H12 is not a simple-metal cluster",
    )


@pytest.mark.pyscf
def test_na8_levels_cube_lweights_and_the_cache(na8_cache, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    shutil.copytree(na8_cache, cache)
    view = make_view(cache, structure="Na8")
    m = view.model

    import superatom_lab.qc.worker as worker

    def no_worker(*args, **kwargs):
        raise AssertionError("a cached orbital table must not start a worker")

    monkeypatch.setattr(worker, "WorkerJob", no_worker)
    start = time.perf_counter()
    view.compute_button.click()
    latency = time.perf_counter() - start
    assert m.runner.state == "done" and m.runner.from_cache, m.error
    assert latency < 1.0 and m.runner.cycle == 0
    labels = [lv.label for lv in m.levels]
    assert labels[:2] == ["1S", "1P ×3"] and "2S" in labels and "1F" in labels
    assert m.level.tag == "HOMO" and m.level.label == "1P ×3"
    assert view.level_list.value == m.selected and view.level_list.options[-1][0].startswith("1S")
    # drawn in a thread, so the click returns at once
    assert wait_for(lambda: view.diagram.value[:4] == view.lweights.value[:4] == b"\x89PNG", 30)

    # the HOMO's cube is written in a thread, then shown in 3D
    assert wait_for_cube(m, 60) and m.cube_state == "done", m.cube_error
    homo_cube = m.cube_path
    assert homo_cube.endswith(f"-alpha-{m.orbital.index}-0.25.cube")
    # the 3D view is built by the view's observer, in the cube thread, just after "done"
    assert wait_for(lambda: "1P" in view.cube_status.value, 30), view.cube_status.value
    assert type(view.orbital_box.children[0]).__name__ == "NGLWidget"
    with open(homo_cube) as handle:
        assert len(handle.readlines()) > 1000

    # clicking the 1S level: its own cube and l-weights (almost pure S)
    homo_png = view.lweights.value
    view.level_list.value = 0
    assert m.selected == 0 and m.orbital.label == "1S" and m.orbital.l_weights[0] > 0.9
    assert wait_for(lambda: view.lweights.value not in (b"", homo_png), 30)
    assert wait_for_cube(m, 60) and m.cube_state == "done" and m.cube_path != homo_cube
    assert wait_for(lambda: "1S" in view.cube_status.value, 30), view.cube_status.value
    # selecting the HOMO again is instant: its cube is on disk
    start = time.perf_counter()
    m.selected = next(k for k, lv in enumerate(m.levels) if lv.tag == "HOMO")
    assert m.cube_state == "done" and m.cube_path == homo_cube
    assert time.perf_counter() - start < 1.0

    import superatom_lab.viz as viz

    moved = []
    monkeypatch.setattr(viz, "set_isovalue", lambda ngl, value: moved.append((ngl, value)))
    view.isovalue.value = 0.01
    assert m.isovalue == pytest.approx(0.01) and "Error" not in view.cube_status.value
    assert moved == [(view.orbital_box.children[0], pytest.approx(0.01))]


@pytest.mark.pyscf
def test_the_cache_probe_needs_the_orbitals(na8_cache, tmp_path):
    shutil.copytree(na8_cache, tmp_path / "cache")
    store = ResultStore(tmp_path / "cache")
    na8 = catalogue.build("Na8")
    request = Request.make(TASK, na8, QUICK, n_virtual=N_VIRTUAL)
    table = cached_orbital_table(request, store)
    assert table is not None and table.formula == "Na8"
    assert [o.label for o in table.highest_occupied(4)] == ["1S", "1P", "1P", "1P"]
    other = Request.make(TASK, na8, QUICK, n_virtual=N_VIRTUAL + 1)
    assert cached_orbital_table(other, store) is None  # another n_virtual: not stored
    charge, spin = analysed_state(na8)
    key = orbital_table_key(na8, QUICK, charge=charge, spin=spin, n_virtual=N_VIRTUAL)
    assert key in store.keys()
    store.path_for(state_key(na8, QUICK, charge=charge, spin=spin)).with_suffix(".npz").unlink()
    assert cached_orbital_table(request, store) is None


@pytest.mark.pyscf
def test_a_failure_in_the_worker_is_one_line(tmp_path):
    model = OrbitalModel(runner=JobRunner(store=tmp_path), structure="C60")
    model.compute()
    assert model.runner.state == "running"
    assert model.runner.wait(120), model.runner.progress_text
    assert model.runner.state == "error" and "basis functions" in model.error
    assert "\n" not in model.error and "Traceback" not in model.error
    assert model.table is None and model.levels == [] and cache_files(tmp_path) == []


@pytest.mark.pyscf
def test_al13_anion_shows_the_superatomic_shells(tmp_path):
    """One real Al13- run (10-15 s with the quick preset): 1S 1P 1D 2S 1F 2P, 1F split 3 + 4."""
    model = OrbitalModel(runner=JobRunner(store=tmp_path / "cache"))
    model.compute()
    assert wait_for(lambda: model.runner.cycle > 0, 120), model.runner.progress_text
    assert model.runner.wait(240) and model.runner.state == "done", model.error
    occupied = [lv.label for lv in model.levels if lv.occupied]
    assert occupied == ["1S", "1P ×3", "1D ×5", "2S", "1F ×3", "2P ×3", "1F ×4"]
    assert model.level.tag == "HOMO" and model.level.label == "1F ×4"
    assert model.jellium is not None and model.jellium.n_electrons == 40
    assert [lv.label for lv in level_groups(model.table)] == [lv.label for lv in model.levels]
    assert wait_for_cube(model, 60) and model.cube_state == "done", model.cube_error
    assert model.cube_path.startswith(str(model.runner.store.cubes_dir))


def test_the_progress_bar_is_full_when_a_run_is_done(tmp_path):
    from superatom_lab.apps import OrbitalModel, OrbitalView
    from superatom_lab.apps.jobs import JobRunner

    view = OrbitalView(OrbitalModel(runner=JobRunner(store=tmp_path)))
    view.render()
    runner = view.model.runner
    runner.state = "running"
    runner.cycle = 6
    assert 0 < view.progress.value < view.progress.max
    runner.state = "done"
    assert view.progress.value == view.progress.max and view.progress.bar_style == "success"
