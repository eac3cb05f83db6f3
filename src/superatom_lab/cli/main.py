"""Entry point of the ``superatom`` command.

Examples
--------
>>> main(["list"])  # doctest: +ELLIPSIS
name ...
0
"""

from __future__ import annotations

import json
import sys
import time

from superatom_lab.cli import orbitals_cmd, science_cmds
from superatom_lab.cli.parsing import OneLineParser, load_structure, parse_charge, parse_spin
from superatom_lab.errors import (
    CalculationCancelled,
    CalculationError,
    InputError,
    SuperatomLabError,
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

    for name, what in (
        ("ea", "vertical electron affinity E(Q) - E(Q-1)"),
        ("ip", "vertical ionization energy E(Q+1) - E(Q)"),
    ):
        p = sub.add_parser(name, help=what, description=f"Compute the {what} in eV.")
        p.add_argument("structure", help="a catalogue name (see 'superatom list') or an .xyz file")
        p.add_argument("--charge", help="charge Q of the species (default 0: the neutral parent)")
        p.add_argument(
            "--spin", help="2S of the charge-Q species (default: ground state, searched)"
        )
        p.add_argument("--preset", default=None, help="method preset (default: standard)")
        p.add_argument(
            "--no-cache", action="store_true", help="recompute even if a result is cached"
        )
        p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    orbitals_cmd.add_parser(sub)
    science_cmds.add_parsers(sub)
    return parser


def _cmd_list(args) -> int:
    from superatom_lab.core import catalogue

    rows = [catalogue.get_species(n) for n in catalogue.names()]
    width = max(len(s.name) for s in rows)
    print(f"{'name':<{width}}  charge  {'category':<16}  mimics")
    for s in rows:
        print(f"{s.name:<{width}}  {s.charge:+6d}  {s.category:<16}  {s.mimics}")
    return 0


def _cmd_property(args) -> int:
    from superatom_lab.cli.progress import CycleBar
    from superatom_lab.cli.report import property_json, property_text
    from superatom_lab.qc.presets import DEFAULT_PRESET, get_method
    from superatom_lab.store import ResultStore

    start = time.perf_counter()
    cluster = load_structure(args.structure, parse_charge(args.charge), parse_spin(args.spin))
    method = get_method(args.preset or DEFAULT_PRESET)
    from superatom_lab.qc import properties

    compute = properties.electron_affinity if args.command == "ea" else properties.ionization_energy
    bar = CycleBar()
    try:
        result = compute(
            cluster, method, store=ResultStore(), read_cache=not args.no_cache, progress=bar
        )
    finally:
        bar.close()
    elapsed = time.perf_counter() - start
    if args.json:
        print(json.dumps(property_json(result, args.structure, elapsed_s=elapsed), indent=1))
    else:
        print(
            property_text(
                result,
                args.structure,
                elapsed_s=elapsed,
                reference=_reference(args.command, args.structure, cluster.charge),
            )
        )
    return 0


def _reference(command: str, structure: str, charge: int):
    """The experimental value for a catalogue species at charge 0, if known."""
    if charge != 0:
        return None
    from superatom_lab.core import reference

    lookup = reference.experimental_ea if command == "ea" else reference.experimental_ie
    try:
        return lookup(structure)
    except SuperatomLabError:
        return None


COMMANDS = {
    "list": _cmd_list,
    "ea": _cmd_property,
    "ip": _cmd_property,
    "orbitals": orbitals_cmd.run,
    "jellium": science_cmds.run_jellium,
    "count": science_cmds.run_count,
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
