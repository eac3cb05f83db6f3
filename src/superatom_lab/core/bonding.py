"""When two atoms count as bonded: the distance rules of the package, in one place.

Every rule has the same form: atoms ``i`` and ``j`` are bonded when their
distance is below ``scale * (r_i + r_j)``, with ``r`` the covalent radii of
``ase.data.covalent_radii``.  The scale differs between the uses below.  The
values were set separately, each when its use was written, and each decides
results of its own: which atom a ligand swap anchors to, the electron-counting
verdicts, and which orbitals are labelled as ligand orbitals.  A common value
would change some of those results for some geometries, so each use keeps its
own scale under a name that says what it is for.

* :data:`LIGAND_ANCHOR_BOND_SCALE` (1.25): a terminal atom that
  :func:`~superatom_lab.core.edits.replace_ligands` replaces must be bonded to
  exactly one atom, its anchor.  The generous scale finds the anchor in a
  hand-built or loosely relaxed structure.
* :data:`CONNECTIVITY_BOND_SCALE` (1.2) and :data:`CONNECTIVITY_METAL_BOND_SCALE`
  (1.3): the bonds of :func:`~superatom_lab.core.connectivity.bonded_neighbours`,
  on which the counting rules stand.  Two metal atoms get the larger scale,
  because covalent radii are short for metallic bonds (the surface bonds of an
  Al13 icosahedron are 3.0 A, the covalent sum 2.4 A).
* :data:`SKELETON_BOND_SCALE` (1.15): the bonds that ``qc.orbitals.skeleton_atoms``
  counts (through ``ase.neighborlist.natural_cutoffs``, which scales each
  atom's radius) to tell the atoms of a cluster's skeleton, with three or more
  neighbours, from its ligand atoms.

Examples
--------
The surface bonds of the catalogue's Al13 (3.01 A) lie beyond the scale for
any two atoms and within the one for two metal atoms:

>>> from ase.data import atomic_numbers, covalent_radii
>>> al_al = 2 * covalent_radii[atomic_numbers["Al"]]
>>> [round(float(scale * al_al), 2) for scale in (CONNECTIVITY_BOND_SCALE,
...                                               CONNECTIVITY_METAL_BOND_SCALE)]
[2.9, 3.15]
"""

from __future__ import annotations

LIGAND_ANCHOR_BOND_SCALE = 1.25
"""A terminal atom to replace is bonded to its anchor within this times the covalent sum."""

CONNECTIVITY_BOND_SCALE = 1.2
"""Bonds of the connectivity analysis and the counting rules, between any two atoms."""

CONNECTIVITY_METAL_BOND_SCALE = 1.3
"""Bonds of the connectivity analysis between two metal atoms (metallic bonds are longer)."""

SKELETON_BOND_SCALE = 1.15
"""Bonds counted to find the skeleton atoms of a cluster for the orbital labels."""
