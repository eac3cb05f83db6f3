"""Exercise q1 of notebook 07: TiO's valence electrons and the atom it mimics."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

#: Ti [Ar] 3d2 4s2 gives 4, O 2s2 2p4 gives 6: ten, like Ni (3d8 4s2), in Pd's column and Ti's row
#: (the TiO/Ni pair of the review's section on single-superatom catalysts).
EXPECTED = 10
MIMICS = "Ni"


@test_case(points=1, failure_message="Ti gives its 3d and 4s electrons (4), O its 2s and 2p (6).")
def test_q1_count(q1_tio_electrons):
    answer = q1_tio_electrons
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q1_tio_electrons by a whole number"
    )
    assert isinstance(answer, int) and not isinstance(answer, bool), (
        "q1_tio_electrons should be a whole number"
    )
    assert answer != 8, "8 leaves out titanium's two 3d electrons: count 3d and 4s"
    assert answer == EXPECTED, f"{answer} is not the count: Ti gives 4, O gives 6"


@test_case(points=1, failure_message="The atom in Pd's column (group 10) and Ti's row (period 4).")
def test_q1_mimics(q1_tio_mimics):
    answer = q1_tio_mimics
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q1_tio_mimics by an element symbol, such as \"Pd\""
    )
    assert isinstance(answer, str), "q1_tio_mimics should be an element symbol in quotes"
    assert answer.strip() != "Pd", "Pd is in the row of Zr: which atom of group 10 is in Ti's row?"
    assert answer.strip() == MIMICS, f"{answer!r} is not in group 10 and period 4"
