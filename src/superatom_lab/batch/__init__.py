"""Screening and inverse design: one property for many candidates on Dask, the cache first.

A candidate is a name, a cluster and a charge
(:func:`~superatom_lab.batch.candidates.candidate`, or a line of an input file
read by :func:`~superatom_lab.batch.input_file.read_input`);
:func:`~superatom_lab.batch.screen.screen` returns a pandas table with one row
per candidate.  A family of :mod:`superatom_lab.core.families` (or a family
file, :func:`~superatom_lab.batch.family_file.read_family`) can be screened
whole, and :func:`~superatom_lab.batch.design.design` searches one for a
target window as a two-step funnel.  Importing this package imports neither Dask, pandas nor PySCF.

Examples
--------
>>> parsed = parse_input("F\\nCl -1\\n")
>>> [(c.name, c.charge) for c in parsed.candidates]
[('F', 0), ('Cl', -1)]
"""

from superatom_lab.batch.candidates import Candidate, candidate
from superatom_lab.batch.design import DESIGN_COLUMNS, Target, design, parse_target
from superatom_lab.batch.family_file import ParsedFamily, parse_family, read_family
from superatom_lab.batch.input_file import InputProblem, ParsedInput, parse_input, read_input
from superatom_lab.batch.rows import COLUMNS
from superatom_lab.batch.screen import Plan, screen, screenable_tasks

__all__ = [
    "COLUMNS",
    "DESIGN_COLUMNS",
    "Candidate",
    "InputProblem",
    "ParsedFamily",
    "ParsedInput",
    "Plan",
    "Target",
    "candidate",
    "design",
    "parse_family",
    "parse_input",
    "parse_target",
    "read_family",
    "read_input",
    "screen",
    "screenable_tasks",
]
