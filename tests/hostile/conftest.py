"""Hostile-input tests: report how many generated cases each property test ran."""

from __future__ import annotations

from tests.hostile.cases import CASES


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print ``hostile input: <test>: <n> generated cases`` for every counted test."""
    if not CASES:
        return
    terminalreporter.section("hostile input")
    for name, n in sorted(CASES.items()):
        terminalreporter.write_line(f"hostile input: {name}: {n} generated cases")
    terminalreporter.write_line(f"hostile input: total: {sum(CASES.values())} generated cases")
