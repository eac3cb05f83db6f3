"""What one electron-counting rule says about one cluster (:class:`RuleResult`).

Examples
--------
>>> not_applicable("wade", "no cage").prediction
'not applicable'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleResult:
    """What one electron-counting rule says about one cluster.

    Attributes
    ----------
    rule : str
        One of :data:`superatom_lab.core.counting.RULES`.
    applies : bool
        Whether the rule is meant for this kind of cluster.
    count : int or None
        The electron count the rule uses (``None`` when it does not apply).
    satisfied : bool
        Whether the count meets the rule's condition (False when it does not apply).
    prediction : str
        One line, e.g. ``"closo: 13 skeletal electron pairs = n+1 for n = 12 vertices"``.
    why : str
        One line on why the rule does or does not apply.

    Examples
    --------
    >>> RuleResult("octet", True, 32, True, "octets complete", "B centre, 4 ligands").satisfied
    True
    """

    rule: str
    applies: bool
    count: int | None
    satisfied: bool
    prediction: str
    why: str


def not_applicable(rule: str, why: str) -> RuleResult:
    """A :class:`RuleResult` for a rule that is not meant for the cluster.

    Examples
    --------
    >>> r = not_applicable("octet", "a metal cluster")
    >>> r.applies, r.count, r.satisfied
    (False, None, False)
    """
    return RuleResult(rule, False, None, False, "not applicable", why)
