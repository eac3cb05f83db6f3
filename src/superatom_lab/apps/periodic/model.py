"""Periodic table of superatoms, the model: which species mimic each element, and their values.

Each element's tile lists the catalogue species placed on it
(:func:`~superatom_lab.core.catalogue.mimic_table`): Al13 and the
superhalogens on chlorine, the superalkalis on caesium, ZrO on palladium,
closed-shell clusters on the noble gases.  A dianion that holds both extra
electrons, which no atom can do, sits apart (:data:`NO_ATOM`).

Beside each species the model shows the value that makes it a mimic (the EA
of a halogen mimic, the IE of an alkali mimic, EA_2 of a dianion): computed,
from the shipped results or the user's cache only, never by running PySCF, so
the table renders at once; and measured, from the reference values with
their sources.  A species that was never computed says so, and the apps can
compute it.

Examples
--------
>>> m = PeriodicModel()
>>> m.selected, "Al13" in m.species_of("Cl")
('Cl', True)
>>> m.select("Pd"); [r["species"] for r in m.rows]
['ZrO']
"""

from __future__ import annotations

import html

from traitlets import List, Unicode

from superatom_lab.apps.mvc import Model
from superatom_lab.core import catalogue
from superatom_lab.core.catalogue import NO_ATOM, mimic_table
from superatom_lab.core.periodic_table import place
from superatom_lab.core.reference import references_for

#: Presets searched for a computed value, in this order.
PRESET_ORDER = ("standard", "accurate", "quick", "large")
#: How the value of a mimic is computed: tasks (with options) tried in order, per quantity.
VALUE_TASKS = {
    "EA": (("vertical_detachment_energy", {}), ("electron_affinity", {})),
    "IE": (("ionization_energy", {}),),
    "EA_2": (("successive_electron_affinities", {"n": 2}),),
}


def mimic_quantity(element: str) -> str:
    """The value that shows the likeness: ``"IE"`` for alkali-metal and noble-gas places,
    ``"EA_2"`` for :data:`NO_ATOM`, ``"EA"`` otherwise.

    Examples
    --------
    >>> [mimic_quantity(e) for e in ("Cl", "Cs", "Ne", "Pd", NO_ATOM)]
    ['EA', 'IE', 'IE', 'EA', 'EA_2']
    """
    if element == NO_ATOM:
        return "EA_2"
    return "IE" if place(element)[1] in (1, 18) else "EA"


def computed_value(name: str, quantity: str, store="default") -> dict | None:
    """The value of ``quantity`` for the neutral ``name`` from the cache or shipped results.

    Returns ``None`` when no preset has it: nothing is computed here.

    Returns
    -------
    dict or None
        ``value_ev``, ``label`` (VDE, vertical EA, vertical IE or EA_2),
        ``preset`` and the task's ``kind``, ``method`` (the method's label),
        ``precomputed`` (shipped with the package).
    """
    from superatom_lab.qc.presets import get_method
    from superatom_lab.qc.tasks import TASKS, Request

    cluster = catalogue.build(name, charge=0)
    for task, options in VALUE_TASKS[quantity]:
        for preset in PRESET_ORDER:
            method = get_method(preset)
            result = Request.make(task, cluster, method, **options).cached(store)
            if result is None:
                continue
            if isinstance(result, list):  # a ladder: EA_1, EA_2
                result, label = result[1], "EA_2"
            else:
                label = TASKS[task].label
            return {
                "value_ev": float(result.value_ev),
                "label": label,
                "preset": preset,
                "kind": TASKS[task].kind,
                "method": method.label(),
                "precomputed": all(s.precomputed for s in result.states),
            }
    return None


def measured_value(name: str, quantity: str):
    """The measured value (a :class:`~superatom_lab.core.reference.ReferenceValue`) or ``None``.

    A VDE is taken when the species has no measured EA (superhalogens are
    measured by photodetachment of the anion).

    Examples
    --------
    >>> measured_value("Li3O", "IE").value_ev, measured_value("B12(CN)12", "EA_2").value_ev
    (4.54, 5.55)
    """
    if quantity == "IE":
        kinds = (("IE", "vertical", 0),)
    elif quantity == "EA_2":
        kinds = (("EA", "ladder", -1),)
    else:
        kinds = (("EA", "vertical", 0), ("EA", "vde", 0))
    for q, kind, charge in kinds:
        found = [r for r in references_for(name, q, kind, charge=charge) if r.measured]
        if found:
            return found[0]
    return None


def species_row(name: str, element: str, store="default") -> dict:
    """One line of the detail list: the species, what it mimics, computed and measured values.

    Examples
    --------
    >>> row = species_row("Li3O", "Cs")
    >>> row["quantity"], row["measured"]
    ('IE', '4.54 eV')
    """
    quantity = mimic_quantity(element)
    computed = computed_value(name, quantity, store)
    measured = measured_value(name, quantity)
    return {
        "species": name,
        "quantity": quantity,
        "mimics": catalogue.get_species(name).mimics,
        "computed": (
            f"{computed['value_ev']:.2f} eV ({computed['label']}, {computed['method']}"
            f"{', shipped' if computed['precomputed'] else ', cached'})"
            if computed
            else "not computed yet"
        ),
        "computed_ev": computed["value_ev"] if computed else None,
        "preset": computed["preset"] if computed else "standard",
        "kind": computed["kind"] if computed else ("ladder" if quantity == "EA_2" else "vertical"),
        "measured": f"{measured.value_ev:g} eV" if measured else "no measurement",
        "measured_source": measured.source if measured else "",
    }


class PeriodicModel(Model):
    """The selected element (or :data:`NO_ATOM`) and the rows of its mimics.

    Traits
    ------
    selected : str
        An element symbol or :data:`NO_ATOM`.
    rows : list of dict
        :func:`species_row` of each species placed there.
    opened : str
        The species last asked to be opened in the apps (:meth:`open`).
    """

    selected = Unicode("Cl")
    rows = List()
    opened = Unicode("")

    def __init__(self, store="default", **kwargs):
        self.store = store
        self.table = mimic_table()
        super().__init__(**kwargs)
        self.observe(self._on_selected, "selected")
        self._on_selected({"new": self.selected})

    def species_of(self, element: str) -> list[str]:
        """The species placed on ``element`` (empty for most elements)."""
        return list(self.table.get(element, []))

    def select(self, element: str) -> None:
        """Show the mimics of ``element``; an element with none shows an empty list."""
        self.selected = element

    def open(self, name: str) -> None:
        """Ask the apps to open ``name`` (observers of ``opened`` do it)."""
        catalogue.get_species(name)  # an unknown name raises here
        self.opened = ""  # a second click on the same species still notifies
        self.opened = name

    def _on_selected(self, change) -> None:
        element = change["new"]
        self.error = ""
        self.rows = [species_row(n, element, self.store) for n in self.species_of(element)]

    def summary_html(self) -> str:
        """A heading for the selected tile's list."""
        where = "no atom at all" if self.selected == NO_ATOM else self.selected
        count = len(self.rows)
        return (
            f"<b>{html.escape(where)}</b>: {count} species"
            if count
            else (f"<b>{html.escape(where)}</b>: no catalogue species mimics it")
        )
