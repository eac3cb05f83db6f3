"""Every catalogue species at one preset, as a new user runs it: value, convergence, time, memory.

Run from the repository root (a full sweep at quick takes 20 minutes or more):

    .venv/bin/python benchmarks/catalogue_sweep.py                        # every species, quick
    .venv/bin/python benchmarks/catalogue_sweep.py --species F Li Cl      # a subset
    .venv/bin/python benchmarks/catalogue_sweep.py --preset standard --cap 300
    .venv/bin/python benchmarks/catalogue_sweep.py --container-memory 1500  # as in a 1.5 GB box

For each species it runs the command line in a fresh process, exactly as a user
would: ``superatom ea NAME --preset P --no-cache --json`` for a species that forms
anions or is neutral, ``superatom ip ...`` for one that forms cations (the
catalogue's ``Species.characteristic_property``, the rule the EA explorer follows),
always from the neutral parent.  Every process gets an empty cache folder of its
own, so nothing is read from or written to the user's cache.  A process still
running after ``--cap`` seconds is killed and reported as capped, with the time it
had.  Each species gets one markdown table line as soon as it ends: the value,
converged, the SCF cycles and strategy steps of every state tried (charge, 2S),
wall time of the whole process (Python start-up included) and its peak resident
memory (``ru_maxrss`` of that child alone, from ``os.wait4``; MB = 10^6 bytes).
A species refused for its size (exit status 2) is reported with the reason, a
failed one (exit status 3, an SCF that did not converge) with its error.  A last
line gives the total wall time and the counts.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from superatom_lab.cli.property_cmd import QUANTITY
from superatom_lab.core import catalogue
from superatom_lab.qc.memory import ENV_VAR, budget_from, max_memory_mb
from superatom_lab.qc.presets import PRESETS

ROOT = Path(__file__).resolve().parents[1]
#: The command that computes each property (``ea`` for "EA", ``ip`` for "IE").
COMMAND = {quantity: command for command, quantity in QUANTITY.items()}
POLL_S = 0.05


@dataclass
class Outcome:
    """One species' run: ``status`` is done, refused, failed or capped."""

    name: str
    quantity: str
    status: str
    wall_s: float
    peak_mb: float
    payload: dict = field(default_factory=dict)
    message: str = ""


def command_for(name: str, preset: str) -> list[str]:
    """The ``superatom`` arguments for ``name``'s characteristic property.

    Examples
    --------
    >>> command_for("Li3O", "quick")
    ['ip', 'Li3O', '--preset', 'quick', '--no-cache', '--json']
    >>> command_for("BF4", "quick")[0]
    'ea'
    """
    quantity = catalogue.get_species(name).characteristic_property
    return [COMMAND[quantity], name, "--preset", preset, "--no-cache", "--json"]


def run_species(name: str, preset: str, cap_s: float, max_memory: int | None = None) -> Outcome:
    """Run one species in a fresh process with an empty cache; kill it after ``cap_s``.

    ``max_memory`` (MB), when given, is PySCF's budget in that process
    (``$SUPERATOM_MAX_MEMORY_MB``), as :mod:`superatom_lab.qc.memory` would set
    it inside a container.
    """
    import subprocess

    argv = [sys.executable, "-m", "superatom_lab.cli.main", *command_for(name, preset)]
    quantity = catalogue.get_species(name).characteristic_property
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryFile("w+") as out, \
            tempfile.TemporaryFile("w+") as err:  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SUPERATOM_LAB_CACHE": cache}
        if max_memory is not None:
            env[ENV_VAR] = str(max_memory)
        start = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=out, stderr=err, start_new_session=True)
        capped = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > cap_s:
                os.killpg(child.pid, signal.SIGKILL)
                _, status, usage = os.wait4(child.pid, 0)
                capped = True
                break
            time.sleep(POLL_S)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        peak_mb = usage.ru_maxrss * 1024 / 1e6  # Linux reports KiB
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    outcome = Outcome(name, quantity, "done", wall, peak_mb)
    if capped:
        outcome.status = "capped"
    elif child.returncode == 0:
        outcome.payload = json.loads(stdout)
    else:
        outcome.status = "refused" if child.returncode == 2 else "failed"
        errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
        outcome.message = (errors[-1][7:] if errors else stderr.strip()[-200:]) or "no message"
    return outcome


def states_cells(payload: dict) -> tuple[str, str]:
    """SCF cycles and strategy steps of every state tried, each as ``(charge,2S)``.

    Examples
    --------
    >>> payload = {"states": [
    ...     {"charge": 0, "spin": 1, "n_cycles": 12, "strategy": [{"step": "diis"}]},
    ...     {"charge": -1, "spin": 0, "n_cycles": 30,
    ...      "strategy": [{"step": "diis", "stalled": True}, {"step": "newton"}]}]}
    >>> states_cells(payload)
    ('(+0,1) 12; (-1,0) 30', '(+0,1) diis; (-1,0) diis (stalled) > newton')
    >>> states_cells({"states": [{"charge": 0, "spin": 1, "n_cycles": 31, "strategy": [
    ...     {"step": "diis", "aufbau": False}, {"step": "level shift + damping"}]}]})[1]
    '(+0,1) diis (not aufbau) > level shift + damping'
    """
    cycles, steps = [], []
    for state in payload.get("states", []):
        label = f"({state['charge']:+d},{state['spin']})"
        cycles.append(f"{label} {state['n_cycles']}")
        names = [s["step"] + (" (stalled)" if s.get("stalled") else "")
                 + (" (not aufbau)" if s.get("aufbau") is False else "")
                 for s in state.get("strategy", [])]  # fmt: skip
        steps.append(f"{label} {' > '.join(names) or 'from cache'}")
    return "; ".join(cycles), "; ".join(steps)


def table_line(o: Outcome) -> str:
    """The markdown line of one species."""
    if o.status == "done":
        p = o.payload
        cycles, steps = states_cells(p)
        value = f"{p['label']} {p['value_ev']:.3f}"
        converged = "yes" if p["converged"] else "no"
        n = len(p["warnings"])
        note = f"{n} warning{'s' if n > 1 else ''}" if n else ""
    else:
        cycles = steps = ""
        value, converged = f"{o.quantity} -", "-"
        note = (f"capped at {o.wall_s:.0f} s" if o.status == "capped"
                else f"{o.status}: {o.message}")  # fmt: skip
    return (f"| {o.name} | {value} | {converged} | {cycles} | {steps} | {o.wall_s:.1f} | "
            f"{o.peak_mb:.0f} | {note} |")  # fmt: skip


def total_line(outcomes: list[Outcome], sweep_s: float, limit_mb: float | None = None) -> str:
    """Total wall time and the counts of each outcome (and of peaks above ``limit_mb``).

    Examples
    --------
    >>> rows = [Outcome("F", "EA", "done", 2.0, 150.0, {"converged": True}),
    ...         Outcome("C60", "EA", "refused", 1.5, 120.0), Outcome("X", "EA", "capped", 150, 9)]
    >>> total_line(rows, 154.0)
    '**total**: 3 species, 154 s of wall time (153.5 s in the species); 1 converged, \
1 refused, 0 failed, 1 capped; largest peak memory 150 MB'
    >>> total_line(rows, 154.0, limit_mb=130.0).split("; ")[-1]
    'largest peak memory 150 MB, 1 above the 130 MB limit'
    """
    count = {s: sum(o.status == s for o in outcomes) for s in ("refused", "failed", "capped")}
    done = [o for o in outcomes if o.status == "done"]
    converged = sum(bool(o.payload.get("converged")) for o in done)  # the CLI reports no other
    return (
        f"**total**: {len(outcomes)} species, {sweep_s:.0f} s of wall time "
        f"({sum(o.wall_s for o in outcomes):.1f} s in the species); {converged} converged, "
        f"{count['refused']} refused, {count['failed']} failed, {count['capped']} capped; "
        f"largest peak memory {max((o.peak_mb for o in outcomes), default=0):.0f} MB"
        + ("" if limit_mb is None else
           f", {sum(o.peak_mb > limit_mb for o in outcomes)} above the {limit_mb:.0f} MB limit")
    )  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="quick", choices=sorted(PRESETS),
                        help="preset of every run (default quick)")  # fmt: skip
    parser.add_argument("--species", nargs="+", metavar="NAME",
                        help="catalogue names (default: the whole catalogue)")  # fmt: skip
    parser.add_argument("--cap", type=float, default=150.0,
                        help="wall-time limit per species in seconds (default 150)")  # fmt: skip
    parser.add_argument("--container-memory", type=float, metavar="MB",
                        help="run every species as inside a container with this memory limit "
                        "(MB): PySCF gets the budget qc.memory gives there, and the total line "
                        "counts the species whose peak exceeds the limit")  # fmt: skip
    args = parser.parse_args(argv)
    limit = args.container_memory
    budget = max_memory_mb()
    if limit is not None:
        budget = budget_from(cgroup_bytes=int(limit * 1e6), total_bytes=None, available_bytes=None)
    names = [catalogue.canonical_name(n) for n in args.species] if args.species else \
        catalogue.names()  # fmt: skip
    where = "this machine" if limit is None else f"a container limited to {limit:.0f} MB"
    print(f"preset {args.preset}, cap {args.cap:.0f} s per species, {os.cpu_count()} cores, "
          f"PySCF max_memory {budget} MB (qc.memory, {where})")  # fmt: skip
    print("\n| species | value (eV) | converged | SCF cycles per state (charge,2S) | "
          "strategy steps per state | wall (s) | peak memory (MB) | note |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|", flush=True)
    start = time.perf_counter()
    outcomes = []
    for name in names:
        outcomes.append(run_species(name, args.preset, args.cap, None if limit is None else budget))
        print(table_line(outcomes[-1]), flush=True)
    print(f"\n{total_line(outcomes, time.perf_counter() - start, limit)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
