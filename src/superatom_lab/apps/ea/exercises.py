"""The EA explorer's checked exercise: which dianions hold a second extra electron?

The student looks at the successive EAs of four species in the explorer (kind
"EA_n, EA_n+1"): Cl and BF4 are shipped at the standard preset, and for B12H12
and B12(CN)12 the explorer shows the reference EA_2 beside its refusal to run a
long ladder live.  :func:`check_second_electron` is the check, a pure function.

The expected answer is cited, not computed here.  H. Fang, Q. Sun and P. Jena,
"Cluster-based materials: design and applications", Chem. Soc. Rev. (DOI
10.1039/d5cs00663e), section III.1: an isolated atom cannot hold more than one
extra electron (so no Cl 2-); none of the small superhalogens CN, SCN, BH4 and
BF4 is stable as a dianion (after M. K. Scheller, R. N. Compton and
L. S. Cederbaum, Science 270, 1160 (1995)); B12H12 2- holds its second electron
by about 0.9 eV (Table 4: EA_2 = 0.86 eV); B12(CN)12 2- by 5.28 eV (Table 4),
measured at about 5.5 eV (M. Mayer et al., Proc. Natl. Acad. Sci. U.S.A. 116,
8167 (2019)).

Examples
--------
>>> check_second_electron({"B12H12", "B12(CN)12"}).right
True
>>> print(check_second_electron({"BF4", "B12H12", "B12(CN)12"}).text())  # doctest: +ELLIPSIS
wrong: BF4 2-: BF4- binds its first extra electron very strongly, ...
"""

from __future__ import annotations

from superatom_lab.apps.exercise.model import Exercise, Verdict

#: The species offered (as catalogue names) and how a dianion of each is written.
CHOICES = (("Cl 2-", "Cl"), ("BF4 2-", "BF4"), ("B12H12 2-", "B12H12"),
           ("B12(CN)12 2-", "B12(CN)12"))  # fmt: skip
#: The dianions that hold their second electron (review, section III.1; see the module).
HOLDS_SECOND = frozenset({"B12H12", "B12(CN)12"})

#: What to reconsider when a species is ticked that should not be, or missed.
HINTS = {
    "Cl": "Cl 2-: an isolated atom holds at most one extra electron; the ladder of Cl in the "
    "explorer gives a negative EA_2.",
    "BF4": "BF4 2-: BF4- binds its first extra electron very strongly, but the ion is too small "
    "for a second one: the two extra electrons repel each other more than it binds the second, "
    "and its EA_2 is negative.",
    "B12H12": "B12H12 2-: the icosahedral boron cage has its closed shell (Wade's rule) with "
    "two extra electrons, and it is large enough to keep them apart; look at its EA_2 among the "
    "reference values of its ladder.",
    "B12(CN)12": "B12(CN)12 2-: with an electronegative CN ligand in place of each H of B12H12, "
    "the cage binds its second electron even more strongly; look at its EA_2 among the "
    "reference values of its ladder.",
}
RIGHT = (
    "only the two boron cages hold a second electron (EA_2 > 0): B12H12 2- by about 0.9 eV, "
    "B12(CN)12 2- by about 5.5 eV, while the EA_2 of Cl and BF4 is negative."
)


def check_second_electron(chosen) -> Verdict:
    """Which of Cl, BF4, B12H12 and B12(CN)12 hold a second extra electron (EA_2 > 0)?

    Parameters
    ----------
    chosen : set of str
        The catalogue names ticked (keys of :data:`CHOICES`).

    Returns
    -------
    Verdict
        Right for exactly B12H12 and B12(CN)12; otherwise wrong, with the hint for
        the first species ticked wrongly or missed (in the order of :data:`CHOICES`).

    Examples
    --------
    >>> check_second_electron(set()).word
    'not answered yet'
    >>> check_second_electron({"B12H12"}).hint.startswith("B12(CN)12 2-")
    True
    """
    chosen = set(chosen)
    if not chosen:
        return Verdict(False, "tick each dianion that holds its second electron.", answered=False)
    unknown = chosen - {key for _, key in CHOICES}
    if unknown:
        return Verdict(False, f"{', '.join(sorted(unknown))} is not one of the choices.")
    wrong = [key for _, key in CHOICES if (key in chosen) != (key in HOLDS_SECOND)]
    if not wrong:
        return Verdict(True, RIGHT)
    return Verdict(False, HINTS[wrong[0]])


SECOND_ELECTRON = Exercise(
    title="Exercise: which dianions hold a second extra electron?",
    question=(
        "Above, choose the kind 'EA_n, EA_n+1' and the standard preset, then compute the "
        "successive EAs of each species below. A dianion holds its second extra electron when "
        "EA_2 is positive. Where a ladder is not precomputed, read EA_2 among the reference "
        "values. Tick every dianion that holds its second electron, then press Check."
    ),
    choices=CHOICES,
    check=check_second_electron,
)
