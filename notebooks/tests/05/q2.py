"""Exercise q2 of notebook 05: how many electrons neutral Ca(CN)4 lacks for closed shells."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1

#: Ca gives its 2 valence electrons away; each of the four CN needs one to become CN- (10
#: valence electrons, isoelectronic with N2): 4 - 2 = 2, as in the dianion Ca(CN)4 2-.
EXPECTED = 2


@test_case(
    points=1,
    failure_message="Four CN groups need one electron each; calcium supplies two of them.",
)
def test_q2(q2_electrons_short):
    answer = q2_electrons_short
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q2_electrons_short by a whole number"
    )
    assert isinstance(answer, int) and not isinstance(answer, bool), (
        "q2_electrons_short should be a whole number (an int)"
    )
    assert answer != 4, "4 forgets the two electrons that calcium gives to the CN groups"
    assert answer != 1, "1 is the count of a halogen or of BF4: here two CN groups are left short"
    assert answer == EXPECTED, "not the right count"
