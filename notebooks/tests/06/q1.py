"""Exercise q1 of notebook 06: the tolerance factor of Li3O(BF4), and whether it fits."""

import math

from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

#: t = (r_A + r_X) / (sqrt 2 (r_B + r_X)) with BF4- 2.75 A (Table 4), O2- 1.40 A and Li+ 0.76 A
#: (Shannon): 3.51 / 3.055 = 1.149.
EXPECTED = (2.75 + 0.76) / (math.sqrt(2) * (1.40 + 0.76))
LI3OCL = (1.81 + 0.76) / (math.sqrt(2) * (1.40 + 0.76))
TOLERANCE = 0.01


@test_case(
    points=1,
    failure_message="t = (r_A + r_X) / (sqrt(2) (r_B + r_X)) with r_A = 2.75, r_B = 1.40 and "
    "r_X = 0.76 A (tolerance_factor('BF4-', 'O2-', 'Li+')).",
)
def test_q1_factor(q1_t_li3o_bf4):
    answer = q1_t_li3o_bf4
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q1_t_li3o_bf4 by a number"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q1_t_li3o_bf4 should be a number"
    )
    assert abs(answer - LI3OCL) > TOLERANCE, "0.84 is the factor of Li3OCl: put BF4- on the A site"
    assert abs(answer - EXPECTED) <= TOLERANCE, (
        f"{answer:.3f} is not the factor (the sqrt(2) in the denominator, or A and B swapped?)"
    )


@test_case(points=1, failure_message="The window is 0.8 <= t <= 1.0.")
def test_q1_fits(q1_fits):
    assert q1_fits is not ... and q1_fits is not None, (
        "not answered yet: replace the ... in q1_fits by True or False"
    )
    assert isinstance(q1_fits, bool), "q1_fits should be True or False"
    assert q1_fits == (0.8 <= EXPECTED <= 1.0), "is the factor inside 0.8-1.0 or above it?"
