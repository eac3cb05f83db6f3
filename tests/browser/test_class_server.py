"""`make class` serves the dashboards to a class: a cap on seats, and nothing fetched from a CDN.

One class server with 2 seats and a pool of 1 pre-heated index kernel.  Three
students arrive in turn: the first gets the index page (from the pool; every
request it makes stays on the server), the second a dashboard, the third the
"full, retrying" page.  When the first closes the tab, Voila shuts its kernel
down, the seat is free, and the third student's page, which retries by itself,
becomes the index dashboard.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import browser_page
from tests.browser.chromium import class_server as class_server_at
from tests.browser.flows import app
from tests.browser.widgets import assert_no_error_output

pytestmark = pytest.mark.browser

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
RENDER_MS = 90_000
LOCAL = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="module")
def class_server(artifacts, tmp_path_factory):
    """Base URL of `make class` with 2 seats, 1 pre-heated index kernel, retry after 3 s."""
    cache = tmp_path_factory.mktemp("class-cache")
    log = artifacts / "make-class.log"
    with class_server_at(ROOT, log, cache, "--students 2 --pool 1 --retry 3") as base:
        yield base


def test_a_full_class_server_says_so_and_lets_the_next_student_in(class_server, artifacts):
    index = f"{class_server}/voila/render/index.ipynb"
    with browser_page() as first:
        context = first.context
        requests: list[str] = []
        first.on("request", lambda r: requests.append(r.url))

        # 1. the first student: the pre-heated index page, every request local
        response = first.goto(index, timeout=RENDER_MS)
        assert response is not None and response.status == 200
        expect(app(first, "builder")).to_be_visible(timeout=RENDER_MS)
        assert_no_error_output(first)
        first.wait_for_load_state("networkidle", timeout=RENDER_MS)
        foreign = sorted({u for u in requests if urlparse(u).hostname not in LOCAL}
                         - {u for u in requests if u.startswith(("data:", "blob:"))})  # fmt: skip
        assert not foreign, f"the page fetched from outside the server: {foreign}"
        assert len(requests) > 10  # the page's own scripts and styles were seen
        first.screenshot(path=str(artifacts / "class-1-index.png"))

        # 2. the second student takes the other seat
        second = context.new_page()
        response = second.goto(f"{class_server}/voila/render/jellium_playground.ipynb",
                               timeout=RENDER_MS)  # fmt: skip
        assert response is not None and response.status == 200
        second.locator(".widget-slider").first.wait_for(timeout=RENDER_MS)

        # 3. the third is told the server is full, at once, and the page retries
        third = context.new_page()
        started = time.monotonic()
        response = third.goto(index, timeout=RENDER_MS)
        assert response is not None and response.status == 503
        assert time.monotonic() - started < 5
        assert response.headers.get("retry-after") == "3"
        expect(third.locator("h1")).to_have_text(re.compile("class server is full, retrying"))
        third.screenshot(path=str(artifacts / "class-3-full.png"))
        assert "Traceback" not in third.content()

        # 4. the first student leaves: Voila shuts the kernel down and the third gets in
        first.close(run_before_unload=True)
        expect(app(third, "builder")).to_be_visible(timeout=RENDER_MS)
        assert_no_error_output(third)
        third.screenshot(path=str(artifacts / "class-4-admitted.png"))
