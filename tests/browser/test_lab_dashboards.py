"""The dashboards work in JupyterLab too: run all cells, then use them as a student does.

One `make lab` server (a free loopback port, a token, an empty result cache)
serves both tests.  JupyterLab autosaves a notebook with its outputs after
120 s; each test puts its notebook back as it was.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.chromium import browser_page, free_port, server
from tests.browser.flows import index_page_flow
from tests.browser.widgets import (
    assert_no_error_output,
    image_source,
    nudge_slider,
    slider,
    wait_for_drawn_canvas,
    wait_until_text,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = ROOT / "notebooks" / "dashboards"


@pytest.fixture(scope="module")
def lab(artifacts, tmp_path_factory):
    """``(base URL, token, cache folder)`` of `make lab` with its own empty cache."""
    port, token = free_port(), secrets.token_hex(8)
    lab_args = (
        f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token}"
        " --ServerApp.port_retries=0"
    )
    command = ["make", "-s", "lab", f"LAB_ARGS={lab_args}"]
    base = f"http://127.0.0.1:{port}"
    cache = tmp_path_factory.mktemp("lab-cache")
    env = {"SUPERATOM_LAB_CACHE": str(cache)}
    log = artifacts / "make-lab-dashboards.log"
    with server(command, f"{base}/api/status?token={token}", ROOT, log, env=env):
        yield base, token, cache


@pytest.fixture
def restore_notebooks():
    """Put the dashboards back as they were, should JupyterLab autosave their outputs."""
    originals = {p: p.read_bytes() for p in DASHBOARDS.glob("*.ipynb")}
    yield
    for path, original in originals.items():
        if path.read_bytes() != original:
            path.write_bytes(original)


def run_all_cells(page: Page, lab, name: str, artifacts: Path, ready: str):
    """Open ``dashboards/<name>.ipynb``, wait for an idle kernel, Run All, wait for ``ready``."""
    base, token, _ = lab
    # ?reset: a fresh workspace, so no notebook of an earlier test is reopened
    page.goto(f"{base}/lab/tree/dashboards/{name}.ipynb?reset&token={token}")
    panel = page.locator(".jp-NotebookPanel", has=page.locator(".jp-Cell"))
    panel.first.wait_for(timeout=90_000)
    tab = page.locator(".lm-TabBar-tab.lm-mod-current", has_text=name)
    expect(tab.first).to_be_visible(timeout=30_000)
    # the kernel has started and is idle (the status bar) before the cells are run
    kernel_idle = page.locator(".jp-StatusBar-Widget", has_text=re.compile(r"ipykernel\) \| Idle"))
    expect(kernel_idle.first).to_be_visible(timeout=90_000)
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
    output = panel.first.locator(".jp-OutputArea-output")
    try:
        output.locator(ready).first.wait_for(timeout=90_000)
    finally:
        page.screenshot(path=str(artifacts / f"lab-{name}-after-run-all.png"))
    return output


def test_jellium_playground_runs_in_jupyterlab(lab, artifacts, restore_notebooks):
    with browser_page() as page:
        output = run_all_cells(page, lab, "jellium_playground", artifacts,
                               ".widget-slider .noUi-handle")  # fmt: skip
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


def test_index_page_works_in_jupyterlab(lab, artifacts, restore_notebooks):
    with browser_page(height=1100) as page:
        run_all_cells(page, lab, "index", artifacts, ".widget-tab .lm-TabBar-tab")
        # JupyterLab's own notebook tabs are also .lm-TabBar-tab: the flow looks inside
        # .widget-tab only, and the notebook scrolls the app into view as it goes
        index_page_flow(page, artifacts, "lab-index", cache=lab[2])
        # a minute in: no "official Jupyter news" toast over the notebook (config/)
        assert page.get_by_text("official Jupyter news").count() == 0


@pytest.mark.parametrize(
    ("name", "has_3d"),
    [("cluster_builder", True), ("ea_explorer", True), ("orbital_explorer", False)],
)
def test_each_app_dashboard_runs_in_jupyterlab(lab, artifacts, restore_notebooks, name, has_3d):
    with browser_page() as page:
        output = run_all_cells(page, lab, name, artifacts, ".widget-dropdown select")
        if has_3d:
            wait_for_drawn_canvas(output.locator("canvas").first, fraction=0.002)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / f"lab-{name}.png"))
