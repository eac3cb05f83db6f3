"""The class server (``superatom serve``) under hostile and crowded use, without a browser.

The clients here send what a page sends (tests/deploy/widget_client.py) over
Jupyter's legacy websocket format, which any script may choose.  Stock Voila
reads every binary frame as the v1 format and, on a legacy one (a widget with
binary state, such as the jellium figure), counts billions of offsets: the whole
server stops answering.  The class server reads the format the client asked for.
"""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superatom_lab.serve.class_server import legacy_msg_type
from superatom_lab.serve.seats import Seats
from tests.browser.chromium import class_server as class_server_at
from tests.deploy.widget_client import ServerFull, WidgetClient

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def class_server(artifacts, tmp_path_factory):
    """`make class` with 2 seats and no pool, on a free loopback port."""
    cache = tmp_path_factory.mktemp("serve-cache")
    log = artifacts / "serve-hostile.log"
    with class_server_at(ROOT, log, cache, "--students 2 --pool 0") as base:
        yield base


def _status(url: str, timeout_s: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_legacy_websocket_client_cannot_freeze_the_server(class_server):
    async def legacy_client_then_another_visitor():
        client = WidgetClient(class_server)
        try:
            await client.open("jellium_playground.ipynb", 60)  # its figure has binary state
            assert any(s["model_name"] == "ImageModel" for s in client.states.values())
            started = time.monotonic()
            status = await asyncio.to_thread(_status, f"{class_server}/voila/tree", 20)
            return status, time.monotonic() - started
        finally:
            client.close()

    status, seconds = asyncio.run(legacy_client_then_another_visitor())
    assert status == 200 and seconds < 10


def test_the_seat_cap_answers_at_once_with_a_full_page(class_server):
    async def crowd():
        clients = [WidgetClient(class_server) for _ in range(3)]
        results = await asyncio.gather(
            *(c.open("jellium_playground.ipynb", 90) for c in clients), return_exceptions=True
        )
        for c in clients:
            c.close()
        return results

    results = asyncio.run(crowd())
    full = [r for r in results if isinstance(r, ServerFull)]
    other = [r for r in results if isinstance(r, BaseException) and not isinstance(r, ServerFull)]
    # the first test's page may still hold a seat: at least one of three is turned away
    assert full and not other, results
    request = urllib.request.Request(f"{class_server}/voila/render/index.ipynb")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 503
    assert refused.value.headers["Retry-After"] == "15"
    body = refused.value.read().decode()
    assert "The class server is full" in body and "Traceback" not in body


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("admit seat settle leave keep".split()),
                          st.integers(0, 5)), max_size=60),
       st.integers(1, 4))  # fmt: skip
def test_seats_never_admit_beyond_the_limit(operations, limit):
    """Whatever order pages arrive, get kernels, fail or leave in, the admissions add up."""
    seats = Seats(limit)
    admitted_now = 0
    for op, k in operations:
        kernel = f"k{k}"
        if op == "admit":
            before = seats.occupied
            ok = seats.admit()
            assert ok == (before < limit)
            admitted_now += ok
        elif op == "seat" and admitted_now:
            seats.seated(kernel)
            seats.settled()
            admitted_now -= 1
        elif op == "settle" and admitted_now:
            seats.settled()  # the page failed before its kernel
            admitted_now -= 1
        elif op == "leave":
            seats.left(kernel)
        elif op == "keep":
            seats.keep({f"k{i}" for i in range(k)})
        assert seats.admitting == admitted_now
        assert seats.admitting >= 0


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=64))
def test_reading_a_junk_binary_frame_never_raises_or_hangs(frame):
    result = legacy_msg_type(frame)
    assert result is None or isinstance(result, str)


@pytest.mark.parametrize(
    "path",
    [
        "/voila/render/../../../../etc/passwd",
        "/voila/render/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/files/..%2f..%2f..%2fetc%2fpasswd",
        "/voila/files/../../pyproject.toml",
        "/voila/tree/..%2f..%2f",
        "/voila/render/index.ipynb?template=../../../../etc&theme=../../x",
        "/voila/render/no_such_dashboard.ipynb",
        "/voila/render/index.ipynb%00.png",
        "/voila/api/contents/..%2f..%2f",
    ],
)
def test_no_url_reads_a_file_or_shows_a_server_path(class_server, path):
    """Traversal, template and theme overrides and odd names: refused, nothing leaked."""
    try:
        with urllib.request.urlopen(class_server + path, timeout=60) as response:
            status, body = response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read().decode(errors="replace")
    assert "root:x:0:0" not in body  # /etc/passwd
    assert "[build-system]" not in body  # a project file outside the served folder
    assert "Traceback" not in body
    assert str(ROOT) not in body and "site-packages" not in body
    if "template=" in path:
        assert status in (200, 503)  # served with the class template, the override ignored
    else:
        assert status in (400, 403, 404, 503), status
