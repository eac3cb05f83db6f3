"""Every shipped ladder of successive EAs has the sign pattern of the review's Table 4.

Table 4 of Fang, Sun and Jena, "Cluster-based materials: design and applications" (Chem. Soc.
Rev., 2025) lists computed EA_n of stable gas-phase anions, all positive, and a dash where the
next electron is not bound (``core.ea_ladder.table4_pattern``). A shipped ladder
(``data/shipped/manifest.json``, task ``successive_electron_affinities``) of a Table 4 species,
started from the neutral, must bind the same electrons. Notebook 05 shows these ladders.
"""

from __future__ import annotations

import pytest

from superatom_lab.core.ea_ladder import sign_pattern, table4_pattern
from superatom_lab.qc.manifest import load_manifest
from superatom_lab.store.shipped import ShippedRecords

LADDERS = [
    entry
    for entry in load_manifest()
    if entry.task == "successive_electron_affinities" and table4_pattern(entry.species, 1)
]


@pytest.mark.parametrize("entry", LADDERS, ids=lambda e: e.name)
def test_a_shipped_ladder_binds_the_electrons_table4_binds(entry):
    assert entry.charge == 0, "Table 4's EA_1 starts from the neutral"
    steps = entry.request().cached(ShippedRecords())
    assert steps is not None, f"{entry.name} is in the manifest but not shipped"
    values = [step.value_ev for step in steps]
    assert len(values) == entry.options["n"]
    assert sign_pattern(values) == table4_pattern(entry.species, entry.options["n"]), values
