"""Does this checkout compute the same value as an earlier revision, in the same time?  Measured.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/revision_compare.py --baseline bb2b189
    .venv/bin/python benchmarks/revision_compare.py --baseline main~3 --repeats 5 -- ea Cl

The baseline revision is checked out into a temporary git worktree, and both
code trees run the same ``superatom`` command (by default ``ea Al13 --preset
quick``, always with ``--no-cache --json`` and an empty cache folder) with this
checkout's Python environment, alternately, ``--repeats`` times each, so that
both meet the same machine load.  It prints one row per run (code, value, wall
time), then the median times and their ratio, and exits 1 if the values differ
by more than ``--tolerance`` eV.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from superatom_lab.cli.main import main; sys.exit(main())"


def run_once(src: Path, command: list[str]) -> tuple[float, float]:
    """``(value in eV, wall seconds)`` of one ``superatom`` run with the package in ``src``."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": str(src), "SUPERATOM_LAB_CACHE": cache}
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CLI, *command, "--no-cache", "--json"],
                             capture_output=True, text=True, env=env, check=True)  # fmt: skip
        wall = time.perf_counter() - start
    return json.loads(out.stdout)["value_ev"], wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="git revision to compare against")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each code (default 3)")
    parser.add_argument("--tolerance", type=float, default=1e-4, help="eV (default 1e-4)")
    parser.add_argument("command", nargs="*", default=["ea", "Al13", "--preset", "quick"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree),
                        args.baseline], check=True)  # fmt: skip
        try:
            codes = {f"baseline {args.baseline}": tree / "src", "this checkout": ROOT / "src"}
            runs = {name: [] for name in codes}
            print(f"superatom {' '.join(args.command)} --no-cache, {args.repeats} runs each")
            print(f"{'code':<28} {'value (eV)':>11} {'wall (s)':>9}")
            for _ in range(args.repeats):
                for name, src in codes.items():
                    value, wall = run_once(src, args.command)
                    runs[name].append((value, wall))
                    print(f"{name:<28} {value:11.4f} {wall:9.2f}", flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=False)  # fmt: skip
    (base, base_runs), (_, new_runs) = runs.items()
    base_t = statistics.median(w for _, w in base_runs)
    new_t = statistics.median(w for _, w in new_runs)
    spread = max(v for v, _ in base_runs + new_runs) - min(v for v, _ in base_runs + new_runs)
    print(f"median wall: {base} {base_t:.2f} s, this checkout {new_t:.2f} s, "
          f"ratio {new_t / base_t:.3f}")  # fmt: skip
    print(f"largest difference between values: {spread:.2e} eV (tolerance {args.tolerance:g})")
    return 0 if spread <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
