"""The spherical jellium model: shells and magic numbers of simple-metal clusters.

The ions of a cluster of ``N`` valence electrons are smeared into a uniform
positive sphere (the *background*) of radius ``R = r_s N**(1/3)``, where the
Wigner-Seitz radius ``r_s`` (bohr) sets the density of the bulk metal.  The
electrons move in the well made by that sphere and by themselves.

Method
------
:func:`solve_jellium` solves the Kohn-Sham equations self-consistently in the
local-density approximation (Slater exchange plus Perdew-Zunger 1981
correlation), spin-unpolarised and spherically averaged:

* the radial equation ``-u''/2 + [V(r) + l(l+1)/(2r^2)] u = e u`` is discretised
  with three-point finite differences on a uniform grid (``u(0) = u(r_max) = 0``)
  and solved for every ``l`` with :func:`scipy.linalg.eigh_tridiagonal`;
* ``V = V_background + V_Hartree + V_xc`` is rebuilt from the density, and the
  density is mixed with Pulay (DIIS) mixing until it stops changing;
* electrons fill the levels in order of energy (aufbau), a partly filled level
  sharing its electrons evenly among its ``2(2l+1)`` states.  When two levels
  cross at the Fermi energy the aufbau loop flips between them and never
  settles; after 60 such iterations the loop goes on with a small Fermi
  smearing (0.02 eV by default) and the levels at the Fermi energy share the
  electrons, which is the self-consistent answer for such open shells.

The levels are labelled as in nuclear and cluster physics: ``n`` counts the
levels of each ``l`` from 1 (not the principal quantum number of atoms), so
the order of Na clusters reads 1S 1P 1D 2S 1F 2P 1G 2D 3S 1H ...  Where 3S
and 1H (or 3P and 1I) come is decided by the well and so by ``N``: they are
nearly degenerate.

Magic numbers
-------------
The ladder used for the magic numbers is the self-consistent Kohn-Sham well of
the ``N``-electron cluster itself, with all its bound levels (occupied or not).
A *shell closure* is the cumulative electron count after each complete level,
taken in order of energy; :attr:`JelliumResult.magic_numbers` lists them all,
and :attr:`JelliumResult.major_magic_numbers` keeps those followed by a gap
larger than the mean level spacing of the bound ladder.  Which closures are
"major" depends on the well: for Al13- it gives 2, 8, 20 and the well binds
nothing above 40.

Examples
--------
>>> from superatom_lab.core.jellium import solve_jellium
>>> na = solve_jellium(40, TYPICAL_RS_BOHR["Na"])
>>> na.configuration
'1S2 1P6 1D10 2S2 1F14 2P6'
>>> na.magic_numbers[:6]
(2, 8, 18, 20, 34, 40)
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np
from scipy.linalg import eigh_tridiagonal

from superatom_lab.core.units import HARTREE_TO_EV
from superatom_lab.errors import ConvergenceError, InputError

L_LETTERS = "SPDFGHIJKLMNOQRTUVWXYZ"  # l = 0, 1, 2 ...; J for l = 7 as in nuclear physics
MAX_ELECTRONS = 1000
RS_RANGE_BOHR = (0.5, 10.0)
OCC_TOL = 5e-3  # electrons: below this a level counts as empty, within it as full

#: Wigner-Seitz radii r_s (bohr) of simple metals, from the free-electron
#: densities of Ashcroft & Mermin, *Solid State Physics* (1976), Table 1.1
#: (alkali metals at 5 K, the others at room temperature).
TYPICAL_RS_BOHR: dict[str, float] = {
    "Li": 3.25,
    "Na": 3.93,
    "K": 4.86,
    "Rb": 5.20,
    "Cs": 5.62,
    "Cu": 2.67,
    "Ag": 3.02,
    "Au": 3.01,
    "Be": 1.87,
    "Mg": 2.66,
    "Zn": 2.30,
    "Cd": 2.59,
    "Al": 2.07,
    "Ga": 2.19,
    "In": 2.41,
}


@dataclass(frozen=True)
class JelliumLevel:
    """One bound level of the jellium well.

    Attributes
    ----------
    n : int
        Radial label, counting the levels of this ``l`` from 1.
    l : int
        Angular momentum.
    label : str
        Cluster-physics label such as ``"1S"``, ``"2P"`` or ``"1H"``.
    energy_ev : float
        Kohn-Sham eigenvalue in eV (negative: bound).
    degeneracy : int
        ``2(2l+1)``, spin included.
    """

    n: int
    l: int
    label: str
    energy_ev: float
    degeneracy: int


@dataclass(frozen=True)
class JelliumResult:
    """The converged jellium model of one cluster.

    Attributes
    ----------
    n_electrons : int
        Electrons in the cluster.
    rs_bohr : float
        Wigner-Seitz radius of the background.
    charge : int
        Net charge; the background holds ``n_electrons + charge`` positive charges.
    radius_bohr : float
        Background radius ``r_s (n_electrons + charge)**(1/3)``.
    levels : tuple of JelliumLevel
        All bound levels, lowest energy first.
    occupations : tuple of float
        Electrons in each level, in the order of ``levels``.
    magic_numbers : tuple of int
        Cumulative electron counts after each complete bound level.
    major_magic_numbers : tuple of int
        The magic numbers followed by a gap larger than the mean level spacing.
    method : str
        One line describing the model.
    iterations : int
        Self-consistency iterations used.
    smearing_ev : float
        0 when the levels were filled in order (aufbau); otherwise the Fermi
        width that let levels crossing at the Fermi energy share electrons.
    r_bohr, potential_ev, density_bohr3 : numpy.ndarray
        The radial grid, the converged Kohn-Sham potential (eV) and the electron
        density (electrons per bohr^3), for plots.
    """

    n_electrons: int
    rs_bohr: float
    charge: int
    radius_bohr: float
    levels: tuple[JelliumLevel, ...]
    occupations: tuple[float, ...]
    magic_numbers: tuple[int, ...]
    major_magic_numbers: tuple[int, ...]
    method: str
    iterations: int
    smearing_ev: float
    r_bohr: np.ndarray = field(repr=False, compare=False)
    potential_ev: np.ndarray = field(repr=False, compare=False)
    density_bohr3: np.ndarray = field(repr=False, compare=False)

    @property
    def configuration(self) -> str:
        """Occupied levels with their electrons, e.g. ``"1S2 1P6 1D10 2S2"``."""
        parts = []
        for level, occ in zip(self.levels, self.occupations, strict=True):
            if occ > OCC_TOL:
                text = f"{occ:.0f}" if abs(occ - round(occ)) < OCC_TOL else f"{occ:.2f}"
                parts.append(f"{level.label}{text}")
        return " ".join(parts)

    @property
    def shell_filling(self) -> str:
        """Same as :attr:`configuration`."""
        return self.configuration

    @property
    def is_closed_shell(self) -> bool:
        """True when every level is either full or empty."""
        return all(
            occ < OCC_TOL or abs(occ - lv.degeneracy) < OCC_TOL
            for lv, occ in zip(self.levels, self.occupations, strict=True)
        )

    @property
    def homo(self) -> JelliumLevel:
        """The highest level holding electrons."""
        occupied = [
            lv for lv, occ in zip(self.levels, self.occupations, strict=True) if occ > OCC_TOL
        ]
        return occupied[-1]

    @property
    def lumo(self) -> JelliumLevel | None:
        """The lowest level with room for an electron, or ``None`` if none is bound."""
        for lv, occ in zip(self.levels, self.occupations, strict=True):
            if occ < lv.degeneracy - OCC_TOL:
                return lv
        return None

    @property
    def gap_ev(self) -> float | None:
        """LUMO minus HOMO energy in eV (0 inside a partly filled level).

        Levels that cross at the Fermi energy (filled with smearing) share
        electrons, so the gap is 0 rather than negative.
        """
        lumo = self.lumo
        return None if lumo is None else max(0.0, lumo.energy_ev - self.homo.energy_ev)


def _check_inputs(n_electrons, rs_bohr, charge) -> tuple[int, float, int]:
    if isinstance(n_electrons, bool) or not isinstance(n_electrons, numbers.Real):
        raise InputError(f"n_electrons must be a whole number, got {n_electrons!r}")
    if not np.isfinite(n_electrons) or float(n_electrons) != int(n_electrons):
        raise InputError(f"n_electrons must be a whole number, got {n_electrons!r}")
    n = int(n_electrons)
    if not 1 <= n <= MAX_ELECTRONS:
        raise InputError(
            f"n_electrons must be between 1 and {MAX_ELECTRONS} for the jellium model, got {n}"
        )
    if isinstance(rs_bohr, bool) or not isinstance(rs_bohr, numbers.Real):
        raise InputError(f"rs_bohr must be a number (bohr), got {rs_bohr!r}")
    rs = float(rs_bohr)
    lo, hi = RS_RANGE_BOHR
    if not (np.isfinite(rs) and lo <= rs <= hi):
        raise InputError(
            f"rs_bohr must be between {lo} and {hi} bohr (real metals: Be 1.87 to Cs 5.62), "
            f"got {rs_bohr!r}"
        )
    if isinstance(charge, bool) or not isinstance(charge, numbers.Integral):
        raise InputError(f"charge must be a whole number, got {charge!r}")
    if n + int(charge) < 1:
        raise InputError(
            f"charge {charge} leaves no positive background for {n} electrons: "
            "n_electrons + charge must be at least 1"
        )
    return n, rs, int(charge)


def _lda_xc_potential(rho: np.ndarray) -> np.ndarray:
    """Slater exchange plus Perdew-Zunger correlation potential (Hartree)."""
    rho = np.maximum(rho, 1e-14)
    rs = (3.0 / (4.0 * np.pi * rho)) ** (1.0 / 3.0)
    vx = -((3.0 * rho / np.pi) ** (1.0 / 3.0))
    vc = np.empty_like(rs)
    hi = rs >= 1.0
    g, b1, b2 = -0.1423, 1.0529, 0.3334
    s = np.sqrt(rs[hi])
    den = 1.0 + b1 * s + b2 * rs[hi]
    vc[hi] = g / den * (1.0 + 7.0 / 6.0 * b1 * s + 4.0 / 3.0 * b2 * rs[hi]) / den
    a, b, c, d = 0.0311, -0.048, 0.0020, -0.0116
    r = rs[~hi]
    vc[~hi] = a * np.log(r) + (b - a / 3.0) + 2.0 / 3.0 * c * r * np.log(r) + (2 * d - c) / 3 * r
    return vx + vc


def _hartree_potential(r: np.ndarray, rho: np.ndarray, h: float) -> np.ndarray:
    """Potential of a spherical charge density (grid starts at ``h``)."""
    shell = 4.0 * np.pi * r**2 * rho * h  # electrons in each grid shell
    inside = np.cumsum(shell) - 0.5 * shell
    outside = np.cumsum((shell / r)[::-1])[::-1] - 0.5 * shell / r
    return inside / r + outside


def _background_potential(r: np.ndarray, n_plus: int, radius: float) -> np.ndarray:
    inner = -n_plus * (3.0 * radius**2 - r**2) / (2.0 * radius**3)
    return np.where(r < radius, inner, -n_plus / r)


def _levels(r, v, h, lmax):
    """Bound eigenpairs ``(l, energies, u)`` of the radial equation for l = 0..lmax."""
    out = []
    off = np.full(len(r) - 1, -0.5 / h**2)
    for l in range(lmax + 1):
        v_eff = v + l * (l + 1) / (2.0 * r**2)
        if v_eff.min() >= 0.0:
            break
        e, u = eigh_tridiagonal(
            1.0 / h**2 + v_eff, off, select="v", select_range=(v_eff.min() - 1.0, 0.0)
        )
        if len(e) == 0:
            break
        out.append((l, e, u / np.sqrt(h)))
    return out


def _fill(ladder, n_electrons, kt):
    """Occupations per ``(l, k)``: aufbau if ``kt == 0``, else Fermi-Dirac with width ``kt``."""
    keys = [(l, k) for l, es, _ in ladder for k in range(len(es))]
    e = np.array([es[k] for l, es, _ in ladder for k in range(len(es))])
    g = np.array([2.0 * (2 * l + 1) for l, k in keys])
    if g.sum() < n_electrons - 1e-9:
        return None
    if kt <= 0.0:
        f = np.zeros_like(e)
        left = float(n_electrons)
        for i in np.argsort(e, kind="stable"):
            f[i] = min(left, g[i])
            left -= f[i]
    else:
        lo, hi = e.min() - 50 * kt, e.max() + 50 * kt
        for _ in range(200):
            mu = 0.5 * (lo + hi)
            f = g * 0.5 * (1.0 - np.tanh(0.5 * (e - mu) / kt))
            lo, hi = (mu, hi) if f.sum() < n_electrons else (lo, mu)
        f *= n_electrons / f.sum()
    return dict(zip(keys, f, strict=True))


def _density(r, ladder, occ):
    rho = np.zeros_like(r)
    for l, _, u in ladder:
        for k in range(u.shape[1]):
            f = occ.get((l, k), 0.0)
            if f > 0.0:
                rho += f * u[:, k] ** 2
    return rho / (4.0 * np.pi * r**2)


def _pulay(history_in, history_res, beta):
    """Next input density from a Pulay (DIIS) combination of previous steps."""
    m = len(history_res)
    res = np.array(history_res)
    a = np.zeros((m + 1, m + 1))
    a[:m, :m] = res @ res.T
    a[:m, m] = a[m, :m] = -1.0
    a[:m, :m] += 1e-12 * np.trace(a[:m, :m]) / m * np.eye(m)
    rhs = np.zeros(m + 1)
    rhs[m] = -1.0
    try:
        c = np.linalg.solve(a, rhs)[:m]
    except np.linalg.LinAlgError:
        c = np.zeros(m)
        c[-1] = 1.0
    return sum(ci * (x + beta * f) for ci, x, f in zip(c, history_in, history_res, strict=True))


def _shell_closures(levels: list[JelliumLevel]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    counts = np.cumsum([lv.degeneracy for lv in levels]).astype(int)
    energies = np.array([lv.energy_ev for lv in levels])
    gaps = np.diff(energies)
    mean_gap = (energies[-1] - energies[0]) / (len(levels) - 1) if len(levels) > 1 else 0.0
    magic = tuple(int(c) for c in counts)
    major = tuple(int(c) for c, g in zip(counts[:-1], gaps, strict=True) if g > mean_gap)
    return magic, major


def _scf(r, h, v_ext, rho, n, kt, max_iterations, tolerance):
    """Kohn-Sham loop with Pulay mixing; returns ``(converged, iterations, state)``."""
    hist_in: list[np.ndarray] = []
    hist_res: list[np.ndarray] = []
    previous = None
    for iteration in range(1, max_iterations + 1):
        v = v_ext + _hartree_potential(r, rho, h) + _lda_xc_potential(rho)
        ladder = _levels(r, v, h, lmax=40)
        occ = _fill(ladder, n, kt)
        if occ is None:
            raise ConvergenceError(
                f"the jellium well does not bind all {n} electrons: "
                "use a smaller negative charge (fewer extra electrons)"
            )
        rho_out = _density(r, ladder, occ)
        energies = np.sort(np.concatenate([es for _, es, _ in ladder]))
        change = 4.0 * np.pi * h * np.sum(r**2 * np.abs(rho_out - rho))
        same_size = previous is not None and len(previous) == len(energies)
        e_change = np.max(np.abs(previous - energies)) if same_size else np.inf
        previous = energies
        state = (ladder, occ, v, rho_out, rho)
        if change < tolerance and e_change < tolerance:
            return True, iteration, state
        hist_in = [*hist_in[-7:], rho]
        hist_res = [*hist_res[-7:], rho_out - rho]
        rho = np.maximum(_pulay(hist_in, hist_res, beta=0.3), 0.0)
        rho *= n / (4.0 * np.pi * np.sum(r**2 * rho) * h)
    return False, max_iterations, state


def solve_jellium(
    n_electrons: int,
    rs_bohr: float,
    *,
    charge: int = 0,
    grid_step_bohr: float | None = None,
    max_iterations: int = 300,
    tolerance: float = 1e-7,
    smearing_ev: float = 0.02,
) -> JelliumResult:
    """Solve the self-consistent spherical jellium model (Kohn-Sham LDA).

    Parameters
    ----------
    n_electrons : int
        Electrons in the cluster (1 to 1000), e.g. 40 for Al13- (13 x 3 + 1).
    rs_bohr : float
        Wigner-Seitz radius of the metal in bohr (see :data:`TYPICAL_RS_BOHR`;
        0.5 to 10).
    charge : int, optional
        Net charge of the cluster.  The positive background holds
        ``n_electrons + charge`` charges, so Al13- is ``solve_jellium(40, 2.07,
        charge=-1)`` and neutral Na40 is ``solve_jellium(40, 3.93)``.
    grid_step_bohr : float, optional
        Radial grid step; defaults to ``min(0.1, r_s / 30)``.
    max_iterations : int, optional
        Self-consistency iterations before giving up.
    tolerance : float, optional
        Converged when the density changes by less than this many electrons
        (integrated absolute change) and the eigenvalues by less than this (Hartree).
    smearing_ev : float, optional
        Fermi width used only when the aufbau loop does not settle (levels
        crossing at the Fermi energy); see :attr:`JelliumResult.smearing_ev`.

    Returns
    -------
    JelliumResult
        Levels, occupations, shell closures and the converged well.

    Raises
    ------
    InputError
        For a non-integer, zero, negative or too large electron count, an
        ``r_s`` outside 0.5-10 bohr, or a charge that leaves no background.
    ConvergenceError
        If the self-consistency loop does not converge.

    Examples
    --------
    >>> al = solve_jellium(40, 2.07, charge=-1)
    >>> al.configuration, al.is_closed_shell
    ('1S2 1P6 1D10 2S2 1F14 2P6', True)
    >>> [lv.label for lv in al.levels][:6]
    ['1S', '1P', '1D', '2S', '1F', '2P']
    """
    n, rs, charge = _check_inputs(n_electrons, rs_bohr, charge)
    n_plus = n + charge
    radius = rs * n_plus ** (1.0 / 3.0)
    h = grid_step_bohr if grid_step_bohr is not None else min(0.1, rs / 30.0)
    r = np.arange(1, int(np.ceil((radius + 20.0) / h)) + 1) * h
    v_ext = _background_potential(r, n_plus, radius)
    # start from the background density with a soft edge
    rho = 1.0 / (1.0 + np.exp(np.clip((r - radius) / 0.7, -50, 50)))
    rho *= n / (4.0 * np.pi * np.sum(r**2 * rho) * h)

    aufbau_iterations = min(60, max_iterations)
    kt = 0.0
    ok, iterations, state = _scf(r, h, v_ext, rho, n, kt, aufbau_iterations, tolerance)
    if not ok:  # levels cross at the Fermi energy: let them share electrons
        kt = float(smearing_ev) / HARTREE_TO_EV
        ok, more, state = _scf(
            r, h, v_ext, state[4], n, kt, max_iterations - aufbau_iterations, tolerance
        )
        iterations += more
    if not ok:
        raise ConvergenceError(
            f"the jellium model of {n} electrons (r_s = {rs} bohr) did not converge in "
            f"{max_iterations} iterations; its levels are not reported"
        )
    ladder, occ, v, rho_out, _ = state

    levels, occupations = [], []
    for l, es, _ in ladder:
        for k, e in enumerate(es):
            letter = L_LETTERS[l] if l < len(L_LETTERS) else f"[l={l}]"
            label = f"{k + 1}{letter}"
            levels.append(JelliumLevel(k + 1, l, label, float(e * HARTREE_TO_EV), 2 * (2 * l + 1)))
            occupations.append(occ[(l, k)])
    order = np.argsort([lv.energy_ev for lv in levels], kind="stable")
    levels = [levels[i] for i in order]
    occupations = tuple(float(occupations[i]) for i in order)
    magic, major = _shell_closures(levels)
    method = "self-consistent Kohn-Sham LDA spherical jellium (Slater + Perdew-Zunger), " + (
        "aufbau occupations" if kt == 0.0 else f"Fermi smearing {smearing_ev} eV"
    )
    return JelliumResult(
        n_electrons=n,
        rs_bohr=rs,
        charge=charge,
        radius_bohr=float(radius),
        levels=tuple(levels),
        occupations=occupations,
        magic_numbers=magic,
        major_magic_numbers=major,
        method=method,
        iterations=iterations,
        smearing_ev=kt * HARTREE_TO_EV,
        r_bohr=r,
        potential_ev=v * HARTREE_TO_EV,
        density_bohr3=rho_out,
    )


@dataclass(frozen=True)
class LadderAlignment:
    """A jellium ladder shifted onto a list of DFT orbital energies.

    Attributes
    ----------
    shift_ev : float
        Added to every jellium level: DFT HOMO minus jellium HOMO.
    levels : tuple of JelliumLevel
        The jellium levels after the shift.
    dft_levels_ev : tuple of float
        The DFT orbital energies, lowest first.
    labels : tuple of str
        For each DFT energy, the label of the nearest shifted jellium level.
    mean_abs_deviation_ev : float
        Mean distance between each DFT energy and that nearest level.
    """

    shift_ev: float
    levels: tuple[JelliumLevel, ...]
    dft_levels_ev: tuple[float, ...]
    labels: tuple[str, ...]
    mean_abs_deviation_ev: float


def align_ladder(
    result: JelliumResult, dft_levels_ev, *, dft_homo_ev: float | None = None
) -> LadderAlignment:
    """Shift the jellium ladder so that its HOMO sits on the DFT HOMO.

    Kohn-Sham eigenvalues of a jellium sphere and of a real cluster differ by
    a constant (the jellium has no ionic cores and a different surface), so
    only the *pattern* of levels is compared: the whole ladder is shifted
    by ``dft_homo - jellium_homo`` and every DFT orbital gets the label of the
    nearest shifted level.  Pass the valence orbital energies (one per spatial
    orbital); core orbitals far below the ladder would all be called ``1S``.

    Parameters
    ----------
    result : JelliumResult
        From :func:`solve_jellium`.
    dft_levels_ev : sequence of float
        DFT orbital energies in eV.
    dft_homo_ev : float, optional
        The DFT HOMO; defaults to the highest of ``dft_levels_ev``, so by
        default pass only occupied orbitals.

    Returns
    -------
    LadderAlignment

    Raises
    ------
    InputError
        If ``dft_levels_ev`` is empty or holds something that is not a finite number.

    Examples
    --------
    >>> na8 = solve_jellium(8, 3.93)
    >>> fit = align_ladder(na8, [-7.0, -5.9, -5.9, -5.9])
    >>> fit.labels
    ('1S', '1P', '1P', '1P')
    >>> round(fit.shift_ev + na8.homo.energy_ev, 6)
    -5.9
    """
    if not isinstance(result, JelliumResult):
        raise InputError("align_ladder needs a JelliumResult from solve_jellium")
    try:
        dft = np.sort(np.asarray(list(dft_levels_ev), dtype=float))
    except (TypeError, ValueError):
        raise InputError("dft_levels_ev must be a list of orbital energies in eV") from None
    if dft.ndim != 1 or dft.size == 0 or not np.all(np.isfinite(dft)):
        raise InputError("dft_levels_ev must be a non-empty list of finite energies in eV")
    homo = float(dft[-1]) if dft_homo_ev is None else float(dft_homo_ev)
    if not np.isfinite(homo):
        raise InputError(f"dft_homo_ev must be a finite energy in eV, got {dft_homo_ev!r}")
    shift = homo - result.homo.energy_ev
    shifted = tuple(
        JelliumLevel(lv.n, lv.l, lv.label, lv.energy_ev + shift, lv.degeneracy)
        for lv in result.levels
    )
    ladder = np.array([lv.energy_ev for lv in shifted])
    nearest = np.argmin(np.abs(dft[:, None] - ladder[None, :]), axis=1)
    return LadderAlignment(
        shift_ev=float(shift),
        levels=shifted,
        dft_levels_ev=tuple(float(e) for e in dft),
        labels=tuple(shifted[i].label for i in nearest),
        mean_abs_deviation_ev=float(np.mean(np.abs(dft - ladder[nearest]))),
    )
