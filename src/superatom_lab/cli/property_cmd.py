"""``superatom ea`` and ``superatom ip``: delta-SCF electron affinities and ionization energies.

Examples
--------
>>> parse_ladder("2")
2
"""

from __future__ import annotations

import json
import time

from superatom_lab.batch.properties import QUANTITY
from superatom_lab.errors import InputError
from superatom_lab.qc.tasks import TASKS, task_for


def parse_ladder(text: str | None) -> int | None:
    """Parse ``--ladder N``."""
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(f"--ladder takes a whole number, got {text!r}") from None


def add_parsers(sub) -> None:
    """Register ``ea`` and ``ip``."""
    for name, what in (
        ("ea", "electron affinity E(Q) - E(Q-1)"),
        ("ip", "ionization energy E(Q+1) - E(Q)"),
    ):
        p = sub.add_parser(name, help=what, description=f"Compute the {what} in eV.")
        p.add_argument("structure", help="a catalogue name (see 'superatom list') or an .xyz file")
        p.add_argument("--charge", help="charge Q of the species (default 0: the neutral parent)")
        p.add_argument(
            "--spin", help="2S of the charge-Q species (default: ground state, searched)"
        )
        p.add_argument("--preset", default=None, help="method preset (default: standard)")
        tasks = [t for t in TASKS.values() if t.quantity == QUANTITY[name] and t.kind != "ladder"]
        p.add_argument(
            "--kind",
            default="vertical",
            choices=[t.kind for t in tasks],
            help="; ".join(f"{t.kind}: {t.description}" for t in tasks),
        )
        if name == "ea":
            p.add_argument("--ladder", metavar="N", help="successive EAs EA_n ... EA_(n+N-1)")
        p.add_argument(
            "--no-cache", action="store_true", help="recompute even if a result is cached"
        )
        p.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def run(args) -> int:
    """Run ``superatom ea`` or ``superatom ip``."""
    from superatom_lab.cli.parsing import load_structure, parse_charge, parse_spin
    from superatom_lab.cli.progress import CycleBar
    from superatom_lab.cli.report import ladder_json, property_json, property_text
    from superatom_lab.qc.presets import DEFAULT_PRESET, get_method
    from superatom_lab.qc.tasks import Request
    from superatom_lab.store import ResultStore

    start = time.perf_counter()
    ladder = parse_ladder(getattr(args, "ladder", None))
    if ladder is not None and args.kind != "vertical":
        raise InputError("--ladder gives vertical electron affinities; drop --kind")
    cluster = load_structure(args.structure, parse_charge(args.charge), parse_spin(args.spin))
    method = get_method(args.preset or DEFAULT_PRESET)
    if ladder is not None:
        request = Request.make("successive_electron_affinities", cluster, method, n=ladder)
    else:
        request = Request.make(task_for(QUANTITY[args.command], args.kind), cluster, method)
    bar = CycleBar()
    try:
        results = request.run(store=ResultStore(), read_cache=not args.no_cache, progress=bar)
    finally:
        bar.close()
    results = results if ladder is not None else [results]
    elapsed = time.perf_counter() - start
    refs = [_reference(args, r.states[0].charge) for r in results]
    if args.json:
        if ladder is not None:
            payload = ladder_json(results, args.structure, elapsed_s=elapsed, references=refs)
        else:
            payload = property_json(results[0], args.structure, elapsed_s=elapsed,
                                    reference=refs[0])  # fmt: skip
        print(json.dumps(payload, indent=1))
    else:
        for result, ref in zip(results, refs):
            print(property_text(result, args.structure, elapsed_s=elapsed, reference=ref))
    return 0


def _reference(args, charge: int):
    """A reference value for a catalogue species: experiment, else a computed one (see its kind)."""
    from superatom_lab.core import catalogue, reference

    try:
        name = catalogue.canonical_name(args.structure)
    except InputError:
        return None
    found = reference.references_for(name, QUANTITY[args.command], args.kind, charge)
    return found[0] if found else None
