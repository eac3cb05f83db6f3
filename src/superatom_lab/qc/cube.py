"""Orbitals on a grid, written as Gaussian cube files for 3D viewers.

Examples
--------
>>> import tempfile, pathlib
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> path = pathlib.Path(tempfile.mkdtemp()) / "homo.cube"
>>> orbital_cube(build("Na8"), get_method("quick"), path, charge=0, spin=0, which="homo")
PosixPath('...homo.cube')
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.units import BOHR_TO_ANGSTROM
from superatom_lab.errors import InputError
from superatom_lab.qc.molecule import build_mole
from superatom_lab.qc.presets import Method
from superatom_lab.qc.runner import compute_state


def _pick(occ: np.ndarray, which: str | int) -> int:
    n_occ = int((occ > 0).sum())
    if which == "homo":
        return n_occ - 1
    if which == "lumo":
        return n_occ
    if isinstance(which, str) and which.startswith(("homo-", "lumo+")):
        base, _, step = which.partition("-" if "-" in which else "+")
        return (n_occ - 1 - int(step)) if base == "homo" else (n_occ + int(step))
    return int(which)


def orbital_cube(
    cluster: Cluster,
    method: Method,
    path: str | Path,
    *,
    charge: int | None = None,
    spin: int | None = None,
    which: str | int = "homo",
    channel: str = "alpha",
    resolution_angstrom: float = 0.25,
    margin_angstrom: float = 4.0,
    store="default",
) -> Path:
    """Write one orbital of ``cluster`` to ``path`` as a cube file and return the path.

    Parameters
    ----------
    which : str or int
        ``"homo"``, ``"lumo"``, ``"homo-1"``, ``"lumo+2"`` or an orbital index.
    channel : str
        ``"alpha"`` or ``"beta"`` (ignored for a closed shell).
    resolution_angstrom, margin_angstrom
        Grid spacing, and the space left around the outermost atoms.

    Raises
    ------
    InputError
        For an orbital index out of range.
    """
    from pyscf.tools import cubegen

    charge = cluster.charge if charge is None else charge
    if spin is None:
        spin = cluster.with_charge(charge).default_spin
    state = compute_state(
        cluster, method, charge=charge, spin=spin, store=store, need_orbitals=True
    )
    coeff, occ = state.arrays["mo_coeff"], state.arrays["mo_occ"]
    if coeff.ndim == 3:
        k = 1 if channel == "beta" else 0
        coeff, occ = coeff[k], occ[k]
    index = _pick(occ, which)
    if not 0 <= index < coeff.shape[1]:
        raise InputError(
            f"orbital {which!r} is out of range: {cluster.name} has orbitals 0-{coeff.shape[1] - 1}"
        )
    mol = build_mole(cluster, method, charge=charge, spin=spin)
    extent = np.ptp(cluster.positions_angstrom, axis=0) + 2 * margin_angstrom
    n = [max(20, int(np.ceil(e / resolution_angstrom))) for e in extent]
    path = Path(path)
    cubegen.orbital(mol, str(path), coeff[:, index], nx=n[0], ny=n[1], nz=n[2],
                    margin=margin_angstrom / BOHR_TO_ANGSTROM)  # fmt: skip
    return path


def stored_cube_path(store, cluster: Cluster, method: Method, *, charge: int, spin: int,
                     channel: str, index: int, resolution_angstrom: float) -> Path:  # fmt: skip
    """Where the store keeps the cube of one orbital, named by ``store.keys.cube_name``.

    Examples
    --------
    >>> import tempfile
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> from superatom_lab.store import ResultStore
    >>> store = ResultStore(tempfile.mkdtemp())
    >>> path = stored_cube_path(store, build("Na8"), get_method("quick"), charge=0, spin=0,
    ...                         channel="alpha", index=3, resolution_angstrom=0.25)
    >>> path.parent == store.cubes_dir, path.name.endswith("-alpha-3-0.25.cube")
    (True, True)
    """
    from superatom_lab.store.keys import cube_name

    name = cube_name(cluster, method, charge=charge, spin=spin, channel=channel, index=index,
                     resolution_angstrom=resolution_angstrom)  # fmt: skip
    return store.cube_path(name)


def stored_orbital_cube(store, cluster: Cluster, method: Method, *, charge: int, spin: int,
                        channel: str, index: int, resolution_angstrom: float) -> Path:  # fmt: skip
    """The cube file of one orbital in the store: written once, then found at once.

    It is written to a temporary file beside its place and moved there whole,
    so a reader never sees half a cube; the orbitals come from the cached
    state (computed if they are not stored).  ``superatom cache clean``
    removes cube files with the rest.
    """
    import os
    import tempfile

    from superatom_lab.store.files import TMP_PREFIX

    path = stored_cube_path(store, cluster, method, charge=charge, spin=spin, channel=channel,
                            index=index, resolution_angstrom=resolution_angstrom)  # fmt: skip
    if path.is_file():
        return path
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=".cube")
    os.close(fd)
    try:
        orbital_cube(
            cluster, method, partial, charge=charge, spin=spin, which=index, channel=channel,
            resolution_angstrom=resolution_angstrom, store=store,
        )  # fmt: skip
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return path
