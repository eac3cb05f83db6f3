"""Start servers on loopback and drive Debian's Chromium with Playwright.

Never ``playwright install``: the browser is ``/usr/bin/chromium`` from Debian.
WebGL (for nglview) works in software through SwiftShader.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--ignore-gpu-blocklist",
]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, timeout_s: float = 120) -> None:
    """Poll ``url`` until it answers, failing early if ``process`` died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with status {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


@contextlib.contextmanager
def server(command: list[str], url: str, cwd: Path, log: Path, env: dict | None = None):
    """Run ``command`` in its own process group until the block ends."""
    with log.open("w") as handle:
        process = subprocess.Popen(
            command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})}, start_new_session=True,
        )  # fmt: skip
        try:
            wait_for_http(url, process)
            yield process
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 900):
    """A Playwright page in headless Debian Chromium with a fresh profile."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": width, "height": height},
        )  # fmt: skip
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


@contextlib.contextmanager
def class_server(root: Path, log: Path, cache: Path, class_args: str):
    """`make class` with ``class_args`` on a free loopback port and result cache ``cache``."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = ["make", "-s", "class", f"CLASS_ARGS={class_args} --port {port} --ip 127.0.0.1"]
    with server(command, f"{base}/", root, log, env={"SUPERATOM_LAB_CACHE": str(cache)}):
        yield base
