"""Read structures from .xyz files or .xyz text into a :class:`~superatom_lab.core.cluster.Cluster`.

Every function checks its input and raises a :class:`~superatom_lab.errors.InputError`
subclass whose one-line message starts with the file name (or the source of the text)
and says what was wrong.  Coordinates are in Angstrom.

Examples
--------
>>> from superatom_lab.core.structure_io import from_xyz_text
>>> lif = from_xyz_text("2\\nLiF\\nLi 0 0 0\\nF 0 0 1.564\\n")
>>> lif.name, lif.n_atoms
('FLi', 2)
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.elements import atomic_number, symbol_of
from superatom_lab.errors import (
    ChargeSpinError,
    InputError,
    StructureFileError,
    UnknownSpeciesError,
)

#: Largest .xyz file :func:`from_xyz` reads (bytes); a cluster file is a few kB.
MAX_FILE_BYTES = 10_000_000


def from_xyz(
    path: str | os.PathLike,
    charge: int = 0,
    spin: int | None = None,
    name: str | None = None,
) -> Cluster:
    """Read a single-structure .xyz file (Angstrom) into a :class:`Cluster`.

    Parameters
    ----------
    path : str or path-like
        The file: line 1 the number of atoms, line 2 a comment, then one
        ``symbol x y z`` line per atom (extra columns are ignored).
    charge : int
        Total charge of the species.
    spin : int or None
        ``2S``; ``None`` leaves the ground state to be found.
    name : str or None
        Label; defaults to the file name without its extension.

    Raises
    ------
    StructureFileError
        For a missing, empty, unreadable or malformed file, one that is not a
        regular file, or one larger than :data:`MAX_FILE_BYTES`.
    UnknownSpeciesError
        For a symbol that is not an element.
    AtomsTooCloseError
        For atoms closer than 0.5 A.  Every message starts with the file name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "lif.xyz"
    >>> _ = p.write_text("2\\nLiF\\nLi 0 0 0\\nF 0 0 1.564\\n")
    >>> from_xyz(p).name, from_xyz(p, charge=1).n_electrons
    ('lif', 11)
    """
    path = Path(path)
    label = str(path)
    if not path.exists():
        raise StructureFileError(f"{label}: no such file")
    if path.is_dir():
        raise StructureFileError(f"{label}: is a folder, not an .xyz file")
    if not path.is_file():  # /dev/zero, a pipe: reading would never end
        raise StructureFileError(f"{label}: not a regular file (an .xyz file is plain text)")
    if (size := path.stat().st_size) > MAX_FILE_BYTES:
        raise StructureFileError(
            f"{label}: {size} bytes is too large for a cluster .xyz file (at most {MAX_FILE_BYTES})"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise StructureFileError(f"{label}: not a text file (an .xyz file is plain text)") from None
    except OSError as exc:
        raise StructureFileError(f"{label}: cannot be read ({exc.strerror})") from None
    return _cluster_from_text(text, label, charge, spin, path.stem if name is None else name)


def from_xyz_text(
    text: str,
    charge: int = 0,
    spin: int | None = None,
    name: str | None = None,
    source: str = "uploaded .xyz",
    max_atoms: int | None = None,
) -> Cluster:
    """Read .xyz content given as a string, e.g. from a file upload widget.

    Parameters
    ----------
    text : str
        The content of an .xyz file.
    charge, spin
        As for :func:`from_xyz`.
    name : str or None
        Label; defaults to the chemical formula.
    source : str
        How error messages name the input (an uploaded file's name, say).
    max_atoms : int or None
        Refuse a file whose line 1 says more atoms, before reading any atom line
        (an upload: the distance matrix of a cluster grows as the square of its size).

    Raises
    ------
    StructureFileError, UnknownSpeciesError, AtomsTooCloseError
        As for :func:`from_xyz`, with ``source`` in place of the file name.

    Examples
    --------
    >>> from_xyz_text("1\\n\\nNa 0 0 0\\n", charge=1).n_electrons
    10
    >>> from_xyz_text("2\\n\\nH 0 0 0\\n", source="h2.xyz")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.StructureFileError: h2.xyz: line 1 says 2 atoms but 1 atom line follows
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise StructureFileError(f"{source}: not a text file") from None
    if not isinstance(text, str):
        raise StructureFileError(f"{source}: expected the text of an .xyz file")
    return _cluster_from_text(text.lstrip("\ufeff"), source, charge, spin, name or "", max_atoms)


def _cluster_from_text(
    text: str, label: str, charge, spin, name: str, max_atoms: int | None = None
) -> Cluster:
    atoms = _parse_xyz(text, label, max_atoms)
    try:
        return Cluster(atoms, charge=charge, spin=spin, name=name)
    except ChargeSpinError:
        raise
    except InputError as exc:
        raise type(exc)(f"{label}: {exc}") from None


def _shown(line: str) -> str:
    """A line of input, quoted and shortened for a one-line message."""
    line = line.strip()
    return repr(line if len(line) <= 40 else line[:37] + "...")


def _parse_xyz(text: str, label: str, max_atoms: int | None = None) -> Atoms:
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise StructureFileError(f"{label}: the file is empty")
    first = lines[0].split()
    try:
        count = int(first[0]) if first else None
    except ValueError:
        count = None
    if count is None:
        raise StructureFileError(
            f"{label}: line 1 should be the number of atoms, found {_shown(lines[0])}"
        )
    if count < 1:
        raise StructureFileError(f"{label}: line 1 says {count} atoms; a structure needs one")
    if max_atoms is not None and count > max_atoms:
        raise StructureFileError(
            f"{label}: line 1 says {count} atoms, more than the {max_atoms} read here"
        )
    atom_lines = lines[2 : 2 + count]
    if len(atom_lines) < count:
        found = len(atom_lines)
        raise StructureFileError(
            f"{label}: line 1 says {count} atoms but {found} atom line"
            f"{'' if found == 1 else 's'} follow{'s' if found == 1 else ''}"
        )
    rest = [line for line in lines[2 + count :] if line.strip()]
    if rest:
        if re.fullmatch(r"\s*\d+\s*", rest[0]):
            raise StructureFileError(
                f"{label}: holds more than one structure; save the one you want on its own"
            )
        raise StructureFileError(
            f"{label}: has {len(rest)} more non-empty lines than the {count} atoms line 1 says"
        )
    symbols, positions = [], []
    for number, line in enumerate(atom_lines, start=3):
        fields = line.split()
        if len(fields) < 4:
            raise StructureFileError(
                f"{label}: line {number} should be 'symbol x y z', found {_shown(line)}"
            )
        symbols.append(_xyz_symbol(fields[0], label, number))
        xyz = []
        for value in fields[1:4]:
            try:
                coordinate = float(value)
            except ValueError:
                raise StructureFileError(
                    f"{label}: line {number}: coordinate {value!r} is not a number"
                ) from None
            if not math.isfinite(coordinate):
                raise StructureFileError(
                    f"{label}: line {number}: coordinate {value!r} is not a finite number"
                )
            xyz.append(coordinate)
        positions.append(xyz)
    return Atoms(symbols, positions=positions)


def _xyz_symbol(field: str, label: str, number: int) -> str:
    """An element symbol from an .xyz field: 'CL' and 'cl' mean Cl, '17' means Cl too."""
    if field.isdigit():
        try:
            return symbol_of(int(field))
        except UnknownSpeciesError:
            pass
    else:
        symbol = field.capitalize()
        try:
            atomic_number(symbol)
            return symbol
        except UnknownSpeciesError:
            pass
    raise UnknownSpeciesError(f"{label}: line {number}: {field!r} is not an element symbol")
