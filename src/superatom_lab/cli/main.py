"""Entry point of the ``superatom`` command.

Examples
--------
>>> main(["list"])  # doctest: +ELLIPSIS
name ...
0
"""

from __future__ import annotations

import sys

from superatom_lab.cli import doctor_cmd, orbitals_cmd, property_cmd, science_cmds
from superatom_lab.cli.parsing import OneLineParser
from superatom_lab.errors import (
    CalculationCancelled,
    CalculationError,
    InputError,
)

EXIT_INPUT = 2
EXIT_CALCULATION = 3
EXIT_CANCELLED = 130


def build_parser() -> OneLineParser:
    """The argument parser of ``superatom`` and its subcommands."""
    parser = OneLineParser(
        prog="superatom",
        description="Superatom Lab: build clusters and compute their electron affinities "
        "and ionization energies with PySCF.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    sub.add_parser("list", help="print the catalogue of named species")

    property_cmd.add_parsers(sub)
    orbitals_cmd.add_parser(sub)
    science_cmds.add_parsers(sub)
    doctor_cmd.add_parser(sub)
    return parser


def _cmd_list(args) -> int:
    from superatom_lab.core import catalogue

    rows = [catalogue.get_species(n) for n in catalogue.names()]
    width = max(len(s.name) for s in rows)
    print(f"{'name':<{width}}  charge  {'category':<16}  mimics")
    for s in rows:
        print(f"{s.name:<{width}}  {s.charge:+6d}  {s.category:<16}  {s.mimics}")
    return 0


COMMANDS = {
    "list": _cmd_list,
    "ea": property_cmd.run,
    "ip": property_cmd.run,
    "orbitals": orbitals_cmd.run,
    "jellium": science_cmds.run_jellium,
    "count": science_cmds.run_count,
    "doctor": doctor_cmd.run,
}


def main(argv: list[str] | None = None) -> int:
    """Run ``superatom`` with ``argv`` and return the exit status.

    Bad input gives status 2, a calculation that cannot give a result 3, and
    each prints one ``error: ...`` line on stderr, without a traceback.
    """
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except CalculationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CALCULATION
    except (CalculationCancelled, KeyboardInterrupt):
        print(
            "error: cancelled; nothing was stored for the unfinished calculation", file=sys.stderr
        )
        return EXIT_CANCELLED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
