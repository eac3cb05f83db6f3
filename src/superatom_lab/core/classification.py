"""Superhalogens and superalkalis: an EA or IE compared with the halogens' and alkalis'.

A species whose electron affinity is above chlorine's (the highest of any
element) is a superhalogen; one whose ionization energy is below caesium's
(the lowest of any element) is a superalkali.  The borders are the measured
values of :mod:`superatom_lab.core.reference`; :data:`HALOGENS` and
:data:`ALKALIS` are the reference species of the scale.

Examples
--------
>>> classify(4.2, "EA"), classify(3.2, "IE"), classify(3.0, "EA")
('superhalogen', 'superalkali', '')
"""

from __future__ import annotations

from superatom_lab.core.reference import experimental_ea, experimental_ie

#: The halogens whose measured EAs make the EA scale.
HALOGENS = ("F", "Cl", "Br", "I")
#: The alkalis whose measured IEs make the IE scale.
ALKALIS = ("Li", "Na", "K", "Cs")


def thresholds_ev() -> dict[str, float]:
    """``{"EA": EA(Cl), "IE": IE(Cs)}``: the borders of superhalogens and superalkalis.

    Examples
    --------
    >>> thresholds_ev()
    {'EA': 3.6127, 'IE': 3.8939}
    """
    return {"EA": experimental_ea("Cl").value_ev, "IE": experimental_ie("Cs").value_ev}


def classify(value_ev: float, prop: str) -> str:
    """``"superhalogen"``, ``"superalkali"`` or ``""`` for an EA or IE value.

    Examples
    --------
    >>> classify(4.2, "EA"), classify(3.2, "IE"), classify(3.0, "EA")
    ('superhalogen', 'superalkali', '')
    """
    limits = thresholds_ev()
    if prop == "EA" and value_ev > limits["EA"]:
        return "superhalogen"
    if prop == "IE" and value_ev < limits["IE"]:
        return "superalkali"
    return ""


def species_class(name: str, value_ev: float, prop: str) -> str:
    """``"superhalogen"``, ``"superalkali"``, ``"reference"`` (a halogen or alkali) or ``""``.

    Examples
    --------
    >>> [species_class(n, v, "EA") for n, v in (("BO2", 4.3), ("F", 3.7), ("O", 1.4))]
    ['superhalogen', 'reference', '']
    """
    if name in HALOGENS + ALKALIS:
        return "reference"
    return classify(value_ev, prop)
