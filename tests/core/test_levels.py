"""Orbital levels: degenerate groups, the frontier and the valence window."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from superatom_lab.core.levels import (
    Level,
    channel,
    energy_window,
    frontier,
    group_by_energy,
    level_groups,
)
from superatom_lab.errors import InputError


def orbital(energy, occupation, label="1P", spin="alpha"):
    return SimpleNamespace(energy_ev=energy, occupation=occupation, label=label, spin=spin)


def test_groups_are_measured_from_their_lowest_member():
    # -3.00, -2.96, -2.92: the third is 0.08 eV above the first, so it starts a new group
    assert group_by_energy([-3.0, -2.96, -2.92]) == [[0, 1], [2]]


def test_semicore_shells_are_left_out_of_the_window():
    orbs = [orbital(e, 2) for e in (-40.0, -6.0, -5.0)] + [orbital(-60.0, 2, label="core")]
    assert energy_window(orbs, None) == pytest.approx((-6.4, -4.6))


def test_homo_and_lumo_tag_their_levels():
    orbs = [orbital(-5.0, 2, "1S"), orbital(-3.0, 1, "1P"), orbital(-3.01, 0, "1P"),
            orbital(-1.0, 0, "1D")]  # fmt: skip
    table = SimpleNamespace(orbitals=orbs, formula="X")
    homo, lumo = frontier(channel(table, "alpha"))
    assert (homo.energy_ev, lumo.energy_ev) == (-3.0, -3.01)
    levels = level_groups(table)
    assert [lv.tag for lv in levels] == ["", "HOMO", ""]  # the LUMO shares the HOMO's level
    assert levels[1].label == "1P ×2" and levels[1].occupied
    assert levels[1].energy_ev == pytest.approx(-3.005)


def test_a_level_of_empty_orbitals_is_not_occupied():
    assert not Level((orbital(-1.0, 0.0),)).occupied


def test_channel_rejects_a_bad_spin():
    with pytest.raises(InputError, match="alpha"):
        channel(SimpleNamespace(orbitals=[], formula="X"), "up")
