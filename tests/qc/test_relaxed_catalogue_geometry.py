"""The catalogue's one relaxed geometry (Ca(CN)4 2-) is a stationary point of its stated method."""

from __future__ import annotations

import numpy as np
import pytest

from superatom_lab.core import catalogue
from superatom_lab.qc.molecule import build_mole
from superatom_lab.qc.presets import get_method
from superatom_lab.qc.scf import _make_mf

pytestmark = pytest.mark.pyscf

#: geomeTRIC's default convergence limit on the largest gradient component is 4.5e-4 Ha/bohr;
#: the catalogue rounds bond lengths to 1e-4 A, which adds about 1e-4 Ha/bohr along C-N.
MAX_GRADIENT = 1e-3


def test_ca_cn4_dianion_is_relaxed_at_the_standard_preset():
    species = catalogue.get_species("Ca(CN)4")
    assert "B3LYP/def2-SVPD" in species.geometry_source
    cluster = catalogue.build("Ca(CN)4", charge=-2)
    method = get_method("standard")
    mf = _make_mf(build_mole(cluster, method, charge=-2, spin=0), method)
    energy = mf.kernel()
    assert mf.converged
    gradient = mf.nuc_grad_method().kernel()
    assert np.abs(gradient).max() < MAX_GRADIENT
    # the energy the geometry source states for the isomer it keeps
    stated = float(species.geometry_source.split("E ")[1].split()[0])
    assert energy == pytest.approx(stated, abs=1e-5)
