"""Result records of calculations, as plain data (no PySCF import).

Examples
--------
>>> r = ScfResult(formula="Cl", charge=-1, spin=0, energy_hartree=-460.0, converged=True)
>>> ScfResult.from_dict(r.to_dict()).energy_hartree
-460.0
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from superatom_lab.errors import InputError


@dataclass
class ScfResult:
    """One converged self-consistent field calculation of one charge and spin state.

    Energies of orbitals are in eV, the total energy in Hartree.  ``occupations``
    and ``orbital_energies_ev`` hold one list per spin channel (alpha, beta).
    ``spin_flip_ev`` is the energy of the next higher multiplicity built from
    this state's orbitals with one beta electron flipped, not relaxed, above
    this state (eV); it is computed for every molecule and cluster (not for
    atoms), and decides whether the spin search tries that multiplicity.
    ``cached`` says whether the record came from the cache, ``precomputed``
    whether it came from the results shipped with the package (then ``cached``
    is true too), and ``arrays`` holds the orbitals (``mo_coeff``,
    ``mo_energy``, ``mo_occ`` in PySCF's shapes and units) when they were
    kept; none of the three goes into the JSON record.
    """

    formula: str
    charge: int
    spin: int
    energy_hartree: float
    converged: bool
    method: dict = field(default_factory=dict)
    key: str = ""
    n_cycles: int = 0
    wall_s: float = 0.0
    s2: float = 0.0
    s2_expected: float = 0.0
    orbital_energies_ev: list = field(default_factory=list)
    occupations: list = field(default_factory=list)
    n_basis_functions: int = 0
    spin_flip_ev: float | None = None
    strategy: list = field(default_factory=list)
    cached: bool = False
    precomputed: bool = False
    arrays: dict | None = field(default=None, repr=False, compare=False)

    @property
    def homo_ev(self) -> float:
        """Highest occupied orbital energy over both spin channels (eV)."""
        occupied = [
            e for es, ns in zip(self.orbital_energies_ev, self.occupations)
            for e, n in zip(es, ns) if n > 0.5
        ]  # fmt: skip
        return max(occupied) if occupied else float("nan")

    @property
    def lumo_ev(self) -> float:
        """Lowest unoccupied orbital energy over both spin channels (eV)."""
        virtual = [
            e for es, ns in zip(self.orbital_energies_ev, self.occupations)
            for e, n in zip(es, ns) if n < 0.5
        ]  # fmt: skip
        return min(virtual) if virtual else float("nan")

    def to_dict(self) -> dict:
        """A JSON-ready dict (``cached`` and ``precomputed`` are left out: they say where the
        result was read, not what it is)."""
        data = asdict(self)
        data.pop("cached")
        data.pop("precomputed")
        data.pop("arrays")
        return data

    @classmethod
    def from_dict(cls, data: dict, cached: bool = False, precomputed: bool = False) -> ScfResult:
        """Rebuild a record from :meth:`to_dict` output, ignoring unknown keys.

        Examples
        --------
        >>> r = ScfResult.from_dict({"formula": "F", "charge": 0, "spin": 1,
        ...                          "energy_hartree": -99.7, "converged": True},
        ...                         cached=True, precomputed=True)
        >>> r.cached, r.precomputed, "precomputed" in r.to_dict()
        (True, True, False)
        """
        names = {f.name for f in fields(cls)} - {"cached", "precomputed", "arrays"}
        kept = {k: v for k, v in data.items() if k in names}
        return cls(**kept, cached=cached, precomputed=precomputed)


@dataclass
class PropertyResult:
    """A property from two or more SCF results, e.g. a vertical electron affinity.

    ``states`` holds the ground states used (e.g. the neutral then the anion);
    ``candidates`` every state tried while finding them; ``relaxations``
    describes the relaxed geometries behind an adiabatic value or a VDE.
    """

    property: str
    kind: str
    value_ev: float
    states: list
    method: dict
    candidates: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    relaxations: list = field(default_factory=list)

    def state(self, charge: int) -> ScfResult:
        """The state of ``charge`` behind the value, e.g. ``state(-1)``: the anion of an EA or VDE.

        Its ``orbital_energies_ev`` and ``occupations`` are those of the
        geometry the value was computed at (the anion's, for a VDE).

        Raises
        ------
        InputError
            When no state of that charge is behind the value.

        Examples
        --------
        >>> a = ScfResult("F", 0, 1, -99.7, True)
        >>> b = ScfResult("F", -1, 0, -99.8, True, orbital_energies_ev=[[-2.0]])
        >>> r = PropertyResult("electron_affinity", "vertical", 3.4, [a, b], {})
        >>> r.state(-1).orbital_energies_ev
        [[-2.0]]
        >>> r.state(+1)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        superatom_lab.errors.InputError: the electron_affinity of F has states of charge 0, -1, ...
        """
        for s in self.states:
            if s.charge == charge:
                return s
        have = ", ".join(f"{s.charge:+d}" if s.charge else "0" for s in self.states)
        formula = self.states[0].formula if self.states else "?"
        raise InputError(
            f"the {self.property} of {formula} has states of charge {have}, not {charge:+d}"
        )

    @property
    def converged(self) -> bool:
        """True when every state behind the value converged (always, for a returned result)."""
        return all(s.converged for s in self.states)

    @property
    def cached(self) -> bool:
        """True when every SCF came from the cache."""
        return all(s.cached for s in self.candidates or self.states)

    @property
    def precomputed(self) -> bool:
        """True when every SCF (and relaxation) came from the results shipped with the package.

        Examples
        --------
        >>> a = ScfResult("F", 0, 1, -99.7, True, cached=True, precomputed=True)
        >>> b = ScfResult("F", -1, 0, -99.8, True, cached=True)
        >>> PropertyResult("electron_affinity", "vertical", 3.4, [a, a], {}).precomputed
        True
        >>> PropertyResult("electron_affinity", "vertical", 3.4, [a, b], {}).precomputed
        False
        """
        states = self.candidates or self.states
        return all(s.precomputed for s in states) and all(
            r.get("precomputed", False) for r in self.relaxations
        )

    @property
    def wall_s(self) -> float:
        """Wall time of the SCF runs behind this value (cache hits count their original time)."""
        return sum(s.wall_s for s in self.candidates or self.states)
