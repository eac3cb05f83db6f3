"""Successive electron affinities EA_1, EA_2, ... of one geometry (vertical).

EA_n is the energy released when the n-th extra electron is added:
EA_n = E(charge 1-n) - E(charge -n).  A positive EA_2 means the dianion holds
its second electron (B12H12 2-, B12(CN)12 2-); a negative one means it would
shed it.

Examples
--------
>>> from superatom_lab.core.reference import ea_index  # EA_n of the charge-Q acceptor
>>> ea_index(0), ea_index(-1), MAX_STEPS
(1, 2, 6)
"""

from __future__ import annotations

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.errors import InputError
from superatom_lab.qc.presets import Method
from superatom_lab.qc.properties import ground_state, property_warnings
from superatom_lab.qc.results import PropertyResult
from superatom_lab.qc.scf import SharedIntegrals

MAX_STEPS = 6


def successive_electron_affinities(
    cluster: Cluster, method: Method, *, n: int, spin: int | None = None, **kwargs
) -> list[PropertyResult]:
    """Vertical EA of the charge-Q species and of the next ``n - 1`` anions.

    The states are converged from the most negative one up, each from the
    orbitals of the one before: the multiply charged anions a ladder is for
    (B12H12 2-, B12(CN)12 2-) are closed shells that converge in a few cycles,
    and removing electrons from their orbitals is a good guess for the
    open-shell states above them.  Started from the anion, neutral B12H12's
    triplet was within 2e-4 Ha of its converged energy after 11 cycles; started
    from the closed-shell singlet it stalled 0.38 eV higher (docs/benchmarks.md).

    Parameters
    ----------
    cluster : Cluster
        The geometry and the first acceptor's charge Q.
    n : int
        How many successive affinities (1 to ``MAX_STEPS``).
    spin : int, optional
        2S of the charge-Q species; every other state is taken in its ground spin.
    **kwargs
        ``store``, ``read_cache``, ``progress`` and ``cancel``.

    Returns
    -------
    list of PropertyResult
        One per step, in order; each holds its two states.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_STEPS:
        raise InputError(
            f"the number of successive EAs is a whole number from 1 to {MAX_STEPS}, got {n!r}"
        )
    spin = cluster.spin if spin is None else spin
    shared = SharedIntegrals()
    states, candidates = [None] * (n + 1), [None] * (n + 1)
    partner = None
    for k in reversed(range(n + 1)):  # the most negative state first
        state = cluster.with_charge(cluster.charge - k, spin=spin if k == 0 else None)
        states[k], candidates[k] = ground_state(
            state, method, partner=partner, shared=shared, **kwargs
        )
        partner = states[k]
    return [
        PropertyResult(
            property="electron_affinity",
            kind="vertical",
            value_ev=(states[k].energy_hartree - states[k + 1].energy_hartree) * HARTREE_TO_EV,
            states=[states[k], states[k + 1]],
            method=method.summary(),
            candidates=candidates[k] + candidates[k + 1],
            warnings=property_warnings([states[k], states[k + 1]], method, cluster),
        )
        for k in range(n)
    ]
