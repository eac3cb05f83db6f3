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
    description : str
        What the preset is for.
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

    def key_fields(self) -> dict:
        """The fields that decide the numbers (everything but name and text)."""
        fields = asdict(self)
        for k in ("name", "description", "max_basis_functions", "max_cycle"):
            fields.pop(k)
        return fields

    def summary(self) -> dict:
        """A short dict for result records: ``{"preset", "xc", "basis", "ecp", ...}``."""
        return {"preset": self.name, **self.key_fields()}

    def label(self) -> str:
        """Human label such as ``"B3LYP/def2-SVPD"``."""
        return f"{self.xc.upper()}/{self.basis}"


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
    "quick": Method(
        name="quick",
        xc="pbe",
        basis="def2-svp",
        ecp="def2-svp",
        grids_level=1,
        conv_tol=1e-7,
        max_basis_functions=800,
        description=(
            "Interactive screening of metal clusters: PBE/def2-SVP with density fitting and "
            "a coarse grid. No diffuse functions, so small-anion EAs come out too low."
        ),
    ),
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
