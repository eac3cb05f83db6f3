"""Progress of a screen: its plan, then one step per finished candidate.

In a terminal a tqdm bar, in Jupyter tqdm's widget (``auto=True``), and one
plain line per candidate when the stream is a file or a pipe.

See :class:`ScreenBar` for an example.
"""

from __future__ import annotations

import sys


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

    def __init__(self, disable: bool = False, stream=None, auto: bool = False):
        self.disable = disable
        self.stream = stream
        self.auto = auto
        self._bar = None

    def __call__(self, event: dict) -> None:
        if self.disable:
            return
        stream = self.stream if self.stream is not None else sys.stderr
        if event["event"] == "plan":
            print(f"[superatom] {event['plan'].summary()}", file=stream, flush=True)
            if event["plan"].n_to_compute and self.auto:
                from tqdm.auto import tqdm  # a widget in Jupyter, text elsewhere

                self._bar = tqdm(total=event["plan"].n_to_compute, unit="candidate")
            elif event["plan"].n_to_compute and stream.isatty():
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
