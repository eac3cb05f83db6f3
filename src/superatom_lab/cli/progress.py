"""A tqdm progress bar on stderr fed by the calculation's progress callback.

Examples
--------
>>> bar = CycleBar(disable=True)
>>> bar({"stage": "Cl q=+0 2S=1", "step": "diis", "cycle": 1, "energy_hartree": -460.1})
>>> bar.close()
"""

from __future__ import annotations

import sys


class CycleBar:
    """Counts SCF cycles; created lazily so that no bar appears for cached answers."""

    def __init__(self, disable: bool = False):
        self._bar = None
        self.disable = disable

    def __call__(self, event: dict) -> None:
        if self.disable:
            return
        if self._bar is None:
            from tqdm import tqdm

            # disable=None: no bar when stderr is not a terminal (logs, pipes, tests)
            self._bar = tqdm(total=None, unit="cycle", file=sys.stderr, leave=False, disable=None)
        self._bar.set_description(f"{event['stage']} {event['step']}", refresh=False)
        self._bar.set_postfix_str(f"E={event['energy_hartree']:.6f} Ha", refresh=False)
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
