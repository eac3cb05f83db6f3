"""Errors raised by Superatom Lab.

Every error derives from :class:`SuperatomLabError` and its message says what
was wrong and what to do about it.  Errors caused by bad user input derive from
:class:`InputError`; the command line turns those into one ``error: ...`` line
and exit status 2.

Examples
--------
>>> from superatom_lab.errors import AtomsTooCloseError, InputError
>>> issubclass(AtomsTooCloseError, InputError)
True
"""

from __future__ import annotations


class SuperatomLabError(Exception):
    """Base class of every error raised on purpose by Superatom Lab."""


class InputError(SuperatomLabError, ValueError):
    """The input (a name, a file, a charge, ...) cannot be used as given."""


class UnknownSpeciesError(InputError):
    """A catalogue name or an element symbol that Superatom Lab does not know."""


class StructureFileError(InputError):
    """A structure file that is missing, empty or malformed."""


class AtomsTooCloseError(InputError):
    """Two atoms closer than the physical minimum distance."""


class ChargeSpinError(InputError):
    """A charge or spin that does not fit the number of electrons."""


class SystemTooLargeError(InputError):
    """A system with more basis functions than the chosen preset allows."""


class CalculationError(SuperatomLabError):
    """A calculation ran but did not give a result that may be shown."""


class ConvergenceError(CalculationError):
    """An SCF that did not converge; its energy is never reported as a result."""


class CalculationCancelled(SuperatomLabError):
    """A calculation stopped on request before it finished."""


class FrontEndMismatchWarning(UserWarning):
    """A widget package's Python side and its JupyterLab front end disagree.

    Issued when :mod:`superatom_lab.viz` is imported; ``superatom doctor`` gives
    the same findings with the fix to run.
    """


class CacheRecordWarning(UserWarning):
    """A cached record (its JSON or its ``.npz`` orbitals) was truncated, altered or unreadable.

    The message names the key and what was wrong; the files are moved into the
    cache's ``quarantine`` folder and the record counts as absent, so the result
    is computed again.
    """
