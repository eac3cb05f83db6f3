# Solutions of the checked exercises of notebooks/06_superatoms_in_materials.ipynb.
#
# Each block below replaces the code cell of the notebook tagged with the block's name
# ("answer-q1", ...). tests/notebooks/test_notebooks.py does that to run the notebook with every
# exercise solved; an instructor can paste a block into the cell by hand. The checks themselves
# are the otter test files in notebooks/tests/06/.

# %% answer-q1
# (2.75 + 0.76) / (sqrt(2) x (1.40 + 0.76)) = 3.51 / 3.055 = 1.149: above the window
from superatom_lab.core.perovskites import in_stable_range, tolerance_factor

q1_t_li3o_bf4 = tolerance_factor("BF4-", "O2-", "Li+")
q1_fits = in_stable_range(q1_t_li3o_bf4)

# %% answer-q2
# CN 0.71, Cl 0.84, Br 0.89, I 0.97, BH4 0.98, BF4 1.15
from superatom_lab.core.perovskites import in_stable_range, tolerance_factor

q2_in_window = {x for x in ("CN", "Cl", "Br", "I", "BH4", "BF4")
                if in_stable_range(tolerance_factor(x + "-", "O2-", "Li+"))}

# %% answer-q3
# t = 1: r_A + r_X = sqrt(2) (r_B + r_X), so r_A = sqrt(2) x 2.16 - 0.76 = 2.29 A
q3_max_radius = 2 ** 0.5 * (ion("O2-").radius_angstrom + ion("Li+").radius_angstrom) \
    - ion("Li+").radius_angstrom
