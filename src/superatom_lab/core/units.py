"""Unit conversions between the atomic units of PySCF and the eV and Angstrom of the package.

Sources:

* :data:`HARTREE_TO_EV`: the Hartree energy in eV, CODATA 2018
  (E. Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021)): 27.211386245988 eV.
* :data:`BOHR_TO_ANGSTROM`: the Bohr radius in Angstrom, CODATA 2010
  (P. J. Mohr, B. N. Taylor and D. B. Newell, Rev. Mod. Phys. 84, 1527 (2012)):
  0.52917721092 A.  This is the value PySCF converts Angstrom input with
  (``pyscf.data.nist.BOHR``), so a geometry read back from a PySCF molecule in
  bohr lands on the Angstrom it was given in.  CODATA 2018 gives 0.529177210903 A,
  a difference far below every tolerance of the package.
* :data:`COULOMB_EV_ANGSTROM`: e^2 / (4 pi epsilon_0), the Coulomb energy of two
  elementary charges 1 A apart, in eV.  In atomic units it is one Hartree times
  one bohr, so it is made from the two constants above: 14.40 eV A.

Examples
--------
>>> round(-0.5 * HARTREE_TO_EV, 4)  # the hydrogen atom's energy in eV
-13.6057
>>> abs(2.0 * ANGSTROM_TO_BOHR * BOHR_TO_ANGSTROM - 2.0) < 1e-15
True
>>> round(COULOMB_EV_ANGSTROM, 3)  # e^2/(4 pi eps0) in eV A
14.4
"""

from __future__ import annotations

HARTREE_TO_EV = 27.211386245988
"""One Hartree in eV (CODATA 2018)."""

BOHR_TO_ANGSTROM = 0.52917721092
"""One bohr in Angstrom (CODATA 2010, as in PySCF)."""

ANGSTROM_TO_BOHR = 1 / BOHR_TO_ANGSTROM
"""One Angstrom in bohr."""

COULOMB_EV_ANGSTROM = HARTREE_TO_EV * BOHR_TO_ANGSTROM
"""e^2 / (4 pi epsilon_0) in eV Angstrom: the Coulomb energy of two elementary charges 1 A apart."""
