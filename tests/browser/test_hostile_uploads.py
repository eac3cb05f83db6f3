"""Hostile uploads through the cluster builder page, in Chromium, on the class server.

Binary junk, a million-atom header, a path as the file name, a file over the
builder's 1 MB limit and one over Tornado's 10 MiB websocket limit: each gives
one line on the page (or, past the websocket limit, is dropped by the server),
never a traceback or a server path, and the page still builds a cluster after.
"""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import browser_page
from tests.browser.chromium import class_server as class_server_at
from tests.browser.widgets import assert_no_error_output, toggle

pytestmark = pytest.mark.browser

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
RENDER_MS = 90_000
CL2 = b"2\nchlorine\nCl 0 0 0\nCl 0 0 1.99\n"


@pytest.fixture(scope="module")
def class_server(artifacts, tmp_path_factory):
    cache = tmp_path_factory.mktemp("upload-cache")
    log = artifacts / "make-class-uploads.log"
    with class_server_at(ROOT, log, cache, "--students 4 --pool 0") as base:
        yield base


def test_hostile_uploads_each_get_one_line_and_the_page_keeps_working(class_server, artifacts):
    with browser_page() as page:
        response = page.goto(f"{class_server}/voila/render/cluster_builder.ipynb",
                             timeout=RENDER_MS)  # fmt: skip
        assert response is not None and response.status == 200
        toggle(page, "build from", "file").click()
        button = page.locator("button.widget-upload").first
        error = page.locator(".widget-html", has_text="Error:")

        def choose(name: str, content: bytes) -> None:
            # ipywidgets' FileUpload keeps its <input type=file> out of the page: click, choose
            with page.expect_file_chooser() as chooser:
                button.click()
            chooser.value.set_files({"name": name, "mimeType": "text/plain", "buffer": content})

        def upload(name: str, content: bytes, expected: str) -> None:
            choose(name, content)
            expect(error.first).to_contain_text(re.compile(expected), timeout=60_000)
            text = page.inner_text("body")
            assert "Traceback" not in text and "/work/" not in text and "site-packages" not in text

        upload("junk.xyz", os.urandom(4000), r"junk\.xyz")
        upload("huge.xyz", b"1000000\nmany\n" + b"Al 0 0 0\n" * 2000, r"more than the 2000")
        upload("big.xyz", b"1\nbig\nAl 0 0 0\n" + b"#" * 1_500_000, r"too large")
        page.screenshot(path=str(artifacts / "upload-too-large.png"))

        choose("../../etc/passwd.xyz", CL2)
        expect(page.locator(".widget-label", has_text="file:").first).to_have_text(
            "file: passwd.xyz", timeout=60_000
        )
        expect(page.locator(".widget-html", has_text="2 atoms").first).to_be_visible(timeout=60_000)
        assert "/etc" not in page.inner_text("body")

        # over the websocket's 10 MiB: the server drops the message; the page stays usable
        choose("flood.xyz", b"#" * (11 * 2**20))
        page.wait_for_timeout(3000)
        toggle(page, "build from", "catalogue").click()
        label = page.locator(".widget-label", has_text="species")
        species = page.locator(".widget-dropdown", has=label).locator("select").first
        species.select_option(label="BF4 (superhalogen)")
        expect(page.locator(".widget-html", has_text="BF4").first).to_be_visible(timeout=90_000)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "upload-after-flood.png"))
