"""Density-fitted exchange of a low-rank density through PySCF's orbital path.

PySCF's density-fitted exchange has two paths. A density tagged with its
orbitals and occupations (every SCF cycle's density) costs in proportion to
the number of occupied orbitals; an untagged density costs in proportion to
the number of basis functions. Newton's orbital-Hessian products hand it
untagged transition densities ``D = C_v X C_o^T + (C_v X C_o^T)^T``, whose
rank is at most twice the number of occupied orbitals: for neutral B12H12
(336 basis functions, 37 alpha electrons) the general path took 8.4 s where
the tagged one takes 1.25 s (``benchmarks/newton_cost.py``).

:func:`low_rank_get_jk` wraps a density-fitting object's ``get_jk`` so that
such a density is first written as ``D = P P^T - Q Q^T`` (from its
eigenvectors, eigenvalues below ``RELATIVE_CUTOFF`` of the largest dropped)
and its exchange is computed as ``K[P P^T] - K[Q Q^T]`` on the tagged path.
The Coulomb part is taken from ``D`` itself, unchanged. Full-rank densities,
non-symmetric ones and tagged ones go straight to the wrapped function.

Examples
--------
>>> import numpy as np
>>> from pyscf import gto, scf
>>> mol = gto.M(atom="O 0 0 0; H 0 0.76 0.59; H 0 -0.76 0.59", basis="def2-svp", verbose=0)
>>> mf = scf.RHF(mol).density_fit()
>>> mf.with_df.build() is not None
True
>>> c = np.random.default_rng(0).normal(size=(mol.nao, 3))
>>> dm = c @ np.diag([1.0, -0.5, 0.2]) @ c.T
>>> fast = low_rank_get_jk(mf.with_df.get_jk)
>>> k_plain = mf.with_df.get_jk(dm, hermi=1)[1]
>>> bool(np.allclose(fast(dm, hermi=1)[1], k_plain, atol=1e-10))
True
"""

from __future__ import annotations

import functools

import numpy as np

#: Eigenvalues of a density below this fraction of the largest are dropped.
RELATIVE_CUTOFF = 1e-12
#: Above this fraction of the basis size the rank saves nothing: use the general path.
MAX_RANK_FRACTION = 0.5


def signed_factors(dm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Factors of a symmetric matrix: ``dm = P diag(p) P^T - Q diag(q) Q^T``, ``p, q > 0``.

    Examples
    --------
    >>> dm = np.diag([2.0, 0.0, -1.0])
    >>> p_vec, p, q_vec, q = signed_factors(dm)
    >>> p.tolist(), q.tolist()
    ([2.0], [1.0])
    """
    w, u = np.linalg.eigh(dm)
    scale = np.abs(w).max(initial=0.0)
    pos, neg = w > RELATIVE_CUTOFF * scale, w < -RELATIVE_CUTOFF * scale
    return u[:, pos], w[pos], u[:, neg], -w[neg]


def _tagged(dms: np.ndarray, factors: list[tuple[np.ndarray, np.ndarray]]):
    """``dms`` tagged with per-set orbitals and occupations, padded with empty orbitals."""
    from pyscf import lib

    nset, nao = dms.shape[0], dms.shape[-1]
    rank = max(1, max(v.shape[1] for v, _ in factors))
    coeff, occ = np.zeros((nset, nao, rank)), np.zeros((nset, rank))
    for k, (vectors, weights) in enumerate(factors):
        coeff[k, :, : vectors.shape[1]], occ[k, : weights.size] = vectors, weights
    return lib.tag_array(dms, mo_coeff=coeff, mo_occ=occ)


def low_rank_get_jk(get_jk):
    """Wrap a density-fitting ``get_jk`` so that low-rank untagged densities take the orbital path.

    The wrapped function has the signature of ``pyscf.df.DF.get_jk``
    (``dm, hermi, with_j, with_k, direct_scf_tol, omega``) and returns the
    same ``(vj, vk)`` to within ``RELATIVE_CUTOFF`` of the density's scale.
    """
    if getattr(get_jk, "low_rank", False):
        return get_jk

    @functools.wraps(get_jk)
    def wrapped(dm, hermi=1, with_j=True, with_k=True, direct_scf_tol=1e-13, omega=None):
        dms = np.asarray(dm)
        plain = (
            not with_k
            or hermi != 1
            or getattr(dm, "mo_coeff", None) is not None
            or np.iscomplexobj(dms)
        )
        if plain:
            return get_jk(dm, hermi, with_j, with_k, direct_scf_tol, omega)
        shape, nao = dms.shape, dms.shape[-1]
        sets = np.ascontiguousarray(dms.reshape(-1, nao, nao))
        factors = [signed_factors(d) for d in sets]
        rank = max(max(f[0].shape[1], f[2].shape[1]) for f in factors)
        if rank > MAX_RANK_FRACTION * nao:
            return get_jk(dm, hermi, with_j, with_k, direct_scf_tol, omega)
        positive = _tagged(sets, [(f[0], f[1]) for f in factors])
        vj, vk = get_jk(positive, hermi, with_j, True, direct_scf_tol, omega)
        vk = np.asarray(vk).reshape(sets.shape)
        if any(f[3].size for f in factors):
            negative = _tagged(sets, [(f[2], f[3]) for f in factors])
            vk = vk - np.asarray(get_jk(negative, hermi, False, True, direct_scf_tol, omega)[1])
        vj = np.asarray(vj).reshape(shape) if with_j else vj
        return vj, vk.reshape(shape)

    wrapped.low_rank = True
    return wrapped
