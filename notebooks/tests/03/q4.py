"""Exercise q4 of notebook 03: the electrons in the first band of the simulated BF4- spectrum."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 1

#: The HOMO of the tetrahedral BF4- is the t1 combination of fluorine lone pairs, which has no
#: partner among the valence orbitals of boron; in the point group Td a t level is threefold
#: degenerate, so the first band holds 3 x 2 = 6 electrons.
EXPECTED = 6


@test_case(
    points=1,
    failure_message="The first band is the HOMO level; in the tetrahedral BF4- it is made of "
    "three orbitals of the same energy, each with two electrons.",
)
def test_q4(q4_first_band_electrons):
    answer = q4_first_band_electrons
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q4_first_band_electrons by a whole number"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q4_first_band_electrons should be a whole number of electrons"
    )
    assert answer != 2, "2 electrons fill one orbital: the first band holds several orbitals"
    assert answer == EXPECTED, "not the height of the first stick"
