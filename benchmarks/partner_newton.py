"""The neutral of a radical from its anion's orbitals under three SCF plans (one process).

Run from the repository root (nothing else running):

    .venv/bin/python benchmarks/partner_newton.py --preset quick BF4 AlF4 MnO4
    .venv/bin/python benchmarks/partner_newton.py --preset standard BF4

A: the plan of larger systems (``qc.scf.PARTNER_NEWTON_MAX_BASIS`` set to 0) with
Newton's Hessian on the preset's grid; B: the plan of ``qc.scf.partner_newton`` with
that Hessian; C: that plan with the coarse-grid Hessian of ``qc.newton`` (what the code
runs). Prints one markdown line per species and plan: energy, cycles, steps, wall time.
"""

from __future__ import annotations

import argparse
import sys
import time

from superatom_lab.core.catalogue import build
from superatom_lab.qc import newton, scf
from superatom_lab.qc.presets import get_method

PLANS = [("A", 0, 9), ("B", scf.PARTNER_NEWTON_MAX_BASIS, 9),
         ("C", scf.PARTNER_NEWTON_MAX_BASIS, newton.RESPONSE_GRID_LEVEL)]  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("species", nargs="+")
    parser.add_argument("--preset", default="quick")
    args = parser.parse_args(argv)
    method = get_method(args.preset)
    print("| species | preset | plan | E (Ha) | cycles | steps | wall (s) |")
    print("|---|---|---|---|---|---|---|")
    for name in args.species:
        cluster, shared = build(name), scf.SharedIntegrals()
        anion = scf.run_scf(cluster, method, charge=-1, spin=0, shared=shared)
        for label, max_basis, grid_level in PLANS:
            scf.PARTNER_NEWTON_MAX_BASIS = max_basis
            newton.coarse_response.__defaults__ = (grid_level,)
            start = time.perf_counter()
            r = scf.run_scf(cluster, method, charge=0, spin=1, partner=anion, shared=shared)
            steps = " > ".join(s["step"] for s in r.strategy)
            print(f"| {name} | {args.preset} | {label} | {r.energy_hartree:.6f} | {r.n_cycles} "
                  f"| {steps} | {time.perf_counter() - start:.1f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
