"""A small cube file written without PySCF: a p_x-like orbital between two atoms."""

from __future__ import annotations

import numpy as np
from ase import Atoms
from ase.io.cube import write_cube

from superatom_lab.core.cluster import Cluster

BOX_ANGSTROM = 10.0
N_POINTS = 41


def na2_cluster() -> Cluster:
    return Cluster(Atoms("Na2", positions=[(-1.54, 0, 0), (1.54, 0, 0)]), name="Na2")


def write_px_cube(path) -> tuple[Cluster, object]:
    """Write ``x exp(-r^2 / 4)`` (positive at x > 0) around Na2 and return (cluster, path)."""
    cluster = na2_cluster()
    origin = np.full(3, -BOX_ANGSTROM / 2)
    axis = origin[0] + np.arange(N_POINTS) * BOX_ANGSTROM / N_POINTS
    x, y, z = np.meshgrid(axis, axis, axis, indexing="ij")
    data = 0.2 * x * np.exp(-(x**2 + y**2 + z**2) / 4.0)
    atoms = cluster.atoms.copy()
    atoms.cell = np.eye(3) * BOX_ANGSTROM
    with open(path, "w") as handle:
        write_cube(handle, atoms, data=data, origin=origin)
    return cluster, path
