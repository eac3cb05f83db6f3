"""A family file: a family of candidates written as a few ``key values`` lines.

The first line that is not blank or a comment is ``family KIND`` (``superhalogen``,
``superalkali`` or ``cage``); the other lines give the builder's lists, one key
each, values separated by spaces:

==========  ==============================  ============================
key         family                          meaning
==========  ==============================  ============================
centres     superhalogen, superalkali       centre elements
ligands     superhalogen, cage              ligands (F, Cl, CN, ...)
metals      superalkali                     the alkali atoms around X
valence     superhalogen, superalkali       ``Fe=3 Mg=2``: k of a centre
==========  ==============================  ============================

A key left out keeps its default (:mod:`superatom_lab.core.families`).  ``#``
starts a comment.  A line that cannot be used (an unknown key, a centre with
no usual valence, an unknown ligand) is reported with its number, and the
family is built from the rest.

Examples
--------
>>> parsed = parse_family('''
... family superhalogen   # MX(k+1)
... centres Li Fe Al
... ligands F Cl
... colour blue
... ''')
>>> [m.name for m in parsed.family.members]
['LiF2', 'LiCl2', 'AlF4', 'AlCl4']
>>> for problem in parsed.problems:
...     print(problem)
line 3: centres Li Fe Al: Fe has no single usual valence here: give it, e.g. valence={'Fe': 2}
line 5: colour blue: unknown key 'colour': use centres, ligands, valence
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from superatom_lab.batch.input_file import InputProblem, read_text
from superatom_lab.core.families import FAMILY_KINDS, Family, make_family
from superatom_lab.errors import InputError

#: The keys of each family, in the builder's parameter names.
KEYS = {
    "superhalogen": ("centres", "ligands", "valence"),
    "superalkali": ("centres", "metals", "valence"),
    "cage": ("ligands",),
}
#: The key whose items are built one at a time, so that one bad item drops alone.
_ITEMS = {"superhalogen": "centres", "superalkali": "centres", "cage": "ligands"}


@dataclass
class ParsedFamily:
    """The family built from a file's usable lines (``None`` if none), and the lines left out."""

    family: Family | None
    problems: list[InputProblem] = field(default_factory=list)


def _lines(text: str):
    for number, raw in enumerate(text.splitlines(), start=1):
        body = raw.split("#", 1)[0].strip()
        if body:
            yield number, body


def is_family_text(text: str) -> bool:
    """Whether ``text``'s first significant line is ``family ...``.

    Examples
    --------
    >>> is_family_text("# x\\nfamily cage\\n"), is_family_text("Cl\\n")
    (True, False)
    """
    for _, body in _lines(text):
        return body.split()[0].lower() == "family"
    return False


def _valence(values: list[str]) -> dict[str, int]:
    valence = {}
    for item in values:
        element, _, k = item.partition("=")
        if not k.strip().isdigit():
            raise InputError(f"a valence is written ELEMENT=k, e.g. Fe=3, got {item!r}")
        valence[element.strip()] = int(k)
    return valence


def parse_family(text: str) -> ParsedFamily:
    """The family written in ``text`` (see the module's table), and its unusable lines."""
    lines = list(_lines(text))
    if not lines or lines[0][1].split()[0].lower() != "family":
        where = lines[0] if lines else (1, "")
        problem = InputProblem(where[0], where[1], "the first line must be 'family KIND'")
        return ParsedFamily(None, [problem])
    number, body = lines[0]
    words = body.split()
    if len(words) != 2 or words[1].lower() not in FAMILY_KINDS:
        message = f"unknown family: use one of {', '.join(FAMILY_KINDS)}"
        return ParsedFamily(None, [InputProblem(number, body, message)])
    kind = words[1].lower()
    parameters, where, problems = {}, {}, []
    for number, body in lines[1:]:
        key, *values = body.split()
        key = key.lower()
        if key not in KEYS[kind]:
            message = f"unknown key {key!r}: use {', '.join(KEYS[kind])}"
            problems.append(InputProblem(number, body, message))
            continue
        try:
            parameters[key] = _valence(values) if key == "valence" else values
        except InputError as exc:
            problems.append(InputProblem(number, body, str(exc)))
            continue
        where[key] = (number, body)
    family = _build(kind, parameters, where, problems)
    return ParsedFamily(family, sorted(problems, key=lambda p: p.line))


def _build(kind, parameters, where, problems) -> Family | None:
    """Build item by item, so that one bad centre or ligand is dropped alone."""
    itemised = _ITEMS[kind]
    items = parameters.pop(itemised, None)
    if items is None:
        try:
            return make_family(kind, **parameters)
        except InputError as exc:
            problems.append(InputProblem(*where.get(_other(kind), (1, kind)), str(exc)))
            return None
    built = []
    for item in items:
        try:
            built.append(make_family(kind, **{itemised: [item]}, **parameters))
        except InputError as exc:
            problems.append(InputProblem(*where[itemised], str(exc)))
    if not built:
        return None
    members = tuple(m for family in built for m in family.members)
    return replace(built[0], members=members)


def _other(kind: str) -> str:
    return next(k for k in KEYS[kind] if k != _ITEMS[kind])


def read_family(path) -> ParsedFamily:
    """:func:`parse_family` of the file at ``path``.

    Raises
    ------
    InputError
        When the file cannot be read.
    """
    return parse_family(read_text(path))
