"""``superatom list``: the catalogue of named species.

Examples
--------
>>> run(None)  # doctest: +ELLIPSIS
name ...
0
"""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the ``list`` subcommand."""
    sub.add_parser("list", help="print the catalogue of named species")


def run(args) -> int:
    """Run ``superatom list``: one line per species (name, charge, category, what it mimics)."""
    from superatom_lab.core import catalogue

    rows = [catalogue.get_species(n) for n in catalogue.names()]
    width = max(len(s.name) for s in rows)
    print(f"{'name':<{width}}  charge  {'category':<16}  mimics")
    for s in rows:
        print(f"{s.name:<{width}}  {s.charge:+6d}  {s.category:<16}  {s.mimics}")
    return 0
