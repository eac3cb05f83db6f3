"""Exercise q2 of notebook 03: the number of fluorines of the superhalogen AlF(k+1)."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1


@test_case(
    points=1,
    failure_message="A superhalogen MX(k+1) has one ligand more than the valence k of its "
    "central atom; aluminium has k = 3.",
)
def test_q2(q2_n_fluorine):
    answer = q2_n_fluorine
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q2_n_fluorine by a whole number"
    )
    assert isinstance(answer, int) and not isinstance(answer, bool), (
        "q2_n_fluorine should be a whole number (an int)"
    )
    assert answer != 3, "3 is the valence k of Al: the superhalogen needs one fluorine more"
    assert answer == 4, "not the right count"
