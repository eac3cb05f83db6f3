"""How long does a cached answer take on the command line?  Measured against Python's start-up.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/cached_answer_latency.py
    .venv/bin/python benchmarks/cached_answer_latency.py --repeats 20 -- ea Cl --json

It fills an empty cache folder with one run of the command (by default
``superatom ea Cl --json``, preset standard), then times, alternately and
``--repeats`` times each: a bare ``python -c pass`` (the baseline every
command pays), ``import superatom_lab.cli.main`` (the command's imports), and
the cached command itself.  It prints the median and the fastest wall time of
each, and the cached command's median minus the baseline's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from superatom_lab.cli.main import main; sys.exit(main())"


def wall(argv: list[str], env: dict) -> float:
    """Seconds of one process run to completion."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="runs of each (default 10)")
    parser.add_argument("command", nargs="*", default=["ea", "Cl", "--json"])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SUPERATOM_LAB_CACHE": cache}
        first = wall([sys.executable, "-c", CLI, *args.command], env)
        cases = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "import superatom_lab.cli.main": [sys.executable, "-c",
                                              "import superatom_lab.cli.main"],
            f"superatom {' '.join(args.command)} (cached)": [sys.executable, "-c", CLI,
                                                              *args.command],
        }  # fmt: skip
        times = {name: [] for name in cases}
        for _ in range(args.repeats):
            for name, command in cases.items():
                times[name].append(wall(command, env))
    print(f"first run (computes and fills the cache): {first:.1f} s")
    print(f"{'':<44} {'median (s)':>10} {'fastest (s)':>11}")
    for name, values in times.items():
        print(f"{name:<44} {statistics.median(values):10.3f} {min(values):11.3f}")
    base, _, cached = (statistics.median(v) for v in times.values())
    print(f"cached answer minus Python start-up: {cached - base:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
