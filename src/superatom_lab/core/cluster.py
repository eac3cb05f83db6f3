"""The :class:`Cluster` type: a geometry with a charge, a spin and a name.

Examples
--------
>>> from ase import Atoms
>>> from superatom_lab.core.cluster import Cluster
>>> cl = Cluster(Atoms("Cl"), name="Cl")
>>> cl.n_electrons, cl.with_charge(-1).n_electrons
(17, 18)
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np
from ase import Atoms

from superatom_lab.core.elements import atomic_number, valence_electrons
from superatom_lab.errors import AtomsTooCloseError, ChargeSpinError, InputError

MIN_DISTANCE_ANGSTROM = 0.5


def _as_integer_charge(charge) -> int:
    """Return ``charge`` as an int, refusing fractional or non-numeric values."""
    if isinstance(charge, bool) or not isinstance(charge, numbers.Real):
        raise InputError(f"charge must be a whole number, got {charge!r}")
    if float(charge) != int(charge):
        raise InputError(f"charge must be a whole number of electrons, got {charge}")
    return int(charge)


def _checked_ghosts(ghosts, n_atoms: int) -> frozenset:
    """The ghost indices as a frozenset, each an atom index; never every atom.

    Examples
    --------
    >>> sorted(_checked_ghosts([2, 0], 3))
    [0, 2]
    """
    try:
        found = frozenset(int(i) for i in ghosts if not isinstance(i, bool) and int(i) == i)
    except (TypeError, ValueError):
        found = None
    if found is None or len(found) != len(set(ghosts)) or any(not 0 <= i < n_atoms for i in found):
        raise InputError(f"ghost atoms are indices 0 to {n_atoms - 1}, got {ghosts!r}")
    if found and len(found) == n_atoms:
        raise InputError("a cluster cannot be made of ghost atoms only")
    return found


def check_spin(n_electrons: int, spin: int | None) -> None:
    """Raise :class:`ChargeSpinError` unless ``spin`` (2S) fits ``n_electrons``.

    Examples
    --------
    >>> check_spin(17, 1)
    >>> check_spin(17, 0)
    Traceback (most recent call last):
    ...
    superatom_lab.errors.ChargeSpinError: 17 electrons cannot have spin 2S = 0: ...
    """
    if n_electrons < 0:
        raise ChargeSpinError(
            f"the charge leaves {n_electrons} electrons: a species cannot have fewer than zero"
        )
    if spin is None:
        return
    if isinstance(spin, bool) or not isinstance(spin, numbers.Integral) or spin < 0:
        raise ChargeSpinError(f"spin is 2S, a whole number >= 0, got {spin!r}")
    if spin > n_electrons or (n_electrons - spin) % 2:
        parity = "odd" if n_electrons % 2 else "even"
        raise ChargeSpinError(
            f"{n_electrons} electrons cannot have spin 2S = {spin}: with an {parity} number "
            f"of electrons 2S must be {parity} and at most {n_electrons}"
        )


@dataclass(frozen=True, eq=False)
class Cluster:
    """A cluster or molecule: geometry, total charge, spin and name.

    Parameters
    ----------
    atoms : ase.Atoms
        The geometry in Angstrom.  It is copied, so later changes to the
        caller's object do not reach the cluster.
    charge : int
        Total charge in units of e (``-1`` for an anion).
    spin : int or None
        ``2S``, the number of unpaired electrons (PySCF's convention).  ``None``
        leaves it open: a calculation then finds the ground state.
    name : str
        A label such as ``"Al13"``; defaults to the chemical formula.
    ghosts : frozenset of int
        Indices of *ghost* atoms: basis functions without nucleus or electrons,
        for the counterpoise correction of a binding energy (one fragment
        computed in the basis of the whole complex).  Empty for every ordinary
        cluster.

    Raises
    ------
    InputError
        For an empty geometry, a non-integer charge, atoms closer than 0.5 A,
        a charge and spin that do not fit the electron count, or ghost indices
        that are not atoms of the geometry (or are all of them).

    Examples
    --------
    >>> from ase import Atoms
    >>> o2 = Cluster(Atoms("O2", positions=[(0, 0, 0), (0, 0, 1.2075)]))
    >>> o2.formula, o2.n_electrons, round(o2.radius_angstrom, 4)
    ('O2', 16, 0.6038)
    """

    atoms: Atoms
    charge: int = 0
    spin: int | None = None
    name: str = ""
    ghosts: frozenset = frozenset()
    _distances: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.atoms, Atoms):
            raise InputError("a Cluster needs an ase.Atoms geometry")
        if len(self.atoms) == 0:
            raise InputError("the structure has no atoms")
        atoms = Atoms(self.atoms.get_chemical_symbols(), positions=self.atoms.get_positions())
        for symbol in set(atoms.get_chemical_symbols()):
            atomic_number(symbol)  # raises UnknownSpeciesError for 'X' and friends
        if not np.all(np.isfinite(atoms.get_positions())):
            raise InputError("the structure has coordinates that are not finite numbers")
        object.__setattr__(self, "atoms", atoms)
        object.__setattr__(self, "charge", _as_integer_charge(self.charge))
        object.__setattr__(self, "name", self.name or atoms.get_chemical_formula())
        object.__setattr__(self, "ghosts", _checked_ghosts(self.ghosts, len(atoms)))
        distances = atoms.get_all_distances() if len(atoms) > 1 else np.zeros((1, 1))
        object.__setattr__(self, "_distances", distances)
        if len(atoms) > 1:
            iu = np.triu_indices(len(atoms), 1)
            k = int(np.argmin(distances[iu]))
            if distances[iu][k] < MIN_DISTANCE_ANGSTROM:
                i, j = iu[0][k], iu[1][k]
                raise AtomsTooCloseError(
                    f"atoms {i} ({atoms[i].symbol}) and {j} ({atoms[j].symbol}) are "
                    f"{distances[iu][k]:.3f} A apart, closer than {MIN_DISTANCE_ANGSTROM} A: "
                    "check the coordinates (they are read in Angstrom)"
                )
        check_spin(self.n_electrons, self.spin)

    # --- counts -----------------------------------------------------------
    @property
    def symbols(self) -> list[str]:
        """Element symbols, in order."""
        return self.atoms.get_chemical_symbols()

    @property
    def formula(self) -> str:
        """Hill-style chemical formula, e.g. ``"Al13"`` or ``"BF4"``; ghost atoms do not count."""
        if not self.ghosts:
            return self.atoms.get_chemical_formula()
        return self.atoms[
            [i for i in range(len(self.atoms)) if i not in self.ghosts]
        ].get_chemical_formula()

    @property
    def n_atoms(self) -> int:
        """Number of atoms."""
        return len(self.atoms)

    @property
    def nuclear_charge(self) -> int:
        """Sum of the atomic numbers of the real (not ghost) atoms."""
        numbers = self.atoms.get_atomic_numbers()
        return int(sum(z for i, z in enumerate(numbers) if i not in self.ghosts))

    @property
    def n_electrons(self) -> int:
        """All electrons of the charged species: sum of Z (ghosts excluded) minus the charge."""
        return self.nuclear_charge - self.charge

    @property
    def n_valence_electrons(self) -> int:
        """Valence electrons of the charged species (group-based valence minus charge)."""
        real = [s for i, s in enumerate(self.symbols) if i not in self.ghosts]
        return sum(valence_electrons(s) for s in real) - self.charge

    @property
    def default_spin(self) -> int:
        """The spin used when none is given: 0 for even, 1 for odd electron counts."""
        return self.n_electrons % 2

    # --- geometry ---------------------------------------------------------
    @property
    def positions_angstrom(self) -> np.ndarray:
        """Cartesian positions in Angstrom, shape ``(n_atoms, 3)``."""
        return self.atoms.get_positions()

    @property
    def center_angstrom(self) -> np.ndarray:
        """Geometric centre (the mean position), in Angstrom."""
        return self.positions_angstrom.mean(axis=0)

    @property
    def radius_angstrom(self) -> float:
        """Half the longest interatomic distance (0 for one atom), in Angstrom."""
        return float(self._distances.max()) / 2.0

    @property
    def radius_text(self) -> str:
        """``"radius 2.86 A"``, or for one atom why it has none (not a radius of 0.00 A).

        Examples
        --------
        >>> from ase import Atoms
        >>> Cluster(Atoms("O2", positions=[(0, 0, 0), (0, 0, 1.2075)])).radius_text
        'radius 0.60 A'
        >>> Cluster(Atoms("Cl")).radius_text
        'radius: none for a single atom (it is half the longest distance between nuclei)'
        """
        if self.n_atoms == 1:
            return "radius: none for a single atom (it is half the longest distance between nuclei)"
        return f"radius {self.radius_angstrom:.2f} A"

    @property
    def min_distance_angstrom(self) -> float:
        """Shortest interatomic distance (``inf`` for one atom), in Angstrom."""
        if self.n_atoms == 1:
            return float("inf")
        return float(self._distances[np.triu_indices(self.n_atoms, 1)].min())

    # --- new clusters -----------------------------------------------------
    def with_charge(self, charge: int, spin: int | None = None) -> Cluster:
        """Return a copy with another charge; the spin is left open unless given.

        Examples
        --------
        >>> from ase import Atoms
        >>> Cluster(Atoms("Cl")).with_charge(-1, spin=0).spin
        0
        """
        return Cluster(self.atoms, charge=charge, spin=spin, name=self.name, ghosts=self.ghosts)

    def with_spin(self, spin: int | None) -> Cluster:
        """Return a copy with another spin (2S)."""
        return Cluster(self.atoms, charge=self.charge, spin=spin, name=self.name,
                       ghosts=self.ghosts)  # fmt: skip

    def renamed(self, name: str) -> Cluster:
        """Return a copy with another name."""
        return Cluster(self.atoms, charge=self.charge, spin=self.spin, name=name,
                       ghosts=self.ghosts)  # fmt: skip

    def __repr__(self) -> str:
        spin = "open" if self.spin is None else self.spin
        ghosts = f", ghosts={sorted(self.ghosts)}" if self.ghosts else ""
        return (
            f"Cluster(name={self.name!r}, formula={self.formula!r}, charge={self.charge}, "
            f"spin={spin}, n_atoms={self.n_atoms}{ghosts})"
        )
