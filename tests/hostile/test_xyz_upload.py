"""Uploaded .xyz files: any text or bytes, any file name, gives a cluster or one clear line."""

from __future__ import annotations

import re
import time
from unittest import mock

from hypothesis import event, given
from hypothesis import strategies as st

from superatom_lab.apps.builder.model import MAX_UPLOAD_ATOMS, MAX_UPLOAD_BYTES, BuilderModel
from superatom_lab.core import structure_io
from tests.hostile.cases import assert_one_clear_line, counted, hostile_settings

FILE_NAMES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["../../etc/passwd", "/etc/shadow", "/work/main/src/superatom_lab/x.xyz",
                     "C:\\Users\\me\\site-packages\\x.xyz", "", ".xyz", "a\nb.xyz", "..", "/",
                     "Traceback (most recent call last).xyz", "~/.ssh/id_rsa"]),
)  # fmt: skip
SYMBOLS = st.one_of(
    st.sampled_from(["H", "C", "Al", "Au", "cl", "17", "0", "999", "Xx", "X", "D", "nan"]),
    st.text(max_size=3),
)
NUMBERS = st.one_of(
    st.floats().map(repr),
    st.sampled_from(["nan", "inf", "-inf", "NaN", "1e999", "-1e999", "1_0", "0x10", "1,5"]),
    st.integers(-(10**6), 10**6).map(str),
    st.text(max_size=4),
)
HEADERS = st.one_of(
    st.integers(-10, 10**12).map(str),
    st.sampled_from(["1000000", str(MAX_UPLOAD_ATOMS), str(MAX_UPLOAD_ATOMS + 1), " 3 ", "3.0",
                     "+2", "\u0663", "1" * 5000]),
    st.text(max_size=6),
)  # fmt: skip
ATOM_LINES = st.tuples(SYMBOLS, NUMBERS, NUMBERS, NUMBERS).map(" ".join)
XYZ_TEXTS = st.builds(
    lambda header, comment, lines, end: "\n".join([header, comment, *lines]) + end,
    HEADERS,
    st.text(max_size=20),
    st.lists(ATOM_LINES, max_size=8),
    st.sampled_from(["", "\n", "\n\n", "\r\n", "\n5\n", "\nH 0 0 9\n"]),
)
GOOD_XYZ = st.lists(  # atoms on a 1.1 A grid: never too close
    st.tuples(st.sampled_from(["H", "li", "C", "N", "O", "F", "Al", "AU", "8"]),
              *[st.integers(-4, 4)] * 3),
    min_size=1, max_size=12, unique_by=lambda atom: atom[1:],
).map(lambda atoms: f"{len(atoms)}\ncomment\n" + "".join(
    f"{s} {1.1 * x} {1.1 * y} {1.1 * z} extra\n" for s, x, y, z in atoms))  # fmt: skip
CONTENTS = st.one_of(
    st.text(), st.binary(), XYZ_TEXTS, XYZ_TEXTS.map(str.encode), GOOD_XYZ, GOOD_XYZ.map(str.encode)
)


def as_text(content) -> str:
    return content if isinstance(content, str) else bytes(content).decode("utf-8", "replace")


def last_part(name: str) -> str:
    return re.split(r"[/\\]", name)[-1]


def assert_usable_afterwards(model: BuilderModel) -> None:
    model.mode = "catalogue"
    model.species = "BF4"
    assert model.error == "" and model.cluster.name == "BF4" and model.electron_count == 31


@hostile_settings(500)
@given(content=CONTENTS, name=FILE_NAMES)
@counted
def test_any_upload_gives_a_cluster_or_one_clear_line(content, name):
    model = BuilderModel()
    model.load_xyz(content, name)
    assert model.mode == "file"
    assert "\n" not in model.xyz_name and "/" not in model.xyz_name and model.xyz_name
    event("refused" if model.cluster is None else "read")
    if model.cluster is None:
        assert_one_clear_line(model.error, as_text(content) + " " + last_part(name))
        assert model.electron_count == 0
    else:
        assert model.error == "" and model.cluster.n_atoms <= MAX_UPLOAD_ATOMS
    assert_usable_afterwards(model)


@hostile_settings(200)
@given(
    count=st.integers(MAX_UPLOAD_ATOMS + 1, 10**15),
    lines=st.integers(0, 40),
    as_bytes=st.booleans(),
)
@counted
def test_huge_atom_count_is_refused_before_any_atom_is_read(count, lines, as_bytes):
    text = f"{count}\nmany atoms\n" + "".join(f"H 0 0 {i}\n" for i in range(lines))
    model = BuilderModel()
    start = time.perf_counter()
    with mock.patch.object(structure_io, "Atoms", side_effect=AssertionError("built")):
        model.load_xyz(text.encode() if as_bytes else text, "big.xyz")
    assert time.perf_counter() - start < 1.0
    assert_one_clear_line(model.error)
    assert model.error == (
        f"big.xyz: line 1 says {count} atoms, more than the {MAX_UPLOAD_ATOMS} read here"
    )
    assert_usable_afterwards(model)


@hostile_settings(200)
@given(
    extra=st.integers(1, 4096),
    kind=st.sampled_from(["bytes", "ascii", "two-byte characters"]),
    name=FILE_NAMES,
)
@counted
def test_upload_over_the_size_limit_is_refused_unread(extra, kind, name):
    if kind == "two-byte characters":  # fewer characters than the limit, more bytes
        content = "1\n\n" + "\u00e9" * ((MAX_UPLOAD_BYTES + extra) // 2)
    else:
        content = "1\n\n" + "H" * (MAX_UPLOAD_BYTES + extra)
        content = content.encode() if kind == "bytes" else content
    model = BuilderModel()
    with mock.patch.object(structure_io, "from_xyz_text") as parse:
        model.load_xyz(content, name)
    assert parse.call_count == 0
    assert_one_clear_line(model.error, last_part(name))
    assert "too large" in model.error and f"(at most {MAX_UPLOAD_BYTES})" in model.error
    assert_usable_afterwards(model)


def test_a_million_atom_file_is_refused_at_once():
    million = b"1000000\na million hydrogens\n" + b"H 0 0 0\n" * 1_000_000
    just_under = "100000\n\n" + "H 0 0 0\n" * 100_000  # 100 000 atoms in less than 1 MB
    assert len(just_under) < MAX_UPLOAD_BYTES
    model = BuilderModel()
    start = time.perf_counter()
    model.load_xyz(million, "/work/main/million.xyz")
    assert "too large" in model.error and "/work/" not in model.error
    model.load_xyz(just_under, "just_under.xyz")
    assert f"more than the {MAX_UPLOAD_ATOMS} read here" in model.error
    assert time.perf_counter() - start < 2.0
    assert_usable_afterwards(model)
