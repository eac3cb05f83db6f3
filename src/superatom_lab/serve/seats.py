"""Seats of a class server: the kernels handed to visitors, and the cap on them.

A seat is a kernel that a visitor's page holds, from the moment the server
admits the page until the kernel is shut down (the page is closed, or the
kernel is culled when idle).  Kernels waiting in a pre-heated pool hold no
seat.  A page being admitted holds a seat before its kernel is known, so that
a burst of visitors cannot all pass the check before the first kernel exists.

Examples
--------
>>> seats = Seats(limit=2)
>>> seats.admit(), seats.admit(), seats.admit()
(True, True, False)
>>> seats.seated("k1"); seats.settled(); seats.occupied
2
>>> seats.settled(); seats.left("k1"); seats.occupied
0
"""

from __future__ import annotations


class Seats:
    """The seats of one server: ``limit`` at most, counted as kernels handed out plus admissions.

    Parameters
    ----------
    limit
        The most visitors served at once; one more sees the "full" page.

    Examples
    --------
    >>> Seats(limit=1).admit()
    True
    """

    def __init__(self, limit: int):
        if limit < 1:
            raise ValueError(f"a class server needs a limit of at least 1 seat, not {limit}")
        self.limit = int(limit)
        self.admitting = 0
        self.taken: set[str] = set()
        self.refused = 0

    @property
    def occupied(self) -> int:
        """Seats held: kernels handed to pages, plus admitted pages whose kernel is not known."""
        return len(self.taken) + self.admitting

    def admit(self) -> bool:
        """Take a seat for a new page if one is free; ``False`` (and counted) when full."""
        if self.occupied >= self.limit:
            self.refused += 1
            return False
        self.admitting += 1
        return True

    def seated(self, kernel_id: str) -> None:
        """The kernel ``kernel_id`` was handed to a page (started for it, or from the pool)."""
        self.taken.add(kernel_id)

    def settled(self) -> None:
        """An admitted page has its kernel (or failed before getting one): its admission ends."""
        self.admitting = max(0, self.admitting - 1)

    def keep(self, alive) -> None:
        """Forget seats whose kernels are no longer among ``alive`` (died without a shutdown)."""
        self.taken &= set(alive)

    def left(self, kernel_id: str) -> None:
        """The kernel ``kernel_id`` was shut down: its seat is free."""
        self.taken.discard(kernel_id)
