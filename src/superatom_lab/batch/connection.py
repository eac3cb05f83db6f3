"""The Dask client a screen runs on: given, reached at an address, or an embedded LocalCluster.

Examples
--------
>>> with connected(client=None, workers=1, needed=0) as client:
...     print(client)
None
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager

from superatom_lab.errors import InputError

#: Environment of each embedded worker process: one thread for OpenMP and BLAS.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def local_cluster(n_workers: int):
    """A LocalCluster of ``n_workers`` single-threaded processes on 127.0.0.1, no dashboard.

    Without a dashboard the scheduler still serves a few HTTP routes (health,
    metrics), on port 8787 unless told otherwise; they get a free port on
    127.0.0.1 here, so two clusters, or anything else on 8787, do not clash.
    """
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        env=dict(ONE_THREAD),
        silence_logs=logging.ERROR,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )


@contextmanager
def connected(client=None, workers: int | None = None, needed: int = 1):
    """Yield a ``distributed.Client`` (``None`` when ``needed`` is 0: nothing to compute).

    Parameters
    ----------
    client : distributed.Client, str or None
        A client (used, left open), a scheduler address such as
        ``"tcp://10.0.0.5:8786"`` (connected, closed afterwards), or ``None``
        for an embedded LocalCluster (started, closed afterwards).
    workers : int, optional
        Worker processes of an embedded cluster; the number of cores by default.
        Never more than ``needed``.
    needed : int
        How many candidates will be computed.

    Raises
    ------
    InputError
        When the scheduler at an address cannot be reached, or ``workers < 1``.
    """
    if needed <= 0:
        yield None
        return
    if client is not None and not isinstance(client, str):
        yield client
        return
    from distributed import Client

    if isinstance(client, str):
        try:
            own = Client(client, timeout="15s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {client!r}: {exc}") from None
        try:
            yield own
        finally:
            own.close()
        return
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n < 1:
        raise InputError(f"a screen needs at least one worker, got {n}")
    cluster = local_cluster(min(n, needed))
    try:
        own = Client(cluster)
        try:
            yield own
        finally:
            own.close()
    finally:
        cluster.close()
