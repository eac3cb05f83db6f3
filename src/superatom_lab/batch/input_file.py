"""The input file of a screen: one structure per line, ``NAME [charge]`` or ``path.xyz [charge]``.

Blank lines and everything after ``#`` are ignored; a relative path is read
from the input file's folder.  A line that cannot be used (too many fields, a
charge that is not a whole number, an unknown name, a missing or malformed
file, a charge the electron count cannot take) is reported with its line
number, and the other lines are kept.

Examples
--------
>>> parsed = parse_input("Cl\\nOH -1   # hydroxide\\nZz\\nF 0.5\\n")
>>> [c.name for c in parsed.candidates], [c.charge for c in parsed.candidates]
(['Cl', 'OH'], [0, -1])
>>> [p.line for p in parsed.problems]
[3, 4]
>>> print(parsed.problems[1])
line 4: F 0.5: the charge must be a whole number, got '0.5'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from superatom_lab.batch.candidates import Candidate, candidate
from superatom_lab.errors import InputError


@dataclass(frozen=True)
class InputProblem:
    """A line of an input file that was left out, and why.

    Examples
    --------
    >>> str(InputProblem(7, "Al31", "unknown species 'Al31'"))
    "line 7: Al31: unknown species 'Al31'"
    >>> str(InputProblem(2, "cage.xyz -1", "cage.xyz: no such file"))
    'line 2: cage.xyz: no such file'

    """

    line: int
    text: str
    message: str

    def __str__(self) -> str:
        if self.message.startswith(self.text.split()[0] if self.text else "\0"):
            return f"line {self.line}: {self.message}"  # a file's errors name it already
        return f"line {self.line}: {self.text}: {self.message}"


@dataclass
class ParsedInput:
    """The candidates read from an input file and the lines left out."""

    candidates: list[Candidate] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line of each candidate


def _charge(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"the charge must be a whole number, got {text!r}") from None
    if not value.is_integer():
        raise InputError(f"the charge must be a whole number, got {text!r}")
    return int(value)


def parse_line(line: str, base: str | os.PathLike | None = None) -> Candidate | None:
    """The candidate of one line, or ``None`` for a blank or comment line.

    Raises
    ------
    InputError
        When the line cannot be used.

    Examples
    --------
    >>> parse_line("  # a comment") is None
    True
    >>> parse_line("Li +1").cluster.n_electrons
    2
    >>> parse_line("Li 1 2")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: expected 'NAME [charge]' or 'path.xyz [charge]', got 3 fields
    """
    fields = line.split("#", 1)[0].split()
    if not fields:
        return None
    if len(fields) > 2:
        raise InputError(
            f"expected 'NAME [charge]' or 'path.xyz [charge]', got {len(fields)} fields"
        )
    charge = _charge(fields[1]) if len(fields) == 2 else 0
    return candidate(fields[0], charge, base=base)


def parse_input(text: str, base: str | os.PathLike | None = None) -> ParsedInput:
    """Read the text of an input file; paths are relative to ``base``.

    Examples
    --------
    >>> parse_input("# nothing\\n\\n").candidates
    []
    """
    parsed = ParsedInput()
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            found = parse_line(line, base)
        except InputError as exc:
            parsed.problems.append(InputProblem(number, line.split("#", 1)[0].strip(), str(exc)))
            continue
        if found is not None:
            parsed.candidates.append(found)
            parsed.lines.append(number)
    return parsed


def read_text(path: str | os.PathLike) -> str:
    """The text of an input or family file.

    Raises
    ------
    InputError
        When the file is missing or unreadable.
    """
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None


def read_input(path: str | os.PathLike) -> ParsedInput:
    """Read an input file (see :func:`parse_input`).

    Raises
    ------
    InputError
        When the file is missing or unreadable.

    Examples
    --------
    >>> read_input("/nonexistent/screen.txt")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: /nonexistent/screen.txt: no such file
    """
    return parse_input(read_text(path), base=Path(path).parent)
