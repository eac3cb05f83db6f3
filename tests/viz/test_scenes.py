"""nglview scenes, checked through the messages they queue for the front end."""

from __future__ import annotations

import time

import numpy as np
import pytest

from superatom_lab.errors import InputError
from superatom_lab.viz import (
    crystal_view,
    isovalue_slider,
    orbital_view,
    refresh_view,
    scenes,
    set_isovalue,
    structure_view,
)
from tests.viz.synthetic_cube import na2_cluster


def calls(view, method):
    return [m for m in view._ngl_msg_archive if m["methodName"] == method]


def surfaces(view):
    return [m for m in calls(view, "addRepresentation") if m["args"] == ["surface"]]


def test_structure_view_shows_the_atoms_in_ball_and_stick():
    view = structure_view(na2_cluster(), height="320px")
    assert len(view._ngl_component_ids) == 1
    (load,) = calls(view, "loadFile")
    assert load["kwargs"]["ext"] == "pdb" and load["args"][0]["data"].count(" NA") >= 2
    assert "CONECT    1    2" in load["args"][0]["data"]  # the Na-Na bond, 3.08 A
    (rep,) = calls(view, "addRepresentation")
    assert rep["args"] == ["ball+stick"] and rep["component_index"] == 0


def test_view_has_a_fixed_size_and_resizes_once_loaded(monkeypatch):
    monkeypatch.setattr(scenes, "RESIZE_DELAYS_S", (0.05,))
    view = structure_view(na2_cluster(), width="500px", height="320px")
    assert (view.layout.width, view.layout.height) == ("500px", "320px")
    assert ["500px", "320px"] in [m["args"] for m in calls(view, "setSize")]
    before = len(calls(view, "handleResize"))
    assert before >= 1  # queued until the front end has loaded the view
    view.loaded = True  # what the front end reports once the view is on the page
    assert len(calls(view, "handleResize")) >= before + 1  # at once ...
    deadline = time.monotonic() + 5
    while len(calls(view, "handleResize")) < before + 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(calls(view, "handleResize")) == before + 2  # ... and again a moment later
    refresh_view(view)
    assert len(calls(view, "handleResize")) == before + 3


def test_orbital_view_draws_both_signs(px_cube):
    cluster, path = px_cube
    view = orbital_view(cluster, path, isovalue=0.03, positive_color="blue",
                        negative_color="red")  # fmt: skip
    assert len(view._ngl_component_ids) == 2
    cube_load = calls(view, "loadFile")[1]
    assert cube_load["kwargs"]["ext"] == "cube"
    assert cube_load["kwargs"]["defaultRepresentation"] is False
    reps = surfaces(view)
    assert [
        (r["component_index"], r["kwargs"]["isolevel"], r["kwargs"]["color"]) for r in reps
    ] == [
        (1, 0.03, "blue"),
        (1, -0.03, "red"),
    ]
    assert all(r["kwargs"]["isolevelType"] == "value" for r in reps)


def test_isovalue_can_be_changed_on_an_existing_view(px_cube):
    cluster, path = px_cube
    view = orbital_view(cluster, path)
    set_isovalue(view, 0.005)
    updates = [(m["repr_index"], m["kwargs"]["isolevel"]) for m in calls(view, "setParameters")]
    assert updates == [(0, 0.005), (1, -0.005)]
    slider = isovalue_slider(view, 0.02)
    slider.value = 0.05
    assert [m["kwargs"]["isolevel"] for m in calls(view, "setParameters")][-2:] == [0.05, -0.05]


def test_bad_inputs_are_refused(px_cube, tmp_path):
    cluster, path = px_cube
    with pytest.raises(InputError, match="does not exist"):
        orbital_view(cluster, tmp_path / "missing.cube")
    with pytest.raises(InputError, match="isovalue"):
        orbital_view(cluster, path, isovalue=0)
    with pytest.raises(InputError, match="no orbital"):
        set_isovalue(structure_view(cluster), 0.02)


@pytest.mark.pyscf
def test_orbital_view_of_a_real_na8_homo(na8_homo_cube):
    na8, path = na8_homo_cube
    start = time.perf_counter()
    view = orbital_view(na8, path, isovalue=0.02)
    assert time.perf_counter() - start < 5
    assert len(view._ngl_component_ids) == 2
    assert len(surfaces(view)) == 2
    assert " NA " in calls(view, "loadFile")[0]["args"][0]["data"]


def test_metal_cluster_bonds_are_sent_to_ngl():
    from superatom_lab.core.catalogue import build

    text = scenes.pdb_with_bonds(build("Al13"))
    conect = [line.split()[1:] for line in text.splitlines() if line.startswith("CONECT")]
    partners = {}
    for atom, *others in conect:
        partners.setdefault(atom, set()).update(others)
    # the centre bonds to all 12 surface atoms, each surface atom to the centre and 5 neighbours
    assert sorted(len(p) for p in partners.values()) == [6] * 12 + [12]
    assert text.count("HETATM") == 13 and text.rstrip().endswith("END")


def test_principal_frame_shows_molecules_side_on_and_keeps_distances():
    from scipy.spatial.distance import pdist

    linear = np.array([[0, 0, 0], [0, 0, 0.97], [0, 0, 2.1]])  # along z: end-on in NGL
    planar = np.array([[0, 0, 0], [1.2, 0, 0.3], [0.4, 0, 1.5], [-0.8, 0, 1.0]])  # in xz
    for positions in (linear, planar):
        turned = scenes.principal_frame(positions)
        assert pdist(turned) == pytest.approx(pdist(positions))
        assert np.abs(turned[:, 2]).max() < 1e-9  # no extent along the line of sight
    assert np.abs(scenes.principal_frame(linear)[:, 1]).max() < 1e-9
    spread = np.ptp(scenes.principal_frame(planar), axis=0)
    assert spread[0] >= spread[1] >= spread[2]


def test_single_atoms_are_zoomed_out_and_cube_views_keep_the_frame(px_cube):
    from superatom_lab.core.catalogue import build

    assert calls(structure_view(build("Cl")), "zoom")
    assert not calls(structure_view(build("OH")), "zoom")
    cluster, path = px_cube
    data = calls(orbital_view(cluster, path), "loadFile")[0]["args"][0]["data"]
    x, y, z = (float(v) for v in data.splitlines()[0][30:54].split())
    assert (x, y, z) == pytest.approx(tuple(cluster.positions_angstrom[0]), abs=1e-3)


def test_crystal_view_shows_repeated_cells_with_the_box():
    from superatom_lab.core.perovskites import cubic_cell

    cell = cubic_cell("BH4-", "O2-", "Li+")  # 9 atoms
    view = crystal_view(cell, repeat=2, height="300px")
    assert len(view._ngl_component_ids) == 1
    (load,) = calls(view, "loadFile")
    pdb = load["args"][0]["data"]
    assert sum(line.startswith(("ATOM", "HETATM")) for line in pdb.splitlines()) == 9 * 8
    reps = [m["args"] for m in calls(view, "addRepresentation")]
    assert ["ball+stick"] in reps and ["unitcell"] in reps
    assert view.layout.height == "300px"


def test_crystal_view_refuses_a_molecule_or_a_bad_repeat():
    from superatom_lab.core.perovskites import cubic_cell

    with pytest.raises(InputError):
        crystal_view(na2_cluster().atoms)  # not periodic
    for repeat in (0, 5, 1.5, True):
        with pytest.raises(InputError):
            crystal_view(cubic_cell("Cl-", "O2-", "Li+"), repeat=repeat)
