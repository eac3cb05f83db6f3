"""Pure science on ASE Atoms: clusters, builders, the catalogue, reference data,
counting rules and the jellium model.  Nothing here imports PySCF or Jupyter."""
