"""Shared pieces of the hostile-input tests: a case counter, settings and one-line checks.

Every ``@given`` test is wrapped in :func:`counted`, so that ``conftest.py`` can say
at the end of the run how many generated cases each test ran.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings

import superatom_lab

#: Generated cases run per test (name -> count), printed by ``conftest.pytest_terminal_summary``.
CASES: Counter = Counter()
#: Text that would show a path of the server (the package, the venv, the checkout).
SERVER_MARKERS = ("/work/", "site-packages", str(Path(superatom_lab.__file__).parent))
_BUILTIN_ERROR = re.compile(r"^[A-Z][A-Za-z]*(Error|Exception|Warning)\b")


def counted(test):
    """Wrap a hypothesis test body so that every case it runs is counted in :data:`CASES`.

    Parameters
    ----------
    test : callable
        The test function (placed under ``@given``).

    Returns
    -------
    callable
        The same test, counting its calls under its name.
    """

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        CASES[test.__name__] += 1
        return test(*args, **kwargs)

    return wrapper


def hostile_settings(max_examples: int) -> settings:
    """Hypothesis settings of these tests: ``max_examples`` cases, no database, no deadline.

    Parameters
    ----------
    max_examples : int
        How many cases hypothesis generates (200-500 here).

    Returns
    -------
    hypothesis.settings
        Usable as a decorator.
    """
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


def assert_one_clear_line(message: str, typed: str = "") -> None:
    """Check an error shown to a visitor: one non-empty line, no traceback, no server path.

    Parameters
    ----------
    message : str
        The error text as the app shows it.
    typed : str
        What the visitor typed or uploaded; a server path is allowed only when it is
        the visitor's own text echoed back.
    """
    assert message, "a bad input must give a message"
    assert "\n" not in message and "\r" not in message, message
    assert "Traceback" not in message or "Traceback" in typed, message
    builtin = _BUILTIN_ERROR.match(message)
    assert not builtin or builtin.group(0) in typed, f"not a clear message: {message!r}"
    for marker in SERVER_MARKERS:
        assert marker not in message or marker in typed, f"server path shown: {message!r}"
