"""Exercise q3 of notebook 06: the largest A-site anion of Li3O-A with t <= 1."""

import math

from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1

#: t = 1 gives r_A = sqrt(2) (r_B + r_X) - r_X = sqrt(2) x 2.16 - 0.76 = 2.295 A
EXPECTED = math.sqrt(2) * (1.40 + 0.76) - 0.76
TOLERANCE = 0.01


@test_case(
    points=1,
    failure_message="Set t = 1 and solve for r_A: r_A = sqrt(2) (r_B + r_X) - r_X, with "
    "r_B = 1.40 A (O2-) and r_X = 0.76 A (Li+).",
)
def test_q3(q3_max_radius):
    answer = q3_max_radius
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q3_max_radius by a radius in Angstrom"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q3_max_radius should be a number of Angstrom"
    )
    assert abs(answer - math.sqrt(2) * (1.40 + 0.76)) > TOLERANCE, (
        "sqrt(2) (r_B + r_X) is r_A + r_X: subtract r_X to get r_A"
    )
    assert abs(answer - EXPECTED) <= TOLERANCE, f"{answer:.2f} A is not the radius where t = 1"
