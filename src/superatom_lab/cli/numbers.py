"""Numbers given on the command line: parsed, or one clear ``InputError``.

Examples
--------
>>> parse_number("2.5", "--rs")
2.5
>>> parse_number("8", "--electrons", int)
8
>>> parse_number("x", "--rs")
Traceback (most recent call last):
...
superatom_lab.errors.InputError: --rs must be a number, got 'x'
"""

from __future__ import annotations

from superatom_lab.errors import InputError


def parse_number(text: str, what: str, kind=float):
    """Parse ``text`` as a float, or as a whole number when ``kind`` is ``int``.

    Parameters
    ----------
    text : str
        What the user typed.
    what : str
        The option's name, for the error message.
    kind : type
        ``float`` (default) or ``int``.

    Raises
    ------
    InputError
        If ``text`` is not a number, or not a whole number when ``kind`` is ``int``.

    Examples
    --------
    >>> parse_number("3.0", "--charge", int)
    3
    >>> parse_number("1.5", "--charge", int)
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: --charge must be a whole number, got '1.5'
    """
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what} must be a number, got {text!r}") from None
    if kind is int:
        if not value.is_integer():
            raise InputError(f"{what} must be a whole number, got {text!r}")
        return int(value)
    return value
