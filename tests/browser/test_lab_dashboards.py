"""The jellium playground notebook works in JupyterLab too: run all cells, move the slider."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import browser_page, free_port, server
from tests.browser.widgets import (
    assert_no_error_output,
    image_source,
    nudge_slider,
    slider,
    wait_until_text,
)

pytestmark = pytest.mark.browser

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "dashboards" / "jellium_playground.ipynb"


@pytest.fixture
def notebook_unchanged():
    """Put the dashboard back as it was, should JupyterLab autosave its outputs (after 120 s)."""
    original = NOTEBOOK.read_bytes()
    yield
    if NOTEBOOK.read_bytes() != original:
        NOTEBOOK.write_bytes(original)


def test_jellium_playground_runs_in_jupyterlab(artifacts, tmp_path, notebook_unchanged):
    port, token = free_port(), secrets.token_hex(8)
    lab_args = (
        f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token}"
        " --ServerApp.port_retries=0"
    )
    command = ["make", "-s", "lab", f"LAB_ARGS={lab_args}"]
    base = f"http://127.0.0.1:{port}"
    env = {"SUPERATOM_LAB_CACHE": str(tmp_path / "cache")}
    log = artifacts / "make-lab-dashboards.log"
    with server(command, f"{base}/api/status?token={token}", ROOT, log, env=env):
        with browser_page() as page:
            # ?reset: a fresh workspace, so no notebook of an earlier session is reopened
            page.goto(f"{base}/lab/tree/dashboards/jellium_playground.ipynb?reset&token={token}")
            panel = page.locator(".jp-NotebookPanel", has=page.locator(".jp-Cell"))
            panel.first.wait_for(timeout=90_000)
            tab = page.locator(".lm-TabBar-tab.lm-mod-current", has_text="jellium_playground")
            expect(tab.first).to_be_visible(timeout=30_000)
            # the kernel has started and is idle (the status bar) before the cells are run
            kernel_idle = page.locator(
                ".jp-StatusBar-Widget", has_text=re.compile(r"ipykernel\) \| Idle")
            )
            expect(kernel_idle.first).to_be_visible(timeout=90_000)
            page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
            page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()

            output = panel.first.locator(".jp-OutputArea-output")
            try:
                output.locator(".widget-slider .noUi-handle").first.wait_for(timeout=90_000)
            finally:
                page.screenshot(path=str(artifacts / "lab-jellium-after-run-all.png"))
            magic = output.locator(".widget-html", has_text="Magic numbers")
            wait_until_text(magic, r"40 electrons: closed shell", 30_000)
            figure = output.locator("img.widget-image").first
            expect(figure).to_have_attribute("src", re.compile("."), timeout=30_000)
            assert_no_error_output(page)

            before = image_source(figure)
            nudge_slider(page, "electrons N", "ArrowRight")
            expect(slider(page, "electrons N").locator(".widget-readout")).to_have_text("41")
            wait_until_text(magic, r"41 electrons: open shell", 30_000)
            expect(figure).not_to_have_attribute("src", before, timeout=30_000)
            assert_no_error_output(page)
            output.first.scroll_into_view_if_needed()
            page.screenshot(path=str(artifacts / "lab-jellium-playground.png"))
