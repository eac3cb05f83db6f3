"""Bad input: exit status 2 and one `error: ...` line on stderr, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SUPERATOM = str(Path(sys.executable).with_name("superatom"))


def run(*args, cwd=None):
    return subprocess.run([SUPERATOM, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def assert_one_line_error(result, *fragments):
    """Exit 2 and one ``error:`` line; progress lines of a run that got that far may precede it."""
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.strip().splitlines()
             if not line.startswith("[superatom ")]  # fmt: skip
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert result.stdout == ""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_unknown_catalogue_name():
    assert_one_line_error(run("ea", "Al14x"), "Al14x")


def test_unknown_element_in_file(tmp_path):
    path = write(tmp_path, "bad.xyz", "2\n\nXq 0 0 0\nH 0 0 1.0\n")
    assert_one_line_error(run("ea", path), "Xq")


def test_missing_file(tmp_path):
    assert_one_line_error(run("ea", str(tmp_path / "nothing.xyz")), "nothing.xyz")


def test_empty_file(tmp_path):
    assert_one_line_error(run("ea", write(tmp_path, "empty.xyz", "")), "empty.xyz")


def test_malformed_file(tmp_path):
    path = write(tmp_path, "garbled.xyz", "3\ncomment\nH 0 0 zero\nH 0 0 1\n")
    assert_one_line_error(run("ea", path), "garbled.xyz")


def test_atoms_too_close(tmp_path):
    path = write(tmp_path, "close.xyz", "2\n\nH 0 0 0\nH 0 0 0.3\n")
    assert_one_line_error(run("ea", path), "0.300 A")


def test_charge_and_spin_that_do_not_fit():
    # Cl has 17 electrons: 2S must be odd
    assert_one_line_error(run("ea", "Cl", "--spin", "2"), "17 electrons")


def test_charge_leaving_no_electrons(tmp_path):
    path = write(tmp_path, "h.xyz", "1\n\nH 0 0 0\n")
    assert_one_line_error(run("ip", path, "--charge", "3"), "electrons")


def test_non_integer_charge():
    assert_one_line_error(run("ea", "Cl", "--charge", "0.5"), "whole number")


def test_non_numeric_charge():
    assert_one_line_error(run("ea", "Cl", "--charge", "minus"), "whole number")


@pytest.mark.pyscf
def test_system_too_large_for_the_preset():
    result = run("ea", "B12(CN)12")
    assert_one_line_error(
        result, "basis functions", "preset 'standard' allows", "use preset 'quick'"
    )


def test_unknown_preset():
    assert_one_line_error(run("ea", "Cl", "--preset", "fastest"), "fastest")


def test_unknown_option_is_one_line_too():
    assert_one_line_error(run("ea", "Cl", "--colour", "red"), "--colour")
