"""What the apps compute live, and what they only show when it was computed before.

An app answers every request from the cache or the results shipped with the
package at once (:meth:`~superatom_lab.qc.tasks.Request.cached`).  What is not
there is computed live, in a worker the student can cancel, except successive
electron affinities of a large species: a ladder converges ``n + 1`` charge
states of one geometry (each with a spin search), and B12H12's EA_1 and EA_2,
with 336 basis functions at the standard preset, took more than an hour
(docs/benchmarks.md); BF4 has 112.  The rule, in this
module only: a ladder is computed live up to :data:`LADDER_MAX_BASIS_FUNCTIONS`
basis functions per state at the chosen preset; above that the app says that it
is not precomputed at this preset, where it is precomputed, and how to compute
it in a terminal.  The apps pass :func:`live_refusal` as the ``guard`` of
:meth:`~superatom_lab.apps.jobs.JobRunner.submit`, which asks it only after the
cache had no answer, so a precomputed ladder is shown whatever its size.

Examples
--------
>>> refuses_live("ladder", 336), refuses_live("ladder", 112), refuses_live("vde", 336)
(True, False, False)
"""

from __future__ import annotations

import shlex

#: The largest ladder (basis functions per state, at the chosen preset) computed live.
LADDER_MAX_BASIS_FUNCTIONS = 200


def refuses_live(kind: str, n_basis_functions: int) -> bool:
    """Whether a request of task ``kind`` with ``n_basis_functions`` is too long to run live.

    Examples
    --------
    >>> refuses_live("ladder", LADDER_MAX_BASIS_FUNCTIONS), refuses_live("ladder", 201)
    (False, True)
    """
    return kind == "ladder" and n_basis_functions > LADDER_MAX_BASIS_FUNCTIONS


def shipped_presets(request) -> list[str]:
    """The presets at which the package ships ``request`` (same task, species, charge, options).

    An unreadable manifest gives none.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> from superatom_lab.qc.tasks import Request
    >>> shipped_presets(Request.make("ionization_energy", build("Li3O"), get_method("quick")))
    ['standard']
    """
    from superatom_lab.errors import SuperatomLabError
    from superatom_lab.qc.manifest import load_manifest

    try:
        entries = load_manifest()
    except SuperatomLabError:  # a broken manifest is reported by its own tests, not here
        return []
    cluster = request.cluster
    return [
        e.preset for e in entries
        if e.task == request.task.name and e.species == cluster.name
        and e.charge == cluster.charge and e.options == dict(request.options)
    ]  # fmt: skip


def live_refusal(request) -> str:
    """Why ``request`` is not computed live (one line), or "" when it may be.

    Called when the cache had no answer.  Counting the basis functions builds a
    PySCF ``Mole`` (no SCF), so it is done only for the kinds the rule limits.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> from superatom_lab.qc.tasks import Request
    >>> live_refusal(Request.make("electron_affinity", build("B12H12"), get_method("quick")))
    ''
    """
    if request.task.kind != "ladder":
        return ""
    from superatom_lab.apps.jobs import describe
    from superatom_lab.core import catalogue
    from superatom_lab.qc.molecule import count_basis_functions

    n_basis = count_basis_functions(request.cluster, request.method)
    if not refuses_live(request.task.kind, n_basis):
        return ""
    cluster, preset = request.cluster, request.method.name
    text = (
        f"the {describe(request.task.name, cluster)} are not precomputed at the {preset} "
        f"preset, and with {n_basis} basis functions (more than {LADDER_MAX_BASIS_FUNCTIONS}) "
        "they would take too long to compute here"
    )
    elsewhere = [p for p in shipped_presets(request) if p != preset]
    if elsewhere:
        text += f"; they are precomputed at the {' and '.join(elsewhere)} preset"
    if cluster.name in catalogue.names():
        command = f"superatom ea {shlex.quote(cluster.name)} --ladder {request.options['n']}"
        command += f" --charge {cluster.charge}" if cluster.charge else ""
        text += f"; in a terminal: {command} --preset {preset}"
    return text
