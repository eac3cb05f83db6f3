"""The builder's fields: any text or whole number gives a cluster or one clear line."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from superatom_lab.apps.builder.model import SPIN_OPEN, BuilderModel
from superatom_lab.core.edits import LIGANDS
from tests.hostile.cases import assert_one_clear_line, counted, hostile_settings

#: Text fields and their defaults (B12H12: a ligand swap, a dopant and a centre all apply).
TEXT_FIELDS = {"ligand_old": "H", "ligand_new": "", "dopant": "", "centre": "", "name": "",
               "species": "B12H12", "element": "Al"}  # fmt: skip
INT_FIELDS = {"charge": 0, "spin": SPIN_OPEN, "dopant_index": 0}
TEXTS = st.one_of(
    st.text(),
    st.sampled_from(["H", " cl ", "CN", "Au", "W", "X", "Uuo", "../../etc/passwd", "/work/x",
                     "a\nb", "\x00", "Traceback", "1", "B12H12", "13", *LIGANDS]),
)  # fmt: skip
INTS = st.one_of(st.integers(-(10**9), 10**9), st.integers(-3, 30))


def assert_cluster_or_one_line(model: BuilderModel, typed: str) -> None:
    event("refused" if model.cluster is None else "built")
    if model.cluster is None:
        assert_one_clear_line(model.error, typed)
        assert model.electron_count == 0 and model.rules_summary == ""
    else:
        assert model.error == "" and "\n" not in model.summary
        assert "\n" not in model.cluster.name


def assert_usable_afterwards(model: BuilderModel) -> None:
    with model.hold_trait_notifications():
        for field, default in {**TEXT_FIELDS, **INT_FIELDS}.items():
            setattr(model, field, default)
        model.mode = "catalogue"
    model.species = "Al13"
    assert model.error == "" and model.cluster.name == "Al13" and model.electron_count == 39


@hostile_settings(400)
@given(field=st.sampled_from(list(TEXT_FIELDS)), value=TEXTS,
       mode=st.sampled_from(["catalogue", "geometric"]))  # fmt: skip
@counted
def test_any_text_in_one_field(field, value, mode):
    model = BuilderModel(species="B12H12", mode=mode)
    setattr(model, field, value)
    assert_cluster_or_one_line(model, value)
    assert_usable_afterwards(model)


@hostile_settings(400)
@given(field=st.sampled_from(list(INT_FIELDS)), value=INTS, dopant=st.sampled_from(["", "C"]))
@counted
def test_any_whole_number_in_one_field(field, value, dopant):
    model = BuilderModel(species="B12H12", dopant=dopant)
    setattr(model, field, value)
    assert_cluster_or_one_line(model, str(value))
    if field in ("charge", "spin") and model.cluster is None:
        assert "electrons" in model.error or "spin" in model.error
    if field == "dopant_index" and dopant and model.cluster is None:
        assert "atom index must be a whole number from 0 to 23" in model.error
    assert_usable_afterwards(model)


@hostile_settings(300)
@given(
    texts=st.fixed_dictionaries({field: TEXTS for field in TEXT_FIELDS}),
    ints=st.fixed_dictionaries({field: INTS for field in INT_FIELDS}),
    hollow=st.booleans(),
)
@counted
def test_every_field_at_once(texts, ints, hollow):
    model = BuilderModel()
    with model.hold_trait_notifications():
        for field, value in {**texts, **ints}.items():
            setattr(model, field, value)
        model.hollow = hollow
    assert_cluster_or_one_line(model, " ".join(texts.values()))
    model.hollow = False
    assert_usable_afterwards(model)
