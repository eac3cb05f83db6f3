"""How far relaxation lowers a spin-flipped state: the data behind the spin pruning.

Run from the repository root:

    .venv/bin/python benchmarks/spin_flip_relaxation.py            # wB97X/def2-SVPD
    .venv/bin/python benchmarks/spin_flip_relaxation.py --xc pbe
    .venv/bin/python benchmarks/spin_flip_relaxation.py --preset quick --xc pbe \
        --species Al13 Na8 Li3O --charges 0 -1

For each molecule and charge (neutral and anion, at the catalogue geometry) the
lowest candidate spin is converged; its record carries ``spin_flip_ev``, the
next multiplicity built from its orbitals with one electron flipped and not
relaxed.  Then that multiplicity is converged from those orbitals, and the
table prints both energies above the lower state (eV), as in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys

from superatom_lab.core.catalogue import build
from superatom_lab.core.spin_states import candidate_spins
from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.properties import spin_flip_gap_ev
from superatom_lab.qc.scf import SharedIntegrals, run_scf

MOLECULES = ["O2", "OH", "CN", "NO2", "LiF2", "BO2"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default="standard")
    parser.add_argument("--xc", default="wb97x")
    parser.add_argument("--species", nargs="+", default=MOLECULES)
    parser.add_argument("--charges", nargs="+", type=int, default=[0, -1])
    parser.add_argument(
        "--from-anion",
        action="store_true",
        help="start the lower state from the converged state one electron richer, its "
        "ground spin, as an electron affinity or a ladder does",
    )
    args = parser.parse_args(argv)
    method = get_method(args.preset, xc=args.xc)
    print(f"## {method.label()}: spin flip, unrelaxed and relaxed (eV above the lower spin)")
    print("| species | charge | 2S | gap (eV) | unrelaxed (eV) | relaxed (eV) |")
    print("|---|---|---|---|---|---|")
    for name in args.species:
        for charge in args.charges:
            cluster = build(name).with_charge(charge)
            low, high = candidate_spins(cluster)[:2]
            shared = SharedIntegrals()
            partner = None
            if args.from_anion:
                richer = cluster.with_charge(charge - 1)
                partner = run_scf(richer, method, charge=charge - 1,
                                  spin=candidate_spins(richer)[0], shared=shared)  # fmt: skip
            lower = run_scf(cluster, method, charge=charge, spin=low, shared=shared,
                            partner=partner)  # fmt: skip
            upper = run_scf(cluster, method, charge=charge, spin=high, shared=shared,
                            partner=lower)  # fmt: skip
            relaxed = (upper.energy_hartree - lower.energy_hartree) * HARTREE_TO_EV
            gap = spin_flip_gap_ev(lower)
            print(f"| {name} | {charge} | {low} -> {high} | {gap:.2f} | "
                  f"{lower.spin_flip_ev:.2f} | {relaxed:.2f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
