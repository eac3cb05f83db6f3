"""Superatomic orbital analysis: l-decomposition, skeleton atoms, core detection, one real run.

The l-decomposition is checked on functions whose angular content is known exactly: a
Gaussian s, p or d function centred on the expansion centre is pure l = 0, 1 or 2, and an s
Gaussian displaced by R has the partial waves of the plane-wave-like expansion
``exp(2aRr cos t) = sum_l (2l + 1) i_l(2aRr) P_l(cos t)`` (Abramowitz & Stegun 10.2.36), so
its weight in l is proportional to ``int r^2 exp(-2a r^2) (2l + 1) i_l(2aRr)^2 dr``.
"""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms
from ase.build import molecule
from ase.cluster import Icosahedron
from scipy.integrate import quad
from scipy.special import erf, spherical_in

from superatom_lab.core.cluster import Cluster
from superatom_lab.qc.orbitals import (
    analyse_orbitals,
    angular_decomposition,
    core_threshold_ev,
    skeleton_atoms,
)
from superatom_lab.qc.presets import get_method

BOHR = 0.52917721092  # Angstrom
ALPHA = 0.5  # bohr^-2, exponent of the test Gaussians
R_MAX = 6.0  # Angstrom: exp(-2 ALPHA r^2) is below 1e-50 there


def gaussian_mole(at_bohr: float = 0.0):
    """One H centre at z = ``at_bohr`` carrying one s, one p and one d Gaussian."""
    from pyscf import gto

    basis = {"H": [[0, [ALPHA, 1.0]], [1, [ALPHA, 1.0]], [2, [ALPHA, 1.0]]]}
    return gto.M(atom=[["H", (0.0, 0.0, at_bohr)]], unit="Bohr", basis=basis, spin=1)


def decompose(mol, coeff, inside_angstrom: float = 1.0):
    return angular_decomposition(
        mol, coeff, np.zeros(3), r_max_angstrom=R_MAX, inside_angstrom=inside_angstrom
    )


def test_centred_s_p_and_d_functions_are_pure_l():
    mol = gaussian_mole()
    labels = [label.split()[-1] for label in mol.ao_labels()]  # 1s, 2px, 2py, 2pz, 3dxy ...
    assert len(labels) == 1 + 3 + 5
    weights, _ = decompose(mol, np.eye(len(labels)))
    expected_l = [0, 1, 1, 1, 2, 2, 2, 2, 2]
    for k, l in enumerate(expected_l):
        want = np.zeros(7)
        want[l] = 1.0
        assert weights[k] == pytest.approx(want, abs=1e-6), labels[k]


def test_inside_fraction_of_an_s_gaussian():
    mol = gaussian_mole()
    # 2 bohr is an edge of the default 0.1-bohr radial shells, so only the midpoint rule's
    # error (well below 1e-3 here) is left, not a part-shell at the sphere's surface
    r_in = 2.0
    b = 2 * ALPHA  # |psi|^2 ~ exp(-b r^2), and int_0^R r^2 exp(-b r^2) dr in closed form:
    whole = np.sqrt(np.pi) / (4 * b**1.5)
    part = whole * erf(np.sqrt(b) * r_in) - r_in * np.exp(-b * r_in**2) / (2 * b)
    _, inside = decompose(mol, np.eye(9)[:, :1], inside_angstrom=r_in * BOHR)
    assert inside[0] == pytest.approx(part / whole, abs=1e-3)


def test_a_displaced_s_gaussian_has_its_partial_wave_weights():
    shift = 1.0  # bohr
    mol = gaussian_mole(at_bohr=shift)
    weights, _ = decompose(mol, np.eye(9)[:, :1])

    def partial_wave(r, l):
        y = 2 * ALPHA * shift * r
        return r**2 * np.exp(-2 * ALPHA * r**2) * (2 * l + 1) * spherical_in(l, y) ** 2

    # the total: sum_l (2l + 1) i_l(y)^2 = sinh(2y) / (2y), with y = 2 ALPHA shift r
    def summed(r):
        y = 2 * ALPHA * shift * r
        return r**2 * np.exp(-2 * ALPHA * r**2) * np.sinh(2 * y) / (2 * y)

    total = quad(summed, 0, R_MAX / BOHR)[0]  # the code's norm is within r_max too
    expected = np.array([quad(partial_wave, 0, R_MAX / BOHR, args=(l,))[0] for l in range(7)])
    expected /= total
    assert expected[0] > 0.5 and expected[1] > 0.1  # a real mixture, mostly S, some P
    assert weights[0] == pytest.approx(expected, abs=2e-3)


def test_skeleton_atoms():
    al13 = Cluster(Icosahedron("Al", noshells=2, latticeconstant=4.05))
    assert skeleton_atoms(al13).all()  # every Al has 6 or 12 neighbours
    benzene = molecule("C6H6")
    is_c = np.array(benzene.get_chemical_symbols()) == "C"
    assert (skeleton_atoms(Cluster(benzene)) == is_c).all()  # C: 2 C + 1 H; H: 1 C
    methane = molecule("CH4")
    assert skeleton_atoms(Cluster(methane)).tolist() == [True, False, False, False, False]
    # no atom with three neighbours (acetylene, H-C-C-H) or fewer than 4 atoms: all skeleton
    assert skeleton_atoms(Cluster(molecule("C2H2"))).all()
    assert skeleton_atoms(Cluster(molecule("H2O"))).all()


def cores(levels, homo):
    threshold = core_threshold_ev(levels, homo)
    return [e for e in levels if e < threshold]


def test_core_levels_lie_below_the_first_wide_gap_under_the_homo():
    # Na8-like: Na 2s near -60 eV, 2p near -25 eV, valence band -4.5 to -3 eV
    na8 = [-60.0] * 8 + [-25.0] * 24 + [-4.5, -3.2, -3.2, -3.2]
    assert cores(na8, -3.2) == [-60.0] * 8 + [-25.0] * 24
    # a gap of 5 eV is no core gap: nothing is core within 30 eV of the HOMO
    assert cores([-12.0, -7.0, -5.0], -5.0) == []
    # ligand levels spread every 8 eV down to -45 eV: only those deeper than 30 eV are cores
    spread = [-45.0, -37.0, -29.0, -21.0, -13.0, -5.0]
    assert cores(spread, -5.0) == [-45.0, -37.0]


@pytest.mark.pyscf
def test_li2_cores_and_its_sigma_bond():
    """Li2 (r_e 2.673 A, Huber & Herzberg 1979), quick preset: 1s cores, 2s sigma_g as 1S."""
    li2 = Cluster(Atoms("Li2", positions=[(0, 0, 0), (0, 0, 2.673)]), name="Li2")
    table = analyse_orbitals(li2, get_method("quick"), charge=0, spin=0, n_virtual=4)
    occupied = table.occupied()
    # Li 1s lies about 50 eV below the 2s bond: the two 1s combinations are cores
    assert [o.label for o in occupied] == ["core", "core", "1S"]
    sigma = occupied[-1]
    assert sigma is table.homo and sigma.dominant_l == 0
    assert occupied[1].energy_ev < sigma.energy_ev - 30
    # Li2 has a centre of inversion: every orbital is gerade (even l only) or ungerade (odd l)
    for orbital in table.orbitals:
        w = np.array(orbital.l_weights)
        even, odd = w[0::2].sum(), w[1::2].sum()
        assert min(even, odd) < 1e-6 * max(even, odd), orbital
    assert sum(sigma.l_weights[1::2]) < 1e-6  # sigma_g
