"""Superatomic orbital analysis: angular-momentum decomposition about the cluster centre.

Each orbital is evaluated on spheres of Lebedev points over radial shells
around the centre and projected onto spherical harmonics up to l = 6.  The
weight of each l, the fraction inside the cluster's sphere and the dominant
l give a shell label (1S, 1P, 1D, 2S, 1F, 2P, ...) in order of energy.

Atomic cores are the occupied orbitals below the first gap wider than
``CORE_GAP_EV`` met walking down from the HOMO (Na 2p lies 23 eV below the
valence band of Na8), and any orbital more than ``CORE_WINDOW_EV`` below the HOMO.
Orbitals with most of their population on ligand atoms (atoms outside the
cluster's skeleton, see :func:`skeleton_atoms`) are ligand orbitals.  Both
are labelled so rather than forced into a shell.

Examples
--------
>>> from superatom_lab.core.catalogue import build
>>> from superatom_lab.qc.presets import get_method
>>> table = analyse_orbitals(build("Na8"), get_method("quick"), charge=0, spin=0)
>>> [o.label for o in table.highest_occupied(4)]
['1S', '1P', '1P', '1P']
"""

from __future__ import annotations

import numpy as np
from ase.data import covalent_radii
from ase.neighborlist import natural_cutoffs, neighbor_list

from superatom_lab.core.bonding import SKELETON_BOND_SCALE
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.units import ANGSTROM_TO_BOHR, HARTREE_TO_EV
from superatom_lab.qc.molecule import build_mole
from superatom_lab.qc.orbital_table import (
    CORE,
    DEFAULT_N_VIRTUAL,
    LIGAND,
    OrbitalInfo,
    OrbitalTable,
    analysed_state,
    assign_shell_labels,
)
from superatom_lab.qc.presets import Method
from superatom_lab.qc.runner import compute_state

L_MAX = 6
CORE_WINDOW_EV = 30.0
CORE_GAP_EV = 10.0
SKELETON_MIN_NEIGHBOURS = 3


def skeleton_atoms(cluster: Cluster) -> np.ndarray:
    """Boolean mask of skeleton atoms: those with at least three bonded neighbours.

    Terminal and bridging ligand atoms (H, F, the C and N of CN) have fewer.
    When no atom has three neighbours (small molecules), every atom counts as
    skeleton, so nothing is called a ligand.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> skeleton_atoms(build("BF4")).tolist()
    [True, False, False, False, False]
    """
    atoms = cluster.atoms
    if len(atoms) < 4:
        return np.ones(len(atoms), dtype=bool)
    i = neighbor_list("i", atoms, natural_cutoffs(atoms, mult=SKELETON_BOND_SCALE))
    counts = np.bincount(i, minlength=len(atoms))
    mask = counts >= SKELETON_MIN_NEIGHBOURS
    return mask if mask.any() else np.ones(len(atoms), dtype=bool)


def core_threshold_ev(occupied_ev: list[float], homo_ev: float) -> float:
    """Energy below which occupied orbitals count as atomic cores.

    Walking down from the HOMO, the first gap wider than ``CORE_GAP_EV``
    between occupied levels separates valence from core; without such a gap,
    ``CORE_WINDOW_EV`` below the HOMO.

    Examples
    --------
    >>> core_threshold_ev([-60.0, -28.0, -28.0, -4.0, -3.0], -3.0)
    -27.999
    """
    levels = sorted(occupied_ev, reverse=True)
    for upper, lower in zip(levels, levels[1:]):
        if upper - lower > CORE_GAP_EV:
            return lower + 1e-3
        if homo_ev - lower > CORE_WINDOW_EV:
            break
    return homo_ev - CORE_WINDOW_EV


def sphere_radius_angstrom(cluster: Cluster) -> float:
    """Cluster sphere radius: half the longest distance plus the largest covalent radius."""
    radius = max(covalent_radii[z] for z in cluster.atoms.get_atomic_numbers())
    return cluster.radius_angstrom + float(radius)


def _harmonics(directions: np.ndarray) -> list[np.ndarray]:
    """Complex spherical harmonics Y_lm on unit vectors, one (2l+1, n) array per l."""
    from scipy.special import sph_harm_y

    theta = np.arccos(np.clip(directions[:, 2], -1.0, 1.0))
    phi = np.arctan2(directions[:, 1], directions[:, 0])
    return [
        np.array([sph_harm_y(l, m, theta, phi) for m in range(-l, l + 1)]) for l in range(L_MAX + 1)
    ]


def angular_decomposition(
    mol,
    mo_coeff: np.ndarray,
    center_angstrom: np.ndarray,
    *,
    r_max_angstrom: float,
    inside_angstrom: float,
    dr_bohr: float = 0.1,
    n_angular: int = 302,
) -> tuple[np.ndarray, np.ndarray]:
    """l-weights (n_orb, L_MAX+1) and inside fractions (n_orb,) of orbitals ``mo_coeff``.

    Weights are fractions of each orbital's norm within ``r_max_angstrom``;
    the part beyond l = 6 is what is missing from their sum.
    """
    from pyscf.dft import LebedevGrid

    grid = LebedevGrid.MakeAngularGrid(n_angular)
    directions, w_ang = grid[:, :3], grid[:, 3] * 4 * np.pi  # weights sum to 4 pi
    harmonics = [np.conj(y) * w_ang for y in _harmonics(directions)]
    center = np.asarray(center_angstrom) * ANGSTROM_TO_BOHR
    radii = np.arange(dr_bohr / 2, r_max_angstrom * ANGSTROM_TO_BOHR, dr_bohr)
    n_orb = mo_coeff.shape[1]
    weights = np.zeros((n_orb, L_MAX + 1))
    norm = np.zeros(n_orb)
    inside = np.zeros(n_orb)
    r_in = inside_angstrom * ANGSTROM_TO_BOHR
    for chunk in np.array_split(radii, max(1, len(radii) // 20)):
        coords = (center + chunk[:, None, None] * directions[None]).reshape(-1, 3)
        values = (mol.eval_gto("GTOval_sph", coords) @ mo_coeff).reshape(len(chunk), -1, n_orb)
        shell = chunk**2 * dr_bohr  # r^2 dr
        density = np.einsum("k,rko->ro", w_ang, values**2) * shell[:, None]
        norm += density.sum(axis=0)
        inside += density[chunk < r_in].sum(axis=0)
        for l, y in enumerate(harmonics):
            c = np.einsum("mk,rko->rmo", y, values)
            weights[:, l] += np.einsum("rmo,r->o", np.abs(c) ** 2, shell)
    return weights / norm[:, None], inside / norm


def atom_populations(mol, mo_coeff: np.ndarray) -> np.ndarray:
    """Mulliken population of each orbital on each atom, shape ``(n_atoms, n_orb)``."""
    s = mol.intor_symmetric("int1e_ovlp")
    pop = mo_coeff * (s @ mo_coeff)  # (nao, n_orb), columns sum to 1
    ao_atom = np.array([label[0] for label in mol.ao_labels(fmt=False)])
    out = np.zeros((mol.natm, mo_coeff.shape[1]))
    np.add.at(out, ao_atom, pop)
    return out


def analyse_orbitals(
    cluster: Cluster,
    method: Method,
    *,
    charge: int | None = None,
    spin: int | None = None,
    n_virtual: int = DEFAULT_N_VIRTUAL,
    store="default",
    read_cache: bool = True,
    progress=None,
    cancel=None,
) -> OrbitalTable:
    """Orbital table of ``cluster`` with l-weights and superatomic labels.

    Parameters
    ----------
    cluster : Cluster
    method : Method
    charge, spin : int, optional
        The state; the cluster's own charge, and its default spin, when omitted.
    n_virtual : int
        Unoccupied orbitals analysed per spin channel, above the highest occupied.
    store, read_cache, progress, cancel
        As for :func:`superatom_lab.qc.runner.compute_state`.
    """
    charge, spin = analysed_state(cluster, charge, spin)
    state = compute_state(
        cluster, method, charge=charge, spin=spin, store=store, read_cache=read_cache,
        need_orbitals=True, progress=progress, cancel=cancel,
    )  # fmt: skip
    mol = build_mole(cluster, method, charge=charge, spin=spin)
    coeff, energy, occ = (state.arrays[k] for k in ("mo_coeff", "mo_energy", "mo_occ"))
    if coeff.ndim == 2:  # restricted: one channel
        coeff, energy, occ = coeff[None], energy[None], occ[None]
    homo_all = max(float(e[o > 0].max()) for e, o in zip(energy, occ) if (o > 0).any())
    ligands = ~skeleton_atoms(cluster)
    r_in = sphere_radius_angstrom(cluster)
    rows = []
    for channel, name in enumerate(("alpha", "beta")[: len(coeff)]):
        n_occ = int((occ[channel] > 0).sum())
        picked = np.arange(min(len(energy[channel]), n_occ + n_virtual))
        c = coeff[channel][:, picked]
        weights, inside = angular_decomposition(
            mol, c, cluster.center_angstrom, r_max_angstrom=r_in + 4.0, inside_angstrom=r_in
        )
        populations = atom_populations(mol, c)
        on_ligands = populations[ligands].sum(axis=0)
        energies = (energy[channel][picked] * HARTREE_TO_EV).tolist()
        top = core_threshold_ev(energies[:n_occ], homo_all * HARTREE_TO_EV)
        kinds = [
            CORE if e < top else LIGAND if lig > 0.5 else ""
            for e, lig in zip(energies, on_ligands)
        ]  # fmt: skip
        labels = assign_shell_labels(energies, weights.tolist(), kinds)
        rows += [
            OrbitalInfo(int(i), name, energies[k], float(occ[channel][i]), labels[k],
                        tuple(float(x) for x in weights[k]), float(inside[k]))
            for k, i in enumerate(picked)
        ]  # fmt: skip
    occupied = [k for k, o in enumerate(rows) if o.occupation > 0]
    virtual = [k for k, o in enumerate(rows) if o.occupation == 0]
    homo = max(occupied, key=lambda k: rows[k].energy_ev)
    lumo = min(virtual, key=lambda k: rows[k].energy_ev) if virtual else None
    return OrbitalTable(
        formula=cluster.formula, charge=charge, spin=spin, method=method.summary(),
        orbitals=tuple(rows), homo_index=homo, lumo_index=lumo,
        sphere_radius_angstrom=r_in,
    )  # fmt: skip
