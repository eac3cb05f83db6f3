"""Periodic table of superatoms: each element with the catalogue species that mimic it."""
