"""The property names of a screen (``ea``, ``vde``, ``ie-adiabatic``, ...) and their tasks.

The names are those of ``superatom ea`` and ``superatom ip`` and their
``--kind``s, taken from the task registry; ``ie`` is said as often as ``ip``.
A family is screened only for a value at relaxed geometries
(:data:`RELAXED`): a vertical value at a family's starting geometry would
rank guesses, not molecules.

Examples
--------
>>> PROPERTIES["ea"], PROPERTIES["vde"], PROPERTIES["ie"]
('electron_affinity', 'vertical_detachment_energy', 'ionization_energy')
>>> sorted(PROPERTIES)
['ea', 'ea-adiabatic', 'ie', 'ie-adiabatic', 'ip', 'ip-adiabatic', 'vde']
>>> family_task("ea"), family_task("vde")
('electron_affinity_adiabatic', 'vertical_detachment_energy')
"""

from __future__ import annotations

from superatom_lab.errors import InputError
from superatom_lab.qc.tasks import TASKS

#: The quantity of each command: ``superatom ea`` computes EAs, ``superatom ip`` IEs.
QUANTITY = {"ea": "EA", "ip": "IE"}


def _property_names() -> dict[str, str]:
    """Property names -> task names: the ``ea``/``ip`` commands and their kinds."""
    names = {}
    for command, quantity in QUANTITY.items():
        for task in TASKS.values():
            if task.quantity != quantity or task.kind in ("ladder", "table"):
                continue
            if task.kind == "vertical":
                names[command] = task.name
            elif task.kind == "vde":
                names["vde"] = task.name
            else:
                names[f"{command}-{task.kind}"] = task.name
    for name in [n for n in names if n.startswith("ip")]:  # "ie" is said as often as "ip"
        names["ie" + name[2:]] = names[name]
    return names


PROPERTIES = _property_names()

#: The names that a family may be screened for: values at relaxed geometries only.
RELAXED = tuple(name for name, task in PROPERTIES.items() if TASKS[task].kind != "vertical")


def family_task(name: str) -> str:
    """The task of property ``name`` for a family; a vertical name means its relaxed kind.

    ``ea`` is the adiabatic EA and ``ie``/``ip`` the adiabatic IE, since a
    family's geometries are only starting points.

    Raises
    ------
    InputError
        For an unknown property name.

    Examples
    --------
    >>> family_task("ie"), family_task("ip-adiabatic")
    ('ionization_energy_adiabatic', 'ionization_energy_adiabatic')
    >>> family_task("gap")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: unknown property 'gap': a family is screened for ...
    """
    if name in PROPERTIES and name not in RELAXED:
        name = f"{name}-adiabatic"
    if name not in RELAXED:
        raise InputError(
            f"unknown property {name!r}: a family is screened for {', '.join(sorted(RELAXED))} "
            "(or ea, ie, meaning their adiabatic values)"
        )
    return PROPERTIES[name]
