"""The jellium model of a cluster: its metal, its free electrons, the same as counting's."""

from __future__ import annotations

import pytest

from superatom_lab.core import catalogue
from superatom_lab.core.cluster_jellium import (
    jellium_electrons,
    jellium_for,
    jellium_metal,
    jellium_valence,
)
from superatom_lab.core.counting import count_electrons
from superatom_lab.errors import InputError


def test_dopants_give_all_their_valence_electrons():
    assert jellium_electrons(catalogue.build("W@Au12")) == 18  # Au 1 each, W 6
    assert jellium_valence("Si") == 4 and jellium_valence("Cd") == 2


def test_the_count_agrees_with_the_jellium_rule_of_bare_metal_clusters():
    for name, charge in (("Al13", -1), ("Na8", 0), ("Au20", 0)):
        if name not in catalogue.names():
            continue
        cluster = catalogue.build(name, charge=charge)
        (rule,) = count_electrons(cluster, ["jellium"])
        assert jellium_electrons(cluster) == rule.count


def test_only_simple_metal_clusters_have_a_jellium_model():
    assert jellium_metal(catalogue.build("Al13")) == "Al"
    assert jellium_metal(catalogue.build("Cl")) is None  # one atom
    with pytest.raises(InputError, match="B12H12 is not a simple-metal cluster"):
        jellium_for(catalogue.build("B12H12", charge=-2))
    assert jellium_for(catalogue.build("Al13", charge=-1)).n_electrons == 40
