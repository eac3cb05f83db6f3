"""``superatom jellium``: levels and magic numbers of a spherical jellium cluster (no PySCF).

Examples
--------
>>> from superatom_lab.core.jellium import solve_jellium
>>> jellium_json(solve_jellium(8, 3.93))["magic_numbers"][:2]
[2, 8]
"""

from __future__ import annotations

import json

from superatom_lab.cli.numbers import parse_number


def add_parser(sub) -> None:
    """Register the ``jellium`` subcommand."""
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


def run(args) -> int:
    """Run ``superatom jellium``."""
    from superatom_lab.core.jellium import solve_jellium

    n = parse_number(args.electrons, "--electrons", int)
    result = solve_jellium(
        n, parse_number(args.rs, "--rs"), charge=parse_number(args.charge, "--charge", int)
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
