# Solutions of the checked exercises of notebooks/07_superatoms_in_reactions.ipynb.
#
# Each block below replaces the code cell of the notebook tagged with the block's name
# ("answer-q1", ...). tests/notebooks/test_notebooks.py does that to run the notebook with every
# exercise solved; an instructor can paste a block into the cell by hand. The checks themselves
# are the otter test files in notebooks/tests/07/.

# %% answer-q1
# Ti 3d2 4s2 (4) + O 2s2 2p4 (6) = 10, like Ni (3d8 4s2): group 10, period 4
q1_tio_electrons = 4 + 6
q1_tio_mimics = "Ni"

# %% answer-q2
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.qc.manifest import entry_for
from superatom_lab.store import ResultStore

scan = entry_for("site_binding_scan").request().cached(ResultStore())
whole, host, guest = scan.corrected.states
q2_be_ev = (host.energy_hartree + guest.energy_hartree - whole.energy_hartree) * HARTREE_TO_EV

# %% answer-q3
best = scan.distances_angstrom.index(scan.best_distance_angstrom)
q3_bsse_ev = scan.uncorrected[best].value_ev - scan.value_ev
