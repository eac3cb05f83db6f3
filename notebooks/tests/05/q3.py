"""Exercise q3 of notebook 05: the electrostatic estimate of EA_2 of B12(CN)12 2-."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

#: EA_2 ~ EA_1 - e^2/(4 pi eps0 R) with Table 4's EA_1 = 8.56 eV and R = 5.88 A, and
#: e^2/(4 pi eps0) = 14.39964 eV A (CODATA 2018): 8.56 - 2.449 = 6.11 eV.
EXPECTED_EV = 8.56 - 14.39964 / 5.88
TOLERANCE_EV = 0.05
TABLE4_EA2_EV = 5.28


@test_case(
    points=1,
    failure_message="EA_2 ~ EA_1 - 14.40 eV A / R, with EA_1 = 8.56 eV and R = 5.88 A "
    "(ea_ladder.coulomb_ea_ev(8.56, 5.88, 2)).",
)
def test_q3_estimate(q3_ea2_estimate):
    answer = q3_ea2_estimate
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q3_ea2_estimate by the estimate in eV"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q3_ea2_estimate should be a number in eV"
    )
    assert abs(answer - TABLE4_EA2_EV) > TOLERANCE_EV, (
        "5.28 eV is Table 4's DFT value; the exercise asks for the electrostatic estimate"
    )
    assert abs(answer - EXPECTED_EV) <= TOLERANCE_EV, (
        f"{answer:.2f} eV is not the estimate (a sign, or R in the numerator instead of the "
        "denominator?)"
    )


@test_case(
    points=1,
    failure_message="An electron is bound when its electron affinity is positive.",
)
def test_q3_bound(q3_bound):
    assert q3_bound is not ... and q3_bound is not None, (
        "not answered yet: replace the ... in q3_bound by True or False"
    )
    assert isinstance(q3_bound, bool), "q3_bound should be True or False"
    assert q3_bound == (EXPECTED_EV > 0), "is the estimate above zero or below?"
