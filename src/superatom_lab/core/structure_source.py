"""A structure named on the command line or in an input file: a catalogue name or an ``.xyz`` path.

Examples
--------
>>> load_structure("Cl", charge=-1).n_electrons
18
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "h.xyz").write_text("1\\nhydrogen\\nH 0 0 0\\n")
>>> load_structure("h.xyz", base=folder).name
'h'
"""

from __future__ import annotations

import os
from pathlib import Path

from superatom_lab.errors import StructureFileError


def looks_like_path(structure: str, base: str | os.PathLike | None = None) -> bool:
    """Whether ``structure`` names a file (``.xyz``, a ``/``, or an existing path).

    Examples
    --------
    >>> looks_like_path("Al13"), looks_like_path("cage.xyz"), looks_like_path("a/b")
    (False, True, True)
    """
    path = Path(structure)
    if path.suffix.lower() == ".xyz" or "/" in structure:
        return True
    return (Path(base) / path).exists() if base is not None else path.exists()


def load_structure(
    structure: str,
    charge: int | None = None,
    spin: int | None = None,
    base: str | os.PathLike | None = None,
):
    """A catalogue name or an ``.xyz`` path -> :class:`~superatom_lab.core.cluster.Cluster`.

    Parameters
    ----------
    structure : str
        A catalogue name (any case, aliases too) or the path of an ``.xyz`` file.
    charge : int or None
        ``None`` means 0: the neutral parent for a catalogue name, and the
        file's structure as written for a path.
    spin : int or None
        ``2S``; ``None`` leaves the ground state to be found.
    base : path, optional
        The folder a relative path is read from (an input file's folder);
        the current folder when omitted.

    Raises
    ------
    InputError
        Its subclasses: an unknown name, a missing or malformed file, a folder,
        atoms too close, a charge or spin that does not fit.
    """
    from superatom_lab.core import catalogue, structure_io

    charge = 0 if charge is None else charge
    if looks_like_path(structure, base):
        path = Path(structure).expanduser()
        if base is not None and not path.is_absolute():
            path = Path(base) / path
        if path.is_dir():
            raise StructureFileError(f"{structure} is a folder, not an .xyz file")
        return structure_io.from_xyz(path, charge=charge, spin=spin)
    return catalogue.build(structure, charge=charge, spin=spin)
