"""Drive ipywidgets in a page (Voila or JupyterLab) the way a student does: keyboard and mouse.

Every wait is on a condition (Playwright's ``expect`` or ``wait_for``), never a bare sleep.
"""

from __future__ import annotations

import io
import re
import time

from playwright.sync_api import Error, Locator, Page, expect

#: Output that a student should never see in a dashboard.
ERROR_OUTPUTS = (
    ".jp-OutputArea-output[data-mime-type*='error'], "
    ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
)


def _root(scope: Page | Locator) -> Page:
    """The page of ``scope``: ``has=`` filters take locators made from the page itself."""
    return scope.page if isinstance(scope, Locator) else scope


def slider(page: Page | Locator, description: str) -> Locator:
    """The ipywidgets slider whose description label reads ``description`` (in a page or app)."""
    label = _root(page).locator(".widget-label", has_text=description)
    return page.locator(".widget-slider", has=label)


def nudge_slider(
    page: Page | Locator, description: str, key: str = "ArrowRight", times: int = 1
) -> None:
    """Move a slider with the keyboard on its handle, as a student using the arrow keys."""
    handle = slider(page, description).locator(".noUi-handle").first
    handle.focus()
    for _ in range(times):
        handle.press(key)


def slider_readout(page: Page | Locator, description: str) -> str:
    """The number shown beside a slider."""
    return slider(page, description).locator(".widget-readout").inner_text().strip()


def dropdown(page: Page | Locator, description: str) -> Locator:
    """The ``<select>`` of the ipywidgets dropdown labelled ``description``."""
    label = _root(page).locator(".widget-label", has_text=description)
    box = page.locator(".widget-dropdown", has=label)
    return box.locator("select")


def toggle(page: Page | Locator, description: str, option: str) -> Locator:
    """One button of the ipywidgets ToggleButtons labelled ``description``."""
    label = _root(page).locator(".widget-label", has_text=description)
    group = page.locator(".widget-toggle-buttons", has=label)
    return group.locator("button", has_text=re.compile(rf"^\s*{re.escape(option)}\s*$"))


def image_source(locator: Locator) -> str:
    """The ``src`` of an ``<img>`` (a data or blob URL that changes when the figure does)."""
    return locator.get_attribute("src") or ""


def assert_no_error_output(page: Page) -> None:
    """No error or stderr output area and no traceback text anywhere on the page."""
    assert page.locator(ERROR_OUTPUTS).count() == 0, page.locator(ERROR_OUTPUTS).all_inner_texts()
    body = page.inner_text("body")
    assert "Traceback" not in body
    assert "Error:" not in body, body[:2000]


def wait_until_text(locator: Locator, pattern: str | re.Pattern, timeout_ms: int) -> None:
    """Wait until ``locator`` shows text matching ``pattern``."""
    expect(locator).to_contain_text(
        re.compile(pattern) if isinstance(pattern, str) else pattern, timeout=timeout_ms
    )


def drawn_pixels(canvas: Locator) -> tuple[float, int]:
    """Fraction of a canvas's pixels that differ from its background colour, and colour count.

    Taken from a screenshot of the element, which also works for a WebGL canvas whose
    drawing buffer is not preserved (``toDataURL`` would read it blank).
    """
    from PIL import Image

    image = Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")
    colours = image.getcolors(maxcolors=image.width * image.height)
    count, background = max(colours)
    return 1 - count / (image.width * image.height), len(colours)


def wait_for_drawn_canvas(canvas: Locator, timeout_s: float = 60, fraction: float = 0.01) -> float:
    """Poll until the canvas shows a drawing (not one flat colour); return the drawn fraction."""
    canvas.wait_for(state="visible", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    drawn, colours = 0.0, 0
    while True:
        try:
            drawn, colours = drawn_pixels(canvas)
        except Error:  # the view was just replaced by a new one: look again
            pass
        if drawn >= fraction and colours >= 8:
            return drawn
        if time.monotonic() > deadline:
            raise AssertionError(f"canvas still blank: {drawn:.4f} drawn, {colours} colours")
        canvas.page.wait_for_timeout(250)  # poll interval of a condition wait
