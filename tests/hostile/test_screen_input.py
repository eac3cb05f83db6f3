"""Screen input files: every bad line is reported with its number, every good line is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from superatom_lab.batch.input_file import parse_input
from tests.hostile.cases import assert_one_clear_line, counted, hostile_settings

#: What str.splitlines() breaks a line at; kept out of generated lines so numbers are known.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: Good lines and the name of the candidate each gives (paths are read from ``base``).
GOOD = {"Cl": "Cl", "OH -1": "OH", "al13 -1": "Al13", "BF4 0": "BF4", "Li3O +1.0": "Li3O",
        "  Na8   # a comment": "Na8", "water.xyz": "water", "water.xyz -1  #anion": "water",
        "sub/h.xyz": "h"}  # fmt: skip
BAD = ["Zz", "F 0.5", "Cl 1 2", "missing.xyz", "broken.xyz", "/dev/zero", "/etc/passwd",
       "../../etc/passwd", "Cl 1e400", "Cl nan", "Cl inf", "Cl 100", "Cl 1e300", "sub", "/",
       "~", "a\x00.xyz", "water.xyz 1 2", "water.xyz 20"]  # fmt: skip
EMPTY = ["", "   ", "# only a comment", "\t# Cl"]
ONE_LINE = st.text(alphabet=st.characters(blacklist_characters=LINE_BREAKS), max_size=30)
LINES = st.one_of(st.sampled_from(list(GOOD)), st.sampled_from(BAD), st.sampled_from(EMPTY),
                  ONE_LINE)  # fmt: skip


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screen")
    (folder / "water.xyz").write_text(
        "3\n\nO 0 0 0.1173\nH 0 0.7572 -0.4692\nH 0 -0.7572 -0.4692\n"
    )
    (folder / "broken.xyz").write_text("2\n\nH 0 0 0\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "h.xyz").write_text("1\nhydrogen\nH 0 0 0\n")
    return folder


def is_empty(line: str) -> bool:
    return not line.split("#", 1)[0].split()


@hostile_settings(300)
@given(lines=st.lists(LINES, max_size=15))
@counted
def test_every_line_is_kept_or_reported_with_its_number(base, lines):
    parsed = parse_input("\n".join(lines), base=base)
    assert len(parsed.lines) == len(parsed.candidates)
    kept, reported = set(parsed.lines), {p.line for p in parsed.problems}
    assert not kept & reported
    assert kept | reported == {n for n, line in enumerate(lines, 1) if not is_empty(line)}
    names = dict(zip(parsed.lines, (c.name for c in parsed.candidates)))
    for number, line in enumerate(lines, 1):
        if line in GOOD:
            assert names[number] == GOOD[line]
        elif line in BAD:
            assert number in reported
    for problem in parsed.problems:
        assert str(problem).startswith(f"line {problem.line}: ")
        assert_one_clear_line(str(problem), lines[problem.line - 1])


@hostile_settings(300)
@given(text=st.one_of(st.text(), st.text(alphabet="Cl OH-+1.#\n\r\x85 ")))
@counted
def test_any_text_never_raises(base, text):
    parsed = parse_input(text, base=base)
    n_lines = len(text.splitlines())
    assert all(1 <= p.line <= n_lines for p in parsed.problems)
    assert all(1 <= n <= n_lines for n in parsed.lines)
    for problem in parsed.problems:
        assert_one_clear_line(str(problem), text)
