"""``superatom cache info`` and ``superatom cache clean``: the result cache, and removing it.

Examples
--------
>>> format_size(1536), format_size(0), format_size(3_200_000)
('1.5 kB', '0 B', '3.2 MB')
"""

from __future__ import annotations

import json
import math

from superatom_lab.cli.numbers import parse_number
from superatom_lab.errors import InputError


def add_parser(sub) -> None:
    """Register the ``cache`` subcommand with its ``info`` and ``clean`` subcommands."""
    p = sub.add_parser(
        "cache",
        help="size of the result cache, and cleaning it",
        description="The result cache ($SUPERATOM_LAB_CACHE or ~/.cache/superatom-lab): "
        "what it holds, and removing all of it or what is older than some days.",
    )
    actions = p.add_subparsers(
        dest="cache_command", metavar="{info,clean}", required=True, parser_class=type(p)
    )
    info = actions.add_parser(
        "info",
        help="size, records, cube files, oldest entry and folder of the cache",
        description="Print the cache folder, its size, its records and cube files, the oldest "
        "of them, damaged files set aside, records of older schema versions, and the "
        "precomputed records shipped with the package (read-only, never cleaned).",
    )
    info.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    clean = actions.add_parser(
        "clean",
        help="remove cached results and cube files (all, or those older than DAYS)",
        description="Remove every cached record and cube file, or with --older-than only those "
        "last written more than DAYS days ago. Leftovers of interrupted writes, damaged files set "
        "aside and records of older schema versions are removed either way. The precomputed "
        "records shipped with the package are never removed.",
    )
    clean.add_argument("--older-than", metavar="DAYS", help="only entries older than DAYS days")
    clean.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def format_size(n_bytes: int) -> str:
    """A size in bytes for people: ``B``, ``kB``, ``MB``, ``GB`` (powers of 1000)."""
    size = float(n_bytes)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")  # pragma: no cover


def _plural(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def info_text(info) -> str:
    """The plain-text report of ``superatom cache info``.

    Examples
    --------
    >>> from pathlib import Path
    >>> from superatom_lab.store import CacheInfo
    >>> print(info_text(CacheInfo(Path("/c"), 2500, 3, 1, None, 0, 2)))
    folder       /c
    size         2.5 kB
    records      3
    cube files   1
    oldest       -
    quarantined  0 damaged files set aside
    old schema   2 records of older versions (never read; 'superatom cache clean' removes them)
    shipped      0 precomputed records (read-only, never cleaned)
    """
    oldest = info.oldest.strftime("%Y-%m-%d %H:%M:%S") if info.oldest else "-"
    return "\n".join(
        [
            f"folder       {info.root}",
            f"size         {format_size(info.size_bytes)}",
            f"records      {info.n_records}",
            f"cube files   {info.n_cube_files}",
            f"oldest       {oldest}",
            f"quarantined  {_plural(info.n_quarantined, 'damaged file')} set aside",
            f"old schema   {_plural(info.n_old_schema, 'record')} of older versions (never read; "
            "'superatom cache clean' removes them)",
            f"shipped      {_plural(info.n_shipped, 'precomputed record')} (read-only, never "
            f"cleaned{'; ' + str(info.shipped_root) if info.shipped_root else ''})",
        ]
    )


def clean_text(report) -> str:
    """The plain-text report of ``superatom cache clean``.

    Examples
    --------
    >>> from pathlib import Path
    >>> from superatom_lab.store import CleanReport
    >>> print(clean_text(CleanReport(Path("/c"), n_records=2, schema_folders=("v1",))))
    removed from /c:
      2 records
      0 cube files
      0 temporary files
      0 quarantined files
      old schema folders: v1
    freed 0 B
    """
    folders = ", ".join(report.schema_folders) or "none"
    return "\n".join(
        [
            f"removed from {report.root}:",
            f"  {_plural(report.n_records, 'record')}",
            f"  {_plural(report.n_cube_files, 'cube file')}",
            f"  {_plural(report.n_tmp_files, 'temporary file')}",
            f"  {_plural(report.n_quarantined, 'quarantined file')}",
            f"  old schema folders: {folders}",
            f"freed {format_size(report.freed_bytes)}",
        ]
    )


def parse_days(text: str | None) -> float | None:
    """Parse ``--older-than DAYS``: a number >= 0, or ``None`` when it is not given.

    Examples
    --------
    >>> parse_days("1.5"), parse_days(None)
    (1.5, None)
    >>> parse_days("-2")
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: --older-than must be a number of days >= 0, got '-2'
    """
    if text is None:
        return None
    days = parse_number(text, "--older-than")
    if not math.isfinite(days) or days < 0:
        raise InputError(f"--older-than must be a number of days >= 0, got {text!r}")
    return days


def run(args) -> int:
    """Run ``superatom cache info`` or ``superatom cache clean``."""
    from superatom_lab.store import ResultStore

    store = ResultStore()
    if args.cache_command == "info":
        info = store.info()
        print(json.dumps(info.to_dict(), indent=1) if args.json else info_text(info))
        return 0
    report = store.clean(parse_days(args.older_than))
    print(json.dumps(report.to_dict(), indent=1) if args.json else clean_text(report))
    return 0
