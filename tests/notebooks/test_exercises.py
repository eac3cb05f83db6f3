"""The otter checks of the notebooks' exercises, each with a right and a wrong answer.

The checks run through otter's own grader, ``otter.Notebook(tests_dir=...).check(q, env)``,
with the answers injected as the notebook's variables, in a temporary working folder (otter
writes its log, ``.OTTER_LOG``, to the working folder).
"""

from __future__ import annotations

import nbformat
import pytest

from tests.notebooks.exercises import (
    NOTEBOOK_DIR,
    answer_tag,
    checks_dir,
    inject_solutions,
    questions,
    read_solutions,
    solutions_file,
)

otter = pytest.importorskip("otter")

SUPERALKALIS = NOTEBOOK_DIR / "04_superalkalis.ipynb"

# question -> (right answer, wrong answer, words the wrong answer's report must contain)
CASES_04 = {
    "q1": (
        {"q1_superalkalis": {"Li3O", "Li2F", "Na3O", "Li4N", "Na2Cl"}},
        {"q1_superalkalis": {"Li3O", "Li2F", "LiF2", "Na3O", "Li4N", "Na2Cl"}},
        "not quite",
    ),
    "q2": ({"q2_li3o_cation_valence": 8}, {"q2_li3o_cation_valence": 9}, "the neutral"),
    "q3": (
        {"q3_ie_na3o": 3.13, "q3_below_cs": True},
        {"q3_ie_na3o": 3.13 / 27.2114, "q3_below_cs": True},  # in hartree
        "not the vertical IE",
    ),
}
UNANSWERED_04 = {
    "q1": {"q1_superalkalis": ...},
    "q2": {"q2_li3o_cation_valence": ...},
    "q3": {"q3_ie_na3o": ..., "q3_below_cs": ...},
}


SUPERHALOGENS = NOTEBOOK_DIR / "03_superhalogens.ipynb"

CASES_03 = {
    "q1": (
        {"q1_above_chlorine": {"BO2", "LiF2"}},
        {"q1_above_chlorine": {"BO2", "LiF2", "Br"}},
        "not quite",
    ),
    "q2": ({"q2_n_fluorine": 4}, {"q2_n_fluorine": 3}, "valence k of Al"),
    "q3": (
        {"q3_vde_lif2": 5.57},
        {"q3_vde_lif2": 6.51},  # the CCSD(T) reference value, not the computed one
        "not the computed VDE",
    ),
    "q4": (
        {"q4_first_band_electrons": 6},
        {"q4_first_band_electrons": 2},  # one orbital's electrons, not the band's
        "several orbitals",
    ),
}
UNANSWERED_03 = {
    "q1": {"q1_above_chlorine": ...},
    "q2": {"q2_n_fluorine": ...},
    "q3": {"q3_vde_lif2": ...},
    "q4": {"q4_first_band_electrons": ...},
}


MULTIPLY_CHARGED = NOTEBOOK_DIR / "05_multiply_charged_anions.ipynb"

#: EA_2 ~ EA_1 - e^2/(4 pi eps0 R) for B12(CN)12 2- with Table 4's EA_1 = 8.56 eV, R = 5.88 A
#: and e^2/(4 pi eps0) = 14.39964 eV A (CODATA 2018)
B12CN12_ESTIMATE = 8.56 - 14.39964 / 5.88

CASES_05 = {
    "q1": (
        {"q1_dianions": {"B12H12", "B12(CN)12", "Ca(CN)4"}},
        {"q1_dianions": {"B12H12", "B12(CN)12", "Ca(CN)4", "BF4"}},  # a large EA_1 only
        "closed shells after one electron",
    ),
    "q2": ({"q2_electrons_short": 2}, {"q2_electrons_short": 4}, "calcium gives"),
    "q3": (
        {"q3_ea2_estimate": B12CN12_ESTIMATE, "q3_bound": True},
        {"q3_ea2_estimate": 5.28, "q3_bound": True},  # Table 4's DFT value, not the estimate
        "Table 4's DFT value",
    ),
}
UNANSWERED_05 = {
    "q1": {"q1_dianions": ...},
    "q2": {"q2_electrons_short": ...},
    "q3": {"q3_ea2_estimate": ..., "q3_bound": ...},
}


MATERIALS = NOTEBOOK_DIR / "06_superatoms_in_materials.ipynb"

#: by hand: (2.75 + 0.76) / (sqrt 2 x (1.40 + 0.76)) = 1.149 for Li3O(BF4), and t = 1 at
#: r_A = sqrt 2 x 2.16 - 0.76 = 2.295 A (Table 4's BF4- radius, Shannon's O2- and Li+)
CASES_06 = {
    "q1": (
        {"q1_t_li3o_bf4": 1.149, "q1_fits": False},
        {"q1_t_li3o_bf4": 0.841, "q1_fits": True},  # Li3OCl's factor
        "the factor of Li3OCl",
    ),
    "q2": (
        {"q2_in_window": {"Cl", "Br", "I", "BH4"}},
        {"q2_in_window": {"Cl", "Br", "I", "BH4", "BF4"}},
        "too large for the cage",
    ),
    "q3": ({"q3_max_radius": 2.295}, {"q3_max_radius": 3.055}, "subtract r_X"),
}
UNANSWERED_06 = {
    "q1": {"q1_t_li3o_bf4": ..., "q1_fits": ...},
    "q2": {"q2_in_window": ...},
    "q3": {"q3_max_radius": ...},
}


REACTIONS = NOTEBOOK_DIR / "07_superatoms_in_reactions.ipynb"


def _shipped_scan_answers() -> tuple[float, float]:
    """The binding energy and the superposition error of the shipped scan (eV), as q2 and q3
    ask for them: q2 from the corrected states' energies, q3 at the best distance."""
    from superatom_lab.core.units import HARTREE_TO_EV
    from superatom_lab.qc.manifest import entry_for
    from superatom_lab.store import ShippedRecords

    scan = entry_for("site_binding_scan").request().cached(ShippedRecords())
    whole, host, guest = scan.corrected.states
    be = (host.energy_hartree + guest.energy_hartree - whole.energy_hartree) * HARTREE_TO_EV
    best = scan.distances_angstrom.index(scan.best_distance_angstrom)
    return be, scan.uncorrected[best].value_ev - scan.value_ev


BE_EV, BSSE_EV = _shipped_scan_answers()
CASES_07 = {
    "q1": (
        {"q1_tio_electrons": 10, "q1_tio_mimics": "Ni"},
        {"q1_tio_electrons": 8, "q1_tio_mimics": "Pd"},
        "leaves out titanium's two 3d electrons",
    ),
    "q2": ({"q2_be_ev": BE_EV}, {"q2_be_ev": -BE_EV}, "the sign is reversed"),
    "q3": ({"q3_bsse_ev": BSSE_EV}, {"q3_bsse_ev": -BSSE_EV}, "the difference is positive"),
}
UNANSWERED_07 = {
    "q1": {"q1_tio_electrons": ..., "q1_tio_mimics": ...},
    "q2": {"q2_be_ev": ...},
    "q3": {"q3_bsse_ev": ...},
}


#: notebook -> (its file, CASES, UNANSWERED)
NOTEBOOKS = {
    "03": (SUPERHALOGENS, CASES_03, UNANSWERED_03),
    "04": (SUPERALKALIS, CASES_04, UNANSWERED_04),
    "05": (MULTIPLY_CHARGED, CASES_05, UNANSWERED_05),
    "06": (MATERIALS, CASES_06, UNANSWERED_06),
    "07": (REACTIONS, CASES_07, UNANSWERED_07),
}
#: (notebook, question) for every exercise
EXERCISES = [(n, q) for n, (_, cases, _) in NOTEBOOKS.items() for q in sorted(cases)]


def grader_for(notebook: str):
    """otter's grader for the checks of ``notebook`` ("03", "04")."""
    return otter.Notebook(tests_dir=str(checks_dir(NOTEBOOKS[notebook][0])))


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # otter writes its log to the working folder


@pytest.fixture
def grader():
    return grader_for("04")


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS))
def test_every_question_is_covered(notebook):
    path, cases, unanswered = NOTEBOOKS[notebook]
    assert questions(path) == sorted(cases) == sorted(unanswered)


@pytest.mark.parametrize(("notebook", "question"), EXERCISES)
def test_right_answer_passes(notebook, question):
    right, _, _ = NOTEBOOKS[notebook][1][question]
    result = grader_for(notebook).check(question, global_env=dict(right))
    assert result.passed_all, result.summary()
    assert result.grade == 1.0


@pytest.mark.parametrize(("notebook", "question"), EXERCISES)
def test_wrong_answer_fails_with_a_hint(notebook, question):
    _, wrong, words = NOTEBOOKS[notebook][1][question]
    result = grader_for(notebook).check(question, global_env=dict(wrong))
    assert not result.passed_all
    assert result.grade < 1.0
    assert words in result.summary()


@pytest.mark.parametrize(("notebook", "question"), EXERCISES)
def test_unanswered_says_so_and_does_not_crash(notebook, question):
    env = dict(NOTEBOOKS[notebook][2][question])
    result = grader_for(notebook).check(question, global_env=env)
    assert not result.passed_all
    assert "not answered yet" in result.summary()


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS))
def test_missing_variable_reads_as_unanswered(notebook):
    result = grader_for(notebook).check("q2", global_env={})  # the answer cell was never run
    assert "not answered yet" in result.summary()


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS))
def test_solutions_pass_the_checks_without_running_the_notebook(notebook):
    # q1 and q2 are plain values: run their solution blocks and check them
    blocks = read_solutions(solutions_file(NOTEBOOKS[notebook][0]))
    for question in ("q1", "q2"):
        env = {}
        exec(blocks[f"answer-{question}"], env)
        assert grader_for(notebook).check(question, global_env=env).passed_all, question


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS))
def test_student_notebook_leaves_every_answer_open_and_solutions_fit_its_cells(notebook):
    path = NOTEBOOKS[notebook][0]
    nb = nbformat.read(path, as_version=4)
    answer_cells = [c for c in nb.cells if answer_tag(c)]
    assert sorted(answer_tag(c) for c in answer_cells) == [f"answer-{q}" for q in questions(path)]
    for cell in answer_cells:
        assert "= ..." in cell.source, cell.source
    inject_solutions(nb, read_solutions(solutions_file(path)))
    assert not any("= ..." in c.source for c in nb.cells if answer_tag(c))


def test_q3_verdict_must_match_the_comparison_with_caesium(grader):
    result = grader.check("q3", global_env={"q3_ie_na3o": 3.13, "q3_below_cs": False})
    assert [r.passed for r in result.test_case_results] == [True, False]
    assert result.grade == 0.5


def test_05_q3_scores_the_estimate_and_the_verdict_apart():
    grader = grader_for("05")
    result = grader.check("q3", global_env={"q3_ea2_estimate": B12CN12_ESTIMATE,
                                            "q3_bound": False})  # fmt: skip
    assert sorted(r.passed for r in result.test_case_results) == [False, True]
    assert result.grade == 0.5
    # R in the numerator: 8.56 - 14.40 x 5.88, far below zero; the verdict is scored on its own
    wrong = grader.check("q3", global_env={"q3_ea2_estimate": 8.56 - 14.39964 * 5.88,
                                           "q3_bound": True})  # fmt: skip
    assert wrong.grade == 0.5 and "not the estimate" in wrong.summary()


def test_05_q2_names_the_halogen_count():
    result = grader_for("05").check("q2", global_env={"q2_electrons_short": 1})
    assert not result.passed_all and "halogen" in result.summary()


def test_q1_accepts_a_list_and_stray_spaces(grader):
    answer = [" Li3O", "Li2F", "Na3O", "Li4N", "Na2Cl"]
    assert grader.check("q1", global_env={"q1_superalkalis": answer}).passed_all


def test_inject_refuses_a_missing_or_stray_solution():
    nb = nbformat.read(SUPERALKALIS, as_version=4)
    blocks = read_solutions(solutions_file(SUPERALKALIS))
    with pytest.raises(KeyError):
        inject_solutions(nb, {k: v for k, v in blocks.items() if k != "answer-q2"})
    with pytest.raises(KeyError, match="answer-q9"):
        inject_solutions(
            nbformat.read(SUPERALKALIS, as_version=4), {**blocks, "answer-q9": "x = 1\n"}
        )


def test_03_q3_matches_the_shipped_value(tmp_path):
    # q3's tolerance is around the value the package ships for LiF2- at the standard preset
    from superatom_lab.core import catalogue
    from superatom_lab.qc.presets import get_method
    from superatom_lab.qc.tasks import Request
    from superatom_lab.store import ResultStore

    lif2 = catalogue.build("LiF2")
    request = Request.make("vertical_detachment_energy", lif2, get_method("standard"))
    found = request.cached(ResultStore(tmp_path))  # an empty user folder: the shipped records
    assert found is not None and found.precomputed
    assert abs(found.value_ev - 5.566) < 0.01


def test_03_q4_matches_the_shipped_bf4_anion(tmp_path):
    # q4 expects 6 electrons in the first band, from the symmetry of BF4-; the shipped anion
    # state, from which section 5 draws the spectrum, must agree
    from superatom_lab.core import catalogue
    from superatom_lab.core.photoelectron import bands, pes_sticks
    from superatom_lab.qc.presets import get_method
    from superatom_lab.qc.tasks import Request
    from superatom_lab.store import ResultStore

    bf4 = catalogue.build("BF4")
    request = Request.make("vertical_detachment_energy", bf4, get_method("standard"))
    found = request.cached(ResultStore(tmp_path))
    assert found is not None and found.precomputed
    anion = found.state(-1)
    first = bands(pes_sticks(anion.orbital_energies_ev, anion.occupations, found.value_ev))[0]
    assert first.electrons == 6
    assert grader_for("03").check("q4", global_env={"q4_first_band_electrons": 6}).passed_all
