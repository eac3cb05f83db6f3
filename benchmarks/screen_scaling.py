"""How a screen scales on Dask: one batch with 1 and 2 workers, and Dask's cost per task.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/screen_scaling.py
    .venv/bin/python benchmarks/screen_scaling.py --species NO2 SCN BO2 BH4 BrO3 IO3 --property ea

In one process, every run computing from nothing (a fresh store that does not read the
results shipped with the package):

1. the baseline: a serial loop in this process over the same requests, through the very
   function a Dask worker runs (``batch.compute.compute_candidate``), PySCF on one thread;
2. ``screen`` on a LocalCluster of 1 worker process, then of 2 (one thread each); the
   cluster's start-up is timed apart from the batch.

It prints the serial time of each species (and its share of the whole), the batch times and
their ratio, Dask's overhead per task (the 1-worker batch against the serial loop), and what
the measured per-task time implies for 1000 such clusters on 100 workers.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time

from superatom_lab.batch import candidate, screen
from superatom_lab.batch.compute import compute_candidate, one_thread
from superatom_lab.batch.connection import local_cluster
from superatom_lab.batch.properties import PROPERTIES
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.tasks import Request
from superatom_lab.store import ResultStore

#: Eleven small molecules whose quick vertical EAs take 1-8 s each, none over a quarter of the
#: serial time (the atoms take 0.2-0.5 s: too little work to measure Dask against).
SPECIES = ["NO2", "SCN", "SeCN", "BO2", "BH4", "BrO3", "IO3", "LiF2", "NaBr2", "NaI2", "O2"]


def fresh_store() -> ResultStore:
    """An empty store that reads no shipped result: every run computes everything."""
    return ResultStore(tempfile.mkdtemp(prefix="screen-scaling-"), shipped=None)


def serial(candidates, task: str, preset: str) -> tuple[float, dict[str, float]]:
    """The baseline: each request through ``compute_candidate`` in this process."""
    method = get_method(preset)
    times = {}
    start = time.perf_counter()
    for c in candidates:
        outcome = compute_candidate(Request.make(task, c.cluster, method), shipped=False)
        if outcome["error"] or not outcome["converged"]:
            raise SystemExit(f"{c.name} failed in the serial loop: {outcome['error']}")
        times[c.name] = outcome["wall_s"]
    return time.perf_counter() - start, times


def on_dask(candidates, task: str, preset: str, workers: int) -> tuple[float, float, list[str]]:
    """(cluster start-up s, batch s, failures) of ``screen`` on ``workers`` processes."""
    from distributed import Client

    start = time.perf_counter()
    cluster = local_cluster(workers)
    client = Client(cluster)
    client.wait_for_workers(workers)
    startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        table = screen(candidates, task=task, preset=preset, client=client, store=fresh_store())
        batch = time.perf_counter() - start
    finally:
        client.close()
        cluster.close()
    failed = table.loc[table["value_ev"].isna(), "name"].tolist()
    return startup, batch, failed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--species", nargs="+", default=SPECIES)
    parser.add_argument("--property", default="ea", choices=sorted(PROPERTIES))
    parser.add_argument("--preset", default="quick")
    parser.add_argument("--clusters", type=int, default=1000, help="size of the extrapolation")
    parser.add_argument("--remote-workers", type=int, default=100)
    args = parser.parse_args(argv)
    task = PROPERTIES[args.property]
    candidates = [candidate(name) for name in args.species]
    one_thread()
    compute_candidate(Request.make(task, candidate("Li").cluster, get_method(args.preset)),
                      shipped=False)  # fmt: skip  # warm-up: PySCF's import and first build

    serial_s, times = serial(candidates, task, args.preset)
    print(f"{len(candidates)} species, {args.property} at {args.preset}, computed from nothing\n")
    print("| species | serial s | share of the serial time |")
    print("|---|---|---|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.1f} | {seconds / serial_s:.0%} |")
    runs = {n: on_dask(candidates, task, args.preset, n) for n in (1, 2)}
    print("\n| run | cluster start-up s | batch s | ratio to 1 worker | failed |")
    print("|---|---|---|---|---|")
    print(f"| serial loop (baseline) | - | {serial_s:.1f} | - | - |")
    for n, (startup, batch, failed) in runs.items():
        ratio = runs[1][1] / batch
        print(f"| Dask, {n} worker{'s' if n > 1 else ''} | {startup:.1f} | {batch:.1f} | "
              f"{ratio:.2f}x | {', '.join(failed) or '-'} |")  # fmt: skip
    per_task = serial_s / len(candidates)
    overhead = (runs[1][1] - serial_s) / len(candidates)
    waves = math.ceil(args.clusters / args.remote_workers)
    estimate = waves * (per_task + max(overhead, 0.0))
    print(f"\nlargest share of the serial time: {max(times.values()) / serial_s:.0%}")
    print(f"speed-up with 2 workers: {runs[1][1] / runs[2][1]:.2f}x")
    print(f"Dask overhead per task (1-worker batch - serial loop) / n: {overhead:.2f} s "
          f"on a mean task of {per_task:.1f} s")  # fmt: skip
    print(f"{args.clusters} such clusters on {args.remote_workers} workers: {waves} waves of "
          f"{per_task + max(overhead, 0.0):.1f} s = {estimate / 60:.1f} min, plus the cluster's "
          "start-up")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
