"""What a coarser integration grid saves at a preset: a whole EA, and one SCF cycle of a cluster.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/grid_level_cost.py                       # Al13 EA, Au13- cycles
    .venv/bin/python benchmarks/grid_level_cost.py --ea Al13 --cycles Au13 --levels 1 0

For each grid level, in one process and the first level first (the baseline):

- the vertical EA of ``--ea`` (every state and the spin search, no cache): value, wall time
  and SCF cycles;
- for the anion of ``--cycles``: the set-up (grid, density fitting, core Hamiltonian) and the
  wall time of one SCF cycle, averaged over ``--n-cycles`` cycles from the minao guess;

then the ratio of each level's times to the baseline's.
"""

from __future__ import annotations

import argparse
import sys
import time

from superatom_lab.core.catalogue import build
from superatom_lab.qc.molecule import build_mole
from superatom_lab.qc.presets import PRESETS, get_method
from superatom_lab.qc.properties import electron_affinity
from superatom_lab.qc.scf import SharedIntegrals, _make_mf


def ea_cost(name: str, method) -> tuple[float, float, int]:
    """(EA in eV, wall time in s, SCF cycles of every state tried) of ``name``, uncached."""
    start = time.perf_counter()
    result = electron_affinity(build(name), method, store=None)
    return result.value_ev, time.perf_counter() - start, sum(s.n_cycles for s in result.candidates)


def cycle_cost(name: str, method, n_cycles: int) -> tuple[float, float, int]:
    """(set-up s, s per SCF cycle, grid points) of the anion of ``name`` at ``method``."""
    anion = build(name, charge=-1)
    mol = build_mole(anion, method, charge=-1, spin=anion.n_electrons % 2)
    start = time.perf_counter()
    mf = _make_mf(mol, method, SharedIntegrals())
    setup = time.perf_counter() - start
    mf.max_cycle, mf.conv_tol = n_cycles, 1e-12  # run exactly n_cycles (+ the initial build)
    start = time.perf_counter()
    mf.kernel()
    return setup, (time.perf_counter() - start) / (n_cycles + 1), len(mf.grids.weights)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="quick", choices=sorted(PRESETS))
    parser.add_argument("--ea", default="Al13", metavar="NAME", help="species of the whole EA")
    parser.add_argument("--cycles", default="Au13", metavar="NAME",
                        help="species whose anion's SCF cycles are timed")  # fmt: skip
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 0],
                        help="grid levels, the first is the baseline")  # fmt: skip
    parser.add_argument("--n-cycles", type=int, default=4)
    args = parser.parse_args(argv)
    rows = []
    for level in args.levels:
        method = get_method(args.preset, grids_level=level)
        value, wall, n = ea_cost(args.ea, method)
        setup, per_cycle, points = cycle_cost(args.cycles, method, args.n_cycles)
        rows.append((level, value, wall, n, setup, per_cycle, points))
        print(f"level {level} done", file=sys.stderr, flush=True)
    base = rows[0]
    print(f"| grid level | {args.ea} EA (eV) | wall (s) | cycles | ratio | "
          f"{args.cycles}- set-up (s) | s per cycle | ratio | grid points |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for level, value, wall, n, setup, per_cycle, points in rows:
        print(f"| {level} | {value:.3f} | {wall:.1f} | {n} | {wall / base[2]:.2f} | {setup:.1f} | "
              f"{per_cycle:.2f} | {per_cycle / base[5]:.2f} | {points} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
