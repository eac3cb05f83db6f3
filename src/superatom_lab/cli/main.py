"""Entry point of the ``superatom`` command.

Examples
--------
>>> main(["list"])  # doctest: +ELLIPSIS
name ...
0
"""

from __future__ import annotations

import os
import sys

from superatom_lab.cli import (
    cache_cmd,
    count_cmd,
    design_cmd,
    doctor_cmd,
    jellium_cmd,
    list_cmd,
    orbitals_cmd,
    precompute_cmd,
    property_cmd,
    screen_cmd,
    serve_cmd,
)
from superatom_lab.cli.parsing import OneLineParser
from superatom_lab.cli.warning_lines import one_line_warnings
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

    list_cmd.add_parser(sub)
    property_cmd.add_parsers(sub)
    orbitals_cmd.add_parser(sub)
    jellium_cmd.add_parser(sub)
    count_cmd.add_parser(sub)
    cache_cmd.add_parser(sub)
    precompute_cmd.add_parser(sub)
    screen_cmd.add_parser(sub)
    design_cmd.add_parser(sub)
    doctor_cmd.add_parser(sub)
    serve_cmd.add_parser(sub)
    return parser


COMMANDS = {
    "list": list_cmd.run,
    "ea": property_cmd.run,
    "ip": property_cmd.run,
    "orbitals": orbitals_cmd.run,
    "jellium": jellium_cmd.run,
    "count": count_cmd.run,
    "cache": cache_cmd.run,
    "precompute": precompute_cmd.run,
    "screen": screen_cmd.run,
    "design": design_cmd.run,
    "doctor": doctor_cmd.run,
    "serve": serve_cmd.run,
}


def main(argv: list[str] | None = None) -> int:
    """Run ``superatom`` with ``argv`` and return the exit status.

    Bad input gives status 2, a calculation that cannot give a result 3, and
    each prints one ``error: ...`` line on stderr, without a traceback.
    """
    args = build_parser().parse_args(argv)
    try:
        with one_line_warnings():
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
    except BrokenPipeError:  # the reader stopped early (`superatom orbitals Al13 | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
