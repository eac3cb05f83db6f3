"""Exercise q3 of notebook 07: the basis-set superposition error at the best point of the scan."""

from otter.test_files import test_case

from superatom_lab.qc.manifest import entry_for
from superatom_lab.store import ShippedRecords

OK_FORMAT = False

name = "q3"
points = 1

TOLERANCE_EV = 0.005


def expected_ev():
    """Uncorrected minus corrected binding energy at the shipped scan's best distance (eV)."""
    scan = entry_for("site_binding_scan").request().cached(ShippedRecords())
    best = scan.distances_angstrom.index(scan.best_distance_angstrom)
    return scan.uncorrected[best].value_ev - scan.value_ev


@test_case(
    points=1,
    failure_message="Take the uncorrected value at the best distance, minus the corrected one.",
)
def test_q3(q3_bsse_ev):
    answer = q3_bsse_ev
    assert answer is not ... and answer is not None, (
        "not answered yet: replace the ... in q3_bsse_ev by a number of eV"
    )
    assert isinstance(answer, (int, float)) and not isinstance(answer, bool), (
        "q3_bsse_ev should be a number"
    )
    expected = expected_ev()
    assert abs(answer + expected) > TOLERANCE_EV, (
        "uncorrected minus corrected: the superposition error makes binding look stronger, "
        "so the difference is positive"
    )
    assert abs(answer - expected) <= TOLERANCE_EV, (
        f"{answer:.3f} eV is not the difference at the best distance of the scan"
    )
