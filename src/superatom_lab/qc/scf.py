"""Run one Kohn-Sham SCF with a fallback strategy; never return an unconverged result.

The strategy, each step logged in ``ScfResult.strategy`` and reported to the
progress callback:

1. DIIS from the initial guess (minao, or the orbitals of a partner state such
   as the anion when converging the neutral).  A guess from a partner state of
   an open-shell target starts with at most ``SHIFT_MAX_CYCLE`` level-shifted
   cycles, because plain DIIS from such a guess tends to oscillate between
   near-degenerate occupations, then goes on with DIIS unshifted (a shift of
   0.25 Ha damps the oscillation but also slows the last digits to a crawl:
   neutral B12H12's triplet gained 1e-4 Ha in 40 shifted cycles).  For a
   small molecule (:func:`partner_newton`) that shifted step is short
   (``SHORT_SHIFT_MAX_CYCLE``) and Newton from the partner's orbitals comes
   next: first-order steps drift to a higher solution when the hole sits in a
   degenerate shell (AlF4, BH4);
2. level shift and damping, from the last density (at most ``SHIFT_MAX_CYCLE``);
3. Fermi smearing (fractional occupations, at fixed numbers of alpha and beta
   electrons), to get past a near-degenerate shell (at most
   ``SMEARING_MAX_CYCLE``: its orbitals seed the next step, converged or not);
4. second-order SCF (Newton) with integer aufbau occupations, from the last
   orbitals.  This also brings a smeared solution back to integer occupation.

A first-order step (1 or 2) that has *stalled* (:func:`stalled`: the energy
flat, the orbital gradient no longer falling) stops there and hands its
orbitals to the next unshifted DIIS step still in the plan, else straight to
Newton, skipping smearing.  Newton converges a nearly stationary state in one
or two macro iterations, where more DIIS or smearing cycles would be wasted
(NaBr2-'s triplet sat at the same energy to 1e-6 Ha for 30 DIIS cycles).  A
stalled *level-shifted* step is usually crawling rather than stuck (the shift
slows the last digits), so plain DIIS gets the first try: Newton is costly for
large open shells (neutral B12H12's triplet, 336 basis functions: about 2
minutes per macro iteration).  That DIIS step is watched too: when a
molecule's energy *climbs* and stays above where the level-shifted step ended
(:func:`climbed`), DIIS is leaving that state for a higher one, and Newton
starts from the level-shifted orbitals instead.  Neutral B12(CN)12's triplet at
``large`` showed it: the shifted step reached -1409.8269 Ha, then every DIIS
cycle sat 12-15 mHa higher.

A plain DIIS step is judged by :func:`settle` rather than by PySCF's extra
diagonalization (``conv_check``): converged means PySCF's energy and gradient
criteria are met *and* every occupied orbital lies below every empty one.
That extra step had thrown away converged radicals whose hole sits in a
near-degenerate shell (BF4 with PBE, then quick, now large: the EA 54 s before, 23 s after;
docs/benchmarks.md).  Level-shifted steps keep PySCF's check, which also
removes the shift.  Sending a level-shifted state that breaks aufbau straight
to Newton was tried and dropped: it cut NaBr2's neutral from 67 to 11 cycles
but led Pd- to a state 0.23 eV higher than the one DIIS reaches.

The first step that converges with integer occupations ends the run; if none
does, :class:`~superatom_lab.errors.ConvergenceError` is raised.

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
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.errors import CalculationCancelled, ConvergenceError
from superatom_lab.qc.low_rank_jk import low_rank_get_jk
from superatom_lab.qc.molecule import build_mole, check_size
from superatom_lab.qc.newton import make_newton
from superatom_lab.qc.presets import Method
from superatom_lab.qc.results import ScfResult

ProgressCallback = Callable[[dict], None]

FIRST_STEP_MAX_CYCLE = 40
#: Newton from a partner's orbitals (:func:`partner_newton`): sizes, and the steps' cycles.
PARTNER_NEWTON_MAX_ATOMS = 6
PARTNER_NEWTON_MAX_BASIS = 150
PARTNER_NEWTON_MAX_CYCLE = 15
SHORT_SHIFT_MAX_CYCLE = 12
SHIFT_MAX_CYCLE = 20
SMEARING_MAX_CYCLE = 40
LEVEL_SHIFT_HARTREE = 0.25
SMEARING_SIGMA_HARTREE = 0.005
STALL_MIN_CYCLES = 10
STALL_WINDOW = 6
STALL_ENERGY_HARTREE = 1e-4
STALL_GRADIENT_GAIN = 0.7
#: A DIIS step after a level shift is stopped once this many cycles in a row
#: sit this far above the energy the shifted step ended with (:func:`climbed`).
CLIMB_CYCLES = 4
CLIMB_HARTREE = 2e-3
#: Steps watched for a stall; smearing and Newton run to their own ends.
STALL_WATCHED_STEPS = ("diis", "level shift", "short level shift", "level shift + damping")
#: Where a stalled step hands its orbitals: the next of these still in the plan.
STALL_NEXT_STEPS = ("diis", "newton from partner", "newton")


def stalled(energies: list[float], gradients: list[float]) -> bool:
    """Whether a first-order SCF step has stopped making progress.

    True after at least ``STALL_MIN_CYCLES`` cycles when, over the last
    ``STALL_WINDOW`` cycles, the energy moved by less than
    ``STALL_ENERGY_HARTREE`` and the smallest orbital gradient is not below
    ``STALL_GRADIENT_GAIN`` times the smallest one before them.  A DIIS run
    that converges normally lowers its gradient several-fold within that
    window, so it is never called stalled.

    Parameters
    ----------
    energies, gradients : list of float
        Total energy (Ha) and orbital-gradient norm of each cycle of the step.

    Examples
    --------
    >>> flat = [-1.0 - 1e-7 * (i % 2) for i in range(12)]
    >>> stalled(flat, [1e-3] * 12)
    True
    >>> stalled(flat, [10.0 ** -(i / 2) for i in range(12)])
    False
    """
    if len(energies) < max(STALL_MIN_CYCLES, STALL_WINDOW + 1):
        return False
    recent = energies[-STALL_WINDOW:]
    if max(recent) - min(recent) > STALL_ENERGY_HARTREE:
        return False
    return min(gradients[-STALL_WINDOW:]) > STALL_GRADIENT_GAIN * min(gradients[:-STALL_WINDOW])


def climbed(energies: list[float], floor: float) -> bool:
    """Whether a DIIS step has left the lower state it started from.

    True when each of the last ``CLIMB_CYCLES`` energies lies more than
    ``CLIMB_HARTREE`` above ``floor``, the energy of the level-shifted step
    before it.  Removing the shift often raises the energy for a cycle or
    two; a DIIS run that settles back into the same state comes down again
    within that window.

    Parameters
    ----------
    energies : list of float
        Total energy (Ha) of each cycle of the DIIS step.
    floor : float
        The energy (Ha) the step before ended with.

    Examples
    --------
    >>> climbed([-1.0, -0.99, -0.99, -0.99, -0.99], floor=-1.0)
    True
    >>> climbed([-0.99, -0.99, -0.99, -1.0], floor=-1.0)
    False
    """
    recent = energies[-CLIMB_CYCLES:]
    return len(recent) == CLIMB_CYCLES and min(recent) > floor + CLIMB_HARTREE


class _Stalled(Exception):
    """Raised from the SCF callback to end a stalled step (see :func:`stalled`)."""

    def __init__(self, envs: dict):
        super().__init__("stalled")
        self.envs = envs


class _Climbed(Exception):
    """Raised from the SCF callback to end a DIIS step that climbed (see :func:`climbed`)."""


class SharedIntegrals:
    """Integration grid, density-fitting tensors and core Hamiltonian of one geometry.

    None of these depend on the charge or spin, so every state of a cluster
    (both sides of an electron affinity, every spin tried, every strategy
    step) reuses them instead of building them again.  For Al13 with
    LANL2DZ the ECP part of the core Hamiltonian alone costs 0.8 s, and with
    def2-SVP the density-fitting tensors 2.4 s, per build.

    Examples
    --------
    >>> shared = SharedIntegrals()
    >>> shared.builds
    0
    """

    def __init__(self):
        self._grids = None
        self._df = None
        self._hcore = None
        self._owner = None
        self.builds = 0

    def attach(self, mf, mol, method: Method):
        """Give ``mf`` the shared objects, building them on first use."""
        owner = (mol.atom_coords().round(8).tobytes(), mol.basis, str(mol.ecp), method.key_fields())
        if self._owner is not None and owner != self._owner:
            raise ValueError("SharedIntegrals belong to another geometry or method")
        self._owner = owner
        if self._grids is None:
            mf.grids.build()
            self._grids = mf.grids
            self.builds += 1
        mf.grids = self._grids
        if method.density_fit:
            if self._df is None:
                mf.with_df.build()
                mf.with_df.get_jk = low_rank_get_jk(mf.with_df.get_jk)
                self._df = mf.with_df
            mf.with_df = self._df
        if self._hcore is None:
            self._hcore = mf.get_hcore(mol)
        hcore = self._hcore
        mf.get_hcore = lambda *args, **kwargs: hcore
        return mf


def _make_mf(mol, method: Method, shared: SharedIntegrals | None = None):
    from pyscf import dft

    mf = dft.RKS(mol) if mol.spin == 0 else dft.UKS(mol)
    mf.xc = method.xc
    mf.grids.level = method.grids_level
    mf.conv_tol = method.conv_tol
    mf.max_cycle = method.max_cycle
    if method.density_fit:
        mf = mf.density_fit()
    if shared is not None:
        shared.attach(mf, mol, method)
    return mf


def _channels(values, scale: float = 1.0) -> list[list[float]]:
    """Two lists (alpha, beta) of floats; a restricted array is shared and scaled.

    ``scale`` applies to restricted arrays only: 0.5 turns closed-shell
    occupations (0 or 2) into per-channel occupations (0 or 1).
    """
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 1:
        return [(arr * scale).tolist(), (arr * scale).tolist()]
    return [arr[0].tolist(), arr[1].tolist()]


def guess_from_partner(arrays: dict, nalpha: int, nbeta: int, restricted: bool):
    """Density matrix for a new electron count built from a converged partner state.

    The partner's orbitals (per spin channel, in energy order) are filled by
    aufbau with ``nalpha`` and ``nbeta`` electrons: removing an electron
    empties the partner's highest beta orbital, adding one fills its lowest
    empty orbital.  The unrestricted density is tagged with those orbitals
    and occupations, so that PySCF builds its potential through the
    occupied orbitals (density-fitted exchange 1.25 s instead of 8.4 s for
    B12H12, ``benchmarks/newton_cost.py``).

    Examples
    --------
    >>> import numpy as np
    >>> arrays = {"mo_coeff": np.eye(3), "mo_energy": np.array([-2.0, -1.0, 0.5])}
    >>> dm = guess_from_partner(arrays, 2, 1, restricted=False)
    >>> dm[1].diagonal().tolist(), dm.mo_occ.tolist()
    ([1.0, 0.0, 0.0], [[1.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    """
    from pyscf import lib

    coeff = np.asarray(arrays["mo_coeff"])
    pair = np.array([coeff, coeff]) if coeff.ndim == 2 else coeff
    occ = np.zeros((2, pair.shape[2]))
    occ[0, :nalpha], occ[1, :nbeta] = 1.0, 1.0
    dm = np.array([c[:, o > 0] @ c[:, o > 0].T for c, o in zip(pair, occ)])
    if restricted:
        return dm[0] + dm[1]
    return lib.tag_array(dm, mo_coeff=pair, mo_occ=occ)


class _Run:
    """Counts cycles across steps, reports progress and checks for cancellation."""

    def __init__(self, label: str, progress, cancel):
        self.label, self.progress, self.cancel = label, progress, cancel
        self.cycles = 0
        self.steps: list[dict] = []
        self.last_energy = float("nan")
        #: The energy a DIIS step must not climb above (:func:`climbed`), or None.
        self.floor: float | None = None

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise CalculationCancelled(f"{self.label} was cancelled")

    def callback(self, step: str):
        energies, gradients = [], []

        def report(envs):
            self.cycles += 1
            self.check_cancel()
            energies.append(float(envs.get("e_tot", float("nan"))))
            gradients.append(float(envs.get("norm_gorb", float("nan"))))
            self.last_energy = energies[-1]
            if self.progress is not None:
                self.progress(
                    {
                        "stage": self.label,
                        "step": step,
                        "cycle": self.cycles,
                        "energy_hartree": energies[-1],
                    }
                )
            if (
                step in STALL_WATCHED_STEPS
                and not envs.get("scf_conv", False)
                and stalled(energies, gradients)
            ):
                raise _Stalled(envs)
            if step == "diis" and self.floor is not None and climbed(energies, self.floor):
                raise _Climbed

        return report

    def run(self, step: str, mf, *args, **kwargs):
        """Run ``mf.kernel`` as one logged step; a stalled step keeps its last orbitals."""
        before, start = self.cycles, time.perf_counter()
        mf.callback = self.callback(step)
        record = {"step": step}
        try:
            mf.kernel(*args, **kwargs)
        except _Climbed:
            mf.converged = False
            record["climbed"] = True
        except _Stalled as stop:
            mf.mo_coeff, mf.mo_energy = stop.envs["mo_coeff"], stop.envs["mo_energy"]
            mf.mo_occ, mf.converged = stop.envs["mo_occ"], False
            record["stalled"] = True
        record.update(
            converged=bool(mf.converged),
            cycles=self.cycles - before,
            wall_s=round(time.perf_counter() - start, 3),
        )
        self.steps.append(record)
        return mf


def settle(mf) -> bool:
    """Make a converged first-order solution canonical and check that it obeys aufbau.

    PySCF ends a converged DIIS run with one more plain diagonalization and
    rejects the run when that step moves the energy (``conv_check``).  For a
    radical whose hole sits in a nearly degenerate shell (BF4 in PBE: 0.06 eV
    between the hole and the highest filled beta orbital) that step alone
    swaps occupations and the run is rejected: BF4's neutral went on to
    smearing and Newton, 78 cycles in all, where 48 suffice now (PBE).  DIIS steps
    therefore run with ``conv_check`` off, so PySCF's own criteria decide (energy change below
    ``conv_tol`` and the orbital gradient of the unextrapolated Fock matrix
    below its square root), and this function completes the check: it
    diagonalizes that Fock matrix separately in the occupied and the empty
    orbitals of each spin channel (the density, hence the energy, is
    unchanged) and returns whether every occupied orbital lies below every
    empty one.  A solution that fails is not reported; the strategy goes on
    from it.

    Examples
    --------
    >>> from ase import Atoms
    >>> from superatom_lab.qc.presets import get_method
    >>> mol = build_mole(Cluster(Atoms("Li")), get_method("quick"), charge=0, spin=1)
    >>> mf = _make_mf(mol, get_method("quick")).run()
    >>> settle(mf)
    True
    """
    fock = np.asarray(mf.get_fock(dm=mf.make_rdm1()))
    coeff, occ = np.asarray(mf.mo_coeff), np.asarray(mf.mo_occ)
    restricted = occ.ndim == 1
    fock, coeff, occ = (x[None] if restricted else x for x in (fock, coeff, occ))
    energies, aufbau = np.zeros(occ.shape), True
    for s in range(occ.shape[0]):
        filled = occ[s] > 0
        for block in (filled, ~filled):
            c = coeff[s][:, block]
            e, u = np.linalg.eigh(c.T @ fock[s] @ c)
            coeff[s][:, block], energies[s][block] = c @ u, e
        if filled.any() and (~filled).any():
            aufbau &= bool(energies[s][filled].max() <= energies[s][~filled].min())
    mf.mo_coeff = coeff[0] if restricted else coeff
    mf.mo_energy = energies[0] if restricted else energies
    return aufbau


def partner_newton(mol) -> bool:
    """Whether an open-shell molecule started from a partner's orbitals has Newton as plan B.

    For molecules (two atoms or more) of at most ``PARTNER_NEWTON_MAX_BASIS``
    basis functions the strategy runs at most ``SHORT_SHIFT_MAX_CYCLE``
    level-shifted cycles and then Newton from the partner's orbitals, not from
    the shifted ones. The hole of a superhalogen's neutral sits in a degenerate
    ligand shell, and first-order steps crawl along it to a higher solution:
    at quick, AlF4's neutral ended 0.089 eV and BH4's 0.113 eV above the state
    Newton reaches from the anion's orbitals, and BF4's took 37 cycles (20
    level-shifted, 10 of DIIS, 7 of Newton) where Newton from the anion takes
    7 (docs/benchmarks.md). A Newton iteration costs several ordinary cycles,
    hence the short shifted step first: most radicals converge there. Larger
    systems and atoms keep the first-order steps first (Newton's cost grows
    steeply with size; an atom's partner orbitals led Newton to a higher Pd-).

    Examples
    --------
    >>> from pyscf import gto
    >>> partner_newton(gto.M(atom="O 0 0 0; O 0 0 1.2", spin=2, basis="sto-3g", verbose=0))
    True
    >>> partner_newton(gto.M(atom="O 0 0 0", spin=2, basis="sto-3g", verbose=0))
    False
    """
    return 1 < mol.natm <= PARTNER_NEWTON_MAX_ATOMS and mol.nao_nr() <= PARTNER_NEWTON_MAX_BASIS


def _integer_occupations(mf) -> bool:
    occ = np.asarray(mf.mo_occ)
    return bool(np.allclose(occ, np.round(occ), atol=1e-6))


def _converge(mol, method: Method, guess_dm, from_partner: bool, run: _Run, shared):
    """Apply the strategy steps until one converges with integer occupations."""
    from pyscf.scf import addons

    dm = guess_dm
    mf = None
    plan = ["diis", "level shift + damping", "smearing", "newton"]
    if from_partner and mol.spin > 0:
        plan = ["level shift", "diis", "smearing", "newton"]
        if partner_newton(mol):
            plan = ["short level shift", "newton from partner", *plan[1:]]
    shifted = None  # the last level-shifted solution, while DIIS may climb away from it
    for step in plan:
        last = run.steps[-1] if mf is not None else {}
        if (last.get("stalled") or last.get("climbed")) and step not in STALL_NEXT_STEPS:
            continue  # a stalled step goes on to unshifted DIIS or Newton
        if mf is not None:
            dm = mf.make_rdm1()
        run.floor = None
        if step == "diis" and shifted is not None:
            run.floor = run.last_energy
        if step == "newton from partner":  # the partner's orbitals, refilled (guess_from_partner)
            newton = make_newton(mol, method, shared, max_cycle=PARTNER_NEWTON_MAX_CYCLE)
            mf = run.run(step, newton, np.asarray(guess_dm.mo_coeff), np.asarray(guess_dm.mo_occ))
        elif step == "newton":
            newton = make_newton(mol, method, shared)
            mo_occ = newton.get_occ(mf.mo_energy, mf.mo_coeff)  # integer aufbau occupations
            mf = run.run(step, newton, mf.mo_coeff, mo_occ)
        else:
            mf = _make_mf(mol, method, shared)
            if step == "smearing":
                mf = addons.smearing_(
                    mf, sigma=SMEARING_SIGMA_HARTREE, method="fermi", fix_spin=mol.spin > 0
                )
                mf.max_cycle = min(method.max_cycle, SMEARING_MAX_CYCLE)
            elif step == "diis":
                mf.max_cycle = min(method.max_cycle, FIRST_STEP_MAX_CYCLE)
                mf.conv_check = False  # settle() checks the result instead
            else:
                mf.level_shift = LEVEL_SHIFT_HARTREE
                short = step == "short level shift"
                mf.max_cycle = min(
                    method.max_cycle, SHORT_SHIFT_MAX_CYCLE if short else SHIFT_MAX_CYCLE
                )
                if "damping" in step:
                    mf.damp = 0.3
                    mf.diis_start_cycle = 4
            mf = run.run(step, mf, dm0=dm)
            if run.steps[-1].get("climbed"):
                mf = shifted  # Newton goes on from the level-shifted orbitals
            shifted = mf if "level shift" in step and mol.natm > 1 else None
        if mf.converged and step == "diis" and not settle(mf):
            mf.converged = False
            run.steps[-1].update(converged=False, aufbau=False)
        if mf.converged and step != "smearing" and _integer_occupations(mf):
            return mf
    return None


def spin_flip_energy_ev(mf, mol, method: Method, shared: SharedIntegrals) -> float | None:
    """Energy of the next multiplicity from ``mf``'s orbitals, one beta electron flipped (eV).

    The highest filled beta orbital is emptied and the lowest empty alpha
    orbital filled, and the energy of that density is evaluated once, without
    relaxing it (one Kohn-Sham build), relative to ``mf.e_tot``.  ``None`` when
    there is no beta electron to flip.  Relaxation lowers the flipped state by
    up to about 40% of this value in small molecules (docs/benchmarks.md).
    :func:`run_scf` stores it as ``ScfResult.spin_flip_ev`` for every
    molecule and cluster (not for atoms, which try every spin anyway).

    Examples
    --------
    >>> from ase import Atoms
    >>> from superatom_lab.qc.presets import get_method
    >>> h2 = Cluster(Atoms("H2", positions=[(0, 0, 0), (0, 0, 0.74)]))
    >>> r = run_scf(h2, get_method("quick"), charge=0, spin=0)
    >>> r.spin_flip_ev > 5  # H2's triplet is repulsive at the singlet's bond length
    True
    """
    nalpha, nbeta = mol.nelec
    if nbeta == 0:
        return None
    flipped = mol.copy()
    flipped.spin = mol.spin + 2
    flipped.build(dump_input=False, parse_arg=False)
    arrays = {"mo_coeff": mf.mo_coeff, "mo_energy": mf.mo_energy}
    dm = guess_from_partner(arrays, nalpha + 1, nbeta - 1, restricted=False)
    energy = _make_mf(flipped, method, shared).energy_tot(dm)
    return float((energy - mf.e_tot) * HARTREE_TO_EV)


def run_scf(
    cluster: Cluster,
    method: Method,
    *,
    charge: int,
    spin: int,
    partner=None,
    guess_dm=None,
    shared: SharedIntegrals | None = None,
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
    partner : ScfResult, optional
        A converged state of the same geometry and method with its orbitals
        (``arrays``); its orbitals, refilled for this electron count, are the
        initial guess.
    guess_dm : array, optional
        Initial density matrix (ignored when ``partner`` is given); PySCF's
        minao guess when neither is given.
    shared : SharedIntegrals, optional
        Grid, density fitting and core Hamiltonian shared with other states of
        the same geometry and method.
    progress : callable, optional
        Called after every SCF cycle with a dict ``{"stage", "step", "cycle",
        "energy_hartree"}``.
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
    run = _Run(f"{cluster.name} q={charge:+d} 2S={spin}", progress, cancel)
    run.check_cancel()
    mol = build_mole(cluster, method, charge=charge, spin=spin, output=log_path)
    check_size(cluster, method, n_basis_functions=mol.nao_nr())
    if partner is not None and partner.arrays is not None:
        guess_dm = guess_from_partner(partner.arrays, *mol.nelec, restricted=mol.spin == 0)
    shared = shared if shared is not None else SharedIntegrals()
    mf = _converge(mol, method, guess_dm, partner is not None, run, shared)
    if mf is None:
        raise ConvergenceError(
            f"the SCF of {cluster.name} (charge {charge}, 2S={spin}, {method.label()}) did not "
            f"converge after {run.cycles} cycles ({', '.join(s['step'] for s in run.steps)}): "
            "no energy is reported. Check the geometry, or try another spin or preset."
        )
    s2 = 0.0 if np.asarray(mf.mo_occ).ndim == 1 else float(mf.spin_square()[0])
    flip = spin_flip_energy_ev(mf, mol, method, shared) if cluster.n_atoms > 1 else None
    s = spin / 2
    return ScfResult(
        formula=cluster.formula,
        charge=charge,
        spin=spin,
        energy_hartree=float(mf.e_tot),
        converged=True,
        method=method.summary(),
        n_cycles=run.cycles,
        wall_s=round(time.perf_counter() - start, 3),
        s2=s2,
        s2_expected=s * (s + 1),
        orbital_energies_ev=_channels(np.asarray(mf.mo_energy) * HARTREE_TO_EV),
        occupations=_channels(mf.mo_occ, scale=0.5),
        n_basis_functions=int(mol.nao_nr()),
        spin_flip_ev=flip,
        strategy=run.steps,
        arrays={
            "mo_coeff": np.asarray(mf.mo_coeff),
            "mo_energy": np.asarray(mf.mo_energy),
            "mo_occ": np.asarray(mf.mo_occ),
        },
    )
