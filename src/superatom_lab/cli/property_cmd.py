"""``superatom ea`` and ``superatom ip``: delta-SCF electron affinities and ionization energies.

Examples
--------
>>> parse_ladder("2")
2
"""

from __future__ import annotations

import json
import time

from superatom_lab.errors import InputError

KINDS = ("vertical", "adiabatic", "vde")


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
        kinds = KINDS if name == "ea" else KINDS[:2]
        p.add_argument(
            "--kind",
            default="vertical",
            choices=kinds,
            help="vertical (at the given geometry), adiabatic (both states relaxed)"
            + (", or vde (detachment energy of the relaxed anion)" if name == "ea" else ""),
        )
        if name == "ea":
            p.add_argument("--ladder", metavar="N", help="successive EAs EA_n ... EA_(n+N-1)")
        p.add_argument(
            "--no-cache", action="store_true", help="recompute even if a result is cached"
        )
        p.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def _compute(args, cluster, method, **kwargs):
    from superatom_lab.qc import adiabatic, properties

    table = {
        ("ea", "vertical"): properties.electron_affinity,
        ("ip", "vertical"): properties.ionization_energy,
        ("ea", "adiabatic"): adiabatic.electron_affinity_adiabatic,
        ("ip", "adiabatic"): adiabatic.ionization_energy_adiabatic,
        ("ea", "vde"): adiabatic.vertical_detachment_energy,
    }
    return table[(args.command, args.kind)](cluster, method, **kwargs)


def run(args) -> int:
    """Run ``superatom ea`` or ``superatom ip``."""
    from superatom_lab.cli.parsing import load_structure, parse_charge, parse_spin
    from superatom_lab.cli.progress import CycleBar
    from superatom_lab.cli.report import ladder_json, property_json, property_text
    from superatom_lab.qc.presets import DEFAULT_PRESET, get_method
    from superatom_lab.store import ResultStore

    start = time.perf_counter()
    ladder = parse_ladder(getattr(args, "ladder", None))
    if ladder is not None and args.kind != "vertical":
        raise InputError("--ladder gives vertical electron affinities; drop --kind")
    cluster = load_structure(args.structure, parse_charge(args.charge), parse_spin(args.spin))
    method = get_method(args.preset or DEFAULT_PRESET)
    kwargs = {"store": ResultStore(), "read_cache": not args.no_cache, "progress": CycleBar()}
    try:
        if ladder is not None:
            from superatom_lab.qc.ladder import electron_affinity_ladder

            results = electron_affinity_ladder(cluster, method, ladder, **kwargs)
        else:
            results = [_compute(args, cluster, method, **kwargs)]
    finally:
        kwargs["progress"].close()
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
    """A reference value for a catalogue species: experiment, else the review's EA_n."""
    from superatom_lab.core import catalogue, reference

    try:
        name = catalogue.canonical_name(args.structure)
    except InputError:
        return None
    if args.command == "ip":
        return reference.experimental_ie(name) if charge == 0 else None
    if charge == 0 and args.kind != "vde":
        found = reference.experimental_ea(name)
        if found is not None:
            return found
    if args.kind == "vde":
        return reference.reference_value(name, "VDE")
    from superatom_lab.qc.ladder import ea_index

    n = ea_index(charge)
    if n >= 2:
        measured = reference.reference_value(name, f"EA_{n}")
        if measured is not None:
            return measured
    return reference.computed_ea(name, n)
