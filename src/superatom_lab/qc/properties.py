"""Delta-SCF properties: ground states, electron affinities and ionization energies.

All values are vertical: every state is computed at the geometry given.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> ea = electron_affinity(build("Cl"), get_method("standard"))
>>> 3.3 < ea.value_ev < 4.0
True
"""

from __future__ import annotations

import threading

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.spin_states import (
    SMALL_MOLECULE_MAX_ATOMS,
    candidate_spins,
    is_small_molecule,
)
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.qc.presets import Method
from superatom_lab.qc.results import PropertyResult, ScfResult
from superatom_lab.qc.runner import compute_state
from superatom_lab.qc.scf import SharedIntegrals
from superatom_lab.store import ResultStore

SPIN_CONTAMINATION_TOLERANCE = 0.10
SMALL_ANION_ATOMS = 6
SPIN_FLIP_GAP_EV = 1.0
SPIN_PRUNING_MIN_ATOMS = SMALL_MOLECULE_MAX_ATOMS + 1
SMALL_MOLECULE_SPIN_FLIP_EV = 4.5
CLUSTER_SPIN_FLIP_EV = 1.0


def spin_flip_gap_ev(state: ScfResult) -> float:
    """Energy to move the highest beta electron into the lowest empty alpha orbital (eV).

    A large value means the next higher multiplicity lies well above this state.

    Examples
    --------
    >>> r = ScfResult("X", 0, 0, -1.0, True, orbital_energies_ev=[[-5, -1], [-5, -1]],
    ...               occupations=[[1, 0], [1, 0]])
    >>> spin_flip_gap_ev(r)
    4
    """
    (ea, eb), (na, nb) = state.orbital_energies_ev, state.occupations
    empty_alpha = [e for e, n in zip(ea, na) if n < 0.5]
    full_beta = [e for e, n in zip(eb, nb) if n > 0.5]
    if not empty_alpha or not full_beta:
        return float("inf")
    return min(empty_alpha) - max(full_beta)


def higher_spins_pruned(cluster: Cluster, lower: ScfResult) -> bool:
    """Whether the spin search stops above ``lower``, a converged state of ``cluster``.

    - Atoms: never; every candidate is tried.
    - Molecules of two to four atoms: when the next multiplicity, built from
      ``lower``'s orbitals with one electron flipped, lies more than
      ``SMALL_MOLECULE_SPIN_FLIP_EV`` above ``lower`` before any relaxation
      (``lower.spin_flip_ev``).  Relaxing it lowered it by at most 2.8 eV
      (about 40%) in the molecules measured, so it stays well above.
    - Clusters of ``SPIN_PRUNING_MIN_ATOMS`` atoms or more: when that unrelaxed
      energy exceeds ``CLUSTER_SPIN_FLIP_EV``; relaxation lowered it by 0.1-0.4
      eV in the clusters measured.  A record without it (older caches) falls
      back to the orbital spin-flip gap (:func:`spin_flip_gap_ev`) and
      ``SPIN_FLIP_GAP_EV``.

    An orbital gap is no sure guide: exact exchange widens it.  O2's
    closed-shell singlet has a gap of more than 3 eV with wB97X, yet its
    triplet lies 1.7 eV lower; neutral B12H12's symmetry-broken singlet has a
    B3LYP gap of 1.02 eV, yet its triplet (unrelaxed +0.00 eV) relaxes 0.42 eV
    below it.  docs/benchmarks.md lists the measured values.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> anion = ScfResult("NaBr2", -1, 0, -1.0, True, spin_flip_ev=6.0)
    >>> higher_spins_pruned(build("NaBr2", charge=-1), anion)
    True
    >>> higher_spins_pruned(build("O2"), ScfResult("O2", 0, 0, -1.0, True, spin_flip_ev=-1.4))
    False
    >>> higher_spins_pruned(build("Al13", charge=-1),
    ...                     ScfResult("Al13", -1, 0, -1.0, True, spin_flip_ev=1.6))
    True
    """
    if cluster.n_atoms >= SPIN_PRUNING_MIN_ATOMS:
        if lower.spin_flip_ev is None:
            return spin_flip_gap_ev(lower) > SPIN_FLIP_GAP_EV
        return lower.spin_flip_ev > CLUSTER_SPIN_FLIP_EV
    if is_small_molecule(cluster) and lower.spin_flip_ev is not None:
        return lower.spin_flip_ev > SMALL_MOLECULE_SPIN_FLIP_EV
    return False


def ground_state(
    cluster: Cluster,
    method: Method,
    *,
    partner: ScfResult | None = None,
    shared: SharedIntegrals | None = None,
    store: ResultStore | None | str = "default",
    read_cache: bool = True,
    cache_only: bool = False,
    progress=None,
    cancel: threading.Event | None = None,
) -> tuple[ScfResult, list[ScfResult]]:
    """Lowest-energy spin state of ``cluster`` at its charge.

    Tries the spins from :func:`~superatom_lab.core.spin_states.candidate_spins`
    (only ``cluster.spin`` when it is set), lowest first, and keeps the lowest
    energy.  A higher multiplicity is skipped when it cannot lie lower than
    the state just converged (:func:`higher_spins_pruned`).

    Parameters
    ----------
    partner : ScfResult, optional
        A converged state with orbitals (usually of the neighbouring charge),
        the initial guess of every spin tried, its orbitals refilled for that
        spin.  Without one, the first spin starts from minao and each higher
        spin from the state just converged, one electron flipped.  Neutral
        B12H12's triplet shows why the partner wins when there is one: from the
        doublet anion it reached -305.23694 Ha in 16 cycles, from the
        closed-shell singlet it stalled at -305.22308 Ha (docs/benchmarks.md).
    shared : SharedIntegrals, optional
        Grid, density fitting and core Hamiltonian shared across states.

    Returns
    -------
    best : ScfResult
    tried : list of ScfResult
        Every converged candidate, in the order tried.
    """
    tried: list[ScfResult] = []
    has_orbitals = partner is not None and partner.arrays is not None
    for spin in candidate_spins(cluster):
        if tried and higher_spins_pruned(cluster, tried[-1]):
            break
        tried.append(
            compute_state(
                cluster, method, charge=cluster.charge, spin=spin, store=store,
                read_cache=read_cache, cache_only=cache_only, need_orbitals=True, shared=shared,
                partner=partner if has_orbitals else (tried[-1] if tried else None),
                progress=progress, cancel=cancel,
            )
        )  # fmt: skip
    best = min(tried, key=lambda r: r.energy_hartree)
    return best, tried


def property_warnings(states: list[ScfResult], method: Method, cluster: Cluster) -> list[str]:
    """Honest warnings about the states behind a value: spin contamination, unbound anions."""
    notes = []
    anion = min(states, key=lambda r: r.charge)
    for state in states:
        exp = state.s2_expected
        if abs(state.s2 - exp) > SPIN_CONTAMINATION_TOLERANCE * max(exp, 1.0):
            notes.append(
                f"spin contamination: <S^2> = {state.s2:.3f} for charge {state.charge:+d} "
                f"(expected {exp:.3f})"
            )
    if anion.charge < 0 and anion.homo_ev > 0:
        head = (f"the anion (charge {anion.charge:+d}) has a positive HOMO "
                f"({anion.homo_ev:+.2f} eV): ")  # fmt: skip
        if is_range_separated(method.xc):
            notes.append(
                head + f"even with the range-separated {method.xc.upper()} its extra electron is "
                f"held only by the finite {method.basis} basis; it is probably not bound"
            )
        else:
            notes.append(
                head + f"in {method.xc.upper()} its extra electron is held only by the finite "
                f"{method.basis} basis (self-interaction error); the delta-SCF value can still "
                "be close, but check it against a range-separated functional (the accurate "
                "preset)"
            )
    plain = sorted({method.basis_for(s)[0] for s in cluster.symbols} - {""})
    plain = [b for b in plain if not _has_diffuse(b)]
    if anion.charge < 0 and cluster.n_atoms <= SMALL_ANION_ATOMS and plain:
        notes.append(
            f"{', '.join(plain)} has no diffuse functions; small anions need them "
            "(expect an electron affinity that is too low)"
        )
    return notes


def is_range_separated(xc: str) -> bool:
    """Whether the functional ``xc`` is a range-separated hybrid (by its name).

    Examples
    --------
    >>> is_range_separated("wb97x"), is_range_separated("CAM-B3LYP"), is_range_separated("b3lyp")
    (True, True, False)
    """
    name = xc.lower().replace("-", "").replace("_", "")
    return name.startswith(("wb97", "camb3lyp", "lrc", "lcw"))


def _has_diffuse(basis: str) -> bool:
    """Whether a basis set name says it has diffuse functions.

    Examples
    --------
    >>> [_has_diffuse(b) for b in ("def2-svpd", "ma-def2-tzvp", "aug-cc-pvtz", "def2-svp")]
    [True, True, True, False]
    """
    b = basis.lower()
    return b.startswith(("aug-", "ma-")) or "+" in b or (b.startswith("def2-") and b.endswith("d"))


def vertical_pair(
    prop: str,
    cluster: Cluster,
    method: Method,
    charges: tuple[int, int],
    spin: int | None,
    **kwargs,
) -> PropertyResult:
    """Ground states at ``charges`` (the given species first) and their energy difference.

    The even-electron state, usually closed-shell and easy, is converged first;
    its orbitals are the initial guess for the other state.
    """
    first = cluster.with_charge(charges[0], spin=spin)
    second = cluster.with_charge(charges[1])
    kwargs.setdefault("shared", SharedIntegrals())
    if first.n_electrons % 2 == 0 or second.spin is not None:
        best_a, tried_a = ground_state(first, method, **kwargs)
        best_b, tried_b = ground_state(second, method, partner=best_a, **kwargs)
    else:
        best_b, tried_b = ground_state(second, method, **kwargs)
        best_a, tried_a = ground_state(first, method, partner=best_b, **kwargs)
    value = (best_b.energy_hartree - best_a.energy_hartree) * HARTREE_TO_EV
    if prop == "electron_affinity":
        value = -value
    return PropertyResult(
        property=prop,
        kind="vertical",
        value_ev=value,
        states=[best_a, best_b],
        method=method.summary(),
        candidates=tried_a + tried_b,
        warnings=property_warnings([best_a, best_b], method, cluster),
    )


def electron_affinity(
    cluster: Cluster, method: Method, *, spin: int | None = None, **kwargs
) -> PropertyResult:
    """Vertical electron affinity ``E(Q) - E(Q-1)`` in eV, Q = ``cluster.charge``.

    Parameters
    ----------
    cluster : Cluster
        The species that accepts the electron, at its charge Q.
    method : Method
    spin : int, optional
        2S of the charge-Q species; its ground state is searched when omitted
        (``cluster.spin`` is used if set).
    **kwargs
        ``store``, ``read_cache``, ``progress`` and ``cancel`` for :func:`ground_state`.
    """
    spin = cluster.spin if spin is None else spin
    q = cluster.charge
    return vertical_pair("electron_affinity", cluster, method, (q, q - 1), spin, **kwargs)


def ionization_energy(
    cluster: Cluster, method: Method, *, spin: int | None = None, **kwargs
) -> PropertyResult:
    """Vertical ionization energy ``E(Q+1) - E(Q)`` in eV, Q = ``cluster.charge``.

    Parameters are as for :func:`electron_affinity`; ``spin`` is that of the charge-Q species.
    """
    spin = cluster.spin if spin is None else spin
    q = cluster.charge
    return vertical_pair("ionization_energy", cluster, method, (q, q + 1), spin, **kwargs)
