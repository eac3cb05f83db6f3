"""Orbital tables built by hand for the plot tests (no PySCF)."""

from __future__ import annotations

from superatom_lab.qc.orbital_table import L_LETTERS, OrbitalInfo, OrbitalTable


def weights(dominant: int, purity: float = 0.9) -> tuple:
    """l-weights with ``purity`` on ``dominant`` and the rest spread over its neighbours."""
    w = [0.0] * 7
    w[dominant] = purity
    rest = 1.0 - purity
    neighbours = [l for l in (dominant - 1, dominant + 1) if 0 <= l < 7]
    for l in neighbours:
        w[l] += 0.8 * rest / len(neighbours)
    return tuple(round(x, 4) for x in w)


def table_from_levels(levels, formula="Al13", charge=-1, spin=0, occupation=2.0, channel="alpha"):
    """``levels`` is a list of ``(energy_ev, label, n_orbitals, occupied)``."""
    orbitals = []
    for energy, label, n, occupied in levels:
        l = L_LETTERS.index(label[-1]) if label[:1].isdigit() else 2
        for k in range(n):
            orbitals.append(
                OrbitalInfo(
                    index=len(orbitals),
                    spin=channel,
                    energy_ev=energy + 0.004 * k,
                    occupation=occupation if occupied else 0.0,
                    label=label,
                    l_weights=weights(l, 0.92 if label[:1].isdigit() else 0.4),
                    inside_fraction=0.8,
                )
            )
    occ = [i for i, o in enumerate(orbitals) if o.occupation > 0]
    emp = [i for i, o in enumerate(orbitals) if o.occupation == 0]
    homo = max(occ, key=lambda i: orbitals[i].energy_ev)
    lumo = min(emp, key=lambda i: orbitals[i].energy_ev) if emp else None
    return OrbitalTable(
        formula, charge, spin, {"preset": "quick"}, tuple(orbitals), homo, lumo, 3.0
    )


#: Al13- with PBE-like levels: 40 valence electrons close the 2P shell.
AL13_LEVELS = [
    (-72.0, "core", 4, True),
    (-9.6, "1S", 1, True),
    (-8.3, "1P", 3, True),
    (-6.4, "1D", 5, True),
    (-6.15, "2S", 1, True),
    (-4.7, "1F", 3, True),
    (-4.45, "1F", 4, True),
    (-2.6, "2P", 3, True),
    (-0.9, "1G", 4, False),
    (-0.7, "1G", 5, False),
    (-0.2, "mixed", 1, False),
    (0.3, "2D", 5, False),
]


def al13_anion() -> OrbitalTable:
    return table_from_levels(AL13_LEVELS)
