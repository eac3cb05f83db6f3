"""``superatom screen INPUT``: one property for every structure of an input file, on Dask.

Exit status 0 when every row has a value, 1 when some row failed, 2 when the
input is unusable (no valid line), 130 after Ctrl-C (the finished rows are
printed and written).

Examples
--------
>>> PROPERTIES["ea"], PROPERTIES["vde"], PROPERTIES["ie"]
('electron_affinity', 'vertical_detachment_energy', 'ionization_energy')
>>> sorted(PROPERTIES)
['ea', 'ea-adiabatic', 'ie', 'ie-adiabatic', 'ip', 'ip-adiabatic', 'vde']
"""

from __future__ import annotations

import sys
from pathlib import Path

from superatom_lab.cli.numbers import parse_number
from superatom_lab.cli.property_cmd import QUANTITY
from superatom_lab.errors import InputError
from superatom_lab.qc.tasks import TASKS

EXIT_SOME_FAILED = 1
EXIT_INPUT = 2
EXIT_CANCELLED = 130
#: What the printed table shows (the CSV has every column).
SHOWN = ["name", "charge", "value_ev", "cached", "worker", "error"]


def _property_names() -> dict[str, str]:
    """``--property`` names -> task names: the ``ea``/``ip`` commands and their kinds."""
    names = {}
    for command, quantity in QUANTITY.items():
        for task in TASKS.values():
            if task.quantity != quantity or task.kind in ("ladder", "table"):
                continue
            if task.kind == "vertical":
                names[command] = task.name
            elif task.kind == "vde":
                names["vde"] = task.name
            else:
                names[f"{command}-{task.kind}"] = task.name
    for name in [n for n in names if n.startswith("ip")]:  # "ie" is said as often as "ip"
        names["ie" + name[2:]] = names[name]
    return names


PROPERTIES = _property_names()


def add_parser(sub) -> None:
    """Register ``screen``."""
    p = sub.add_parser(
        "screen",
        help="one property for every structure of an input file, in parallel (Dask)",
        description="Compute one property for every structure listed in INPUT, one per line as "
        "'NAME [charge]' or 'path.xyz [charge]' ('#' starts a comment; paths are relative to "
        "INPUT's folder). Answers in the cache are read first; the rest run on a local Dask "
        "cluster (or the scheduler given) and are stored as each finishes. Prints the table "
        "sorted by value and writes it as CSV.",
    )
    p.add_argument("input", help="the input file")
    p.add_argument(
        "--property",
        default="ea",
        choices=sorted(PROPERTIES),
        help="; ".join(f"{n}: {TASKS[t].label}" for n, t in sorted(PROPERTIES.items())),
    )
    p.add_argument("--preset", default="quick", help="method preset (default: quick)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, tcp://host:port")
    p.add_argument("--workers", metavar="N", help="local worker processes (default: cores)")
    p.add_argument(
        "--out",
        metavar="CSV",
        help="the CSV file (default: <INPUT's stem>_<property>_<preset>.csv here)",
    )


def _table_text(table) -> str:
    """The rows sorted by value (largest first, failures last), as text."""
    shown = table.sort_values("value_ev", ascending=False, na_position="last")[SHOWN]
    shown = shown.rename(columns={"value_ev": "value (eV)"})
    return shown.to_string(index=False, float_format=lambda v: f"{v:.3f}", na_rep="-")


def run(args) -> int:
    """Run ``superatom screen``."""
    from superatom_lab.batch import read_input, screen
    from superatom_lab.cli.progress import ScreenBar

    workers = None if args.workers is None else parse_number(args.workers, "--workers", int)
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    parsed = read_input(args.input)
    for problem in parsed.problems:
        print(f"warning: {args.input}: {problem}", file=sys.stderr)
    if not parsed.candidates:
        print(f"error: {args.input} has no usable line", file=sys.stderr)
        return EXIT_INPUT
    out = Path(args.out or f"{Path(args.input).stem}_{args.property}_{args.preset}.csv")
    bar = ScreenBar()
    try:
        table = screen(
            parsed.candidates,
            task=PROPERTIES[args.property],
            preset=args.preset,
            client=args.scheduler,
            workers=workers,
            progress=bar,
        )
    finally:
        bar.close()
    print(_table_text(table))
    table.to_csv(out, index=False)
    print(f"wrote {out}", file=sys.stderr)
    if table.attrs.get("interrupted"):
        return EXIT_CANCELLED
    return 0 if table["value_ev"].notna().all() else EXIT_SOME_FAILED
