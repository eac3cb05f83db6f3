"""``superatom serve``: the dashboards for a class, from one Voila server on one port.

The recipes, settings and measured class load are in docs/deploy.md.

Examples
--------
>>> p = build_parser_for_docs()
>>> vars(p.parse_args(["--students", "20"]))["students"]
'20'
"""

from __future__ import annotations

from pathlib import Path

from superatom_lab.cli.numbers import parse_number
from superatom_lab.errors import InputError


def _add_arguments(p) -> None:
    p.add_argument(
        "folder", nargs="?", default="notebooks/dashboards",
        help="folder of dashboard notebooks with index.ipynb (default: notebooks/dashboards)",
    )  # fmt: skip
    p.add_argument("--students", default="20", help="pages served at once (default 20)")
    p.add_argument(
        "--pool", default="12", help="pre-heated kernels of index.ipynb (default 12; 0: none)"
    )
    p.add_argument(
        "--retry", default="15", help="seconds before a 'full' page asks again (default 15)"
    )
    p.add_argument("--port", default="8866", help="port (default 8866)")
    p.add_argument(
        "--ip", default="localhost",
        help="address to listen on (default localhost: put a TLS proxy in front, docs/deploy.md)",
    )  # fmt: skip


def add_parser(sub) -> None:
    """Register the ``serve`` subcommand."""
    p = sub.add_parser(
        "serve",
        help="serve the dashboards to a class (Voila with a cap on seats)",
        description="One Voila server for a class: index.ipynb pre-heated, at most --students "
        "pages holding kernels (one more sees a 'full, retrying' page), idle kernels culled, "
        "no tracebacks, no page asset from a CDN.",
    )
    _add_arguments(p)


def build_parser_for_docs():
    """A stand-alone parser with the ``serve`` arguments (for examples and tests)."""
    import argparse

    p = argparse.ArgumentParser(prog="superatom serve")
    _add_arguments(p)
    return p


def run(args) -> int:
    """Check the arguments, then serve until interrupted."""
    folder = Path(args.folder)
    if not (folder / "index.ipynb").is_file():
        raise InputError(f"{folder} has no index.ipynb: give the dashboards folder")
    students = parse_number(args.students, "--students", int)
    pool = parse_number(args.pool, "--pool", int)
    port = parse_number(args.port, "--port", int)
    retry = parse_number(args.retry, "--retry", int)
    if students < 1 or pool < 0 or retry < 1 or not 0 < port < 65536:
        raise InputError(
            "--students and --retry must be at least 1, --pool at least 0, --port 1-65535"
        )
    from superatom_lab.serve.class_server import main

    main(str(folder), students=students, pool=pool, retry=retry, port=port, ip=args.ip)
    return 0
