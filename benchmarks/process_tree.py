"""Memory and CPU time of a process with all its children (a server and its kernels, say).

Used by benchmarks/class_load.py and benchmarks/lean_runtime.py.
"""

from __future__ import annotations

import contextlib
import threading

import psutil


def _tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def rss_bytes(pid: int) -> int:
    """The summed resident memory of ``pid`` and its descendants now (0 once it is gone)."""
    total = 0
    with contextlib.suppress(psutil.Error):
        for proc in _tree(pid):
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
    return total


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time used so far by ``pid`` and its living descendants."""
    total = 0.0
    with contextlib.suppress(psutil.Error):
        for proc in _tree(pid):
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
    return total


class PeakMemory:
    """Sample :func:`rss_bytes` of ``pid`` every ``every_s`` seconds in a thread; keep the peak.

    Examples
    --------
    >>> import os
    >>> with PeakMemory(os.getpid(), every_s=0.01) as memory:
    ...     pass
    >>> memory.peak > 0
    True
    """

    def __init__(self, pid: int, every_s: float = 0.25):
        self.pid = pid
        self.every_s = every_s
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pid))
            self._stop.wait(self.every_s)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
