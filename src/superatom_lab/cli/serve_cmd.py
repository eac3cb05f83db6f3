"""``superatom serve``: the dashboards for a class, from one Voila server on one port.

The recipes, settings and measured class load are in docs/deploy.md.

Examples
--------
>>> from superatom_lab.cli.main import build_parser
>>> args = build_parser().parse_args(["serve", "--students", "20"])
>>> args.students, args.pool, args.folder
('20', '12', 'notebooks/dashboards')
"""

from __future__ import annotations

from pathlib import Path

from superatom_lab.cli.numbers import parse_number
from superatom_lab.errors import InputError
from superatom_lab.serve import DEFAULT_POOL, DEFAULT_RETRY_SECONDS, DEFAULT_STUDENTS


def add_parser(sub) -> None:
    """Register the ``serve`` subcommand."""
    p = sub.add_parser(
        "serve",
        help="serve the dashboards to a class (Voila with a cap on seats)",
        description="One Voila server for a class: index.ipynb pre-heated, at most --students "
        "pages holding kernels (one more sees a 'full, retrying' page), idle kernels culled, "
        "no tracebacks, no page asset from a CDN.",
    )
    p.add_argument(
        "folder", nargs="?", default="notebooks/dashboards",
        help="folder of dashboard notebooks with index.ipynb (default: notebooks/dashboards)",
    )  # fmt: skip
    p.add_argument(
        "--students", default=str(DEFAULT_STUDENTS),
        help=f"pages served at once (default {DEFAULT_STUDENTS})",
    )  # fmt: skip
    p.add_argument(
        "--pool", default=str(DEFAULT_POOL),
        help=f"pre-heated kernels of index.ipynb (default {DEFAULT_POOL}; 0: none)",
    )  # fmt: skip
    p.add_argument(
        "--retry", default=str(DEFAULT_RETRY_SECONDS),
        help=f"seconds before a 'full' page asks again (default {DEFAULT_RETRY_SECONDS})",
    )  # fmt: skip
    p.add_argument("--port", default="8866", help="port (default 8866)")
    p.add_argument(
        "--ip", default="localhost",
        help="address to listen on (default localhost: put a TLS proxy in front, docs/deploy.md)",
    )  # fmt: skip


def run(args) -> int:
    """Check the folder and the port, then serve until interrupted.

    The class settings are checked by
    :func:`~superatom_lab.serve.class_server.serve_config`, before anything starts.
    """
    folder = Path(args.folder)
    if not (folder / "index.ipynb").is_file():
        raise InputError(f"{folder} has no index.ipynb: give the dashboards folder")
    port = parse_number(args.port, "--port", int)
    if not 0 < port < 65536:
        raise InputError("--port must be 1-65535")
    from superatom_lab.serve.class_server import main

    main(
        str(folder),
        students=parse_number(args.students, "--students", int),
        pool=parse_number(args.pool, "--pool", int),
        retry=parse_number(args.retry, "--retry", int),
        port=port,
        ip=args.ip,
    )
    return 0
