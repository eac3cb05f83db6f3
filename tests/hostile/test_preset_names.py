"""Preset names: any text (or other value) gives a preset or the project's own one-line error."""

from __future__ import annotations

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from superatom_lab.apps import EAModel
from superatom_lab.apps.jobs import JobRunner
from superatom_lab.errors import InputError
from superatom_lab.qc.presets import PRESETS, Method, get_method
from tests.hostile.cases import assert_one_clear_line, counted, hostile_settings

NAMES = st.one_of(
    st.text(),
    st.sampled_from([*PRESETS, "QUICK", " quick", "standard\n", "__class__", "keys", "../quick",
                     "Traceback", "/work/x", "0", "None"]),
)  # fmt: skip
OTHER_VALUES = st.one_of(st.integers(), st.floats(), st.none(), st.booleans(),
                         st.lists(st.text(max_size=3), max_size=3))  # fmt: skip


@hostile_settings(500)
@given(name=st.one_of(NAMES, OTHER_VALUES))
@counted
def test_get_method_gives_a_preset_or_an_input_error(name):
    try:
        method = get_method(name)
    except InputError as exc:  # anything else (KeyError, AttributeError, ...) fails the test
        event("refused")
        assert_one_clear_line(str(exc), repr(name))
        assert str(exc).startswith(f"unknown preset {name!r}: choose one of ")
    else:
        event("a preset")
        assert isinstance(method, Method) and method is PRESETS[str(name).lower()]


class NoWorkerRunner(JobRunner):
    """A runner that records the request instead of looking it up or starting a worker."""

    def submit(self, task, cluster, method, **options):
        self.submitted = (task, cluster, method)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile-presets")


@hostile_settings(300)
@given(name=NAMES)
@counted
def test_ea_model_with_any_preset_name(store, name):
    model = EAModel(runner=NoWorkerRunner(store=store), structure="Cl")
    model.preset = name
    model.compute()
    if name.lower() in PRESETS:
        assert model.error == "" and model.runner.submitted[2].name == name.lower()
    else:
        assert_one_clear_line(model.error, repr(name))
        assert not hasattr(model.runner, "submitted")
