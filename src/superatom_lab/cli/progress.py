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
