"""A local JupyterHub with deploy/jupyterhub/jupyterhub_config.py: a student opens the index.

Run from the repository root, with an environment that holds the project, jupyterhub and,
on PATH, configurable-http-proxy (docs/deploy.md gives the three commands):

    HUB_VENV/bin/python deploy/jupyterhub/try_local.py

It starts the hub on a free loopback port in a temporary folder (its database and
cookie secret go there), logs in as ``student1`` through the dummy authenticator's
form, lets the hub spawn that student's server, requests the Voila dashboard index
through the hub's proxy, and prints each step with its time.  The exit status is 0
only when the index page came back rendered.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def step(name: str, started: float) -> None:
    print(f"{time.monotonic() - started:7.1f} s  {name}", flush=True)


def main() -> int:
    bin_dir = Path(sys.executable).parent
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "HUB_BIND_URL": base,
            "HUB_NOTEBOOK_DIR": str(ROOT),
            "SINGLEUSER": str(bin_dir / "jupyterhub-singleuser"),
            "HUB_DB_URL": f"sqlite:///{work}/jupyterhub.sqlite",
            "HUB_COOKIE_SECRET": f"{work}/cookie_secret",
            "SUPERATOM_LAB_CACHE": f"{work}/cache",
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
        }
        log_path = ROOT / "test-artifacts" / "jupyterhub-try.log"
        log_path.parent.mkdir(exist_ok=True)
        log = open(log_path, "w")  # noqa: SIM115 (closed below)
        started = time.monotonic()
        hub = subprocess.Popen(
            [str(bin_dir / "jupyterhub"), "-f", str(CONFIG), "--port", str(port)],
            cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        ok = False
        try:
            session = requests.Session()
            for _ in range(120):
                try:
                    if session.get(f"{base}/hub/login", timeout=5).status_code == 200:
                        break
                except requests.ConnectionError:
                    time.sleep(1)
            step(f"hub answers at {base}/hub/login", started)
            page = session.get(f"{base}/hub/login", timeout=10)
            xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page.text).group(1)
            reply = session.post(
                f"{base}/hub/login?next=", data={"username": "student1", "password": "",
                                                 "_xsrf": xsrf}, timeout=30,
            )  # fmt: skip
            reply.raise_for_status()
            step("logged in as student1 (dummy authenticator)", started)
            url = f"{base}/user/student1/voila/render/notebooks/dashboards/index.ipynb"
            for _ in range(60):
                index = session.get(url, timeout=180)
                if index.status_code == 200 and "voila" in index.text.lower():
                    break
                time.sleep(2)
            step(f"GET {url} -> {index.status_code}, {len(index.text)} characters", started)
            widgets = "application/vnd.jupyter.widget-view+json" in index.text
            ok = index.status_code == 200 and widgets and "Traceback" not in index.text
            print("the student's server rendered the dashboard index" if ok else "FAILED")
        finally:
            hub.terminate()
            hub.wait(timeout=60)
            log.close()
            print(f"the hub's log: {log_path}")
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
