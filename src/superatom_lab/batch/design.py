"""Inverse design: which members of a family reach a target window, found as a funnel.

Every candidate is screened at a cheap preset (``quick``); the best ``top`` of
them are computed again at a better one (``accurate``) and ranked again.  The
table keeps every candidate with both ranks and, for each one that fell out,
the reason: it failed, it missed the target at the cheap preset, it ranked
below the best ``top``, or it missed the target at the better preset.

Examples
--------
>>> target = parse_target("vde>=5")
>>> target.prop, target.op, target.value, str(target)
('vde', '>=', 5.0, 'vde >= 5 eV')
>>> target.met(5.2), target.met(4.9)
(True, False)
>>> parse_target("ie <= 3.9 eV").best_first
False
"""

from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass

from superatom_lab.batch.properties import family_task
from superatom_lab.batch.screen import screen
from superatom_lab.errors import InputError

_OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}
_TARGET = re.compile(r"^\s*([a-z][a-z-]*)\s*(>=|<=|>|<)\s*([-+]?\d+(?:\.\d*)?)\s*(?:ev)?\s*$")

#: The columns of a design table, in order.
DESIGN_COLUMNS = (
    "name",
    "formula",
    "centre",
    "ligand",
    "n_ligands",
    "screen_value_ev",
    "screen_rank",
    "refined_value_ev",
    "refined_rank",
    "selected",
    "verdict",
    "screen_preset",
    "refine_preset",
    "screen_error",
    "refine_error",
    "screen_wall_s",
    "refine_wall_s",
    "pyscf_version",
)


@dataclass(frozen=True)
class Target:
    """A window for one property: ``prop op value`` in eV, e.g. ``vde >= 5``."""

    prop: str
    op: str
    value: float

    def met(self, value: float) -> bool:
        """Whether ``value`` (eV) lies in the window (never for NaN)."""
        return not math.isnan(value) and _OPERATORS[self.op](value, self.value)

    @property
    def best_first(self) -> bool:
        """Whether larger values rank first (a lower bound such as ``vde >= 5``)."""
        return self.op in (">=", ">")

    def __str__(self) -> str:
        return f"{self.prop} {self.op} {self.value:g} eV"


def parse_target(text: str) -> Target:
    """A target such as ``"vde>=5"``, ``"ea >= 4 eV"`` or ``"ie<=3.9"``.

    Raises
    ------
    InputError
        For text that is not ``property operator number`` or an unknown property.

    Examples
    --------
    >>> parse_target("vde=5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    superatom_lab.errors.InputError: a target is 'property operator value', e.g. 'vde>=5' ...
    """
    match = _TARGET.match(str(text).strip().lower())
    if match is None:
        raise InputError(
            f"a target is 'property operator value', e.g. 'vde>=5' or 'ie<=3.9', got {text!r}"
        )
    prop, op, value = match.groups()
    family_task(prop)  # an unknown property raises here
    return Target(prop, op, float(value))


def _ranks(values, best_first: bool):
    """Rank 1 for the best value, as whole numbers; NaN stays unranked (<NA>)."""
    import pandas as pd

    ranks = pd.Series(list(values), dtype=float).rank(ascending=not best_first, method="min")
    return ranks.astype("Int64").array


def _verdict(row, target: Target, top: int, refine: str, screened_preset: str) -> str:
    if row["screen_error"]:
        return f"failed at {screened_preset}: {row['screen_error']}"
    if math.isnan(row["refined_value_ev"]) and not row["refine_error"]:
        if not target.met(row["screen_value_ev"]):
            return f"{row['screen_value_ev']:.2f} eV at {screened_preset} misses {target}"
        return (
            f"rank {int(row['screen_rank'])} at {screened_preset}: outside the best {top} "
            f"recomputed at {refine}"
        )
    if row["refine_error"]:
        return f"failed at {refine}: {row['refine_error']}"
    if not target.met(row["refined_value_ev"]):
        return f"{row['refined_value_ev']:.2f} eV at {refine} misses {target}"
    return f"meets {target} at {refine}"


def design(
    family,
    target: str | Target,
    preset: str = "quick",
    refine: str = "accurate",
    top: int = 3,
    client=None,
    workers: int | None = None,
    store="default",
    progress=None,
    write: str = "client",
):
    """Search ``family`` for the members in the ``target`` window: a two-step funnel.

    Parameters
    ----------
    family : Family
        From :mod:`superatom_lab.core.families` or a family file
        (:func:`~superatom_lab.batch.family_file.read_family`).
    target : str or Target
        The window, e.g. ``"vde>=5"`` (superhalogens) or ``"ie<=3.9"``
        (superalkalis); ``ea`` and ``ie`` mean adiabatic values.
    preset : str
        The preset every candidate is screened at.
    refine : str
        The preset the best ``top`` are computed again at.
    top : int
        How many candidates reach the second step (0: none).
    client, workers, store, progress, write
        As for :func:`~superatom_lab.batch.screen.screen`; both steps use them.

    Returns
    -------
    pandas.DataFrame
        One row per candidate with the columns of :data:`DESIGN_COLUMNS`,
        sorted by the second rank, then the first; ``selected`` marks those in
        the window at ``refine``.  ``attrs`` holds the target, both presets,
        ``top`` and whether Ctrl-C stopped a step.

    Raises
    ------
    InputError
        For a malformed target, an unknown preset, or ``top < 0``.

    Examples
    --------
    >>> from superatom_lab.core.families import superhalogen_family
    >>> table = design(superhalogen_family(), "vde>=5")  # doctest: +SKIP
    >>> table.loc[table.selected, "name"].tolist()[:2]  # doctest: +SKIP
    ['AlF4', 'BF4']
    """
    import pandas as pd

    target = target if isinstance(target, Target) else parse_target(target)
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InputError(f"top must be a whole number >= 0, got {top!r}")
    task = family_task(target.prop)
    options = {"client": client, "workers": workers, "store": store, "progress": progress,
               "write": write}  # fmt: skip
    first = screen(family, task=task, preset=preset, **options)
    ranks = _ranks(first["value_ev"], target.best_first)
    table = pd.DataFrame(
        {
            "name": first["name"],
            "formula": first["formula"],
            "centre": first["centre"],
            "ligand": first["ligand"],
            "n_ligands": first["n_ligands"],
            "screen_value_ev": first["value_ev"],
            "screen_rank": ranks,
            "refined_value_ev": math.nan,
            "refined_rank": pd.array([pd.NA] * len(first), dtype="Int64"),
            "selected": False,
            "verdict": "",
            "screen_preset": preset,
            "refine_preset": refine,
            "screen_error": first["error"],
            "refine_error": "",
            "screen_wall_s": first["wall_s"],
            "refine_wall_s": math.nan,
            "pyscf_version": first["pyscf_version"],
        }
    )
    chosen = table.index[(table["screen_rank"] <= top).fillna(False)].tolist() if top else []
    interrupted = bool(first.attrs.get("interrupted"))
    if chosen and not interrupted:
        from dataclasses import replace

        second = screen(
            replace(family, members=tuple(family.members[i] for i in chosen)),
            task=task,
            preset=refine,
            **options,
        )
        second.index = chosen
        table.loc[chosen, "refined_value_ev"] = second["value_ev"]
        table.loc[chosen, "refine_error"] = second["error"]
        table.loc[chosen, "refine_wall_s"] = second["wall_s"]
        table.loc[chosen, "refined_rank"] = _ranks(second["value_ev"], target.best_first)
        interrupted = bool(second.attrs.get("interrupted"))
    table["selected"] = [target.met(v) for v in table["refined_value_ev"]]
    table["verdict"] = [_verdict(r, target, top, refine, preset) for _, r in table.iterrows()]
    table = table.sort_values(["refined_rank", "screen_rank"], na_position="last")
    table = table.reset_index(drop=True)[list(DESIGN_COLUMNS)]
    table.attrs.update(
        target=str(target), task=task, screen_preset=preset, refine_preset=refine, top=top,
        interrupted=interrupted,
    )  # fmt: skip
    return table
