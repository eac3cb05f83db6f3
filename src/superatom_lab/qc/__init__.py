"""Quantum chemistry: presets, SCF runs, properties, relaxations and orbital analysis.

PySCF is imported inside the functions that compute, never at import time, so
reading cached results (:mod:`superatom_lab.qc.cached`) stays fast.
"""
