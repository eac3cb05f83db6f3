"""Orbital tables as plain data: energies, occupations, l-weights and shell labels.

No PySCF import: figures and apps read these records, cached or fresh.

Examples
--------
>>> o = OrbitalInfo(0, "alpha", -10.0, 1.0, "1S", (0.98, 0.01, 0, 0, 0, 0, 0), 0.8)
>>> o.dominant_l, o.is_superatomic
(0, True)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

L_LETTERS = "SPDFGHI"
#: Unoccupied orbitals analysed per spin channel unless a request says otherwise.
DEFAULT_N_VIRTUAL = 8
CORE, LIGAND, MIXED = "core", "ligand", "mixed"


@dataclass(frozen=True)
class OrbitalInfo:
    """One molecular orbital of one spin channel.

    Parameters
    ----------
    index : int
        Orbital index in its spin channel (PySCF order, 0-based).
    spin : str
        ``"alpha"`` or ``"beta"`` (a closed-shell calculation reports ``"alpha"``
        with occupations 0-2).
    energy_ev : float
    occupation : float
    label : str
        Superatomic shell (``"1S"``, ``"1P"`` ...), or ``"core"``, ``"ligand"``
        or ``"mixed"`` (no dominant angular momentum).
    l_weights : tuple of 7 floats
        Weight of l = 0..6 about the cluster centre; the rest is l > 6.
    inside_fraction : float
        Fraction of the orbital inside the cluster's sphere.
    """

    index: int
    spin: str
    energy_ev: float
    occupation: float
    label: str
    l_weights: tuple
    inside_fraction: float

    @property
    def dominant_l(self) -> int:
        """The l with the largest weight."""
        return max(range(len(self.l_weights)), key=lambda l: self.l_weights[l])

    @property
    def is_superatomic(self) -> bool:
        """True when the label is a shell such as 1S or 2P."""
        return self.label[:1].isdigit()


@dataclass(frozen=True)
class OrbitalTable:
    """Every analysed orbital of one state, with the HOMO, LUMO and gap.

    ``homo_index`` and ``lumo_index`` point into ``orbitals``.  ``precomputed``
    says that the table was read from the results shipped with the package; it
    is not part of the record.
    """

    formula: str
    charge: int
    spin: int
    method: dict
    orbitals: tuple
    homo_index: int
    lumo_index: int | None
    sphere_radius_angstrom: float
    notes: tuple = field(default_factory=tuple)
    precomputed: bool = field(default=False, compare=False)

    @property
    def homo(self) -> OrbitalInfo:
        return self.orbitals[self.homo_index]

    @property
    def gap_ev(self) -> float | None:
        """LUMO minus HOMO energy (eV), ``None`` without a LUMO."""
        if self.lumo_index is None:
            return None
        return self.orbitals[self.lumo_index].energy_ev - self.homo.energy_ev

    def occupied(self) -> list[OrbitalInfo]:
        """Occupied orbitals, lowest energy first."""
        return sorted((o for o in self.orbitals if o.occupation > 0.5), key=lambda o: o.energy_ev)

    def highest_occupied(self, n: int, spin: str = "alpha") -> list[OrbitalInfo]:
        """The ``n`` highest occupied orbitals of one spin channel, lowest first."""
        occ = [o for o in self.occupied() if o.spin == spin]
        return occ[-n:]

    def to_record(self) -> dict:
        """The table as a JSON-ready cache record, at full precision."""
        table = asdict(self)
        table.pop("precomputed")
        return {"converged": True, "kind": "orbital_table", "table": table}

    @classmethod
    def from_record(cls, record: dict) -> OrbitalTable:
        """The table stored by :meth:`to_record`.

        Examples
        --------
        >>> orb = OrbitalInfo(0, "alpha", -6.0, 2.0, "1S", (1.0,) + (0.0,) * 6, 0.9)
        >>> table = OrbitalTable("Na2", 0, 0, {"xc": "pbe"}, (orb,), 0, None, 1.5)
        >>> OrbitalTable.from_record(table.to_record()) == table
        True
        """
        data = dict(record["table"])
        data.pop("precomputed", None)
        orbitals = tuple(
            OrbitalInfo(**{**o, "l_weights": tuple(o["l_weights"])}) for o in data.pop("orbitals")
        )
        return cls(**{**data, "orbitals": orbitals, "notes": tuple(data.get("notes", ()))})

    def to_json(self) -> dict:
        """The ``superatom orbitals --json`` object."""
        return {
            "formula": self.formula,
            "charge": self.charge,
            "spin": self.spin,
            "method": self.method,
            "sphere_radius_angstrom": round(self.sphere_radius_angstrom, 4),
            "orbitals": [
                {
                    **{k: v for k, v in asdict(o).items() if k != "l_weights"},
                    "energy_ev": round(o.energy_ev, 4),
                    "l_weights": [round(w, 4) for w in o.l_weights],
                    "inside_fraction": round(o.inside_fraction, 4),
                }
                for o in self.orbitals
            ],
            "homo_index": self.homo_index,
            "lumo_index": self.lumo_index,
            "gap_ev": None if self.gap_ev is None else round(self.gap_ev, 4),
            "notes": list(self.notes),
            "precomputed": self.precomputed,
        }


def analysed_state(cluster, charge: int | None = None, spin: int | None = None) -> tuple[int, int]:
    """``(charge, 2S)`` of the state whose orbitals are analysed.

    The cluster's own charge and spin by default, else the default spin of the
    charge; a spin that does not fit the electron count raises
    ``ChargeSpinError``.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> analysed_state(build("Al13", charge=-1)), analysed_state(build("Na8"), charge=1)
    ((-1, 0), (1, 1))
    """
    from superatom_lab.core.cluster import check_spin

    charge = cluster.charge if charge is None else int(charge)
    if spin is None:
        spin = cluster.spin if charge == cluster.charge and cluster.spin is not None else None
        spin = cluster.with_charge(charge).default_spin if spin is None else spin
    check_spin(cluster.with_charge(charge).n_electrons, spin)
    return charge, int(spin)


def assign_shell_labels(
    energies: list[float], l_weights: list, kinds: list[str], threshold: float = 0.5
) -> list[str]:
    """Superatomic labels in order of energy, from the dominant angular momentum.

    An orbital whose dominant l-weight is below ``threshold`` is ``"mixed"``;
    ``kinds`` marks orbitals already known to be ``"core"`` or ``"ligand"``
    (``""`` otherwise).  Among the rest, the k-th orbital of angular momentum l
    (in energy order) belongs to shell ``n = 1 + k // (2l + 1)``, so a shell
    split by the cluster's symmetry keeps one label (1F = 3 + 4 orbitals).

    Examples
    --------
    >>> w = [(1, 0, 0), (0, 1, 0), (0, 1, 0), (0, 1, 0), (1, 0, 0)]
    >>> assign_shell_labels([-9, -7, -7, -7, -3], w, [""] * 5)
    ['1S', '1P', '1P', '1P', '2S']
    """
    order = sorted(range(len(energies)), key=lambda i: energies[i])
    seen = [0] * 16
    labels = [""] * len(energies)
    for i in order:
        if kinds[i]:
            labels[i] = kinds[i]
            continue
        weights = l_weights[i]
        l = max(range(len(weights)), key=lambda k: weights[k])
        if weights[l] < threshold:
            labels[i] = MIXED
            continue
        labels[i] = f"{1 + seen[l] // (2 * l + 1)}{L_LETTERS[l]}"
        seen[l] += 1
    return labels
