"""The choice lists the apps share: catalogue species (and a built cluster), method presets.

Examples
--------
>>> structure_options()[1]
('Cl (halogen)', 'Cl')
"""

from __future__ import annotations

from superatom_lab.apps.session import BUILT
from superatom_lab.core import catalogue


def structure_options(built_label: str = "") -> list[tuple[str, str]]:
    """``(label, name)`` pairs for a dropdown: every catalogue species with its category.

    A ``built_label`` (see :attr:`~superatom_lab.apps.mvc.SessionModel.built_label`)
    puts the built cluster first, with the value :data:`~superatom_lab.apps.session.BUILT`.

    Examples
    --------
    >>> structure_options()[1]
    ('Cl (halogen)', 'Cl')
    >>> structure_options("built: W@Au12, neutral")[0]
    ('built: W@Au12, neutral', 'built')
    """
    built = [(built_label, BUILT)] if built_label else []
    return built + [(f"{n} ({catalogue.get_species(n).category})", n) for n in catalogue.names()]


def preset_options() -> list[str]:
    """Preset names, the quick one first (the apps' default).

    Examples
    --------
    >>> preset_options()[0]
    'quick'
    """
    from superatom_lab.qc.presets import PRESETS

    return ["quick", *[p for p in PRESETS if p != "quick"]]
