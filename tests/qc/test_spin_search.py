"""The ground-state spin search: which multiplicities are tried, and the one found."""

from __future__ import annotations

import pytest

from superatom_lab.core.catalogue import build
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.properties import ground_state, higher_spins_pruned, spin_flip_gap_ev

pytestmark = pytest.mark.pyscf


def test_closed_shell_superhalogen_anion_skips_its_triplet():
    """NaBr2-: a spin-flip gap of about 4 eV; its triplet lies 4.3 eV higher (PBE)."""
    best, tried = ground_state(build("NaBr2", charge=-1), get_method("quick"), store=None)
    assert [s.spin for s in tried] == [0]
    assert spin_flip_gap_ev(best) > 3.0
    assert higher_spins_pruned(build("NaBr2", charge=-1), best)


def test_oxygen_molecule_still_finds_its_triplet():
    """O2's closed-shell singlet has a small (even negative) gap: the triplet is tried and wins."""
    best, tried = ground_state(build("O2"), get_method("quick"), store=None)
    assert [s.spin for s in tried] == [0, 2]
    assert best.spin == 2
