"""Exercise q2 of notebook 07: the counterpoise-corrected binding energy of Ar, by hand."""

from otter.test_files import test_case

from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.qc.manifest import entry_for
from superatom_lab.store import ShippedRecords

OK_FORMAT = False

name = "q2"
points = 1

TOLERANCE_EV = 0.005


def expected_ev():
    """E(host) + E(guest) - E(complex) of the shipped scan's corrected point, in eV."""
    scan = entry_for("site_binding_scan").request().cached(ShippedRecords())
    whole, host, guest = scan.corrected.states
    return (host.energy_hartree + guest.energy_hartree - whole.energy_hartree) * HARTREE_TO_EV


@test_case(
    points=1,
    failure_message="BE = (E(host) + E(guest) - E(complex)) x HARTREE_TO_EV, positive when bound.",
)
def test_q2(q2_be_ev):
    answer = q2_be_ev
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q2_be_ev by a number of eV"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q2_be_ev should be a number"
    )
    expected = expected_ev()
    assert abs(answer + expected) > TOLERANCE_EV, (
        "the sign is reversed: E(host) + E(guest) - E(complex) is positive for a bound guest"
    )
    assert abs(answer - expected / HARTREE_TO_EV) > 1e-6, "that is in Hartree: convert to eV"
    assert abs(answer - expected) <= TOLERANCE_EV, (
        f"{answer:.3f} eV is not E(host) + E(guest) - E(complex) of the corrected states"
    )
