"""``superatom screen INPUT``: one property for every structure of an input file, on Dask.

INPUT lists structures (``NAME [charge]`` or ``path.xyz [charge]`` per line) or
is a family file (its first line ``family KIND``;
:mod:`superatom_lab.batch.family_file`).  Exit status 0 when every row has a
value, 1 when some row failed, 2 when the input is unusable (no valid line,
an unknown family), 130 after Ctrl-C (the finished rows are printed and
written).

Examples
--------
>>> from types import SimpleNamespace
>>> workers_of(SimpleNamespace(workers="2"))
2
"""

from __future__ import annotations

import sys
from pathlib import Path

from superatom_lab.batch.properties import PROPERTIES
from superatom_lab.cli.numbers import parse_number
from superatom_lab.errors import InputError
from superatom_lab.qc.tasks import TASKS

EXIT_SOME_FAILED = 1
EXIT_INPUT = 2
EXIT_CANCELLED = 130
#: What the printed table shows (the CSV has every column).
SHOWN = ["name", "charge", "value_ev", "cached", "worker", "error"]


def add_dask_options(p) -> None:
    """``--preset``, ``--scheduler``, ``--workers`` and ``--out``, shared by screen and design."""
    p.add_argument("--preset", default="quick", help="method preset (default: quick)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, tcp://host:port")
    p.add_argument("--workers", metavar="N", help="local worker processes (default: cores)")
    p.add_argument("--out", metavar="CSV", help="the CSV file (default: named after the input)")
    p.add_argument(
        "--shared-cache",
        action="store_true",
        help="the workers write into the cache folder themselves (it must be on a file system "
        "they share, under the same path); by default they send their results back",
    )


def add_parser(sub) -> None:
    """Register ``screen``."""
    p = sub.add_parser(
        "screen",
        help="one property for every structure of an input file, in parallel (Dask)",
        description="Compute one property for every structure listed in INPUT, one per line as "
        "'NAME [charge]' or 'path.xyz [charge]' ('#' starts a comment; paths are relative to "
        "INPUT's folder), or for every member of a family file (first line 'family KIND'). "
        "Answers in the cache are read first; the rest run on a local Dask cluster (or the "
        "scheduler given) and are stored as each finishes. Prints the table sorted by value "
        "and writes it as CSV (default: <INPUT's stem>_<property>_<preset>.csv here).",
    )
    p.add_argument("input", help="the input file, or a family file")
    p.add_argument(
        "--property",
        default=None,
        choices=sorted(PROPERTIES),
        help="default: ea for a list, the family's own for a family file; "
        + "; ".join(f"{n}: {TASKS[t].label}" for n, t in sorted(PROPERTIES.items())),
    )
    add_dask_options(p)


def workers_of(args) -> int | None:
    """``--workers`` as a whole number >= 1, or ``None``."""
    if args.workers is None:
        return None
    workers = parse_number(args.workers, "--workers", int)
    if workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    return workers


def writer(args) -> str:
    """Who writes the records: ``"workers"`` with ``--shared-cache``, else ``"client"``."""
    return "workers" if args.shared_cache else "client"


def warn_problems(source, problems) -> None:
    """One warning line on stderr per unusable input line."""
    for problem in problems:
        print(f"warning: {source}: {problem}", file=sys.stderr)


def run_with_bar(function, *args, **kwargs):
    """Call ``function(..., progress=bar)`` with a :class:`ScreenBar` on stderr."""
    from superatom_lab.batch.progress import ScreenBar

    bar = ScreenBar()
    try:
        return function(*args, progress=bar, **kwargs)
    finally:
        bar.close()


def write_csv(table, out: Path) -> None:
    """Write ``table`` to ``out`` whole or not at all (a temporary file, then a rename)."""
    partial = out.with_name(f".{out.name}.partial")
    table.to_csv(partial, index=False)
    partial.replace(out)
    print(f"wrote {out}", file=sys.stderr)


def _table_text(table) -> str:
    """The rows sorted by value (largest first, failures last), as text."""
    shown = table.sort_values("value_ev", ascending=False, na_position="last")[SHOWN]
    shown = shown.rename(columns={"value_ev": "value (eV)"})
    return shown.to_string(index=False, float_format=lambda v: f"{v:.3f}", na_rep="-")


def _candidates(path: str):
    """The input's candidates (a list, or a family), after its problems are reported."""
    from superatom_lab.batch import parse_family, parse_input
    from superatom_lab.batch.family_file import is_family_text
    from superatom_lab.batch.input_file import read_text

    text = read_text(path)
    if is_family_text(text):
        parsed = parse_family(text)
        warn_problems(path, parsed.problems)
        return parsed.family
    parsed = parse_input(text, base=Path(path).parent)
    warn_problems(path, parsed.problems)
    return parsed.candidates


def run(args) -> int:
    """Run ``superatom screen``."""
    from superatom_lab.batch import screen

    workers = workers_of(args)
    candidates = _candidates(args.input)
    if not candidates:
        print(f"error: {args.input} has no usable line", file=sys.stderr)
        return EXIT_INPUT
    task = PROPERTIES[args.property] if args.property else None
    table = run_with_bar(screen, candidates, task=task, preset=args.preset,
                         client=args.scheduler, workers=workers, write=writer(args))  # fmt: skip
    prop = args.property or next(n for n, t in PROPERTIES.items() if t == table["task"].iloc[0])
    print(_table_text(table))
    write_csv(table, Path(args.out or f"{Path(args.input).stem}_{prop}_{args.preset}.csv"))
    if table.attrs.get("interrupted"):
        return EXIT_CANCELLED
    return 0 if table["value_ev"].notna().all() else EXIT_SOME_FAILED
