"""Where the catalogue places each species on the periodic table of superatoms.

The table below is written from the literature, not from the catalogue:
- superhalogens bind an electron more strongly than chlorine (Gutsev and Boldyrev,
  Chem. Phys. 56, 277, 1981); pseudohalogens act as halogens in salts; Al13's EA
  (3.57 eV) is close to chlorine's (Li, Wu and Wang, Phys. Rev. Lett. 81, 1909, 1998);
- superalkalis ionize more easily than caesium (the review's Section II);
- ZrO is isoelectronic with Pd and has a similar anion photoelectron spectrum
  (Peppernick, Gunaratne and Castleman, PNAS 107, 975, 2010);
- Na8 and Na20 close the second and third jellium shells, as Ne and Ar close the
  second and third atomic ones (Knight et al., Phys. Rev. Lett. 52, 2141, 1984);
- W@Au12 and Fe(CO)5 fill 18-electron s, p and d shells, krypton's valence set
  (Pyykko and Runeberg, Angew. Chem. 41, 2174, 2002; the 18-electron rule);
- B12H12 2-, B12(CN)12 2- and Ca(CN)4 2- hold a second extra electron, which no
  atom does (the review's Section III and Table 4).
"""

import pytest

from superatom_lab.core import catalogue
from superatom_lab.core.catalogue import NO_ATOM, mimic_table

LITERATURE = {
    **dict.fromkeys(["BF4", "AlF4", "BO2", "LiF2", "MnO4", "NaBr2", "NaI2", "BrO3", "IO3"], "Cl"),
    **dict.fromkeys(["CN", "SCN", "SeCN", "BH4", "Al13"], "Cl"),
    "Li3O": "Cs", "Li2F": "Cs", "ZrO": "Pd",
    "Na8": "Ne", "Na20": "Ar", "W@Au12": "Kr", "Fe(CO)5": "Kr",
    "B12H12": NO_ATOM, "B12(CN)12": NO_ATOM, "Ca(CN)4": NO_ATOM,
}  # fmt: skip
NOT_MIMICS = ["F", "Cl", "Li", "Cs", "Pd", "O2", "OH", "Au13", "C60"]


@pytest.mark.parametrize(("name", "element"), LITERATURE.items())
def test_each_superatom_sits_where_the_literature_puts_it(name, element):
    assert catalogue.get_species(name).mimics_element == element


@pytest.mark.parametrize("name", NOT_MIMICS)
def test_atoms_and_species_that_mimic_nothing_have_no_place(name):
    assert catalogue.get_species(name).mimics_element is None


def test_the_table_holds_every_placed_species_once():
    table = mimic_table()
    placed = [n for names in table.values() for n in names]
    assert sorted(placed) == sorted(LITERATURE)
    assert table[NO_ATOM] == ["B12H12", "B12(CN)12", "Ca(CN)4"]
