"""Turn a :class:`~superatom_lab.core.cluster.Cluster` and a method into a PySCF ``Mole``.

Every ``Mole`` the engine builds comes from :func:`build_mole`, with
``max_memory`` from :func:`superatom_lab.qc.memory.max_memory_mb`; the SCF,
density-fitting and Newton objects made from it copy that value.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> from superatom_lab.qc.presets import get_method
>>> mol = build_mole(Cluster(Atoms("Cl")), get_method("standard"), charge=-1, spin=0)
>>> mol.nelectron, mol.nao_nr() > 20
(18, True)
"""

from __future__ import annotations

from superatom_lab.core.cluster import Cluster, check_spin
from superatom_lab.errors import InputError, SystemTooLargeError
from superatom_lab.qc.memory import max_memory_mb
from superatom_lab.qc.presets import PRESETS, Method


def _pyscf_symbols(cluster: Cluster) -> list[str]:
    """Element symbols as PySCF reads them: ``"ghost-Ar"`` for a ghost atom.

    Examples
    --------
    >>> from ase import Atoms
    >>> _pyscf_symbols(Cluster(Atoms("ArNe", positions=[(0, 0, 0), (0, 0, 3)]), ghosts={0}))
    ['ghost-Ar', 'Ne']
    """
    return [f"ghost-{s}" if i in cluster.ghosts else s for i, s in enumerate(cluster.symbols)]


def _atom_list(cluster: Cluster) -> list:
    return [(s, tuple(float(x) for x in p))
            for s, p in zip(_pyscf_symbols(cluster), cluster.positions_angstrom)]  # fmt: skip


def build_mole(cluster: Cluster, method: Method, *, charge: int, spin: int, output=None):
    """Return a built ``pyscf.gto.Mole`` in Angstrom, with the method's basis and ECP.

    Its ``max_memory`` is :func:`~superatom_lab.qc.memory.max_memory_mb`.

    Parameters
    ----------
    cluster : Cluster
        The geometry.
    method : Method
        Supplies ``basis`` and ``ecp``.
    charge, spin : int
        Charge and 2S of the state.
    output : str, optional
        File for PySCF's own log; PySCF stays silent when omitted.

    Raises
    ------
    InputError
        If the basis set lacks an element of the cluster.
    ChargeSpinError
        If the spin does not fit the electron count.
    """
    from pyscf import gto

    n_electrons = cluster.nuclear_charge - charge
    check_spin(n_electrons, spin)
    mol = gto.Mole()
    mol.atom = _atom_list(cluster)
    mol.unit = "Angstrom"
    mol.basis = {s: method.basis_for(s.removeprefix("ghost-"))[0]
                 for s in sorted(set(_pyscf_symbols(cluster)))}  # fmt: skip
    ecp = ecp_for(cluster, method)
    if ecp:
        mol.ecp = ecp
    mol.charge = charge
    mol.spin = spin
    mol.max_memory = max_memory_mb()
    mol.verbose = 4 if output else 0
    if output:
        mol.output = str(output)
    try:
        mol.build(parse_arg=False, dump_input=False)
    except (KeyError, RuntimeError, ValueError) as exc:
        missing = _missing_elements(cluster, method)
        if missing:
            raise InputError(
                f"the basis {method.basis!r} of preset {method.name!r} has no functions for "
                f"{', '.join(missing)}: choose another preset"
            ) from exc
        raise
    return mol


def ecp_for(cluster: Cluster, method: Method) -> dict[str, str]:
    """The ECP of each element that has one in the method (def2: beyond Kr), else nothing.

    Ghost atoms have no core, so an element present only as ghosts gets none.

    Examples
    --------
    >>> from ase import Atoms
    >>> from superatom_lab.qc.presets import get_method
    >>> ecp_for(Cluster(Atoms("AuCl", positions=[(0, 0, 0), (0, 0, 2.2)])), get_method())
    {'Au': 'def2-svpd'}
    """
    from pyscf import gto

    found = {}
    for symbol in sorted({s for i, s in enumerate(cluster.symbols) if i not in cluster.ghosts}):
        _, ecp = method.basis_for(symbol)
        if ecp and gto.basis.load_ecp(ecp, symbol):
            found[symbol] = ecp
    return found


def _missing_elements(cluster: Cluster, method: Method) -> list[str]:
    from pyscf import gto

    missing = []
    for symbol in sorted(set(cluster.symbols)):
        try:
            if not gto.basis.load(method.basis_for(symbol)[0], symbol):
                missing.append(symbol)
        except (KeyError, RuntimeError, ValueError):
            missing.append(symbol)
    return missing


def count_basis_functions(cluster: Cluster, method: Method) -> int:
    """Number of (spherical) basis functions of ``cluster`` in the method's basis.

    Examples
    --------
    >>> from ase import Atoms
    >>> from superatom_lab.qc.presets import get_method
    >>> count_basis_functions(Cluster(Atoms("F")), get_method("quick"))
    23
    """
    spin = cluster.spin if cluster.spin is not None else cluster.default_spin
    return build_mole(cluster, method, charge=cluster.charge, spin=spin).nao_nr()


def check_size(cluster: Cluster, method: Method, n_basis_functions: int | None = None) -> int:
    """Return the basis-function count, or raise if the preset does not allow it.

    ``n_basis_functions`` skips the count when the caller already has it.

    Raises
    ------
    SystemTooLargeError
        With the count, the preset's limit and the other presets that can take
        the cluster (:func:`presets_that_fit`), or a plain statement that none can.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> from superatom_lab.qc.presets import get_method
    >>> check_size(build("F"), get_method("quick"))
    23
    """
    n = (
        n_basis_functions
        if n_basis_functions is not None
        else count_basis_functions(cluster, method)
    )
    if n > method.max_basis_functions:
        others = presets_that_fit(cluster, exclude=method.name)
        if others:
            advice = "use " + " or ".join(
                f"preset {name!r} ({count} of its {PRESETS[name].max_basis_functions})"
                for name, count in others
            )
        else:
            largest = max(p.max_basis_functions for p in PRESETS.values())
            advice = (
                f"no preset can take it (the largest limit is {largest} basis functions): "
                "use a smaller cluster"
            )
        basis = method.basis + (f" ({method.metal_basis} on metals)" if method.metal_basis else "")
        raise SystemTooLargeError(
            f"{cluster.name} needs {n} basis functions in {basis}, "
            f"more than preset {method.name!r} allows ({method.max_basis_functions}): {advice}"
        )
    return n


def presets_that_fit(cluster: Cluster, exclude: str | None = None) -> list[tuple[str, int]]:
    """``(preset name, basis-function count)`` of each preset whose limit takes ``cluster``.

    Presets are counted in their own basis (LANL2DZ on metals at quick), in
    the order of :data:`~superatom_lab.qc.presets.PRESETS`; ``exclude`` leaves
    one out (the preset that refused it), and a preset whose basis lacks an
    element of the cluster is left out too.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> [name for name, _ in presets_that_fit(build("Cl"), exclude="quick")]
    ['standard', 'accurate', 'large']
    """
    found = []
    for name, preset in PRESETS.items():
        if name == exclude:
            continue
        try:
            count = count_basis_functions(cluster, preset)
        except InputError:
            continue
        if count <= preset.max_basis_functions:
            found.append((name, count))
    return found
