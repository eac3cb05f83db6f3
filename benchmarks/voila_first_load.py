"""Does a pool of preheated Voila kernels make the first page load faster?  Measured.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/voila_first_load.py
    .venv/bin/python benchmarks/voila_first_load.py --loads 5 --dashboard jellium_playground

For each configuration it starts `make dashboards` (with VOILA_ARGS) on a free
loopback port, waits ``--settle`` seconds (the pool fills), then opens the
dashboard ``--loads`` times in a fresh headless Chromium, waiting ``--settle``
seconds between loads so a preheated pool can refill.  A load is timed from
``page.goto`` until the app's first widget is visible.  It prints a table:
configuration, each load time and the median, and the ratio to the default.
The browser harness is the one of the browser tests (tests/browser/chromium.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import browser_page, free_port, server  # noqa: E402

CONFIGS = {  # VOILA_ARGS of `make dashboards`
    "a new kernel per page (the default)": "",
    "preheated pool of 1": "--preheat_kernel=True --pool_size=1",
}
READY = {  # the first widget each app shows
    "ea_explorer": ".widget-dropdown select",
    "jellium_playground": ".widget-slider .noUi-handle",
    "cluster_builder": ".widget-dropdown select",
    "orbital_explorer": ".widget-dropdown select",
    "index": ".widget-tab .lm-TabBar-tab",
}


def time_loads(voila_args: str, dashboard: str, loads: int, settle: float) -> list[float]:
    """Seconds from navigation to the first visible widget, for each load."""
    port = free_port()
    args = f"--port={port} --Voila.ip=127.0.0.1 --Voila.port_retries=0 {voila_args}".strip()
    base = f"http://127.0.0.1:{port}"
    times = []
    with tempfile.TemporaryDirectory() as cache, tempfile.NamedTemporaryFile(suffix=".log") as log:
        command = ["make", "-s", "dashboards", f"VOILA_ARGS={args}"]
        env = {"SUPERATOM_LAB_CACHE": cache}
        with server(command, f"{base}/", ROOT, Path(log.name), env=env):
            time.sleep(settle)
            for _ in range(loads):
                with browser_page() as page:
                    start = time.perf_counter()
                    page.goto(f"{base}/voila/render/{dashboard}.ipynb", timeout=180_000)
                    page.locator(READY[dashboard]).first.wait_for(timeout=180_000)
                    times.append(time.perf_counter() - start)
                time.sleep(settle)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dashboard", default="ea_explorer", choices=sorted(READY))
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--settle", type=float, default=40.0, help="seconds to let a pool fill")
    args = parser.parse_args(argv)
    rows = []
    for name, voila_args in CONFIGS.items():
        print(f"{name} ...", file=sys.stderr, flush=True)
        rows.append((name, time_loads(voila_args, args.dashboard, args.loads, args.settle)))
    base = statistics.median(rows[0][1])
    print(f"\n{args.dashboard}: seconds from navigation to the first widget, fresh browser each")
    print("| configuration | loads (s) | median (s) | vs default |")
    print("|---|---|---|---|")
    for name, times in rows:
        median = statistics.median(times)
        shown = ", ".join(f"{t:.1f}" for t in times)
        print(f"| {name} | {shown} | {median:.1f} | {median / base:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
