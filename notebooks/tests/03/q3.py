"""Exercise q3 of notebook 03: the VDE of LiF2- at the standard preset, read off the table."""

from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1

#: VDE of LiF2- at the standard preset (B3LYP/def2-SVPD), as shipped with the package: 5.566 eV.
COMPUTED_VDE_EV = 5.566
TOLERANCE_EV = 0.02


@test_case(
    points=1,
    failure_message="Take results['LiF2'].value_ev from section 2 (a number in eV), or the "
    "LiF2 row of the table.",
)
def test_q3(q3_vde_lif2):
    answer = q3_vde_lif2
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q3_vde_lif2 by the VDE in eV"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q3_vde_lif2 should be a number in eV (the result's value_ev)"
    )
    assert abs(answer - COMPUTED_VDE_EV) <= TOLERANCE_EV, (
        f"{answer:.2f} eV is not the computed VDE of LiF2- at the standard preset "
        "(a reference value, another species, or in hartree?)"
    )
