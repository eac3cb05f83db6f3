# Solutions of the checked exercises of notebooks/05_multiply_charged_anions.ipynb.
#
# Each block below replaces the code cell of the notebook tagged with the block's name
# ("answer-q1", ...). tests/notebooks/test_notebooks.py does that to run the notebook with every
# exercise solved; an instructor can paste a block into the cell by hand. The checks themselves
# are the otter test files in notebooks/tests/05/.

# %% answer-q1
# Table 4 lists EA_2 for B12H12 2-, B12(CN)12 2- and M(CN)4 2- (charge -2); Cl, CN, BF4, BCl4
# and B12(CN)11 are closed shells after one electron (charge -1, a dash for EA_2).
q1_dianions = {"B12H12", "B12(CN)12", "Ca(CN)4"}

# %% answer-q2
# four CN groups need one electron each; Ca gives two of them: 4 - 2 = 2 (the dianion's charge)
q2_electrons_short = 4 - 2

# %% answer-q3
q3_ea2_estimate = ea_ladder.coulomb_ea_ev(8.56, 5.88, 2)   # 8.56 - 14.40 / 5.88 = 6.11 eV
q3_bound = q3_ea2_estimate > 0
print(f"estimate EA_2 = {q3_ea2_estimate:.2f} eV (Table 4: 5.28 eV, measured: 5.55 eV)")
