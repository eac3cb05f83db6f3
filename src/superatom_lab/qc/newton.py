"""PySCF's second-order (Newton) SCF with a cheaper orbital Hessian.

Newton's step solves ``H x = -g`` with the orbital gradient ``g`` and products
of the orbital Hessian ``H``. The gradient decides where the SCF converges;
the Hessian only how fast it gets there. So the Hessian may be approximated:
here its exchange-correlation kernel is integrated on the coarse grid
``RESPONSE_GRID_LEVEL`` while energies and gradients keep the preset's grid.
That kernel was most of the cost of a Hessian product once the exchange took
the low-rank path (``qc.low_rank_jk``; ``benchmarks/newton_cost.py``).

Examples
--------
>>> from pyscf import gto
>>> from superatom_lab.qc.presets import get_method
>>> from superatom_lab.qc.scf import SharedIntegrals
>>> mol = gto.M(atom="O 0 0 0; H 0 0 0.97", spin=1, basis="def2-svp", verbose=0)
>>> mf = make_newton(mol, get_method("quick"), SharedIntegrals())
>>> bool(mf.kernel() < -75)
True
>>> mf.converged, mf.grids.level
(True, 1)
"""

from __future__ import annotations

#: Grid level of the exchange-correlation kernel in the orbital Hessian.
RESPONSE_GRID_LEVEL = 0


def coarse_response(newton, level: int = RESPONSE_GRID_LEVEL) -> None:
    """Give ``newton`` a ``gen_response`` that integrates the kernel on a grid of ``level``.

    A shallow copy of the object with its own grid builds the response, so the
    object's energies and gradients are untouched. Nothing changes when the
    object's grid is already that coarse.
    """
    from pyscf.dft import gen_grid

    if not hasattr(newton, "grids") or newton.grids.level <= level:
        return
    proxy = newton.copy()
    proxy.grids = gen_grid.Grids(newton.mol)
    proxy.grids.level = level
    proxy.grids.build(with_non0tab=True)
    newton.gen_response = proxy.gen_response


def make_newton(mol, method, shared, max_cycle: int | None = None):
    """A Newton SCF object for ``mol`` with the shared integrals and a coarse-grid Hessian.

    Parameters
    ----------
    mol : pyscf.gto.Mole
    method : Method
    shared : SharedIntegrals
        Grid, density fitting and core Hamiltonian of this geometry.
    max_cycle : int, optional
        Macro iterations (``method.max_cycle`` when omitted).
    """
    from superatom_lab.qc.scf import _make_mf

    newton = _make_mf(mol, method, shared).newton()
    shared.attach(newton, mol, method)
    newton.max_cycle = method.max_cycle if max_cycle is None else max_cycle
    coarse_response(newton)
    return newton
