"""Electron-affinity benchmark of the presets against experiment, and Al13 against a baseline.

Run from the repository root:

    .venv/bin/python benchmarks/ea_benchmark.py                   # every preset + baseline
    .venv/bin/python benchmarks/ea_benchmark.py --skip-baseline   # without the 15-minute baseline
    .venv/bin/python benchmarks/ea_benchmark.py --preset quick --species F Cl Al13
    .venv/bin/python benchmarks/ea_benchmark.py --preset accurate --xc wb97x  # screen a functional
    .venv/bin/python benchmarks/ea_benchmark.py --preset accurate --basis def2-tzvpd  # a basis
    .venv/bin/python benchmarks/ea_benchmark.py --preset quick --grids-level 0  # a grid

For each preset it prints a table (species, experiment, computed, error, wall
time, SCF cycles) and the mean absolute error.  Computed atomic EAs include the
measured first-order spin-orbit lowering of the atom (SPIN_ORBIT_EV; shown in
brackets), since a scalar calculation cannot describe it.  Atoms are computed vertically
(vertical = adiabatic for an atom); molecules adiabatically (both states
relaxed), like the experiments; Al13 vertically at the catalogue geometry.
Superhalogens are listed apart with the kind of value measured (VDE or EA).
Every calculation starts from an empty cache, so the times are real.  Then
Al13's EA with the quick preset runs next to a newcomer's PySCF script (UKS
PBE/def2-SVP, density fitting, minao guess, default grids and cycles) in the
same process, and the ratio of wall times is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from importlib import metadata

from superatom_lab.core import catalogue, reference
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.errors import SuperatomLabError
from superatom_lab.qc.presets import PRESETS, get_method
from superatom_lab.qc.tasks import Request, task_for
from superatom_lab.store import ResultStore

MAIN_SET = ["F", "Cl", "Br", "I", "O", "Li", "Na", "Al", "Cu", "Au", "OH", "CN", "O2", "NO2",
            "Al13"]  # fmt: skip
SUPERHALOGENS = [("NaBr2", "VDE"), ("NaI2", "VDE"), ("BrO3", "adiabatic EA"),
                 ("IO3", "adiabatic EA")]  # fmt: skip

# First-order spin-orbit lowering (eV) of an atom's ground level below the J-averaged
# term that a scalar calculation describes, from the fine-structure levels in the
# NIST Atomic Spectra Database: F 404.1, Cl 882.4, Br 3685.2, I 7603.2 cm-1 (2P),
# O 158.3/227.0 cm-1 (3P), O- 177.1 cm-1, Al 112.1 cm-1.  Closed-shell anions have
# none.  Measured EAs include it, so EA(compared) = EA(computed) - SO(neutral) + SO(anion),
# as in the G2 protocol.
SPIN_ORBIT_EV = {"F": 0.0167, "Cl": 0.0365, "Br": 0.1523, "I": 0.3142, "O": 0.0097, "Al": 0.0093}
SPIN_ORBIT_ANION_EV = {"O": 0.0073}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if "model name" in line)
    except (OSError, StopIteration):
        pass
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("pyscf", "numpy", "geometric"))
    return f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}, {versions}"


def compute(name: str, kind: str, method, store):
    """The registry's VDE, vertical EA (atoms, Al13) or adiabatic EA of ``name``."""
    cluster = catalogue.build(name)
    if kind == "VDE":
        task = task_for("EA", "vde")
    elif cluster.n_atoms == 1 or name == "Al13":
        task = task_for("EA", "vertical")
    else:
        task = task_for("EA", "adiabatic")
    return Request.make(task, cluster, method).run(store=store)


def run_row(name: str, kind: str, method) -> dict:
    ref = reference.reference_value(name, kind)
    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        try:
            result = compute(name, kind, method, ResultStore(cache))
        except SuperatomLabError as exc:
            return {"name": name, "exp": ref.value_ev, "error": str(exc).splitlines()[0],
                    "wall": time.perf_counter() - start}  # fmt: skip
        wall = time.perf_counter() - start
    cycles = sum(s.n_cycles for s in result.candidates)
    so = SPIN_ORBIT_EV.get(name, 0.0) - SPIN_ORBIT_ANION_EV.get(name, 0.0)
    calc = result.value_ev - so
    return {"name": name, "kind": result.kind, "exp": ref.value_ev, "calc": calc, "so": so,
            "err": calc - ref.value_ev, "wall": wall, "cycles": cycles,
            "warnings": len(result.warnings)}  # fmt: skip


def row_line(r: dict) -> str:
    """One finished row for the log, so a long run shows its results as it goes."""
    if "error" in r:
        return f"{r['name']}: FAILED after {r['wall']:.0f} s: {r['error']}"
    return (f"{r['name']}: {r['calc']:.3f} eV (experiment {r['exp']:.3f}, error {r['err']:+.3f}) "
            f"in {r['wall']:.0f} s, {r['cycles']} cycles")  # fmt: skip


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    print(
        "| species | kind | experiment | computed (SO) | error | wall (s) | SCF cycles | warnings |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        if "error" in r:
            print(f"| {r['name']} | - | {r['exp']:.3f} | FAILED: {r['error']} | | "
                  f"{r['wall']:.1f} | | |")  # fmt: skip
            continue
        so = f" ({-r['so']:+.3f})" if r["so"] else ""
        print(f"| {r['name']} | {r['kind']} | {r['exp']:.3f} | {r['calc']:.3f}{so} | "
              f"{r['err']:+.3f} | {r['wall']:.1f} | {r['cycles']} | {r['warnings']} |")  # fmt: skip
    if any("err" in r for r in rows):
        print(f"\n{mae_line(rows)}")


def mae_line(rows: list[dict]) -> str:
    """``MAE ... eV over N species; K failed; total wall ...`` for finished rows.

    Examples
    --------
    >>> mae_line([{"err": 0.1, "wall": 2.0}, {"err": -0.3, "wall": 1.0}, {"wall": 5.0}])
    'MAE 0.200 eV over 2 species; 1 failed; total wall 8 s'
    """
    done = [r for r in rows if "err" in r]
    mae = sum(abs(r["err"]) for r in done) / len(done)
    return (f"MAE {mae:.3f} eV over {len(done)} species; {len(rows) - len(done)} failed; "
            f"total wall {sum(r['wall'] for r in rows):.0f} s")  # fmt: skip


def newcomer_al13(log) -> dict:
    """The script a newcomer writes from PySCF's examples (see docs/benchmarks.md)."""
    from pyscf import dft, gto

    atoms = catalogue.build("Al13").atoms
    geometry = [(s, tuple(p)) for s, p in zip(atoms.get_chemical_symbols(), atoms.positions)]
    energies, converged = {}, {}
    start = time.perf_counter()
    for charge, spin in ((0, 1), (-1, 0)):
        mol = gto.M(atom=geometry, basis="def2-svp", charge=charge, spin=spin, verbose=0)
        mf = dft.UKS(mol).density_fit()
        mf.xc = "pbe"
        energies[charge] = mf.kernel()
        converged[charge] = bool(mf.converged)
        log(f"  baseline charge {charge:+d}: converged={converged[charge]} "
            f"after {time.perf_counter() - start:.0f} s")  # fmt: skip
    return {"ea": (energies[0] - energies[-1]) * HARTREE_TO_EV, "converged": converged,
            "wall": time.perf_counter() - start}  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS))
    parser.add_argument("--species", nargs="+",
                        help="a subset of the main set and of the superhalogens")  # fmt: skip
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-superhalogens", action="store_true")
    parser.add_argument("--max-basis", type=int, metavar="N",
                        help="raise the basis-function cap (Al13 with accurate)")  # fmt: skip
    parser.add_argument("--xc", metavar="FUNCTIONAL",
                        help="screen another functional with the preset's basis, grid and "
                             "geometries, e.g. wb97x")  # fmt: skip
    parser.add_argument("--basis", metavar="BASIS",
                        help="screen another basis (with --ecp) with the preset's functional, "
                             "grid and geometries, e.g. def2-tzvpd")  # fmt: skip
    parser.add_argument(
        "--ecp",
        metavar="ECP",
        help="the ECP that goes with --basis ('none' for an all-electron one)",
    )
    parser.add_argument("--grids-level", type=int, metavar="N",
                        help="screen another integration grid level (0-9) with the preset's "
                             "functional, basis and geometries")  # fmt: skip
    args = parser.parse_args(argv)

    def log(text):
        print(text, file=sys.stderr, flush=True)

    print(f"Machine: {machine()}")
    unknown = set(args.species or ()) - set(MAIN_SET) - {name for name, _ in SUPERHALOGENS}
    if unknown:
        parser.error(f"unknown species {sorted(unknown)}: choose from {MAIN_SET} and "
                     f"{[name for name, _ in SUPERHALOGENS]}")  # fmt: skip
    species = [n for n in MAIN_SET if n in args.species] if args.species else MAIN_SET
    halogens = SUPERHALOGENS if not args.species else [
        (name, kind) for name, kind in SUPERHALOGENS if name in args.species]  # fmt: skip
    if args.skip_superhalogens:
        halogens = []
    for preset in args.preset or ["quick", "standard", "accurate"]:
        screened = {"xc": args.xc} if args.xc else {}
        if args.basis:
            ecp = args.ecp or args.basis
            screened.update(basis=args.basis, ecp=None if ecp == "none" else ecp)
        if args.grids_level is not None:
            screened["grids_level"] = args.grids_level
        method = get_method(preset, **screened)
        title = f"## preset {preset}: {method.label()}, grid {method.grids_level}"
        if screened:
            title += f" ({', '.join(screened)} screened in place of the preset's)"
        if args.max_basis:
            method = get_method(method, max_basis_functions=args.max_basis)
            title += f", cap raised to {args.max_basis} basis functions"
        if method.geometry_preset:
            title += f", geometries relaxed with {method.geometry_preset}"
        rows = []
        for name in species:
            log(f"{preset}: {name} ...")
            rows.append(run_row(name, "adiabatic EA", method))
            log(f"  {row_line(rows[-1])}")
        if rows:
            print_table(title, rows)
        extra = []
        for name, kind in halogens:
            log(f"{preset}: {name} {kind} ...")
            extra.append(run_row(name, kind, method))
            log(f"  {row_line(extra[-1])}")
        if extra:
            print_table(f"### superhalogens, preset {preset}", extra)
        if rows and extra:
            print(f"\n{mae_line(rows + extra)} (main set and superhalogens together)")

    if not args.skip_baseline:
        quick = run_row("Al13", "adiabatic EA", get_method("quick"))
        print(f"\n## Al13 vertical EA, quick preset: {quick.get('calc', float('nan')):.3f} eV "
              f"in {quick['wall']:.1f} s")  # fmt: skip
        log("baseline: the newcomer's script on Al13 (about 15 minutes) ...")
        base = newcomer_al13(log)
        print(f"## newcomer's script (UKS PBE/def2-SVP, DF, default grids): EA {base['ea']:.3f} eV "
              f"in {base['wall']:.0f} s, converged {base['converged']}")  # fmt: skip
        print(f"## ratio baseline / quick: {base['wall'] / quick['wall']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
