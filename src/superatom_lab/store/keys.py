"""Cache keys: a SHA-256 hash of canonical JSON describing one calculation.

Every key of the project is made here: an SCF state (:func:`state_key`), a
relaxation (:func:`relaxation_key`), an orbital table (:func:`orbital_table_key`)
and a cube file's name (:func:`cube_name`).  A state key covers everything that
decides the answer: atomic numbers, positions rounded to 1e-5 Angstrom, charge,
spin, every field of the method that decides the numbers, the PySCF
major.minor version and the cache schema version; the other keys derive from
it.  The PySCF version is read from the installed package metadata, so
computing a key never imports PySCF.

``method`` may be a dict of fields or any object with ``key_fields()`` (a
:class:`~superatom_lab.qc.presets.Method`), so this module needs nothing from
the layers above it.

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
#: Version of the stored orbital-table record; raise it when the orbital analysis changes.
ORBITAL_TABLE_SCHEMA = 1


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
    """Atomic numbers, positions (Angstrom, rounded) and ghost atoms of a cluster, for keys."""
    positions = np.round(cluster.positions_angstrom, POSITION_DECIMALS) + 0.0  # no -0.0
    record = {
        "numbers": [int(z) for z in cluster.atoms.get_atomic_numbers()],
        "positions_angstrom": [[float(x) for x in row] for row in positions],
    }
    if cluster.ghosts:  # only then: every key without ghosts stays what it was
        record["ghosts"] = sorted(cluster.ghosts)
    return record


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


def _hash(record: dict) -> str:
    return hashlib.sha256(canonical_json(record).encode()).hexdigest()


def method_fields(method) -> dict:
    """The method fields that enter a key: ``method.key_fields()``, or a dict as it is.

    Examples
    --------
    >>> method_fields({"xc": "pbe"})
    {'xc': 'pbe'}
    """
    return method.key_fields() if hasattr(method, "key_fields") else dict(method)


def state_key(cluster: Cluster, method, *, charge: int, spin: int) -> str:
    """Cache key of one SCF state of ``cluster`` (charge, 2S) under ``method``.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> m = get_method("quick")
    >>> state_key(build("F"), m, charge=0, spin=1) == scf_key(
    ...     build("F"), charge=0, spin=1, method=m.key_fields())
    True
    """
    return scf_key(cluster, charge=charge, spin=spin, method=method_fields(method))


def relaxation_key(cluster: Cluster, method, *, charge: int, spin: int, max_steps: int) -> str:
    """Cache key of a relaxation: its start geometry, state, method and step limit.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> a = relaxation_key(build("OH"), {"xc": "pbe"}, charge=0, spin=1, max_steps=60)
    >>> a == relaxation_key(build("OH"), {"xc": "pbe"}, charge=0, spin=1, max_steps=30)
    False
    """
    base = state_key(cluster, method, charge=charge, spin=spin)
    return _hash({"relax": base, "max_steps": int(max_steps)})


def orbital_table_key(cluster: Cluster, method, *, charge: int, spin: int, n_virtual: int) -> str:
    """Cache key of the orbital table of one state, derived from its state key.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> a = orbital_table_key(build("Na8"), {"xc": "pbe"}, charge=0, spin=0, n_virtual=8)
    >>> a == orbital_table_key(build("Na8"), {"xc": "pbe"}, charge=0, spin=0, n_virtual=10)
    False
    """
    scf = state_key(cluster, method, charge=charge, spin=spin)
    return _hash({"kind": "orbital_table", "scf": scf, "n_virtual": int(n_virtual),
                  "schema": ORBITAL_TABLE_SCHEMA})  # fmt: skip


def cube_name(cluster: Cluster, method, *, charge: int, spin: int, channel: str, index: int,
              resolution_angstrom: float) -> str:  # fmt: skip
    """File name of one orbital's cube file: its state key, spin channel, index and grid.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> name = cube_name(build("Na8"), {"xc": "pbe"}, charge=0, spin=0, channel="alpha",
    ...                  index=3, resolution_angstrom=0.3)
    >>> name.endswith("-alpha-3-0.30.cube"), len(name.split("-")[0])
    (True, 64)
    """
    scf = state_key(cluster, method, charge=charge, spin=spin)
    return f"{scf}-{channel}-{int(index)}-{resolution_angstrom:.2f}.cube"
