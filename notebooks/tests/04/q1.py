"""Exercise q1 of notebook 04: which formulas have the superalkali form M(k+1)X."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1

CANDIDATES = {"Li3O", "Li2F", "LiF2", "Na3O", "BF4", "Li4N", "Na2Cl", "Al13"}
EXPECTED = {"Li3O", "Li2F", "Na3O", "Li4N", "Na2Cl"}


@test_case(
    points=1,
    failure_message="Count the alkali atoms and compare with the valence k of the central "
    "atom (O: 2, F and Cl: 1, N: 3); a superalkali has one alkali atom more than k.",
)
def test_q1(q1_superalkalis):
    answer = q1_superalkalis
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q1_superalkalis by a set of formulas"
    )
    assert isinstance(answer, (set, frozenset, list, tuple)), (
        "q1_superalkalis should be a set of formulas, such as {'Li3O'}"
    )
    chosen = {str(item).strip() for item in answer}
    unknown = chosen - CANDIDATES
    assert not unknown, f"{sorted(unknown)} is not in the list of candidates"
    assert chosen == EXPECTED, "not quite: some formulas are missing or one too many is chosen"
