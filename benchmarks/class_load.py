"""How does one class server behave when a whole class arrives at once?  A bounded load test.

Run from the repository root, on an otherwise idle machine:

    .venv/bin/python benchmarks/class_load.py
    .venv/bin/python benchmarks/class_load.py --classes 10 20 40 --students 20 --pool 20

For each class size N it starts ``superatom serve notebooks/dashboards`` on a free
loopback port with an empty result cache, waits until the pre-heated index kernels
have executed the notebook and the server is idle, then lets N students open
``index.ipynb`` at the same moment.  A page counts as rendered when every widget's
state has arrived (protocol clients) or the cluster builder is visible (browser
clients).  Then the even-numbered students ask the EA explorer for Cl at
``standard`` (shipped with the package: a cached answer) and the odd-numbered ones
for F at ``quick`` (a live PySCF calculation).  A student beyond the cap gets the
"full, retrying" page and is counted as such.

``--client protocol`` (the default) sends what a browser sends, the HTTP request
and the widget messages over the kernel websocket (tests/deploy/widget_client.py),
and draws nothing: the times are the server's.  ``--client browser`` runs each
student in its own context of one headless Chromium on the same two cores, so the
browsers' own rendering (software WebGL included) is part of the wait.

It prints, per class size: pages rendered, "full" pages, errors, p50 and p95 time
to a rendered page, median time to the cached answer, median time to the live
answer, and the peak memory of the server with its kernels and workers (the
summed resident set of the process tree, sampled every 0.25 s).  The browsers
run on the same machine, so their CPU time is part of what the students wait for.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.process_tree import PeakMemory, cpu_seconds  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, free_port, wait_for_http  # noqa: E402
from tests.deploy.widget_client import ServerFull, WidgetClient  # noqa: E402

PAGE_MS = 180_000
ANSWER_MS = 300_000
POOL_FILLED = "Kernel pool of index.ipynb is filled"


def _question(number: int) -> tuple[str, str]:
    """(species, preset) a student asks for: cached Cl for even numbers, live F for odd ones."""
    return ("Cl", "standard") if number % 2 == 0 else ("F", "quick")


async def protocol_student(base: str, number: int) -> dict:
    """What a browser sends and waits for, drawing nothing (tests/deploy/widget_client.py)."""
    client = WidgetClient(base)
    started = time.monotonic()
    row: dict = {"student": number, "rendered_s": None}
    try:
        await client.open("index.ipynb", PAGE_MS / 1000)
        row["rendered_s"] = time.monotonic() - started
        species, preset = _question(number)
        await client.select(client.find("superatom-app-ea", "DropdownModel", "species"), species)
        await client.select(client.find("superatom-app-ea", "DropdownModel", "preset"), preset)
        clicked = time.monotonic()
        await client.click(client.find("superatom-app-ea", "ButtonModel", "Compute"))
        await client.wait_for_text(rf"EA\({species}\) = \d", ANSWER_MS / 1000)
        row["cached_s" if number % 2 == 0 else "live_s"] = time.monotonic() - clicked
        row["outcome"] = "ok"
    except ServerFull:
        row["outcome"] = "full"
    except Exception as exc:
        row["outcome"] = f"error: {type(exc).__name__}: {str(exc)[:120]}"
    finally:
        client.close()
    return row


async def protocol_class(base: str, size: int) -> list[dict]:
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(None, max_clients=max(10, size))
    return await asyncio.gather(*(protocol_student(base, i) for i in range(size)))


async def one_student(browser, base: str, number: int) -> dict:
    """Open the index page, then ask the EA explorer (cached for even, live for odd numbers)."""
    context = await browser.new_context(viewport={"width": 1200, "height": 800})
    page = await context.new_page()
    page.set_default_timeout(PAGE_MS)
    started = time.monotonic()
    row: dict = {"student": number}
    try:
        response = await page.goto(f"{base}/voila/render/index.ipynb", timeout=PAGE_MS)
        if response is not None and response.status == 503:
            row["outcome"] = "full"
            return row
        if response is None or response.status != 200:
            row["outcome"] = f"HTTP {response and response.status}"
            return row
        await page.locator(".superatom-app-builder").wait_for(timeout=PAGE_MS)
        row["rendered_s"] = time.monotonic() - started

        tab = page.locator(".widget-tab .lm-TabBar-tab", has_text="Electron affinity").first
        await tab.click()
        ea = page.locator(".superatom-app-ea")
        await ea.wait_for(timeout=PAGE_MS)

        def select(description: str):
            label = page.locator(".widget-label", has_text=description)
            return ea.locator(".widget-dropdown", has=label).locator("select")

        species, preset = _question(number)
        await select("species").select_option(label=f"{species} (halogen)")
        await select("preset").select_option(preset)
        clicked = time.monotonic()
        await ea.get_by_role("button", name="Compute", exact=True).click()
        answer = ea.locator(".widget-html").filter(has_text=re.compile(rf"EA\({species}\) = \d"))
        await answer.first.wait_for(timeout=ANSWER_MS)
        row["cached_s" if number % 2 == 0 else "live_s"] = time.monotonic() - clicked
        text = await page.content()
        row["outcome"] = "error: traceback shown" if "Traceback" in text else "ok"
    except Exception as exc:  # a page that never renders is an error of the class server
        row["outcome"] = f"error: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
    finally:
        row.setdefault("rendered_s", None)
        await context.close()
    return row


async def one_class(base: str, size: int) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return await asyncio.gather(*(one_student(browser, base, i) for i in range(size)))
        finally:
            await browser.close()


def wait_for_pool(log: Path, process: subprocess.Popen, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    while POOL_FILLED not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the index pool did not fill; see {log}")
        time.sleep(1)


def wait_until_idle(pid: int, timeout_s: float = 900) -> None:
    """Wait until the server and its kernels use under 5 % of a core over 3 s (pool executed).

    Voila logs the pool as filled once its kernels started, not once they have
    executed the notebook; a class arrives at a server prepared before the lesson.
    """

    deadline = time.monotonic() + timeout_s
    before = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(3)
        now = cpu_seconds(pid)
        if now - before < 0.15:
            return
        before = now
    raise RuntimeError("the server never became idle")


def run_class(size: int, students: int, pool: int, logs: Path, client: str) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = logs / f"serve-{size}.log"
    command = [
        str(ROOT / ".venv" / "bin" / "superatom"), "serve", "notebooks/dashboards",
        "--students", str(students), "--pool", str(pool), "--port", str(port),
        "--ip", "127.0.0.1",
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as cache, log.open("w") as handle:
        env = {**os.environ, "SUPERATOM_LAB_CACHE": cache}
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )  # fmt: skip
        try:
            wait_for_http(f"{base}/", process)
            if pool:
                wait_for_pool(log, process)
            wait_until_idle(process.pid)
            with PeakMemory(process.pid) as memory:
                run = protocol_class if client == "protocol" else one_class
                rows = asyncio.run(run(base, size))
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
    return {"size": size, "rows": rows, "peak_mib": memory.peak / 2**20}


def summary(result: dict) -> dict:
    rows = result["rows"]
    rendered = sorted(r["rendered_s"] for r in rows if r["rendered_s"] is not None)
    quantile = lambda q: rendered[min(len(rendered) - 1, int(q * len(rendered)))]  # noqa: E731
    median = lambda key: statistics.median([r[key] for r in rows if key in r] or [float("nan")])  # noqa: E731
    errors = [r for r in rows if r["outcome"].startswith(("error", "HTTP"))]
    return {
        "students": result["size"],
        "rendered": len(rendered),
        "full": sum(r["outcome"] == "full" for r in rows),
        "errors": len(errors),
        "p50_s": statistics.median(rendered) if rendered else float("nan"),
        "p95_s": quantile(0.95) if rendered else float("nan"),
        "cached_s": median("cached_s"),
        "live_s": median("live_s"),
        "peak_mib": result["peak_mib"],
        "error_lines": [r["outcome"] for r in errors],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, nargs="+", default=[10, 20, 40])
    parser.add_argument("--students", type=int, default=20, help="seats of the server")
    parser.add_argument("--pool", type=int, default=20, help="pre-heated index kernels")
    parser.add_argument(
        "--client", choices=["protocol", "browser"], default="protocol",
        help="protocol: HTTP and widget messages only (the server's times); browser: Chromium",
    )  # fmt: skip
    parser.add_argument("--logs", type=Path, default=ROOT / "test-artifacts" / "class-load")
    args = parser.parse_args(argv)
    args.logs.mkdir(parents=True, exist_ok=True)
    print(f"superatom serve --students {args.students} --pool {args.pool}; "
          f"{os.cpu_count()} cores; {args.client} clients")  # fmt: skip
    header = "students  rendered  full  errors  p50 (s)  p95 (s)  cached (s)  live (s)  peak (MiB)"
    print(header)
    for size in args.classes:
        s = summary(run_class(size, args.students, args.pool, args.logs, args.client))
        print(f"{s['students']:8d}  {s['rendered']:8d}  {s['full']:4d}  {s['errors']:6d}  "
              f"{s['p50_s']:7.1f}  {s['p95_s']:7.1f}  {s['cached_s']:10.2f}  {s['live_s']:8.1f}  "
              f"{s['peak_mib']:10.0f}", flush=True)  # fmt: skip
        for line in s["error_lines"]:
            print(f"          {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
