"""Superatom Lab: atomic clusters and superatoms with PySCF and Jupyter."""

__version__ = "0.1.0"
