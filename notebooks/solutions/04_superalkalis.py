# Solutions of the checked exercises of notebooks/04_superalkalis.ipynb.
#
# Each block below replaces the code cell of the notebook tagged with the block's name
# ("answer-q1", ...). tests/notebooks/test_notebooks.py does that to run the notebook with every
# exercise solved; an instructor can paste a block into the cell by hand. The checks themselves
# are the otter test files in notebooks/tests/04/.

# %% answer-q1
# M(k+1)X: one alkali atom more than the valence k of X (O: 2, F and Cl: 1, N: 3).
# LiF2 is a superhalogen, BF4 too, and Al13 a halogen-like metal cluster.
q1_superalkalis = {"Li3O", "Li2F", "Na3O", "Li4N", "Na2Cl"}

# %% answer-q2
# 3 x 1 (Li) + 6 (O) = 9 for the neutral; the cation has lost one: the octet of O.
q2_li3o_cation_valence = 3 * 1 + 6 - 1

# %% answer-q3
q3_result = Request.make("ionization_energy", na3o, quick).run()
q3_ie_na3o = q3_result.value_ev
q3_below_cs = q3_ie_na3o < reference.experimental_ie("Cs").value_ev
print(f"IE(Na3O) = {q3_ie_na3o:.2f} eV ({quick.label()}), below Cs: {q3_below_cs}")
