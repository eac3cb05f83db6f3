"""A system too large for a preset is refused with its count, the limit and a preset that fits.

A refusal never suggests the preset that refused it; when no preset can take
the system it says so.
"""

from __future__ import annotations

import pytest
from ase import Atoms

from superatom_lab.core.catalogue import build
from superatom_lab.core.cluster import Cluster
from superatom_lab.errors import SystemTooLargeError
from superatom_lab.qc.molecule import check_size, count_basis_functions, presets_that_fit
from superatom_lab.qc.presets import PRESETS, get_method

pytestmark = pytest.mark.pyscf


def carbon_atom_functions(preset: str) -> int:
    return count_basis_functions(Cluster(Atoms("C")), get_method(preset))


@pytest.mark.parametrize("preset", ["quick", "standard"])
def test_c60_is_refused_with_its_count_and_no_preset_to_try(preset):
    method = get_method(preset)
    with pytest.raises(SystemTooLargeError) as refused:
        check_size(build("C60"), method)
    message = str(refused.value)
    # basis functions sit on atoms: sixty carbon atoms carry sixty times one atom's
    assert f"needs {60 * carbon_atom_functions(preset)} basis functions" in message
    assert f"allows ({method.max_basis_functions})" in message
    largest = max(p.max_basis_functions for p in PRESETS.values())
    assert f"no preset can take it (the largest limit is {largest}" in message
    assert "use preset" not in message


def test_b12cn12_at_standard_is_sent_to_quick_never_back_to_standard():
    # B, C and N get def2-SVPD in both presets; quick's limit is twice standard's
    with pytest.raises(SystemTooLargeError) as refused:
        check_size(build("B12(CN)12"), get_method("standard"))
    message = str(refused.value)
    n = count_basis_functions(build("B12(CN)12"), get_method("standard"))
    assert PRESETS["standard"].max_basis_functions < n <= PRESETS["quick"].max_basis_functions
    assert f"use preset 'quick' ({n} of its {PRESETS['quick'].max_basis_functions})" in message
    assert "use preset 'standard'" not in message and "or preset 'standard'" not in message


def test_a_modified_preset_is_never_suggested_by_its_own_name():
    oh = Cluster(Atoms("OH", positions=[(0, 0, 0), (0, 0, 0.97)]), name="OH")
    with pytest.raises(SystemTooLargeError) as refused:
        check_size(oh, get_method("quick", max_basis_functions=10))
    message = str(refused.value)
    assert "use preset 'standard'" in message and "preset 'accurate'" in message
    assert "preset 'quick' (" not in message


def test_a_cluster_that_fits_is_counted_not_refused():
    al13 = build("Al13")
    single = count_basis_functions(Cluster(Atoms("Al")), get_method("quick"))
    assert check_size(al13, get_method("quick")) == 13 * single
    assert ("quick", 13 * single) in presets_that_fit(al13)
