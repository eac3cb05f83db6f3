"""Cache keys: a SHA-256 hash of canonical JSON describing one calculation.

The key covers everything that decides the answer: atomic numbers, positions
rounded to 1e-5 Angstrom, charge, spin, every field of the method, the PySCF
major.minor version and the cache schema version.  The PySCF version is read
from the installed package metadata, so computing a key never imports PySCF.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> key = scf_key(Cluster(Atoms("Cl")), charge=0, spin=1, method={"xc": "b3lyp"})
>>> len(key)
64
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata

import numpy as np

from superatom_lab.core.cluster import Cluster

SCHEMA_VERSION = 2
POSITION_DECIMALS = 5


def canonical_json(obj) -> str:
    """Serialise ``obj`` to JSON with sorted keys and no spaces.

    Examples
    --------
    >>> canonical_json({"b": 1, "a": [1.5, "x"]})
    '{"a":[1.5,"x"],"b":1}'
    """
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


@cache
def code_versions() -> dict[str, str]:
    """Return the major.minor version of the codes that decide a result.

    Examples
    --------
    >>> sorted(code_versions())
    ['pyscf', 'schema']
    """
    try:
        full = metadata.version("pyscf")
    except metadata.PackageNotFoundError:  # pragma: no cover - pyscf is a dependency
        full = "absent"
    return {"pyscf": ".".join(full.split(".")[:2]), "schema": str(SCHEMA_VERSION)}


def geometry_record(cluster: Cluster) -> dict:
    """Atomic numbers and positions (Angstrom, rounded) of a cluster, for keys."""
    positions = np.round(cluster.positions_angstrom, POSITION_DECIMALS) + 0.0  # no -0.0
    return {
        "numbers": [int(z) for z in cluster.atoms.get_atomic_numbers()],
        "positions_angstrom": [[float(x) for x in row] for row in positions],
    }


def scf_key(cluster: Cluster, *, charge: int, spin: int, method: dict) -> str:
    """Return the cache key of one SCF calculation.

    Parameters
    ----------
    cluster : Cluster
        Geometry (its own charge and spin are ignored; the arguments count).
    charge, spin : int
        Charge and 2S of the calculated state.
    method : dict
        Every field of the method (functional, basis, ECP, grid, ...).

    Examples
    --------
    >>> from ase import Atoms
    >>> from superatom_lab.core.cluster import Cluster
    >>> a = scf_key(Cluster(Atoms("F")), charge=0, spin=1, method={})
    >>> b = scf_key(Cluster(Atoms("F")), charge=-1, spin=0, method={})
    >>> a == b
    False
    """
    record = {
        "kind": "scf",
        "geometry": geometry_record(cluster),
        "charge": int(charge),
        "spin": int(spin),
        "method": method,
        "versions": code_versions(),
    }
    return hashlib.sha256(canonical_json(record).encode()).hexdigest()
