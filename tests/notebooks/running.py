"""Running a notebook with nbclient, and what it cost: wall time and the kernel's peak memory.

The peak memory is the kernel process's high-water mark of resident memory (``VmHWM`` in
``/proc/<pid>/status``, Linux), read after every code cell while the kernel is alive: the last
reading is the peak over the whole run, start-up included. Processes the kernel starts (a job
runner's worker) are not counted. Used by ``tests/notebooks/test_notebooks.py`` and
``benchmarks/notebook_cost.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from queue import Empty

from nbclient import NotebookClient


def peak_rss_bytes(pid: int) -> int | None:
    """The peak resident memory of process ``pid`` in bytes, or None where /proc cannot tell."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            value, unit = line.split()[1:3]
            assert unit == "kB", line
            return int(value) * 1024
    return None


@dataclass
class NotebookRun:
    """What one run of a notebook cost."""

    wall_s: float
    kernel_peak_rss_bytes: int | None
    code_cells: int

    @property
    def kernel_peak_rss_mib(self) -> float | None:
        """The kernel's peak resident memory in MiB, or None when it could not be read."""
        b = self.kernel_peak_rss_bytes
        return None if b is None else b / 2**20


def poll_in_slices(channel, every_s: float = 2.0) -> None:
    """Make ``channel.get_msg`` wait in slices of ``every_s`` seconds instead of one long wait.

    nbclient waits for a cell's execute reply with one ``get_msg(timeout=cell timeout)``.
    Now and then that wait misses the reply the kernel has already sent (the kernel is
    idle, the reply queued) and ends only at the timeout, after which the reply is read:
    notebook 07's interactive plot cell took exactly 60 s of a 60 s timeout in one run of
    three, and 600 s in CI. A fresh wait every ``every_s`` seconds finds a queued reply.
    """
    original = channel.get_msg

    async def get_msg(timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = every_s if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await original(timeout=min(every_s, left))
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    channel.get_msg = get_msg


def run_notebook(nb, folder: Path, timeout: int = 600) -> NotebookRun:
    """Execute ``nb`` in place, in ``folder``, in a fresh python3 kernel; return what it cost.

    Raises nbclient's ``CellExecutionError`` on the first failing cell, as ``execute`` does.
    """
    readings: list[int | None] = []

    def after_cell(**_):
        process = getattr(getattr(client.km, "provisioner", None), "process", None)
        readings.append(peak_rss_bytes(process.pid) if process is not None else None)

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        on_cell_executed=after_cell,
        on_notebook_start=lambda **_: poll_in_slices(client.kc.shell_channel),
    )
    start = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - start
    known = [r for r in readings if r is not None]
    return NotebookRun(wall, max(known) if known else None, len(readings))
