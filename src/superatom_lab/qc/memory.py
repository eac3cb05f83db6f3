"""How much memory PySCF may use: from the container's limit or the machine, not a fixed 4 GB.

PySCF sizes its integral blocks and decides whether density-fitting tensors
stay in memory from ``Mole.max_memory`` (MB, 10^6 bytes), which every SCF,
density-fitting and Newton object copies from its ``Mole``.  PySCF's default
is 4000 MB whatever the machine has, which is more than a Binder container
(1-2 GB) holds.  :func:`max_memory_mb` gives the engine's value and
:func:`~superatom_lab.qc.molecule.build_mole` puts it on every ``Mole``:

1. ``$SUPERATOM_MAX_MEMORY_MB`` (a positive number of MB), when set, as given;
2. otherwise :data:`MEMORY_FRACTION` of the memory this process may have:
   the cgroup limit (v2 ``memory.max``, v1 ``memory.limit_in_bytes``) when
   one is set below the machine's total memory (a container), else the
   machine's ``MemAvailable`` (``MemTotal`` when the kernel does not report
   it) from ``/proc/meminfo``;
3. never more than PySCF's own default, :data:`PYSCF_DEFAULT_MB`, so a large
   machine runs exactly as PySCF would; that default also applies when none
   of the files can be read (not Linux).

The remaining part of the budget is for what shares it with the
calculation: the Jupyter server and the notebook kernel in a container, and
PySCF itself, which checks ``max_memory`` before large blocks but does not
hold to it exactly.

Examples
--------
>>> budget_from(cgroup_bytes=2_000_000_000, total_bytes=24_000_000_000,
...             available_bytes=20_000_000_000)
1200
>>> budget_from(cgroup_bytes=None, total_bytes=24_000_000_000, available_bytes=3_000_000_000)
1800
>>> budget_from(cgroup_bytes=None, total_bytes=64_000_000_000, available_bytes=60_000_000_000)
4000
"""

from __future__ import annotations

import os
from pathlib import Path

from superatom_lab.errors import InputError

#: Environment variable that sets ``max_memory`` (MB) outright.
ENV_VAR = "SUPERATOM_MAX_MEMORY_MB"
#: Share of the container limit or of the available memory given to PySCF.
MEMORY_FRACTION = 0.6
#: PySCF's own default ``max_memory`` (MB), the ceiling of the rule.
PYSCF_DEFAULT_MB = 4000
#: Where the limits are read; tests point these at fake files.
CGROUP_V2_MAX = Path("/sys/fs/cgroup/memory.max")
CGROUP_V1_LIMIT = Path("/sys/fs/cgroup/memory/memory.limit_in_bytes")
MEMINFO = Path("/proc/meminfo")

_MB = 1_000_000  # PySCF's MB (lib.current_memory divides bytes by 1e6)


def cgroup_limit_bytes() -> int | None:
    """The cgroup's memory limit in bytes, or ``None`` when no limit is set or readable.

    cgroup v2 writes ``max`` for no limit; cgroup v1 writes a number near
    2^63 instead, which :func:`budget_from` ignores as larger than the machine.
    """
    for path in (CGROUP_V2_MAX, CGROUP_V1_LIMIT):
        try:
            text = path.read_text().strip()
        except OSError:
            continue
        if text == "max":
            return None
        try:
            return int(text)
        except ValueError:
            continue
    return None


def meminfo_bytes() -> tuple[int | None, int | None]:
    """``(MemTotal, MemAvailable)`` in bytes from ``/proc/meminfo`` (``None`` where missing)."""
    try:
        lines = MEMINFO.read_text().splitlines()
    except OSError:
        return None, None
    found = {}
    for line in lines:
        name, _, rest = line.partition(":")
        fields = rest.split()
        if name in ("MemTotal", "MemAvailable") and fields and fields[0].isdigit():
            found[name] = int(fields[0]) * 1024  # the kernel's kB are KiB
    return found.get("MemTotal"), found.get("MemAvailable")


def budget_from(
    *, cgroup_bytes: int | None, total_bytes: int | None, available_bytes: int | None
) -> int:
    """``max_memory`` in MB from a cgroup limit and the machine's memory (the rule above).

    A cgroup limit counts only when it is below the machine's total memory
    (or the total is unknown).
    """
    if cgroup_bytes is not None and (total_bytes is None or cgroup_bytes < total_bytes):
        limit = cgroup_bytes
    else:
        limit = available_bytes if available_bytes is not None else total_bytes
    if limit is None:
        return PYSCF_DEFAULT_MB
    return max(1, min(PYSCF_DEFAULT_MB, int(MEMORY_FRACTION * limit / _MB)))


def max_memory_mb() -> int:
    """The ``max_memory`` (MB) PySCF may use here: ``$SUPERATOM_MAX_MEMORY_MB`` or the rule.

    Raises
    ------
    InputError
        When ``$SUPERATOM_MAX_MEMORY_MB`` is not a positive number.

    Examples
    --------
    >>> 0 < max_memory_mb() <= PYSCF_DEFAULT_MB or ENV_VAR in os.environ
    True
    """
    text = os.environ.get(ENV_VAR, "").strip()
    if text:
        try:
            value = float(text)
        except ValueError:
            value = 0.0
        if not 0 < value < float("inf"):
            raise InputError(f"{ENV_VAR} must be a positive number of MB, got {text!r}")
        return int(value)
    total, available = meminfo_bytes()
    return budget_from(
        cgroup_bytes=cgroup_limit_bytes(), total_bytes=total, available_bytes=available
    )
