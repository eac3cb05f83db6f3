"""The low-rank exchange path gives PySCF's own Coulomb and exchange matrices.

Property-based (hypothesis): any symmetric density of low rank, signed
weights included, as one matrix or an unrestricted pair, with and without the
range-separated attenuation of wB97X, must give the same ``vj`` and ``vk`` as
PySCF's general path to 1e-9 of the matrices' scale.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superatom_lab.qc.low_rank_jk import MAX_RANK_FRACTION, low_rank_get_jk

CASES = 60


@pytest.fixture(scope="module")
def water_df():
    from pyscf import gto, scf

    mol = gto.M(atom="O 0 0 0; H 0 0.76 0.59; H 0 -0.76 0.59", basis="def2-svpd", verbose=0)
    mf = scf.UHF(mol).density_fit()
    mf.with_df.build()
    return mf.with_df


def _density(seed: int, nao: int, rank: int, unrestricted: bool, transition: bool):
    rng = np.random.default_rng(seed)
    sets = []
    for _ in range(2 if unrestricted else 1):
        a = rng.normal(size=(nao, rank))
        if transition:  # C_v X C_o^T + its transpose, as in a Newton step
            b = rng.normal(size=(nao, rank))
            sets.append(a @ b.T + b @ a.T)
        else:
            sets.append(a @ np.diag(rng.uniform(-2, 2, size=rank)) @ a.T)
    return np.array(sets) if unrestricted else sets[0]


@settings(max_examples=CASES, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    rank=st.integers(1, 6),
    unrestricted=st.booleans(),
    transition=st.booleans(),
    omega=st.sampled_from([None, 0.3]),
)
def test_low_rank_path_matches_pyscf(water_df, seed, rank, unrestricted, transition, omega):
    dm = _density(seed, water_df.mol.nao, rank, unrestricted, transition)
    plain = water_df.get_jk(dm, 1, True, True, 1e-13, omega)
    fast = low_rank_get_jk(water_df.get_jk)(dm, 1, True, True, 1e-13, omega)
    for expected, got in zip(plain, fast):
        assert got.shape == expected.shape
        scale = max(1.0, np.abs(expected).max())
        assert np.abs(got - expected).max() < 1e-9 * scale


def test_full_rank_and_tagged_densities_take_the_wrapped_path_unchanged(water_df):
    calls = []

    def spy(dm, *args):
        calls.append(getattr(dm, "mo_coeff", None) is not None)
        return water_df.get_jk(dm, *args)

    fast = low_rank_get_jk(spy)
    nao = water_df.mol.nao
    vectors = np.random.default_rng(1).normal(size=(nao, int(MAX_RANK_FRACTION * nao) + 2))
    fast(vectors @ vectors.T, 1, True, True, 1e-13, None)
    assert calls == [False]  # above the rank limit: handed on as it is
    calls.clear()
    fast(_density(2, nao, 3, False, True), 1, True, True, 1e-13, None)
    assert calls == [True, True]  # a signed transition density: two tagged calls
    assert low_rank_get_jk(fast) is fast  # never wrapped twice
