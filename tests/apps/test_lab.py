"""The index page's tabbed view: four apps, one shared cluster, 3D views redrawn on tab change."""

from __future__ import annotations

from superatom_lab.apps import LabView, lab
from superatom_lab.core.catalogue import build


def test_the_tabs_hold_the_four_apps_in_order():
    view = LabView()
    tabs = view.render()
    assert view.render() is tabs  # built once
    assert len(tabs.children) == 4
    assert tuple(tabs.titles) == view.titles
    assert tabs.children[1] is view.ea.widget and tabs.children[3] is view.jellium.widget


def test_a_cluster_shared_in_the_builder_reaches_the_ea_and_orbital_apps():
    view = LabView()
    view.render()
    view.session.share(build("BF4", charge=0), label="my BF4")
    assert view.ea.model.cluster_session.cluster.formula == "BF4"
    assert view.orbitals.model.session is view.session
    labels = [label for label, _ in view.ea.structure.options]
    assert any("my BF4" in str(label) for label in labels), labels


def test_opening_a_tab_redraws_its_3d_views(monkeypatch):
    redrawn = []
    monkeypatch.setattr("superatom_lab.viz.scenes.refresh_view", redrawn.append)
    view = LabView()
    tabs = view.render()
    tabs.selected_index = 1
    tabs.selected_index = 0
    expected = lab.nglviews(tabs.children[0])
    assert expected, "the builder tab shows a 3D view"
    assert redrawn[-len(expected) :] == expected
