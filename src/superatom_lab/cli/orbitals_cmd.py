"""``superatom orbitals``: the orbital table with l-weights and superatomic labels.

Examples
--------
>>> from superatom_lab.qc.orbital_table import OrbitalInfo, OrbitalTable
>>> o = OrbitalInfo(0, "alpha", -3.0, 2.0, "1S", (1, 0, 0, 0, 0, 0, 0), 0.9)
>>> t = OrbitalTable("Na2", 0, 0, {"xc": "pbe", "basis": "def2-svp"}, (o,), 0, None, 3.0)
>>> print(orbital_text(t).splitlines()[1])
  idx  spin     E (eV)   occ  label   S    P    D    F    G    H    I   inside
"""

from __future__ import annotations

from superatom_lab.qc.orbital_table import OrbitalTable

DEFAULT_ORBITAL_PRESET = "quick"


def add_parser(sub) -> None:
    """Register the ``orbitals`` subcommand."""
    p = sub.add_parser(
        "orbitals",
        help="orbital energies, l-weights and superatomic shell labels",
        description="Orbital table of one charge state with angular-momentum weights about "
        "the cluster centre and superatomic labels (1S, 1P, 1D, 2S, 1F, 2P, ...).",
    )
    p.add_argument("structure", help="a catalogue name or an .xyz file")
    p.add_argument("--charge", help="charge of the state (default 0)")
    p.add_argument("--spin", help="2S of the state (default: 0 or 1 by electron count)")
    p.add_argument(
        "--preset", default=DEFAULT_ORBITAL_PRESET, help="method preset (default: quick)"
    )
    p.add_argument("--virtual", type=int, default=8, help="empty orbitals to list per spin")
    p.add_argument("--cube", metavar="ORBITAL", help="also write this orbital (homo, lumo, "
                   "homo-1, or an index) as a cube file")  # fmt: skip
    p.add_argument(
        "--out", default=None, help="cube file path (default: <structure>-<ORBITAL>.cube)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def orbital_text(table: OrbitalTable, limit: int | None = None) -> str:
    """A table of the orbitals, highest first, limited to ``limit`` rows."""
    m = table.method
    head = (
        f"{table.formula} charge {table.charge:+d} 2S={table.spin}  "
        f"{str(m.get('xc', '?')).upper()}/{m.get('basis', '?')}  sphere "
        f"{table.sphere_radius_angstrom:.2f} A" + ("  precomputed" if table.precomputed else "")
    )
    lines = [head, "  idx  spin     E (eV)   occ  label   S    P    D    F    G    H    I   inside"]
    rows = sorted(table.orbitals, key=lambda o: -o.energy_ev)
    for o in rows[:limit] if limit else rows:
        mark = " <- HOMO" if o is table.homo else ""
        if table.lumo_index is not None and o is table.orbitals[table.lumo_index]:
            mark = " <- LUMO"
        weights = " ".join(f"{w:4.2f}" for w in o.l_weights)
        lines.append(
            f"  {o.index:3d}  {o.spin:5s} {o.energy_ev:9.3f}  {o.occupation:4.1f}  {o.label:6s}"
            f"{weights}   {o.inside_fraction:5.2f}{mark}"
        )
    if table.gap_ev is not None:
        lines.append(f"HOMO-LUMO gap: {table.gap_ev:.3f} eV")
    return "\n".join(lines)


def run(args) -> int:
    """Run ``superatom orbitals``."""
    import json
    from pathlib import Path

    from superatom_lab.cli.parsing import load_structure, parse_charge, parse_spin
    from superatom_lab.cli.progress import CycleBar
    from superatom_lab.qc.presets import get_method
    from superatom_lab.qc.tasks import Request
    from superatom_lab.store import ResultStore

    charge = parse_charge(args.charge)
    cluster = load_structure(args.structure, charge, parse_spin(args.spin))
    method = get_method(args.preset)
    store = ResultStore()
    bar = CycleBar()
    try:
        request = Request.make("orbital_table", cluster, method, spin=cluster.spin,
                               n_virtual=args.virtual)  # fmt: skip
        table = request.run(store=store, progress=bar)
    finally:
        bar.close()
    cube = None
    if args.cube:
        from superatom_lab.qc.cube import orbital_cube

        which = int(args.cube) if args.cube.lstrip("-").isdigit() else args.cube.lower()
        out = args.out or f"{Path(args.structure).stem}-{args.cube}.cube"
        cube = str(orbital_cube(cluster, method, out, spin=table.spin, which=which, store=store))
    if args.json:
        print(json.dumps({**table.to_json(), "structure": args.structure, "cube": cube}, indent=1))
    else:
        print(orbital_text(table, limit=30))
        if cube:
            print(f"cube file: {cube}")
    return 0
