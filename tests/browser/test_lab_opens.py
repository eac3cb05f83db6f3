"""`make lab` opens JupyterLab with the start notebook, as a student would see it."""

from __future__ import annotations

import secrets

import pytest

from tests.browser.chromium import browser_page, free_port, server

pytestmark = pytest.mark.browser

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_make_lab_shows_the_start_notebook(artifacts):
    port, token = free_port(), secrets.token_hex(8)
    lab_args = (
        f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token}"
    )
    command = ["make", "-s", "lab", f"LAB_ARGS={lab_args}"]
    base = f"http://127.0.0.1:{port}"
    with server(command, f"{base}/api/status?token={token}", ROOT, artifacts / "make-lab.log"):
        with browser_page() as page:
            page.goto(f"{base}/lab/tree/00_start_here.ipynb?token={token}")
            notebook = page.locator(".jp-NotebookPanel")
            notebook.wait_for(timeout=90_000)
            heading = notebook.locator(".jp-RenderedMarkdown h1", has_text="Start here")
            heading.first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(artifacts / "lab-start-notebook.png"))
            tab = page.locator(".lm-TabBar-tab", has_text="00_start_here.ipynb")
            assert tab.count() >= 1
            assert page.locator(".jp-Cell").count() >= 5
