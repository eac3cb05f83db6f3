"""Argument parsing helpers that turn bad input into one clear line.

Examples
--------
>>> parse_charge("-1"), parse_charge("+2")
(-1, 2)
>>> parse_charge("0.5")
Traceback (most recent call last):
...
superatom_lab.errors.InputError: charge must be a whole number of electrons, got '0.5'
"""

from __future__ import annotations

import argparse
import sys

from superatom_lab.errors import InputError


class OneLineParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one ``error: ...`` line and exit status 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _whole_number(text: str, what: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what} must be a whole number, got {text!r}") from None
    if not value.is_integer():
        raise InputError(f"{what} must be a whole number of electrons, got {text!r}")
    return int(value)


def parse_charge(text: str | None) -> int | None:
    """Parse ``--charge``; ``None`` stays ``None``."""
    return None if text is None else _whole_number(text, "charge")


def parse_spin(text: str | None) -> int | None:
    """Parse ``--spin`` (2S, a whole number >= 0); ``None`` stays ``None``.

    Examples
    --------
    >>> parse_spin("2")
    2
    """
    if text is None:
        return None
    value = _whole_number(text, "spin (2S)")
    if value < 0:
        raise InputError(f"spin is 2S, the number of unpaired electrons, and cannot be {value}")
    return value


def load_structure(structure: str, charge: int | None, spin: int | None):
    """A catalogue name or an ``.xyz`` path -> :class:`~superatom_lab.core.cluster.Cluster`.

    The default charge is 0: the neutral parent for a catalogue name, and the
    file's structure as written for a path
    (:func:`superatom_lab.core.structure_source.load_structure`).
    """
    from superatom_lab.core.structure_source import load_structure as load

    return load(structure, charge, spin)
