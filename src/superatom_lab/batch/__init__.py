"""Screening: one property for many candidates on a Dask cluster, answered from the cache first.

A candidate is a name, a cluster and a charge
(:func:`~superatom_lab.batch.candidates.candidate`, or a line of an input file
read by :func:`~superatom_lab.batch.input_file.read_input`);
:func:`~superatom_lab.batch.screen.screen` returns a pandas table with one row
per candidate.  Importing this package imports neither Dask, pandas nor PySCF.

Examples
--------
>>> parsed = parse_input("F\\nCl -1\\n")
>>> [(c.name, c.charge) for c in parsed.candidates]
[('F', 0), ('Cl', -1)]
"""

from superatom_lab.batch.candidates import Candidate, candidate
from superatom_lab.batch.input_file import InputProblem, ParsedInput, parse_input, read_input
from superatom_lab.batch.rows import COLUMNS
from superatom_lab.batch.screen import Plan, screen, screenable_tasks

__all__ = [
    "COLUMNS",
    "Candidate",
    "InputProblem",
    "ParsedInput",
    "Plan",
    "candidate",
    "parse_input",
    "read_input",
    "screen",
    "screenable_tasks",
]
