"""Where a second-order (Newton) SCF iteration spends its time, for one open-shell state.

Run from the repository root:

    .venv/bin/python benchmarks/newton_cost.py                      # neutral B12H12 triplet
    .venv/bin/python benchmarks/newton_cost.py --species Al13 --preset quick --spin 1

It builds the state's Kohn-Sham object as ``qc.scf`` does (density fitting,
the preset's grid), runs three DIIS cycles from minao for realistic orbitals,
then times, each in the same process: one Kohn-Sham potential, its Coulomb and
exchange part and its exchange-correlation part, and one orbital-Hessian
product of PySCF's Newton solver (``newton_ah.gen_g_hop_uhf``).  A Newton
macro iteration makes several Hessian products, so their cost sets the pace of
the last resort of the strategy.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from superatom_lab.core.catalogue import build
from superatom_lab.qc.molecule import build_mole
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.scf import SharedIntegrals, _make_mf


def timed(function, repeat: int = 1) -> float:
    """Mean wall time of ``function()`` over ``repeat`` calls (s)."""
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--species", default="B12H12")
    parser.add_argument("--preset", default="standard")
    parser.add_argument("--charge", type=int, default=0)
    parser.add_argument("--spin", type=int, default=2, help="2S of the open-shell state")
    args = parser.parse_args(argv)
    from pyscf.soscf import newton_ah

    method = get_method(args.preset)
    mol = build_mole(build(args.species), method, charge=args.charge, spin=args.spin)
    mf = _make_mf(mol, method, SharedIntegrals())  # the shared DF object has the low-rank path
    mf.max_cycle = 3
    mf.kernel()
    dm = mf.make_rdm1()
    untagged = np.asarray(dm)
    low_rank_jk = mf.with_df.get_jk
    general_jk = low_rank_jk.__wrapped__  # PySCF's own function, untagged densities in full

    def hessian_product(low_rank: bool):
        mf.with_df.get_jk = low_rank_jk if low_rank else general_jk
        newton = mf.newton()
        gradient, h_op = newton_ah.gen_g_hop_uhf(newton, mf.mo_coeff, mf.mo_occ)[:2]
        step = np.random.default_rng(0).random(gradient.size) * 1e-3
        return timed(lambda: h_op(step), repeat=2)

    xc = mf._numint
    rows = [
        ("Kohn-Sham potential (tagged density, as in an SCF cycle)",
         timed(lambda: mf.get_veff(mol, dm))),
        ("  Coulomb + exchange, density fitting (tagged)", timed(lambda: mf.get_jk(mol, dm))),
        ("  Coulomb + exchange, density fitting (untagged, PySCF's general path)",
         timed(lambda: general_jk(untagged, 1, True, True, 1e-13, None))),
        ("  Coulomb + exchange, density fitting (untagged, low-rank path)",
         timed(lambda: low_rank_jk(untagged, 1, True, True, 1e-13, None))),
        ("  exchange-correlation on the grid",
         timed(lambda: xc.nr_uks(mol, mf.grids, mf.xc, dm))),
        ("orbital-Hessian product (one Newton micro step), PySCF's general path",
         hessian_product(low_rank=False)),
        ("orbital-Hessian product, low-rank exchange (what qc.scf runs)",
         hessian_product(low_rank=True)),
    ]  # fmt: skip
    print(f"## {args.species} charge {args.charge:+d} 2S={args.spin}, {method.label()}: "
          f"{mol.nao_nr()} basis functions, {mf.grids.weights.size} grid points")  # fmt: skip
    print("| operation | wall (s) | vs Kohn-Sham potential |\n|---|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.2f} | {seconds / rows[0][1]:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
