"""Methods (functional, basis, ECP, grid) and the named presets.

Field names follow PySCF (``xc``, ``basis``, ``ecp``, ``grids_level``,
``conv_tol``), so a student can map a preset onto a PySCF script.  This module
does not import PySCF.

Examples
--------
>>> m = get_method("standard")
>>> m.xc, m.basis
('b3lyp', 'def2-svpd')
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from superatom_lab.errors import InputError


@dataclass(frozen=True)
class Method:
    """A Kohn-Sham DFT method and the settings that decide its numbers.

    Parameters
    ----------
    name : str
        Preset name, for display.
    xc : str
        Exchange-correlation functional in PySCF (libxc) spelling.
    basis : str
        Basis set name known to PySCF.
    ecp : str or None
        Effective core potential.  A def2 basis does not load its ECP by
        itself, so every def2 preset names it here (PySCF issue 531).
    density_fit : bool
        Use density fitting (resolution of the identity) for Coulomb/exchange.
    grids_level : int
        PySCF's integration grid level (0-9).
    conv_tol : float
        SCF energy convergence threshold (Hartree).
    max_cycle : int
        SCF cycles per strategy step.
    max_basis_functions : int
        Largest system (in basis functions) the preset accepts.
    metal_basis, metal_ecp : str or None
        Basis and ECP for metal atoms from Na on (``core.elements.uses_metal_basis``);
        ``basis`` and ``ecp`` for every other atom.
    description : str
        What the preset is for.
    geometry_preset : str or None
        Relax geometries (adiabatic EA/IE, VDE) with this cheaper preset and
        compute the energies there with this method, as in the common
        "wB97X/def2-TZVPD//B3LYP/def2-SVPD" composite; ``None`` relaxes with
        this method itself.
    """

    name: str
    xc: str
    basis: str
    ecp: str | None
    density_fit: bool = True
    grids_level: int = 3
    conv_tol: float = 1e-8
    max_cycle: int = 100
    max_basis_functions: int = 400
    description: str = ""
    metal_basis: str | None = None
    metal_ecp: str | None = None
    geometry_preset: str | None = None

    def basis_for(self, symbol: str) -> tuple[str, str | None]:
        """The (basis, ECP) names used for one element.

        Examples
        --------
        >>> get_method("quick").basis_for("Al"), get_method("quick").basis_for("O")
        (('lanl2dz', 'lanl2dz'), ('def2-svpd', 'def2-svpd'))
        """
        from superatom_lab.core.elements import uses_metal_basis

        if self.metal_basis and uses_metal_basis(symbol):
            return self.metal_basis, self.metal_ecp
        return self.basis, self.ecp

    def key_fields(self) -> dict:
        """The fields that decide the energy at one geometry (not names, limits or texts)."""
        fields = asdict(self)
        for k in ("name", "description", "max_basis_functions", "max_cycle", "geometry_preset"):
            fields.pop(k)
        return fields

    def summary(self) -> dict:
        """A short dict for result records: ``{"preset", "xc", "basis", "ecp", ...}``."""
        summary = {"preset": self.name, **self.key_fields()}
        if self.geometry_preset:
            summary["geometry_preset"] = self.geometry_preset
        return summary

    def geometry_method(self) -> Method:
        """The method that relaxes geometries for this one (itself unless ``geometry_preset``).

        Examples
        --------
        >>> get_method("accurate").geometry_method().name
        'standard'
        """
        return get_method(self.geometry_preset) if self.geometry_preset else self

    def label(self) -> str:
        """Human label such as ``"B3LYP/def2-svpd"``.

        Examples
        --------
        >>> get_method("quick").label()
        'WB97X/def2-svpd, lanl2dz+ECP on metals'
        """
        text = f"{self.xc.upper()}/{self.basis}"
        if self.metal_basis:
            text += f", {self.metal_basis}{'+ECP' if self.metal_ecp else ''} on metals"
        return text


#: PBE in quick's basis and grid: large clusters, and the geometries of ``quick``.
_LARGE = Method(
    name="large",
    xc="pbe",
    basis="def2-svpd",
    ecp="def2-svpd",
    metal_basis="lanl2dz",
    metal_ecp="lanl2dz",
    grids_level=1,
    conv_tol=1e-7,
    max_basis_functions=800,
    description=(
        "Large clusters, and the geometries of 'quick': PBE with density fitting and a "
        "coarse grid; LANL2DZ with its ECP on metals from Na on, diffuse def2-SVPD on "
        "everything else. A pure functional spreads the hole of a superhalogen's neutral "
        "over its ligands, so their detachment energies come out 0.8-1.0 eV too low: use it "
        "for shapes, orbitals and signs, not for those values (docs/presets.md)."
    ),
)

PRESETS: dict[str, Method] = {
    "standard": Method(
        name="standard",
        xc="b3lyp",
        basis="def2-svpd",
        ecp="def2-svpd",
        grids_level=3,
        max_basis_functions=400,
        description=(
            "Default. B3LYP with the diffuse def2-SVPD basis (def2 ECPs beyond Kr), for "
            "molecules and small clusters of H-Rn. Vertical EAs of F, Cl, O, O2, CN and OH "
            "within 0.3 eV of experiment (docs/presets.md)."
        ),
    ),
    # the same basis, grid and limits as large, with exact exchange
    "quick": replace(
        _LARGE,
        name="quick",
        xc="wb97x",
        geometry_preset="large",
        description=(
            "Interactive work: the range-separated hybrid wB97X with density fitting and a "
            "coarse grid, at geometries relaxed with 'large' (wB97X//PBE); LANL2DZ with its ECP "
            "on metals from Na on, diffuse def2-SVPD on everything else. Superhalogen VDEs "
            "within about 0.2 eV and Al13's EA in under 30 s on 2 cores; the EAs of single "
            "metal atoms come out 0.4-0.7 eV low, the price of LANL2DZ (docs/presets.md)."
        ),
    ),
    "accurate": Method(
        name="accurate",
        xc="wb97x",
        basis="ma-def2-tzvp",
        ecp="def2-tzvp",
        grids_level=4,
        conv_tol=1e-9,
        max_basis_functions=500,
        geometry_preset="standard",
        description=(
            "Publishable numbers for small species, superhalogens included: the "
            "range-separated hybrid wB97X with ma-def2-TZVP (triple-zeta def2 with the "
            "diffuse s and p functions that weakly bound anions need; def2 ECPs beyond Kr) "
            "and a fine grid, at geometries relaxed with the standard preset "
            "(wB97X/ma-def2-TZVP//B3LYP/def2-SVPD; docs/benchmarks.md)."
        ),
    ),
    "large": _LARGE,
}

DEFAULT_PRESET = "standard"


def get_method(name: str | Method = DEFAULT_PRESET, **overrides) -> Method:
    """Return the preset called ``name``, optionally with fields overridden.

    Raises
    ------
    InputError
        For an unknown preset name.

    Examples
    --------
    >>> get_method("quick", grids_level=2).grids_level
    2
    """
    if isinstance(name, Method):
        method = name
    else:
        try:
            method = PRESETS[str(name).lower()]
        except KeyError:
            raise InputError(
                f"unknown preset {name!r}: choose one of {', '.join(sorted(PRESETS))}"
            ) from None
    return replace(method, **overrides) if overrides else method
