"""Turn property results into the command line's JSON and text.

Examples
--------
>>> from superatom_lab.qc.results import PropertyResult, ScfResult
>>> a = ScfResult("Cl", 0, 1, -460.0, True, method={"preset": "standard", "xc": "b3lyp"})
>>> b = ScfResult("Cl", -1, 0, -460.1, True)
>>> p = PropertyResult("electron_affinity", "vertical", 2.72, [a, b], a.method, [a, b])
>>> sorted(property_json(p, "Cl", elapsed_s=0.1))[:4]
['cached', 'charge', 'compute_wall_s', 'converged']
"""

from __future__ import annotations

from superatom_lab.qc.results import PropertyResult


def short_label(result: PropertyResult, *, numbered: bool = True) -> str:
    """``EA_n``, ``IE`` or ``VDE``: what the value is, for one line or a JSON field.

    An EA is numbered by the electrons already added (``EA_2`` for a
    monoanion); ``numbered=False`` writes a first EA as plain ``EA``.

    Examples
    --------
    >>> from superatom_lab.qc.results import ScfResult
    >>> a, b = ScfResult("F", 0, 1, -99.7, True), ScfResult("F", -1, 0, -99.8, True)
    >>> p = PropertyResult("electron_affinity", "vertical", 2.72, [a, b], a.method, [a, b])
    >>> short_label(p), short_label(p, numbered=False)
    ('EA_1', 'EA')
    """
    from superatom_lab.qc.tasks import TASKS

    given = result.states[0]
    if result.property == "vertical_detachment_energy":
        return TASKS[result.property].label
    quantity = TASKS[result.property].quantity
    if quantity == "EA" and (numbered or given.charge < 0):
        return f"EA_{1 - given.charge}"
    return quantity


def reference_json(reference) -> dict | None:
    """A reference value as JSON, or ``None``."""
    if reference is None:
        return None
    return {
        "value_ev": reference.value_ev,
        "kind": reference.kind,
        "source": reference.source,
        "uncertainty_ev": reference.uncertainty_ev,
    }


def property_json(
    result: PropertyResult, structure: str, *, elapsed_s: float, reference=None
) -> dict:
    """The ``--json`` object of ``superatom ea`` / ``superatom ip``."""
    given = result.states[0]
    method = dict(result.method)
    label = short_label(result)
    return {
        "structure": structure,
        "formula": given.formula,
        "property": result.property,
        "charge": given.charge,
        "preset": method.get("preset"),
        "method": {k: v for k, v in method.items() if k != "preset"},
        "kind": result.kind,
        "label": label,
        "value_ev": round(result.value_ev, 4),
        "energies_hartree": {f"{s.charge:+d}": s.energy_hartree for s in result.states},
        "spins": {f"{s.charge:+d}": s.spin for s in result.states},
        "states": [
            {
                "charge": s.charge,
                "spin": s.spin,
                "energy_hartree": s.energy_hartree,
                "s2": round(s.s2, 4),
                "homo_ev": round(s.homo_ev, 4),
                "n_cycles": s.n_cycles,
                "strategy": [dict(step) for step in s.strategy],
                "wall_s": s.wall_s,
                "cached": s.cached,
                "precomputed": s.precomputed,
            }
            for s in result.candidates
        ],
        "converged": result.converged,
        "wall_s": round(elapsed_s, 3),
        "compute_wall_s": round(result.wall_s, 3),
        "cached": result.cached,
        "precomputed": result.precomputed,
        "warnings": list(result.warnings),
        "relaxations": list(result.relaxations),
        "reference": reference_json(reference),
    }


def ladder_json(results: list, structure: str, *, elapsed_s: float, references: list) -> dict:
    """The ``--json`` object of ``superatom ea --ladder N``: the first step's keys plus
    ``ladder``, one entry per successive electron affinity."""
    payload = property_json(results[0], structure, elapsed_s=elapsed_s, reference=references[0])
    payload["kind"] = "vertical ladder"
    payload["ladder"] = [
        {
            "label": f"EA_{1 - r.states[0].charge}",
            "charge": r.states[0].charge,
            "value_ev": round(r.value_ev, 4),
            "spins": {f"{s.charge:+d}": s.spin for s in r.states},
            "warnings": list(r.warnings),
            "reference": reference_json(ref),
        }
        for r, ref in zip(results, references)
    ]
    payload["energies_hartree"] = {
        f"{s.charge:+d}": s.energy_hartree for r in results for s in r.states
    }
    payload["warnings"] = sorted({w for r in results for w in r.warnings})
    payload["compute_wall_s"] = round(sum(r.wall_s for r in results), 3)
    payload["cached"] = all(r.cached for r in results)
    payload["precomputed"] = all(r.precomputed for r in results)
    return payload


def source_text(result: PropertyResult, elapsed_s: float) -> str:
    """How a value was obtained: ``precomputed``, ``from cache`` or ``computed in ... s``.

    Examples
    --------
    >>> from superatom_lab.qc.results import ScfResult
    >>> a = ScfResult("F", 0, 1, -99.7, True, cached=True, precomputed=True)
    >>> b = ScfResult("F", -1, 0, -99.8, True, cached=True, precomputed=True)
    >>> source_text(PropertyResult("electron_affinity", "vertical", 3.4, [a, b], {}), 0.01)
    'precomputed (shipped with the package)'
    >>> b.precomputed = False
    >>> source_text(PropertyResult("electron_affinity", "vertical", 3.4, [a, b], {}), 0.01)
    'from cache'
    """
    if result.precomputed:
        return "precomputed (shipped with the package)"
    return "from cache" if result.cached else f"computed in {elapsed_s:.1f} s"


def property_text(
    result: PropertyResult, structure: str, *, elapsed_s: float, reference=None
) -> str:
    """A few human lines: the value, how it was obtained, experiment, warnings."""
    given, other = result.states
    short = short_label(result, numbered=False)
    m = result.method
    source = source_text(result, elapsed_s)
    lines = [
        f"{short}({structure}, charge {given.charge:+d}) = {result.value_ev:.3f} eV",
        f"  {result.kind}, {m.get('xc', '?').upper()}/{m.get('basis', '?')} "
        f"(preset {m.get('preset')}), converged, {source}",
        f"  states: charge {given.charge:+d} 2S={given.spin}, "
        f"charge {other.charge:+d} 2S={other.spin}",
    ]
    if reference is not None:
        lines.append(
            f"  reference: {reference.value_ev:.3f} eV ({reference.kind}; {reference.source})"
        )
    lines += [f"  warning: {w}" for w in result.warnings]
    return "\n".join(lines)
