"""The layout every app shares: model and view modules, one way to follow the session."""

from __future__ import annotations

import subprocess
import sys

import pytest
from traitlets import Int

from superatom_lab.apps import ClusterSession, EAModel, OrbitalModel, OrbitalView
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.apps.mvc import Model, SessionModel, View
from superatom_lab.apps.session import BUILT
from superatom_lab.core import catalogue

APPS = ("builder", "ea", "orbitals", "jellium")


def test_no_model_module_imports_widgets_or_pyscf():
    imports = "; ".join(f"import superatom_lab.apps.{app}.model" for app in APPS)
    code = f"import sys; {imports}; print('ipywidgets' in sys.modules, 'pyscf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_a_view_builds_its_widgets_once():
    class Clicks(Model):
        n = Int(0)

    class ClicksView(View):
        built = 0

        def build(self):
            ClicksView.built += 1
            return object()

    view = ClicksView(Clicks())
    assert view._widget is None and ClicksView.built == 0  # nothing built yet
    assert view.render() is view.widget is view.render() and ClicksView.built == 1


def test_both_explorers_follow_the_session_the_same_way():
    session = ClusterSession()
    ea = EAModel(runner=JobRunner(store="default"), session=session)
    orbitals = OrbitalModel(runner=JobRunner(store="default"), session=session)
    assert isinstance(ea, SessionModel) and isinstance(orbitals, SessionModel)
    assert ea.built_label == orbitals.built_label == ""
    session.share(catalogue.build("Na8", charge=1), label="my Na8")
    assert ea.built_label == orbitals.built_label == "built: my Na8, cation (charge +1)"
    assert ea.built_cluster is orbitals.built_cluster is session.cluster
    assert orbitals.structure == BUILT and orbitals.charge == 1  # switches at once
    assert ea.structure == "Cl"  # offers it, keeps its choice
    ea.structure = BUILT
    assert ea.charge == 1 and ea.chosen_cluster().formula == "Na8"
    session.clear()
    assert ea.structure == "Cl" and ea.built_label == orbitals.built_label == ""


def test_a_model_leaves_its_old_session():
    old, new = ClusterSession(), ClusterSession()
    model = OrbitalModel(runner=JobRunner(store="default"), session=old)
    model.session = new
    old.share(catalogue.build("Na8"))
    assert model.built_cluster is None and model.structure == "Al13"
    new.share(catalogue.build("Na8"))
    assert model.built_cluster is new.cluster


def test_the_orbital_view_offers_the_session_before_a_cluster_is_built():
    view = OrbitalView(OrbitalModel(runner=JobRunner(store="default"), session=ClusterSession()))
    view.render()
    assert view.structure.options[0] == ("built: none yet", BUILT)
    assert OrbitalView(OrbitalModel(runner=JobRunner(store="default"))).render() is not None


def test_a_session_must_have_a_cluster():
    with pytest.raises(TypeError, match="'cluster' trait"):
        SessionModel(cluster_session=object())
