"""Exercise q3 of notebook 04: is Na3O a superalkali at the quick preset?"""

from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

#: Vertical IE of planar Na3O (Na-O 2.05 A) with the quick preset (wB97X/def2-SVPD, LANL2DZ+ECP
#: on Na), as computed through the package: 3.126 eV.
COMPUTED_IE_EV = 3.126
TOLERANCE_EV = 0.10
#: The measured first ionization energy of caesium (NIST ASD), the superalkali border.
CAESIUM_IE_EV = 3.8939


def _answered(value, variable, what):
    assert value is not ... and value is not None, (
        f"not answered yet: replace the ... in {variable} by {what}"
    )


@test_case(
    points=1,
    failure_message="Run the vertical IE of na3o through Request.make('ionization_energy', "
    "na3o, quick).run() and store its value_ev (a number in eV).",
)
def test_q3_value(q3_ie_na3o):
    _answered(q3_ie_na3o, "q3_ie_na3o", "the computed IE in eV")
    assert isinstance(q3_ie_na3o, (int, float)) and not isinstance(q3_ie_na3o, bool), (
        "q3_ie_na3o should be a number in eV (the result's value_ev)"
    )
    assert abs(q3_ie_na3o - COMPUTED_IE_EV) <= TOLERANCE_EV, (
        f"{q3_ie_na3o:.2f} eV is not the vertical IE of na3o at the quick preset "
        "(in hartree, or another species or preset?)"
    )


@test_case(
    points=1,
    failure_message="Compare your computed IE with the measured IE of caesium, 3.89 eV.",
)
def test_q3_verdict(q3_below_cs):
    _answered(q3_below_cs, "q3_below_cs", "True or False")
    assert isinstance(q3_below_cs, bool), "q3_below_cs should be True or False"
    assert q3_below_cs == (COMPUTED_IE_EV < CAESIUM_IE_EV), "compare the two numbers again"
