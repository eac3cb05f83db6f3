"""Pure science on ASE Atoms: clusters, ideal shapes, structure files and edits, the
catalogue, element data, units, bonding rules, reference data, counting rules, the
jellium model and the simulated photoelectron spectrum.  Nothing here imports PySCF or
Jupyter."""
