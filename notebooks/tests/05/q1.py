"""Exercise q1 of notebook 05: which anions of Table 4 hold two extra electrons."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1

CANDIDATES = {"Cl", "CN", "BF4", "BCl4", "B12(CN)11", "B12H12", "B12(CN)12", "Ca(CN)4"}
#: Table 4 of Fang, Sun and Jena, "Cluster-based materials" (Chem. Soc. Rev., 2025): B12H12 2-,
#: B12(CN)12 2- and M(CN)4 2- (M = Ca, Sr, Ba) have an EA_2; Cl-, CN-, BF4-, BCl4- and
#: B12(CN)11- have a dash in that column.
EXPECTED = {"B12H12", "B12(CN)12", "Ca(CN)4"}


@test_case(
    points=1,
    failure_message="Look at the charge column of the table in section 3: a dianion has charge "
    "-2 and two values EA_1, EA_2.",
)
def test_q1(q1_dianions):
    answer = q1_dianions
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q1_dianions by a set of species"
    )
    assert isinstance(answer, (set, frozenset, list, tuple)), (
        "q1_dianions should be a set of species, such as {'Cl'}"
    )
    chosen = {str(item).strip() for item in answer}
    unknown = chosen - CANDIDATES
    assert not unknown, f"{sorted(unknown)} is not in the list of candidates"
    assert "BF4" not in chosen and "B12(CN)11" not in chosen, (
        "a large EA_1 is not enough: BF4- and B12(CN)11- are closed shells after one electron"
    )
    assert chosen == EXPECTED, "not quite: some species are missing or one too many is chosen"
