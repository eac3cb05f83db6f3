"""``superatom count``: which electron-counting rules apply to a cluster (no PySCF).

Examples
--------
>>> import argparse
>>> args = argparse.Namespace(structure="Al13", charge="-1", rule=["jellium"], json=False)
>>> run(args)  # doctest: +ELLIPSIS
Al13 (Al13, charge -1)
  jellium      count 40: satisfied. ...
0
"""

from __future__ import annotations

import json


def add_parser(sub) -> None:
    """Register the ``count`` subcommand."""
    p = sub.add_parser(
        "count",
        help="electron-counting rules (jellium, Wade, octet, 18e, 32e, Hueckel, Hirsch)",
        description="Which electron-counting rules apply to a cluster, its count under each, "
        "and what each predicts.",
    )
    p.add_argument("structure", help="a catalogue name or an .xyz file")
    p.add_argument("--charge", help="charge (default 0)")
    p.add_argument("--rule", action="append", help="only this rule (repeatable)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def run(args) -> int:
    """Run ``superatom count``."""
    from dataclasses import asdict

    from superatom_lab.cli.parsing import load_structure, parse_charge
    from superatom_lab.core.counting import count_electrons

    cluster = load_structure(args.structure, parse_charge(args.charge), None)
    results = count_electrons(cluster, rules=args.rule)
    if args.json:
        payload = {
            "structure": args.structure,
            "formula": cluster.formula,
            "charge": cluster.charge,
            "rules": [asdict(r) for r in results],
        }
        print(json.dumps(payload, indent=1))
        return 0
    print(f"{cluster.name} ({cluster.formula}, charge {cluster.charge:+d})")
    for r in results:
        if not r.applies:
            print(f"  {r.rule:12s} not applicable: {r.why}")
            continue
        verdict = "satisfied" if r.satisfied else "not satisfied"
        print(f"  {r.rule:12s} count {r.count}: {verdict}. {r.prediction} ({r.why})")
    return 0
