"""What does each course notebook cost as the tests run it?  Wall time and kernel peak memory.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/notebook_cost.py
    .venv/bin/python benchmarks/notebook_cost.py --only 03,04 --solved

Each course notebook (``notebooks/00_*.ipynb`` to ``07_*.ipynb``, those that exist) runs top to
bottom in a fresh kernel, the way ``tests/notebooks/test_notebooks.py`` runs it (the same
``tests/notebooks/running.py``), with an empty result cache, so that every value comes from the
results shipped with the package or is computed. ``--solved`` also runs each notebook with
checked exercises a second time, with its solutions in the answer cells, as the tests do. It
prints a table: notebook, version, wall time, the kernel's peak resident memory (VmHWM, Linux)
and whether the run ended without error output. The course asks each of notebooks 03-05 to run
in under 3 minutes with a peak under 1.5 GB.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.notebooks.exercises import (  # noqa: E402
    NOTEBOOK_DIR,
    inject_solutions,
    questions,
    read_solutions,
    solutions_file,
)
from tests.notebooks.running import run_notebook  # noqa: E402

COURSE = [f"{n:02d}" for n in range(8)]  # 00 ... 07


def course_notebooks(only: str | None) -> tuple[list[Path], list[str]]:
    """The course notebooks that exist, and the numbers asked for that have none.

    ``only`` is a comma-separated list of numbers (all of 00-07 when None).
    """
    wanted = COURSE if only is None else [n.strip().zfill(2) for n in only.split(",") if n.strip()]
    found, missing = [], []
    for number in wanted:
        paths = sorted(NOTEBOOK_DIR.glob(f"{number}_*.ipynb"))
        found += paths
        missing += [] if paths else [number]
    return found, missing


def measure(path: Path, solved: bool) -> dict:
    """Run one notebook (the student version, or with its solutions) and say what it cost."""
    nb = nbformat.read(path, as_version=4)
    if solved:
        inject_solutions(nb, read_solutions(solutions_file(path)))
    try:
        run = run_notebook(nb, path.parent)
    except Exception as exc:  # a failing cell: report it and go on with the next notebook
        return {"wall_s": None, "peak_mib": None, "ok": f"failed: {type(exc).__name__}"}
    stderr = sum(o.output_type == "stream" and o.name == "stderr"
                 for c in nb.cells if c.cell_type == "code" for o in c.outputs)  # fmt: skip
    ok = "yes" if not stderr else f"{stderr} stderr output(s)"
    return {"wall_s": run.wall_s, "peak_mib": run.kernel_peak_rss_mib, "ok": ok}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=None, help="notebook numbers, e.g. 03,04 (default all)")
    parser.add_argument(
        "--solved", action="store_true", help="also run notebooks with exercises solved"
    )
    args = parser.parse_args(argv)
    paths, missing = course_notebooks(args.only)
    print(f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'notebook':<34} {'version':<8} {'wall (s)':>9} {'peak (MiB)':>11}  no errors")
    for path in paths:
        versions = ["student"] + (["solved"] if args.solved and questions(path) else [])
        for version in versions:
            with tempfile.TemporaryDirectory() as cache:
                os.environ["SUPERATOM_LAB_CACHE"] = cache  # the kernel inherits an empty cache
                cost = measure(path, solved=version == "solved")
            wall = "-" if cost["wall_s"] is None else f"{cost['wall_s']:.1f}"
            peak = "-" if cost["peak_mib"] is None else f"{cost['peak_mib']:.0f}"
            print(f"{path.name:<34} {version:<8} {wall:>9} {peak:>11}  {cost['ok']}", flush=True)
    for number in missing:
        print(f"{number}_*.ipynb: no such notebook, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
