"""``superatom jellium`` and ``superatom count``: models and rules, no PySCF involved.

Examples
--------
>>> from superatom_lab.core.jellium import solve_jellium
>>> jellium_json(solve_jellium(8, 3.93))["magic_numbers"][:2]
[2, 8]
"""

from __future__ import annotations

import json


def add_parsers(sub) -> None:
    """Register the ``jellium`` and ``count`` subcommands."""
    p = sub.add_parser(
        "jellium",
        help="levels and magic numbers of a spherical jellium cluster",
        description="Self-consistent Kohn-Sham (LDA) jellium model of N electrons in a uniform "
        "positive sphere of Wigner-Seitz radius r_s (bohr): Na 3.93, Al 2.07.",
    )
    p.add_argument("--electrons", required=True, help="number of valence electrons N")
    p.add_argument("--rs", required=True, help="Wigner-Seitz radius r_s in bohr")
    p.add_argument("--charge", default="0", help="net charge (background holds N + charge)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")

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


def _number(text: str, what: str, kind=float):
    from superatom_lab.errors import InputError

    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what} must be a number, got {text!r}") from None
    if kind is int:
        if not value.is_integer():
            raise InputError(f"{what} must be a whole number, got {text!r}")
        return int(value)
    return value


def jellium_json(result) -> dict:
    """The ``superatom jellium --json`` object."""
    return {
        "n_electrons": result.n_electrons,
        "rs_bohr": result.rs_bohr,
        "charge": result.charge,
        "method": result.method,
        "levels": [
            {
                "n": lv.n,
                "l": lv.l,
                "label": lv.label,
                "energy_ev": round(lv.energy_ev, 4),
                "degeneracy": lv.degeneracy,
                "occupation": round(occ, 4),
            }
            for lv, occ in zip(result.levels, result.occupations)
        ],
        "magic_numbers": list(result.magic_numbers),
        "major_magic_numbers": list(result.major_magic_numbers),
        "configuration": result.configuration,
    }


def run_jellium(args) -> int:
    """Run ``superatom jellium``."""
    from superatom_lab.core.jellium import solve_jellium

    n = _number(args.electrons, "--electrons", int)
    result = solve_jellium(
        n, _number(args.rs, "--rs"), charge=_number(args.charge, "--charge", int)
    )
    if args.json:
        print(json.dumps(jellium_json(result), indent=1))
        return 0
    print(f"jellium: {result.n_electrons} electrons, r_s = {result.rs_bohr} bohr ({result.method})")
    print(f"configuration: {result.configuration}")
    print("  level   E (eV)   degeneracy  occupation")
    for lv, occ in zip(result.levels, result.occupations):
        print(f"  {lv.label:5s} {lv.energy_ev:9.3f}   {lv.degeneracy:6d}     {occ:6.2f}")
    print("magic numbers:", ", ".join(str(m) for m in result.magic_numbers))
    return 0


def run_count(args) -> int:
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
