"""Progress on stderr fed by the calculation's progress callback.

On a terminal it is a tqdm bar.  When stderr is a file or a pipe (a batch job,
``2> log``), it writes one plain line whenever the stage or step changes and
every ``LOG_EVERY`` cycles, so a long run's log shows where it is.

Examples
--------
>>> bar = CycleBar(disable=True)
>>> bar({"stage": "Cl q=+0 2S=1", "step": "diis", "cycle": 1, "energy_hartree": -460.1})
>>> bar.close()
"""

from __future__ import annotations

import sys
import time

LOG_EVERY = 10


class CycleBar:
    """Counts SCF cycles; created lazily so that no bar appears for cached answers."""

    def __init__(self, disable: bool = False, stream=None):
        self._bar = None
        self.disable = disable
        self.stream = stream
        self._last = None
        self._cycles = 0
        self._start = time.perf_counter()

    def _log(self, event: dict) -> None:
        """One line when the stage or step changes, and every ``LOG_EVERY`` cycles."""
        self._cycles += 1
        where = (event["stage"], event["step"])
        if where != self._last or self._cycles % LOG_EVERY == 0:
            self._last = where
            print(f"[superatom {time.perf_counter() - self._start:7.1f} s] {event['stage']} "
                  f"{event['step']} cycle {event['cycle']} E={event['energy_hartree']:.6f} Ha",
                  file=self.stream, flush=True)  # fmt: skip

    def __call__(self, event: dict) -> None:
        if self.disable:
            return
        stream = self.stream if self.stream is not None else sys.stderr
        if self._bar is None and not stream.isatty():
            self.stream = stream
            self._log(event)
            return
        if self._bar is None:
            from tqdm import tqdm

            # a terminal: one live bar, rewritten in place
            self._bar = tqdm(total=None, unit="cycle", file=stream, leave=False)
        self._bar.set_description(f"{event['stage']} {event['step']}", refresh=False)
        self._bar.set_postfix_str(f"E={event['energy_hartree']:.6f} Ha", refresh=False)
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class ScreenBar:
    """Progress of a screen: its plan, then one step per finished candidate.

    The plan (how many candidates the cache answers and how many are computed)
    is one line; then a tqdm bar on a terminal, else one line per candidate.

    Examples
    --------
    >>> import io
    >>> from superatom_lab.batch import Plan
    >>> log = io.StringIO()
    >>> bar = ScreenBar(stream=log)
    >>> bar({"event": "plan", "plan": Plan(3, 1, 2, 0)})
    >>> bar({"event": "done", "row": {"name": "F", "value_ev": 3.4, "error": ""},
    ...      "done": 1, "total": 2})
    >>> bar.close()
    >>> print(log.getvalue().strip())
    [superatom] 3 candidates: 1 from the cache, 2 to compute
    [superatom] 1/2 F: 3.400 eV
    """

    def __init__(self, disable: bool = False, stream=None):
        self.disable = disable
        self.stream = stream
        self._bar = None

    def __call__(self, event: dict) -> None:
        if self.disable:
            return
        stream = self.stream if self.stream is not None else sys.stderr
        if event["event"] == "plan":
            print(f"[superatom] {event['plan'].summary()}", file=stream, flush=True)
            if event["plan"].n_to_compute and stream.isatty():
                from tqdm import tqdm

                self._bar = tqdm(total=event["plan"].n_to_compute, unit="candidate", file=stream)
            return
        row = event["row"]
        outcome = row["error"].split(":")[0] if row["error"] else f"{row['value_ev']:.3f} eV"
        if self._bar is not None:
            self._bar.set_postfix_str(f"{row['name']}: {outcome}", refresh=False)
            self._bar.update(1)
        else:
            print(
                f"[superatom] {event['done']}/{event['total']} {row['name']}: {outcome}",
                file=stream,
                flush=True,
            )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
