"""The class server: Voila with a cap on seats, a pre-heated index, and local page assets.

``superatom serve notebooks/dashboards`` starts :class:`ClassVoila`, Voila's own
application with three changes, each through a configuration point Voila offers:

* its kernel manager (``VoilaConfiguration.multi_kernel_manager_class``),
  :class:`SeatedKernelManager`, tells the :class:`~superatom_lab.serve.seats.Seats`
  which kernels were handed to pages and which were shut down;
* its notebook page handler, :class:`ClassVoilaHandler`, admits a page only while a
  seat is free, and otherwise answers at once with HTTP 503, ``Retry-After`` and a
  page that says the server is full and reloads itself (never a hang);
* its kernel shutdown handler, :class:`TabClosedHandler`, accepts the request a
  page sends when its tab closes; Voila's own refuses it for want of an XSRF
  token (``navigator.sendBeacon`` cannot send one: voila-dashboards/voila#1458),
  so a closed tab would hold its seat until culling;
* its kernel websocket, :class:`KernelSocketHandler`, reads binary messages in
  the format the client asked for: Voila reads every one as Jupyter's v1
  format, and a client of the legacy format (any script can be one) makes it
  count billions of offsets in a widget's binary message, freezing the server
  for every student;
* the page template ``superatom`` (Voila's lab template without the Font Awesome
  style sheets from a CDN).

Everything else (the pool of pre-heated kernels, culling, no tracebacks) is
Voila's and Jupyter Server's configuration, set by :func:`serve_argv` and
:func:`serve_config`.

Examples
--------
>>> argv = serve_argv("notebooks/dashboards", port=8866)
>>> "--template=superatom" in argv and "--show_tracebacks=False" in argv
True
>>> serve_config(students=20, pool=12).VoilaKernelManager.kernel_pools_config["index.ipynb"]
{'pool_size': 12}
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import tornado.web
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Instance, Int
from traitlets.config import Config
from voila.app import Voila
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from superatom_lab.errors import InputError
from superatom_lab.serve import DEFAULT_POOL, DEFAULT_RETRY_SECONDS, DEFAULT_STUDENTS
from superatom_lab.serve.full_page import full_page
from superatom_lab.serve.seats import Seats

#: Jupyter data folder holding the ``superatom`` Voila template (added to ``JUPYTER_PATH``).
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter"

#: The dashboard every student opens first, kept pre-heated.
INDEX = "index.ipynb"


class SeatedKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager, reporting kernels handed to pages and shut down.

    A kernel started for a page (not for Voila's pool) or taken from the pool takes
    a seat; its shutdown, by the page or by culling, frees it.  The pool is
    refilled only while it holds fewer kernels than there are free seats: a
    kernel that no admitted student could take would only cost memory and, while
    it starts, the CPU time of the students already in.
    """

    seats = Instance(Seats, allow_none=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        take = getattr(self, "get_rendered_notebook", None)  # Voila's pool, when pre-heating
        if take is not None:

            async def taken(*args, **kw):
                render_task, rendered, kernel_id = await take(*args, **kw)
                self._seat(kernel_id)
                return render_task, rendered, kernel_id

            self.get_rendered_notebook = taken
        fill = getattr(self, "fill_if_needed", None)
        if fill is not None:

            def fill_for_free_seats(*args, **kw):
                if self.seats is None or self.pooled() < self.seats.limit - self.seats.occupied:
                    fill(*args, **kw)

            self.fill_if_needed = fill_for_free_seats

    def pooled(self) -> int:
        """Kernels in Voila's pools, ready or starting (0 without pre-heating)."""
        return sum(len(pool) for pool in getattr(self, "_pools", {}).values())

    def _seat(self, kernel_id: str) -> None:
        if self.seats is not None:
            self.seats.seated(kernel_id)

    async def start_kernel(self, *args, **kwargs):
        kernel_id = await super().start_kernel(*args, **kwargs)
        if (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "False":  # a page's own kernel
            self._seat(kernel_id)
        return kernel_id

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        if self.seats is not None:
            self.seats.left(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)


class ClassVoilaHandler(TornadoVoilaHandler):
    """Voila's notebook page, served only while a seat is free; otherwise the "full" page."""

    @tornado.web.authenticated
    async def get(self, path=None):
        if path and any(ord(ch) < 32 for ch in path):  # a NUL byte would reach os.path: a 500
            raise tornado.web.HTTPError(400, "not a dashboard name")
        seats: Seats = self.settings["superatom_seats"]
        seats.keep(self.kernel_manager.list_kernel_ids())
        if not seats.admit():
            retry = self.settings["superatom_retry_seconds"]
            self.set_status(503)
            self.set_header("Retry-After", str(retry))
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(full_page(retry, seats.limit))
            return
        settled = False
        try:
            async for html in self.get_generator(path=path):
                if not settled:  # the page has its kernel: the admission becomes a seat
                    seats.settled()
                    settled = True
                self.write(html)
                self.flush()
        finally:
            if not settled:
                seats.settled()


class TabClosedHandler(VoilaShutdownKernelHandler):
    """Voila's "tab closed, shut my kernel down" endpoint, without the XSRF check.

    The page sends the request with ``navigator.sendBeacon``, which cannot carry
    Jupyter's XSRF header.  The kernel id in the URL (a random UUID, known only
    to the page that holds the kernel) is what authorises the shutdown.
    """

    def check_xsrf_cookie(self):
        return None


#: The websocket subprotocol of Jupyter's v1 kernel message format (what browsers ask for).
V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"


def legacy_message(frame: bytes) -> dict | None:
    """The JSON message of a binary frame in Jupyter's legacy format, ``None`` if unreadable.

    The legacy format: a big-endian 32-bit count of parts, one 32-bit offset
    per part, then the parts; the first is the JSON message, the rest its buffers.

    Examples
    --------
    >>> import json
    >>> part = json.dumps({"header": {"msg_type": "comm_msg"}}).encode()
    >>> legacy_message((1).to_bytes(4, "big") + (8).to_bytes(4, "big") + part)
    {'header': {'msg_type': 'comm_msg'}}
    >>> legacy_message(b"junk") is None
    True
    """
    try:
        count = int.from_bytes(frame[:4], "big")
        if not 0 < count <= len(frame) // 4:
            return None
        start = int.from_bytes(frame[4:8], "big")
        end = int.from_bytes(frame[8:12], "big") if count > 1 else len(frame)
        message = json.loads(frame[start:end])
    except ValueError:
        return None
    return message if isinstance(message, dict) else None


def legacy_msg_type(frame: bytes) -> str | None:
    """The message type of a legacy-format binary frame, ``None`` if unreadable.

    Examples
    --------
    >>> legacy_msg_type(b"junk") is None
    True
    """
    header = (legacy_message(frame) or {}).get("header")
    msg_type = header.get("msg_type") if isinstance(header, dict) else None
    return msg_type if isinstance(msg_type, str) else None


class KernelSocketHandler(VoilaKernelWebsocketHandler):
    """Voila's kernel websocket, reading a legacy-format client's binary messages as such."""

    def write_message(self, message, binary=False):
        if isinstance(message, bytes) and self.selected_subprotocol != V1_PROTOCOL:
            if legacy_msg_type(message) == "execute_input":
                return None  # Voila hides a cell's source; so does this
            return super(VoilaKernelWebsocketHandler, self).write_message(message, binary)
        return super().write_message(message, binary)


#: Voila's handlers and the class server's replacements.
REPLACED = {
    TornadoVoilaHandler: ClassVoilaHandler,
    VoilaShutdownKernelHandler: TabClosedHandler,
    VoilaKernelWebsocketHandler: KernelSocketHandler,
}


class ClassVoila(Voila):
    """Voila for a class: at most ``max_students`` pages hold kernels at once."""

    name = "superatom-serve"
    max_students = Int(
        DEFAULT_STUDENTS, config=True, help="pages served at once; one more sees 'full'"
    )
    retry_seconds = Int(
        DEFAULT_RETRY_SECONDS, config=True, help="seconds before the 'full' page asks again"
    )

    def initialize(self, argv=None):
        paths = os.environ.get("JUPYTER_PATH", "")
        if str(JUPYTER_DATA) not in paths.split(os.pathsep):
            os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_DATA), paths) if p)
        super().initialize(argv)

    def init_settings(self) -> dict:
        self.voila_configuration.multi_kernel_manager_class = SeatedKernelManager
        settings = super().init_settings()
        self.seats = Seats(self.max_students)
        self.kernel_manager.seats = self.seats
        settings["superatom_seats"] = self.seats
        settings["superatom_retry_seconds"] = self.retry_seconds
        return settings

    def init_handlers(self) -> list:
        return [
            (route[0], REPLACED.get(route[1], route[1]), *route[2:])
            for route in super().init_handlers()
        ]


def serve_config(
    students: int = DEFAULT_STUDENTS,
    pool: int = DEFAULT_POOL,
    retry: int = DEFAULT_RETRY_SECONDS,
    cull_minutes: int = 15,
) -> Config:
    """Voila and Jupyter Server settings for a class of ``students``.

    Parameters
    ----------
    students
        Seats: pages that hold a kernel at once.
    pool
        Kernels kept pre-heated for ``index.ipynb`` (its page is sent at once,
        already executed); the other dashboards start a kernel per visit.
    retry
        Seconds before the "full" page asks again.
    cull_minutes
        Idle kernels whose page is gone are shut down after this long.

    Examples
    --------
    >>> serve_config(students=5).ClassVoila.max_students
    5
    """
    if students < 1 or pool < 0 or retry < 1 or cull_minutes < 1:
        raise InputError("--students and --retry must be at least 1, --pool at least 0")
    c = Config()
    c.ClassVoila.max_students = students
    c.ClassVoila.retry_seconds = retry
    c.VoilaConfiguration.preheat_kernel = pool > 0
    c.VoilaConfiguration.default_pool_size = 0
    pools = {INDEX: {"pool_size": pool}, "default": {"pool_size": 0}}
    c.VoilaKernelManager.kernel_pools_config = pools
    c.VoilaKernelManager.fill_delay = 5
    c.MappingKernelManager.cull_idle_timeout = 60 * cull_minutes
    c.MappingKernelManager.cull_interval = 60
    return c


def serve_argv(folder: str, port: int = 8866, ip: str = "localhost") -> list[str]:
    """Command-line arguments of :class:`ClassVoila` for serving ``folder`` on ``ip:port``.

    Examples
    --------
    >>> serve_argv("dashboards", port=9000)[:2]
    ['dashboards', '--port=9000']
    """
    return [
        str(folder),
        f"--port={int(port)}",
        f"--Voila.ip={ip}",
        "--no-browser",
        "--template=superatom",
        "--show_tracebacks=False",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
    ]


def main(folder: str, students: int, pool: int, retry: int, port: int, ip: str) -> None:
    """Serve ``folder`` to a class until interrupted (``superatom serve``)."""
    ClassVoila.launch_instance(
        argv=serve_argv(folder, port=port, ip=ip), config=serve_config(students, pool, retry)
    )
