"""Exercise q2 of notebook 06: which A-site anions give Li3O-A a tolerance factor in 0.8-1.0."""

import math

from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1

#: radii (A) of Table 4 for the A-site anions; O2- 1.40 and Li+ 0.76 (Shannon)
RADII = {"CN": 1.40, "Cl": 1.81, "Br": 1.96, "I": 2.20, "BH4": 2.24, "BF4": 2.75}
FACTORS = {x: (r + 0.76) / (math.sqrt(2) * (1.40 + 0.76)) for x, r in RADII.items()}
#: CN 0.707, Cl 0.841, Br 0.890, I 0.969, BH4 0.982, BF4 1.149
EXPECTED = {x for x, t in FACTORS.items() if 0.8 <= t <= 1.0}


@test_case(
    points=1,
    failure_message="Compute t for each anion on the A site with O2- on B and Li+ on X "
    "(section 2 prints them), and keep those from 0.8 to 1.0.",
)
def test_q2(q2_in_window):
    answer = q2_in_window
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q2_in_window by a set of names"
    )
    assert isinstance(answer, (set, frozenset, list, tuple)), (
        'q2_in_window should be a set of names, such as {"Cl", "Br"}'
    )
    names = {str(x).rstrip("-") for x in answer}
    unknown = names - set(RADII)
    assert not unknown, f"{sorted(unknown)} are not among the six anions of the question"
    assert "BF4" not in names, "BF4 gives t = 1.15: too large for the cage"
    assert "CN" not in names, "CN gives t = 0.71: too small for the cage"
    assert names == EXPECTED, "not quite: one of the anions inside the window is missing"
