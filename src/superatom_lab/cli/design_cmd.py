"""``superatom design FAMILY --target "vde>=5"``: search a family for a target window.

FAMILY is ``superhalogen`` (MX(k+1) over the default centres and ligands),
``superalkali`` (M(k+1)X), ``cage`` (B12X12) or a family file.  Every member is
screened at ``--preset``; the best ``--top`` are computed again at
``--refine`` and ranked again.  The CSV has one row per candidate with both
ranks and why each one fell out.  Exit status 0 when every screened row has a
value, 1 when some failed, 2 when the input is unusable (an unknown family,
no usable line, a malformed target), 130 after Ctrl-C.

Examples
--------
>>> family_of("superhalogen").kind
'superhalogen'
"""

from __future__ import annotations

import sys
from pathlib import Path

from superatom_lab.cli.numbers import parse_number
from superatom_lab.cli.screen_cmd import (
    EXIT_CANCELLED,
    EXIT_INPUT,
    EXIT_SOME_FAILED,
    add_dask_options,
    run_with_bar,
    warn_problems,
    workers_of,
    write_csv,
    writer,
)
from superatom_lab.core.families import FAMILY_KINDS
from superatom_lab.errors import InputError

#: What the printed table shows (the CSV has every column).
SHOWN = ["name", "screen_value_ev", "screen_rank", "refined_value_ev", "refined_rank", "verdict"]


def add_parser(sub) -> None:
    """Register ``design``."""
    p = sub.add_parser(
        "design",
        help="search a family of clusters for a target window (quick screen, accurate re-rank)",
        description="Screen every member of FAMILY at --preset, compute the best --top again at "
        "--refine, and report both ranks and why each candidate fell out. FAMILY is "
        f"{', '.join(FAMILY_KINDS)} (their default members) or a family file.",
    )
    p.add_argument("family", help=f"{', '.join(FAMILY_KINDS)}, or a family file")
    p.add_argument("--target", required=True, help='the window, e.g. "vde>=5" or "ie<=3.9"')
    p.add_argument("--refine", default="accurate", help="preset of the second step")
    p.add_argument("--top", default="3", metavar="K", help="how many reach the second step")
    add_dask_options(p)


def family_of(text: str):
    """The family named ``text`` or written in the file ``text`` (its problems on stderr)."""
    from superatom_lab.batch import read_family
    from superatom_lab.core.families import make_family

    if text.lower() in FAMILY_KINDS and not Path(text).is_file():
        return make_family(text.lower())
    if not Path(text).exists():
        raise InputError(f"unknown family {text!r}: use {', '.join(FAMILY_KINDS)} or a family file")
    parsed = read_family(text)
    warn_problems(text, parsed.problems)
    return parsed.family


def run(args) -> int:
    """Run ``superatom design``."""
    from superatom_lab.batch import design, parse_target

    workers = workers_of(args)
    top = parse_number(args.top, "--top", int)
    target = parse_target(args.target)
    family = family_of(args.family)
    if family is None:
        print(f"error: {args.family} has no usable line", file=sys.stderr)
        return EXIT_INPUT
    table = run_with_bar(design, family, target, preset=args.preset, refine=args.refine, top=top,
                         client=args.scheduler, workers=workers, write=writer(args))  # fmt: skip
    print(f"target {target}: {int(table['selected'].sum())} of {len(table)} candidates meet it")
    shown = table[SHOWN].astype({"screen_rank": object, "refined_rank": object}).fillna("-")
    print(shown.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    write_csv(table, Path(args.out or f"{Path(args.family).stem}_design.csv"))
    if table.attrs.get("interrupted"):
        return EXIT_CANCELLED
    failed = (table["screen_error"] != "").any() or (table["refine_error"] != "").any()
    return EXIT_SOME_FAILED if failed else 0
