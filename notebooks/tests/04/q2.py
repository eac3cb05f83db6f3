"""Exercise q2 of notebook 04: the valence electrons of the cation Li3O+."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1


@test_case(
    points=1,
    failure_message="Add the valence electrons of the atoms (Li: 1 each, O: 6), then take "
    "the charge into account: a cation has lost one.",
)
def test_q2(q2_li3o_cation_valence):
    answer = q2_li3o_cation_valence
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q2_li3o_cation_valence by a whole number"
    )
    assert isinstance(answer, int) and not isinstance(answer, bool), (
        "q2_li3o_cation_valence should be a whole number (an int)"
    )
    assert answer != 9, "9 is the count of the neutral Li3O: the cation has one electron less"
    assert answer == 8, "not the right count"
