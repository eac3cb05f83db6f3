"""A student's page without a browser: the HTTP request and the widget messages a page sends.

Used by benchmarks/class_load.py and tests/deploy/test_class_server.py.
:class:`WidgetClient` fetches a Voila page,
connects to its kernel's websocket as Voila's front end does, asks for every
widget's state (``jupyter.widget.control``: ``request_states``), and then changes
dropdowns and clicks buttons with the same comm messages a browser sends.  The
browser's own work (parsing the page's scripts, drawing widgets and WebGL) is not
done, so the times are the server's.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from datetime import datetime, timezone

from tornado.httpclient import AsyncHTTPClient, HTTPClientError
from tornado.websocket import websocket_connect

from superatom_lab.serve.class_server import legacy_message


class ServerFull(Exception):
    """The class server answered 503: the "full, retrying" page."""


def _message(msg_type: str, content: dict, session: str, metadata: dict | None = None) -> str:
    now = datetime.now(timezone.utc).isoformat()
    header = {
        "msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session,
        "username": "student", "date": now, "version": "5.3",
    }  # fmt: skip
    message = {"header": header, "parent_header": {}, "metadata": metadata or {},
               "content": content, "channel": "shell", "buffers": []}  # fmt: skip
    return json.dumps(message)


class WidgetClient:
    """One page of a Voila server, driven through its widget messages."""

    def __init__(self, base: str):
        self.base = base
        self.session = uuid.uuid4().hex
        self.states: dict[str, dict] = {}
        self.updates: asyncio.Queue = asyncio.Queue()
        self.socket = None

    async def open(self, notebook: str, timeout_s: float) -> None:
        """GET the page (raises :class:`ServerFull` on 503), connect, receive every widget state."""
        try:
            page = await AsyncHTTPClient().fetch(
                f"{self.base}/voila/render/{notebook}", request_timeout=timeout_s
            )
        except HTTPClientError as exc:
            if exc.code == 503:
                raise ServerFull from None
            raise
        html = page.body.decode()
        if "Traceback" in html:
            raise RuntimeError("the page shows a traceback")
        kernel = re.search(r'"kernelId": *"([0-9a-f-]+)"', html).group(1)
        ws = self.base.replace("http", "ws", 1)
        self.socket = await websocket_connect(
            f"{ws}/api/kernels/{kernel}/channels?session_id={self.session}",
            connect_timeout=timeout_s,
        )
        asyncio.ensure_future(self._listen())
        control = uuid.uuid4().hex  # the widget control comm: open it, then ask for the states
        await self.socket.write_message(_message("comm_open", {
            "comm_id": control, "target_name": "jupyter.widget.control", "data": {},
        }, self.session, metadata={"version": "1.0.0"}))  # fmt: skip
        await self._send(control, {"method": "request_states"})
        while not self.states:
            await asyncio.wait_for(self.updates.get(), timeout_s)

    async def _listen(self) -> None:
        while True:
            raw = await self.socket.read_message()
            if raw is None:
                return
            msg = json.loads(raw) if isinstance(raw, str) else legacy_message(raw)
            if msg is None:
                continue
            if msg.get("msg_type") != "comm_msg" and msg["header"].get("msg_type") != "comm_msg":
                continue
            data = msg["content"].get("data", {})
            if data.get("method") == "update_states":
                self.states = {k: v for k, v in data["states"].items()}
            elif data.get("method") == "update":
                model = self.states.get(msg["content"]["comm_id"])
                if model is not None:
                    model["state"].update(data.get("state", {}))
            await self.updates.put(data)

    def find(self, root_class: str, model: str, description: str | None = None) -> str:
        """The id of the first ``model`` (with ``description``) in the box of ``root_class``."""
        root = next(k for k, v in self.states.items()
                    if root_class in v["state"].get("_dom_classes", ()))  # fmt: skip
        pending = [root]
        while pending:
            key = pending.pop(0)
            state = self.states[key]["state"]
            if self.states[key]["model_name"] == model and (
                description is None or state.get("description") == description
            ):
                return key
            pending += [c.removeprefix("IPY_MODEL_") for c in state.get("children", ())]
        raise KeyError(f"no {model} {description!r} under .{root_class}")

    async def select(self, model_id: str, label: str) -> None:
        """Choose the option ``label`` (or the first starting with it) of a dropdown."""
        labels = self.states[model_id]["state"]["_options_labels"]
        index = next(i for i, text in enumerate(labels) if text == label or text.startswith(label))
        await self._send(model_id, {"method": "update", "state": {"index": index},
                                    "buffer_paths": []})  # fmt: skip
        self.states[model_id]["state"]["index"] = index

    async def click(self, model_id: str) -> None:
        await self._send(model_id, {"method": "custom", "content": {"event": "click"}})

    async def wait_for_text(self, pattern: str, timeout_s: float) -> str:
        """Wait until some widget's ``value`` matches ``pattern``; return it."""
        regex = re.compile(pattern)

        async def watch():
            while True:
                data = await self.updates.get()
                value = data.get("state", {}).get("value")
                if isinstance(value, str) and regex.search(value):
                    return value

        return await asyncio.wait_for(watch(), timeout_s)

    async def _send(self, comm_id: str, data: dict) -> None:
        await self.socket.write_message(
            _message("comm_msg", {"comm_id": comm_id, "data": data}, self.session)
        )

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()
