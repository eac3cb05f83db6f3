"""Does the package run with its runtime dependencies only, and in how much memory?

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/lean_runtime.py
    .venv/bin/python benchmarks/lean_runtime.py --venv /tmp/lean --keep

It creates a fresh virtual environment and installs the project as Binder does
(``pip install -c requirements/constraints.txt .``: no test extras), checks that
no test-only package came with it, then in that environment, each as its own
process tree with an empty result cache:

* imports the package;
* answers one EA from the shipped results (``superatom ea BF4``; it must say
  "precomputed");
* executes each dashboard notebook of ``notebooks/dashboards`` top to bottom in
  a kernel (what Voila does when a page is opened), and ``00_start_here``.

It prints a table of wall time and peak memory (the summed resident set of the
process and its children, sampled every 0.02 s) and fails if any peak is over
``--limit-mib`` (1536 MiB by default: mybinder.org restarts a kernel past 2 GB and
guarantees 1 GB).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.process_tree import PeakMemory  # noqa: E402

# playwright's Python package is not here: otter-grader needs nbconvert[webpdf], which brings it
# (without a browser).
TEST_ONLY = ("pytest", "pytest-timeout", "ruff", "hypothesis", "jupyter-repo2docker")


def peak_of(command: list[str], cwd: Path, env: dict) -> tuple[float, float, str]:
    """Run ``command``; return (wall seconds, peak MiB of its process tree, its output)."""
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    with PeakMemory(process.pid, every_s=0.02) as memory:
        output, _ = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-2000:]}")
    return time.monotonic() - started, memory.peak / 2**20, output


def make_venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-c", "requirements/constraints.txt", "."],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return path / "bin"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--venv", type=Path, help="where to create it (default: a temporary folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the environment afterwards")
    parser.add_argument("--limit-mib", type=float, default=1536)
    args = parser.parse_args(argv)
    venv = args.venv or Path(tempfile.mkdtemp(prefix="superatom-lean-")) / "venv"
    try:
        started = time.monotonic()
        bin_dir = make_venv(venv)
        print(f"fresh venv with the runtime set: {venv} ({time.monotonic() - started:.0f} s)")
        freeze = subprocess.run(
            [str(bin_dir / "python"), "-m", "pip", "freeze"], capture_output=True, text=True,
            check=True,
        ).stdout.lower()  # fmt: skip
        extras = [name for name in TEST_ONLY if f"\n{name}==" in f"\n{freeze}"]
        print(f"test-only packages installed: {extras or 'none'}")
        rows = []
        with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
            env = {**os.environ, "SUPERATOM_LAB_CACHE": cache, "PATH": f"{bin_dir}:/usr/bin:/bin"}
            env.pop("VIRTUAL_ENV", None)
            py = str(bin_dir / "python")
            rows.append(
                ("import superatom_lab", *peak_of([py, "-c", "import superatom_lab"], ROOT, env))
            )
            ea = [str(bin_dir / "superatom"), "ea", "BF4"]
            rows.append(("superatom ea BF4 (shipped)", *peak_of(ea, ROOT, env)))
            notebooks = sorted((ROOT / "notebooks" / "dashboards").glob("*.ipynb"))
            notebooks.append(ROOT / "notebooks" / "00_start_here.ipynb")
            for nb in notebooks:
                command = [
                    str(bin_dir / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=600", "--output-dir", out, str(nb),
                ]  # fmt: skip
                rows.append((nb.name, *peak_of(command, nb.parent, env)))
        print(f"{'what':36s} {'wall (s)':>9s} {'peak (MiB)':>11s}")
        for name, wall, peak, _ in rows:
            print(f"{name:36s} {wall:9.1f} {peak:11.0f}")
        over = [name for name, _, peak, _ in rows if peak > args.limit_mib]
        precomputed = any("precomputed" in output for n, *_, output in rows if "BF4" in n)
        print(f"over {args.limit_mib:.0f} MiB: {over or 'none'}; BF4 precomputed: {precomputed}")
        return 1 if over or extras or not precomputed else 0
    finally:
        if not args.keep:
            shutil.rmtree(venv.parent if args.venv is None else venv, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
