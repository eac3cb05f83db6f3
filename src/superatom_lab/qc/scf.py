"""Run one Kohn-Sham SCF with a fallback strategy; never return an unconverged result.

The strategy, each step logged in ``ScfResult.strategy``:

1. DIIS from the given guess (the minao superposition by default);
2. if that fails: level shift and damping, restarted from the last density;
3. if that fails: second-order SCF (Newton) from the last orbitals.

If all fail, :class:`~superatom_lab.errors.ConvergenceError` is raised.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> from superatom_lab.qc.presets import get_method
>>> r = run_scf(Cluster(Atoms("H")), get_method("quick"), charge=0, spin=1)
>>> r.converged, round(r.energy_hartree, 1)
(True, -0.5)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import CalculationCancelled, ConvergenceError
from superatom_lab.qc.molecule import build_mole, check_size
from superatom_lab.qc.presets import Method
from superatom_lab.qc.results import HARTREE_TO_EV, ScfResult

ProgressCallback = Callable[[dict], None]


def _make_mf(mol, method: Method):
    from pyscf import dft

    mf = dft.RKS(mol) if mol.spin == 0 else dft.UKS(mol)
    mf.xc = method.xc
    mf.grids.level = method.grids_level
    mf.conv_tol = method.conv_tol
    mf.max_cycle = method.max_cycle
    if method.density_fit:
        mf = mf.density_fit()
    return mf


def _channels(values, mol) -> list[list[float]]:
    """Orbital energies or occupations as two lists (alpha, beta) of floats."""
    arr = np.asarray(values)
    if arr.ndim == 1:  # restricted: both channels share the orbitals
        if arr.size and arr.max() > 1.5:  # occupations 0/2 -> 0/1 per channel
            arr = arr / 2.0
        return [arr.tolist(), arr.tolist()]
    return [arr[0].tolist(), arr[1].tolist()]


def run_scf(
    cluster: Cluster,
    method: Method,
    *,
    charge: int,
    spin: int,
    guess_dm=None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    log_path=None,
) -> ScfResult:
    """Converge one state of ``cluster`` and return its :class:`ScfResult`.

    Parameters
    ----------
    cluster : Cluster
        The geometry (its own charge and spin are not used).
    method : Method
        Functional, basis, grid, thresholds.
    charge, spin : int
        The state to converge (2S for ``spin``).
    guess_dm : array, optional
        Initial density matrix; PySCF's minao guess when omitted.
    progress : callable, optional
        Called after every SCF cycle with a dict ``{"stage", "cycle", "energy_hartree",
        "step"}``.
    cancel : threading.Event, optional
        When set, the run stops at the next cycle with :class:`CalculationCancelled`.
    log_path : path, optional
        Where PySCF writes its own log.

    Raises
    ------
    ConvergenceError
        If no step of the strategy converges.
    CalculationCancelled
        If ``cancel`` was set.
    """
    start = time.perf_counter()
    mol = build_mole(cluster, method, charge=charge, spin=spin, output=log_path)
    check_size(cluster, method, n_basis_functions=mol.nao_nr())
    cycles = 0
    steps: list[dict] = []

    def make_callback(step: str):
        def callback(envs):
            nonlocal cycles
            cycles += 1
            if cancel is not None and cancel.is_set():
                raise CalculationCancelled(f"{cluster.name} (charge {charge}) was cancelled")
            if progress is not None:
                progress(
                    {
                        "stage": f"{cluster.name} q={charge:+d} 2S={spin}",
                        "step": step,
                        "cycle": cycles,
                        "energy_hartree": float(envs.get("e_tot", float("nan"))),
                    }
                )

        return callback

    if cancel is not None and cancel.is_set():
        raise CalculationCancelled(f"{cluster.name} (charge {charge}) was cancelled")

    mf = _make_mf(mol, method)
    mf.callback = make_callback("diis")
    mf.kernel(dm0=guess_dm)
    steps.append({"step": "diis", "converged": bool(mf.converged), "cycles": cycles})

    if not mf.converged:
        dm = mf.make_rdm1()
        mf = _make_mf(mol, method)
        mf.level_shift = 0.3
        mf.damp = 0.3
        mf.diis_start_cycle = 4
        mf.callback = make_callback("level shift + damping")
        before = cycles
        mf.kernel(dm0=dm)
        steps.append(
            {"step": "level shift + damping", "converged": bool(mf.converged),
             "cycles": cycles - before}
        )  # fmt: skip

    if not mf.converged:
        mo_coeff, mo_occ = mf.mo_coeff, mf.mo_occ
        plain = _make_mf(mol, method)
        newton = plain.newton()
        newton.callback = make_callback("newton")
        before = cycles
        newton.kernel(mo_coeff, mo_occ)
        mf = newton
        steps.append({"step": "newton", "converged": bool(mf.converged), "cycles": cycles - before})

    if not mf.converged:
        raise ConvergenceError(
            f"the SCF of {cluster.name} (charge {charge}, 2S={spin}, {method.label()}) did not "
            f"converge after {cycles} cycles ({', '.join(s['step'] for s in steps)}): no energy is "
            "reported. Check the geometry, or try another spin or preset."
        )

    if mol.spin == 0 and np.asarray(mf.mo_occ).ndim == 1:
        s2 = 0.0
    else:
        s2 = float(mf.spin_square()[0])
    s = spin / 2
    return ScfResult(
        formula=cluster.formula,
        charge=charge,
        spin=spin,
        energy_hartree=float(mf.e_tot),
        converged=True,
        method=method.summary(),
        n_cycles=cycles,
        wall_s=round(time.perf_counter() - start, 3),
        s2=s2,
        s2_expected=s * (s + 1),
        orbital_energies_ev=_channels(np.asarray(mf.mo_energy) * HARTREE_TO_EV, mol),
        occupations=_channels(mf.mo_occ, mol),
        n_basis_functions=int(mol.nao_nr()),
        strategy=steps,
        arrays={
            "mo_coeff": np.asarray(mf.mo_coeff),
            "mo_energy": np.asarray(mf.mo_energy),
            "mo_occ": np.asarray(mf.mo_occ),
        },
    )
