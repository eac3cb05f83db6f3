# Solutions of the checked exercises of notebooks/03_superhalogens.ipynb.
#
# Each block below replaces the code cell of the notebook tagged with the block's name
# ("answer-q1", ...). tests/notebooks/test_notebooks.py does that to run the notebook with every
# exercise solved; an instructor can paste a block into the cell by hand. The checks themselves
# are the otter test files in notebooks/tests/03/.

# %% answer-q1
# BO2- (4.42 eV) and LiF2- (5.57 eV) lie above Cl- (3.78 eV) at the standard preset; Br and I
# bind an electron less strongly than Cl (measured EAs 3.36 and 3.06 eV against 3.61 eV).
q1_above_chlorine = {"BO2", "LiF2"}

# %% answer-q2
# Al has valence k = 3; a superhalogen has k + 1 ligands: AlF4.
q2_n_fluorine = 3 + 1

# %% answer-q3
q3_vde_lif2 = results["LiF2"].value_ev
print(f"VDE(LiF2-) = {q3_vde_lif2:.2f} eV ({standard.label()})")

# %% answer-q4
# The HOMO of the tetrahedral BF4- is a threefold degenerate level (t1, fluorine lone pairs):
# 3 orbitals x 2 electrons. The first band of bands() says the same.
q4_first_band_electrons = round(bands(anion_sticks("BF4"))[0].electrons)
print(f"first band of BF4-: {q4_first_band_electrons} electrons")
