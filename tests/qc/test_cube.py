"""Cube files of H2's frontier orbitals: header, normalisation and inversion symmetry.

H2 at its experimental bond length (0.7414 A, Huber & Herzberg 1979), quick preset.  The HOMO
is the bonding sigma_g combination of the two 1s functions, symmetric under inversion through
the bond centre; the LUMO is the antibonding sigma_u, antisymmetric.  A normalised orbital
integrates |psi|^2 to 1 over all space.
"""

from __future__ import annotations

import numpy as np
import pytest
from ase import Atoms
from ase.io.cube import read_cube

from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import InputError
from superatom_lab.qc.cube import orbital_cube
from superatom_lab.qc.presets import get_method

pytestmark = pytest.mark.pyscf

BOHR = 0.52917721092  # Angstrom
H2 = Cluster(Atoms("H2", positions=[(0, 0, 0), (0, 0, 0.7414)]), name="H2")
#: 0.1 A = 0.19 bohr: fine enough to sum the tightest s primitive of H in def2-SVPD
#: (exponent 13.0 bohr^-2, |psi|^2 exponent 26) with an error far below 1e-3
RESOLUTION = 0.1


@pytest.fixture(scope="module")
def cubes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("h2-cubes")
    out = {}
    for which in ("homo", "lumo"):
        path = orbital_cube(H2, get_method("quick"), folder / f"{which}.cube", charge=0, spin=0,
                            which=which, resolution_angstrom=RESOLUTION)  # fmt: skip
        with open(path) as handle:
            out[which] = read_cube(handle)
    return out


def test_header_has_the_two_atoms_at_their_positions(cubes):
    atoms = cubes["homo"]["atoms"]
    assert atoms.get_chemical_symbols() == ["H", "H"]
    assert atoms.positions == pytest.approx(H2.positions_angstrom, abs=1e-5)
    spacing = np.asarray(cubes["homo"]["spacing"])
    assert np.allclose(spacing, np.diag(np.diag(spacing)))  # axes along x, y, z
    # n = ceil(extent / resolution) points span the box, so the step is at most n / (n - 1)
    # times the resolution: 2 % for the 70 or more points of a 2 x 4 A margin
    assert np.diag(spacing) == pytest.approx([RESOLUTION] * 3, rel=0.02)


@pytest.mark.parametrize("which", ["homo", "lumo"])
def test_the_orbital_is_normalised_on_the_grid(cubes, which):
    cube = cubes[which]
    voxel_bohr3 = abs(np.linalg.det(np.asarray(cube["spacing"]))) / BOHR**3
    norm = float((np.asarray(cube["data"]) ** 2).sum() * voxel_bohr3)
    # the 4 A margin leaves out less than 1e-6 of a bound sigma orbital, and the grid sum of
    # Gaussians at 0.19 bohr spacing errs by about exp(-pi^2 / (26 h^2)) ~ 2e-5 for the
    # tightest one (Poisson summation), less for the rest
    assert norm == pytest.approx(1.0, abs=1e-4)


def test_homo_is_gerade_and_lumo_ungerade(cubes):
    homo, lumo = np.asarray(cubes["homo"]["data"]), np.asarray(cubes["lumo"]["data"])
    # the grid is centred on the bond midpoint, so inversion reverses every axis
    origin = np.asarray(cubes["homo"]["origin"])
    far_corner = origin + (np.array(homo.shape) - 1) * np.diag(cubes["homo"]["spacing"])
    assert (origin + far_corner) / 2 == pytest.approx(H2.center_angstrom, abs=1e-5)
    scale = np.abs(homo).max()
    assert np.abs(homo[::-1, ::-1, ::-1] - homo).max() < 1e-6 * scale
    assert np.abs(lumo[::-1, ::-1, ::-1] + lumo).max() < 1e-6 * np.abs(lumo).max()
    # sigma_g has no node (one sign everywhere it is not negligible); sigma_u changes sign
    big = np.abs(homo) > 1e-3 * scale
    assert len(np.unique(np.sign(homo[big]))) == 1
    assert lumo.max() > 0.1 * np.abs(lumo).max() and lumo.min() < -0.1 * np.abs(lumo).max()


def test_an_orbital_out_of_range_is_refused(tmp_path):
    with pytest.raises(InputError, match="out of range"):
        orbital_cube(H2, get_method("quick"), tmp_path / "x.cube", charge=0, spin=0,
                     which="homo-1")  # fmt: skip
