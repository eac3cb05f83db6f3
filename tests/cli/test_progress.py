"""Progress of a long CLI run written to a log (stderr not a terminal)."""

from __future__ import annotations

import io

from superatom_lab.cli.progress import LOG_EVERY, CycleBar


def event(step: str, cycle: int) -> dict:
    return {"stage": "B12H12 q=+0 2S=2", "step": step, "cycle": cycle, "energy_hartree": -305.2}


def test_a_log_gets_a_line_per_step_change_and_every_few_cycles():
    log = io.StringIO()
    bar = CycleBar(stream=log)
    for cycle in range(1, 26):
        bar(event("diis", cycle))
    for cycle in range(1, 4):
        bar(event("level_shift", cycle))
    bar.close()
    lines = log.getvalue().splitlines()
    assert [line.split("] ")[1].split(" E=")[0] for line in lines] == [
        "B12H12 q=+0 2S=2 diis cycle 1",
        f"B12H12 q=+0 2S=2 diis cycle {LOG_EVERY}",
        f"B12H12 q=+0 2S=2 diis cycle {2 * LOG_EVERY}",
        "B12H12 q=+0 2S=2 level_shift cycle 1",
    ]
    assert all(line.startswith("[superatom") and "E=-305.200000 Ha" in line for line in lines)


def test_disabled_bar_writes_nothing():
    log = io.StringIO()
    bar = CycleBar(disable=True, stream=log)
    bar(event("diis", 1))
    assert log.getvalue() == ""
