"""Adiabatic electron affinities and ionization energies, and vertical detachment energies.

Each charge state is first found in its ground spin at the given geometry
(as for the vertical value), then relaxed in that spin with geomeTRIC.  The
relaxed geometries are cached like any result.

* adiabatic EA = E(Q at its own minimum) - E(Q-1 at its own minimum);
* adiabatic IE = E(Q+1 at its minimum) - E(Q at its minimum);
* VDE of the anion Q-1 = E(Q) - E(Q-1), both at the anion's minimum.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> r = electron_affinity_adiabatic(build("OH"), get_method())
>>> r.kind, 1.5 < r.value_ev < 2.2
('adiabatic', True)
"""

from __future__ import annotations

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.qc.presets import Method
from superatom_lab.qc.properties import property_warnings, vertical_pair
from superatom_lab.qc.relax import LARGE_MOVE_ANGSTROM, relax
from superatom_lab.qc.results import PropertyResult
from superatom_lab.qc.runner import ENGINE_KWARGS, compute_state


def _relaxed_state(cluster, method, vertical_state, kwargs):
    """Relax one vertical ground state and recompute it at its minimum.

    The relaxation uses ``method.geometry_method()``; the vertical state's
    orbitals seed it only when that is ``method`` itself (same basis).
    """
    passing = {k: kwargs[k] for k in ENGINE_KWARGS if k in kwargs}
    geometry = method.geometry_method()
    relaxation = relax(cluster, geometry, charge=vertical_state.charge, spin=vertical_state.spin,
                       start=vertical_state if geometry is method else None,
                       **passing)  # fmt: skip
    state = compute_state(relaxation.cluster, method, charge=vertical_state.charge,
                          spin=vertical_state.spin, need_orbitals=True, **passing)  # fmt: skip
    return relaxation, state


def _describe(relaxation, method) -> dict:
    geometry = method.geometry_method()
    return {
        "method": f"{geometry.name}: {geometry.label()}",
        "charge": relaxation.charge,
        "spin": relaxation.spin,
        "n_steps": relaxation.n_steps,
        "max_displacement_angstrom": round(relaxation.max_displacement_angstrom, 4),
        "rmsd_angstrom": round(relaxation.rmsd_angstrom, 4),
        "positions_angstrom": relaxation.cluster.positions_angstrom.round(5).tolist(),
        "cached": relaxation.cached,
        "precomputed": relaxation.precomputed,
    }


def _move_warnings(relaxations) -> list[str]:
    return [
        f"the relaxation of charge {r.charge:+d} moved an atom by "
        f"{r.max_displacement_angstrom:.2f} A (more than {LARGE_MOVE_ANGSTROM} A): the minimum "
        "found may be a different structure from the one you started with"
        for r in relaxations
        if r.max_displacement_angstrom > LARGE_MOVE_ANGSTROM
    ]


def _adiabatic(prop: str, cluster: Cluster, method: Method, charges, spin, **kwargs):
    vertical = vertical_pair(prop, cluster, method, charges, spin, **kwargs)
    kwargs.pop("shared", None)
    relaxed = [_relaxed_state(cluster, method, s, kwargs) for s in vertical.states]
    (relax_a, state_a), (relax_b, state_b) = relaxed
    value = (state_b.energy_hartree - state_a.energy_hartree) * HARTREE_TO_EV
    if prop == "electron_affinity":
        value = -value
    states = [state_a, state_b]
    return PropertyResult(
        property=prop,
        kind="adiabatic",
        value_ev=value,
        states=states,
        method=method.summary(),
        candidates=vertical.candidates + states,
        warnings=property_warnings(states, method, cluster) + _move_warnings([relax_a, relax_b]),
        relaxations=[_describe(relax_a, method), _describe(relax_b, method)],
    )


def electron_affinity_adiabatic(
    cluster: Cluster, method: Method, *, spin: int | None = None, **kwargs
) -> PropertyResult:
    """Adiabatic EA of the charge-Q species, both states relaxed (eV).

    ``kwargs`` as for :func:`superatom_lab.qc.properties.electron_affinity`.
    """
    spin = cluster.spin if spin is None else spin
    q = cluster.charge
    return _adiabatic("electron_affinity", cluster, method, (q, q - 1), spin, **kwargs)


def ionization_energy_adiabatic(
    cluster: Cluster, method: Method, *, spin: int | None = None, **kwargs
) -> PropertyResult:
    """Adiabatic IE of the charge-Q species, both states relaxed (eV)."""
    spin = cluster.spin if spin is None else spin
    q = cluster.charge
    return _adiabatic("ionization_energy", cluster, method, (q, q + 1), spin, **kwargs)


def vertical_detachment_energy(
    cluster: Cluster, method: Method, *, spin: int | None = None, **kwargs
) -> PropertyResult:
    """VDE of the anion of the charge-Q species: E(Q) - E(Q-1) at the anion's minimum.

    ``cluster`` is the species that accepts the electron (charge Q), as for
    the electron affinity; the anion (Q-1) is relaxed, then the electron is
    removed without letting the geometry follow.
    """
    spin = cluster.spin if spin is None else spin
    q = cluster.charge
    vertical = vertical_pair("electron_affinity", cluster, method, (q, q - 1), spin, **kwargs)
    kwargs.pop("shared", None)
    neutral, anion = vertical.states
    relaxation, anion_min = _relaxed_state(cluster, method, anion, kwargs)
    passing = {k: kwargs[k] for k in ENGINE_KWARGS if k in kwargs}
    neutral_there = compute_state(relaxation.cluster, method, charge=neutral.charge,
                                  spin=neutral.spin, partner=anion_min, need_orbitals=True,
                                  **passing)  # fmt: skip
    states = [neutral_there, anion_min]
    return PropertyResult(
        property="vertical_detachment_energy",
        kind="vde",
        value_ev=(neutral_there.energy_hartree - anion_min.energy_hartree) * HARTREE_TO_EV,
        states=states,
        method=method.summary(),
        candidates=vertical.candidates + states,
        warnings=property_warnings(states, method, cluster) + _move_warnings([relaxation]),
        relaxations=[_describe(relaxation, method)],
    )
