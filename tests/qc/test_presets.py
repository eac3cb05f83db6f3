"""Presets load the right basis and ECP for every element they claim to cover."""

from __future__ import annotations

import pytest
from ase import Atoms

from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import InputError
from superatom_lab.qc.molecule import build_mole, count_basis_functions, ecp_for
from superatom_lab.qc.presets import PRESETS, get_method

pytestmark = pytest.mark.pyscf


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_heavy_elements_get_their_ecp(preset):
    method = get_method(preset)
    cluster = Cluster(Atoms("AuI", positions=[(0, 0, 0), (0, 0, 2.5)]))
    assert set(ecp_for(cluster, method)) == {"Au", "I"}
    mol = build_mole(cluster, method, charge=0, spin=0)
    # def2 ECPs replace 60 core electrons of Au and 28 of I
    assert mol.nelectron == 79 + 53 - 60 - 28


def test_light_elements_have_no_ecp():
    cluster = Cluster(Atoms("Cl"))
    assert ecp_for(cluster, get_method()) == {}
    assert build_mole(cluster, get_method(), charge=0, spin=1).nelectron == 17


def test_quick_puts_an_ecp_basis_on_metals_only():
    alo = Cluster(Atoms("AlO", positions=[(0, 0, 0), (0, 0, 1.62)]))
    quick = get_method("quick")
    assert ecp_for(alo, quick) == {"Al": "lanl2dz"}
    mol = build_mole(alo, quick, charge=0, spin=1)
    assert mol.nelectron == 3 + 8  # Al keeps 3 valence electrons, O all 8
    assert count_basis_functions(alo, quick) < count_basis_functions(alo, get_method("standard"))


def test_unknown_preset_is_an_input_error():
    with pytest.raises(InputError, match="unknown preset 'fast'"):
        get_method("fast")


def test_accurate_relaxes_geometries_with_standard_but_keys_ignore_it():
    accurate = get_method("accurate")
    assert accurate.geometry_method() == get_method("standard")
    assert get_method("quick").geometry_method() is get_method("large")  # wB97X//PBE
    assert get_method("standard").geometry_method() is get_method("standard")
    assert "geometry_preset" not in accurate.key_fields()  # energies at a geometry only
    assert accurate.summary()["geometry_preset"] == "standard"
