"""Geometry relaxation with geomeTRIC (through ``pyscf.geomopt``), cached like any result.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> from superatom_lab.qc.presets import get_method
>>> h2 = Cluster(Atoms("H2", positions=[(0, 0, 0), (0, 0, 0.9)]))
>>> r = relax(h2, get_method("quick"), charge=0, spin=0)
>>> 0.70 < r.cluster.min_distance_angstrom < 0.78, r.n_steps > 1
(True, True)
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources

import numpy as np

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.units import BOHR_TO_ANGSTROM
from superatom_lab.errors import CalculationCancelled, ConvergenceError
from superatom_lab.qc.molecule import build_mole
from superatom_lab.qc.presets import Method
from superatom_lab.store import ResultStore
from superatom_lab.store.keys import relaxation_key

MAX_STEPS = 60
LARGE_MOVE_ANGSTROM = 0.5


@dataclass
class Relaxation:
    """A relaxed geometry and how it was reached.

    ``max_displacement_angstrom`` is the largest movement of one atom after
    removing overall translation; a value above ``LARGE_MOVE_ANGSTROM`` earns
    a warning in the property that used it.  ``cached`` says it was read
    from the cache, ``precomputed`` from the results shipped with the package.
    """

    cluster: Cluster
    charge: int
    spin: int
    energy_hartree: float
    n_steps: int
    max_displacement_angstrom: float
    rmsd_angstrom: float
    cached: bool = False
    precomputed: bool = False

    def to_dict(self) -> dict:
        return {
            "converged": True,
            "symbols": self.cluster.symbols,
            "positions_angstrom": self.cluster.positions_angstrom.tolist(),
            "charge": self.charge,
            "spin": self.spin,
            "energy_hartree": self.energy_hartree,
            "n_steps": self.n_steps,
            "max_displacement_angstrom": self.max_displacement_angstrom,
            "rmsd_angstrom": self.rmsd_angstrom,
        }


def _displacements(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-atom movement after removing the overall translation."""
    moved = (end - end.mean(axis=0)) - (start - start.mean(axis=0))
    return np.linalg.norm(moved, axis=1)


def relax(
    cluster: Cluster,
    method: Method,
    *,
    charge: int,
    spin: int,
    store: ResultStore | None | str = "default",
    read_cache: bool = True,
    cache_only: bool = False,
    start=None,
    progress=None,
    cancel: threading.Event | None = None,
) -> Relaxation:
    """Relax ``cluster`` in one charge and spin state and return the new geometry.

    ``start`` (an :class:`~superatom_lab.qc.results.ScfResult` with orbitals at
    the starting geometry) seeds the first SCF.  ``cache_only=True`` raises
    :class:`~superatom_lab.qc.runner.NotInCache` instead of relaxing when the
    relaxation is not stored.  Open-shell states use
    second-order SCF at every step; closed shells DIIS with a small level shift.

    Raises
    ------
    ConvergenceError
        If an SCF along the way or the optimisation itself does not converge.
    CalculationCancelled
        If ``cancel`` was set.
    """
    from superatom_lab.qc.runner import resolve_store

    store = resolve_store(store)
    key = relaxation_key(cluster, method, charge=charge, spin=spin, max_steps=MAX_STEPS)
    if store is not None and read_cache:
        found = store.lookup(key)
        if found is not None:
            from ase import Atoms

            record = found.record
            atoms = Atoms(record["symbols"], positions=record["positions_angstrom"])
            fields = {k: record[k] for k in ("energy_hartree", "n_steps",
                      "max_displacement_angstrom", "rmsd_angstrom")}  # fmt: skip
            return Relaxation(Cluster(atoms, name=cluster.name), charge, spin, **fields,
                              cached=True, precomputed=found.precomputed)  # fmt: skip
    if cache_only:
        from superatom_lab.qc.runner import NotInCache

        raise NotInCache(key)

    from pyscf.geomopt.geometric_solver import kernel as optimise

    from superatom_lab.qc.scf import _make_mf

    mol = build_mole(cluster, method, charge=charge, spin=spin)
    mf = _make_mf(mol, method)
    mf.max_cycle = max(method.max_cycle, 100)
    if start is not None and start.arrays is not None:
        mf.mo_coeff = start.arrays["mo_coeff"]  # the scanner starts from these orbitals
        mf.mo_occ = start.arrays["mo_occ"]
        mf.mo_energy = start.arrays["mo_energy"]
    if spin > 0:
        # open shells: second-order SCF at every step, robust where DIIS stalls (BrO3, IO3)
        mf = mf.newton()
    else:
        mf.level_shift = 0.1
    steps = []

    def check(_envs=None):
        if cancel is not None and cancel.is_set():
            raise CalculationCancelled(f"relaxation of {cluster.name} was cancelled")

    mf.callback = check

    def on_step(envs):
        steps.append(float(envs["energy"]))
        check()
        if progress is not None:
            stage = f"relax {cluster.name} q={charge:+d} 2S={spin}"
            progress({"stage": stage, "step": "geometry", "cycle": len(steps),
                      "energy_hartree": steps[-1]})  # fmt: skip

    quiet = resources.files("superatom_lab") / "data" / "geometric_quiet.ini"
    try:
        with resources.as_file(quiet) as log_ini:
            converged, new_mol = optimise(mf, assert_convergence=True, callback=on_step,
                                          maxsteps=MAX_STEPS, logIni=str(log_ini))  # fmt: skip
    except RuntimeError as exc:
        raise ConvergenceError(
            f"relaxing {cluster.name} (charge {charge}, 2S={spin}) failed: {exc}"
        ) from exc
    if not converged:
        raise ConvergenceError(
            f"the relaxation of {cluster.name} (charge {charge}, 2S={spin}) did not converge in "
            f"{MAX_STEPS} steps: no relaxed geometry is reported"
        )
    positions = new_mol.atom_coords() * BOHR_TO_ANGSTROM
    moved = _displacements(cluster.positions_angstrom, positions)
    from ase import Atoms

    relaxed = Cluster(Atoms(cluster.symbols, positions=positions), name=cluster.name)
    result = Relaxation(relaxed, charge, spin, steps[-1], len(steps), float(moved.max()),
                        float(np.sqrt((moved**2).mean())))  # fmt: skip
    if store is not None:
        store.put(key, result.to_dict())
    return result
