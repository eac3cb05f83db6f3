"""``superatom precompute``: compute the results the package ships, or list them.

Examples
--------
>>> print(status_line("shipped", "vertical IE of Li", "standard", {"value_ev": 5.3, "wall_s": 2.0}))
shipped  vertical IE of Li                standard  5.300 eV   2.0 s
>>> print(status_line("missing", "vertical IE of Li", "standard", None))
missing  vertical IE of Li                standard  -
"""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    """Register the ``precompute`` subcommand."""
    p = sub.add_parser(
        "precompute",
        help="compute the results shipped with the package (source checkouts only)",
        description="Recompute every result the manifest (superatom_lab/data/shipped/"
        "manifest.json) declares, with the cache ignored, and write the records and their "
        "provenance into the package's data folder, which must be writable. With --list, "
        "print each entry's status instead: shipped, stale (its records no longer match its "
        "keys) or missing.",
    )
    p.add_argument("--only", metavar="NAMES", help="only the entries of these species "
                   "(comma-separated, e.g. Cl or Li,Na)")  # fmt: skip
    p.add_argument("--preset", metavar="NAME", help="only the entries computed with this preset "
                   "(e.g. --only BF4 --preset standard)")  # fmt: skip
    p.add_argument("--list", action="store_true", help="print the manifest and each entry's status")
    p.add_argument(
        "--reuse",
        metavar="DIR",
        help="take the converged states and relaxations found in this result-cache folder "
        "(e.g. the SUPERATOM_LAB_CACHE of an earlier 'superatom ea' run) instead of computing "
        "them; the keys guarantee the same geometry, method, PySCF version and schema, and the "
        "provenance lists them",
    )


def status_line(status: str, what: str, preset: str, provenance: dict | None) -> str:
    """One line of ``--list``: status, request, preset, value and wall time when computed."""
    line = f"{status:<7}  {what:<31}  {preset:<8}  "
    if provenance is None:
        return line + "-"
    value = provenance["value_ev"]
    values = value if isinstance(value, list) else [value]
    text = ", ".join(f"{v:.3f}" for v in values)
    return line + f"{text} eV {provenance['wall_s']:5.1f} s"


def run(args) -> int:
    """Run ``superatom precompute``."""
    from superatom_lab.qc.manifest import entry_status, load_manifest, load_provenance, select
    from superatom_lab.store.shipped import ShippedRecords, shipped_dir

    folder = shipped_dir()
    if not args.list:
        from superatom_lab.qc.precompute import check_writable

        check_writable(folder)  # refuse at once in an installed package
    manifest = load_manifest()
    entries = select(manifest, args.only, args.preset)
    if args.list:
        provenance = load_provenance(folder)
        shipped = ShippedRecords(folder)
        for entry in entries:
            status, _ = entry_status(entry, shipped, provenance)
            known = provenance.get(entry.name) if status == "shipped" else None
            print(status_line(status, entry.request().describe(), entry.preset, known))
        return 0
    from superatom_lab.cli.progress import CycleBar
    from superatom_lab.qc.precompute import precompute

    bar = CycleBar()

    def report(entry, provenance):
        bar.close()
        what = entry.request().describe()
        print(status_line("shipped", what, entry.preset, provenance), flush=True)

    try:
        precompute(entries, folder, manifest, report=report, progress=bar, reuse=args.reuse)
    finally:
        bar.close()
    print(f"wrote {len(entries)} of {len(manifest)} entries into {folder}", file=sys.stderr)
    return 0
