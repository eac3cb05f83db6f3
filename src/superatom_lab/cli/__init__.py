"""The ``superatom`` command line."""
