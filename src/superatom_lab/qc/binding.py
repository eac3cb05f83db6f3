"""How strongly a guest (an atom or a small molecule) binds to a cluster, counterpoise corrected.

The binding energy of a complex host + guest, at the complex's geometry, is

    BE = E(host) + E(guest) - E(complex),

positive when the guest is bound: B12(CN)11 - binds Ar by 0.61 eV in the
review.  Every energy is the ground state found by the usual spin search.

**Counterpoise.** In the complex each fragment can borrow the other's basis
functions, which lowers its energy and makes the binding look stronger than it
is: the basis-set superposition error.  Boys and Bernardi's correction
(Mol. Phys. 19, 553, 1970) computes each fragment in the basis of the whole
complex, the other fragment's atoms present as ghosts (basis functions
without nucleus or electrons).  It is on by default; ``counterpoise=False``
computes the fragments in their own bases, which overestimates the binding.

The fragments keep the geometry they have in the complex, so the value is the
interaction energy at that geometry; the energy the host would gain by
relaxing alone (its deformation) is not subtracted.  For a noble-gas atom at a
site of a rigid cage that deformation is small; scan the distance
(:func:`superatom_lab.core.sites.place_at_site`) to find the minimum.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> complex_ = Cluster(Atoms("LiF", positions=[(0, 0, 0), (0, 0, 1.6)]))
>>> host, guest = fragments(complex_, guest_atoms=1, guest_charge=0)
>>> host.formula, sorted(host.ghosts), guest.formula, sorted(guest.ghosts)
('Li', [1], 'F', [0])
"""

from __future__ import annotations

import numbers

from superatom_lab.core.cluster import Cluster
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.errors import InputError
from superatom_lab.qc.presets import Method
from superatom_lab.qc.properties import ground_state
from superatom_lab.qc.results import PropertyResult
from superatom_lab.qc.scf import SharedIntegrals

NO_COUNTERPOISE_WARNING = (
    "no counterpoise correction: each fragment borrows the other's basis functions in the "
    "complex, so the binding energy is overestimated (basis-set superposition error)"
)
FROZEN_FRAGMENTS_NOTE = (
    "interaction energy at the complex's geometry: the fragments are not relaxed apart"
)


def fragments(
    cluster: Cluster, *, guest_atoms: int, guest_charge: int, counterpoise: bool = True
) -> tuple[Cluster, Cluster]:
    """Host (all atoms but the last ``guest_atoms``) and guest (the last ones), with charges.

    With ``counterpoise`` each keeps the other's atoms as ghosts; without it
    each is its own atoms only, moved to put their centre at the origin (so a
    guest scanned along a line is one cached state, not one per distance).
    The host's charge is the complex's minus ``guest_charge``.

    Raises
    ------
    InputError
        When the guest is not between one atom and all atoms but one, or the
        charges do not fit the fragments' electron counts.
    """
    if (
        isinstance(guest_atoms, bool)
        or not isinstance(guest_atoms, numbers.Integral)
        or not (1 <= guest_atoms < cluster.n_atoms)
    ):
        raise InputError(
            f"the guest is the last 1 to {cluster.n_atoms - 1} atoms of {cluster.name}, "
            f"got guest_atoms={guest_atoms!r}"
        )
    if isinstance(guest_charge, bool) or not isinstance(guest_charge, numbers.Integral):
        raise InputError(f"the guest's charge is a whole number, got {guest_charge!r}")
    split = cluster.n_atoms - int(guest_atoms)
    host_idx, guest_idx = range(split), range(split, cluster.n_atoms)
    charges = (cluster.charge - int(guest_charge), int(guest_charge))
    pieces = []
    for own, other, charge in (
        (host_idx, guest_idx, charges[0]),
        (guest_idx, host_idx, charges[1]),
    ):
        if counterpoise:
            name = _fragment_name(cluster, own, "in the complex's basis")
            piece = Cluster(cluster.atoms, charge=charge, ghosts=frozenset(other), name=name)
        else:  # centred: the same fragment anywhere in space has one cache key
            atoms = cluster.atoms[list(own)]
            atoms.positions -= atoms.positions.mean(axis=0)
            piece = Cluster(atoms, charge=charge, name=atoms.get_chemical_formula())
        pieces.append(piece)
    return pieces[0], pieces[1]


def _fragment_name(cluster: Cluster, indices, words: str) -> str:
    return f"{cluster.atoms[list(indices)].get_chemical_formula()} ({words})"


def binding_energy(
    cluster: Cluster,
    method: Method,
    *,
    guest_atoms: int = 1,
    guest_charge: int = 0,
    counterpoise: bool = True,
    spin: int | None = None,
    **kwargs,
) -> PropertyResult:
    """Binding energy (eV) of the last ``guest_atoms`` atoms of ``cluster`` to the rest.

    Parameters
    ----------
    cluster : Cluster
        The complex at its total charge, the guest's atoms last (as
        :func:`~superatom_lab.core.sites.place_at_site` puts them).
    method : Method
    guest_atoms : int
        How many atoms, at the end, form the guest (1 for Ar).
    guest_charge : int
        The guest's charge (0 for a neutral atom or molecule).
    counterpoise : bool
        Compute each fragment in the complex's basis (see the module text).
    spin : int, optional
        2S of the complex; searched when omitted.  The fragments' spins are searched.
    **kwargs
        ``store``, ``read_cache``, ``cache_only``, ``progress`` and ``cancel``.

    Returns
    -------
    PropertyResult
        ``property="binding_energy"``, ``kind`` "counterpoise" or "uncorrected",
        ``states`` [complex, host, guest].
    """
    host, guest = fragments(cluster, guest_atoms=guest_atoms, guest_charge=guest_charge,
                            counterpoise=counterpoise)  # fmt: skip
    kwargs.pop("shared", None)  # the fragments' bases differ from the complex's
    whole = cluster.with_charge(cluster.charge, spin=cluster.spin if spin is None else spin)
    states, tried = [], []
    for piece in (whole, host, guest):
        best, candidates = ground_state(piece, method, shared=SharedIntegrals(), **kwargs)
        states.append(best)
        tried += candidates
    complex_, host_state, guest_state = states
    value = (host_state.energy_hartree + guest_state.energy_hartree
             - complex_.energy_hartree) * HARTREE_TO_EV  # fmt: skip
    warnings = [FROZEN_FRAGMENTS_NOTE]
    if not counterpoise:
        warnings.insert(0, NO_COUNTERPOISE_WARNING)
    return PropertyResult(
        property="binding_energy",
        kind="counterpoise" if counterpoise else "uncorrected",
        value_ev=value,
        states=states,
        method=method.summary(),
        candidates=tried,
        warnings=warnings,
    )
