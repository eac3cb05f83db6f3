"""Cube files for the viz tests: a synthetic one, and one real Na8 HOMO from PySCF."""

from __future__ import annotations

import pytest

from tests.viz.synthetic_cube import write_px_cube


@pytest.fixture
def px_cube(tmp_path):
    """``(cluster, path)`` of a p_x-like orbital around Na2, written with ASE."""
    return write_px_cube(tmp_path / "px.cube")


@pytest.fixture(scope="session")
def na8_homo_cube(tmp_path_factory):
    """``(cluster, path)`` of the HOMO of Na8 (quick preset; a few seconds of PySCF)."""
    from superatom_lab.core.catalogue import build
    from superatom_lab.qc.cube import orbital_cube
    from superatom_lab.qc.presets import get_method

    na8 = build("Na8")
    path = orbital_cube(na8, get_method("quick"), tmp_path_factory.mktemp("na8") / "homo.cube")
    return na8, path
