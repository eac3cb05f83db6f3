"""Exercise q1 of notebook 03: which species have an anion VDE above chlorine's."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1

CANDIDATES = {"BO2", "LiF2", "Br", "I"}
#: At the standard preset (B3LYP/def2-SVPD) Cl- is 3.78 eV, BO2- 4.42 eV and LiF2- 5.57 eV; the
#: measured EAs of Br (3.36 eV) and I (3.06 eV) lie below chlorine's (3.61 eV).
EXPECTED = {"BO2", "LiF2"}


@test_case(
    points=1,
    failure_message="Compare each value with chlorine's line in the figure: the superhalogens "
    "lie above it, the heavier halogens below.",
)
def test_q1(q1_above_chlorine):
    answer = q1_above_chlorine
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q1_above_chlorine by a set of species"
    )
    assert isinstance(answer, (set, frozenset, list, tuple)), (
        "q1_above_chlorine should be a set of species, such as {'BO2'}"
    )
    chosen = {str(item).strip() for item in answer}
    unknown = chosen - CANDIDATES
    assert not unknown, f"{sorted(unknown)} is not in the list of candidates"
    assert chosen == EXPECTED, "not quite: some species are missing or one too many is chosen"
