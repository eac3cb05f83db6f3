"""Periodic table of superatoms, the view: element tiles, the selected tile's list, the apps below.

Every element of periods 1-6 is a tile (:data:`~superatom_lab.core.periodic_table.TABLE`);
a tile with mimics is coloured and names them.  The tile "no atom at all" sits
under the table.  Clicking a tile lists its species
with their computed and measured values; each has an *Open* button that puts
the species into the electron-affinity and orbital explorers of the
:class:`~superatom_lab.apps.lab.LabView` under the table, and shows its value
there at once when it is cached or shipped.

Examples
--------
>>> view = PeriodicView(lab=None)
>>> box = view.render()
>>> cl = view.tile_buttons["Cl"]
>>> cl.description, "superatom-tile-mimic" in cl._dom_classes
('Cl', True)
"""

from __future__ import annotations

import html

from superatom_lab.apps.mvc import View
from superatom_lab.apps.periodic.model import PeriodicModel
from superatom_lab.core.catalogue import NO_ATOM
from superatom_lab.core.periodic_table import TABLE

#: How many species a tile names before "+n more".
TILE_NAMES = 3
MIMIC_COLOUR = "#ffe0a3"
PLAIN_COLOUR = "#eeeeee"


def tile_names_html(names: list[str]) -> str:
    """The species a tile names, smaller, with "+n more" past :data:`TILE_NAMES`.

    Examples
    --------
    >>> tile_names_html(["Li3O", "Li2F"])
    "<div style='font-size:10px;line-height:1.1'>Li3O<br>Li2F</div>"
    >>> "+2 more" in tile_names_html(["a", "b", "c", "d", "e"])
    True
    """
    shown = [html.escape(n) for n in names[:TILE_NAMES]]
    if len(names) > TILE_NAMES:
        shown.append(f"+{len(names) - TILE_NAMES} more")
    return f"<div style='font-size:10px;line-height:1.1'>{'<br>'.join(shown)}</div>"


def row_html(row: dict) -> str:
    """One species of the list: computed and measured value, and what it mimics."""
    source = f" <small>({html.escape(row['measured_source'])})</small>" if row[
        "measured_source"] else ""  # fmt: skip
    computed = row["computed"] if row["computed_ev"] is None else f"computed {row['computed']}"
    return (
        f"<b>{html.escape(row['species'])}</b> {html.escape(row['quantity'])}: "
        f"{html.escape(computed)}; measured {html.escape(row['measured'])}{source}"
        f"<br><small>{html.escape(row['mimics'])}</small>"
    )


class PeriodicView(View):
    """The table, the selected tile's species, and (with ``lab``) the apps to open them in.

    Parameters
    ----------
    model : PeriodicModel, optional
    lab : LabView, None or "new"
        The apps a species opens in; ``"new"`` (default) makes a
        :class:`~superatom_lab.apps.lab.LabView`, ``None`` shows none.
    """

    def __init__(self, model: PeriodicModel | None = None, lab="new"):
        super().__init__(model if model is not None else PeriodicModel())
        if lab == "new":
            from superatom_lab.apps.lab import LabView

            lab = LabView()
        self.lab = lab
        self.tile_buttons: dict = {}
        self.open_buttons: dict = {}

    def build(self):
        import ipywidgets as ipw

        places = {(period, group): symbol for symbol, period, group in TABLE}
        periods = max(period for _, period, _ in TABLE)
        cells = [  # in reading order: the grid places them itself, an empty cell in each gap
            self._tile(places[(p, g)]) if (p, g) in places else ipw.HTML("")
            for p in range(1, periods + 1)
            for g in range(1, 19)
        ]
        grid = ipw.GridBox(
            cells,
            layout=ipw.Layout(
                grid_template_columns="repeat(18, minmax(58px, 1fr))",
                grid_gap="2px",
                overflow="auto",
            ),
        )
        grid.add_class("superatom-periodic-table")
        self._heading = ipw.HTML()
        self._list = ipw.VBox()
        self._list.add_class("superatom-periodic-list")
        self.model.observe(lambda _: self._show_rows(), "rows")
        self.model.observe(self._on_opened, "opened")
        self._show_rows()
        intro = ipw.HTML(
            "<b>Periodic table of superatoms.</b> A coloured tile lists the catalogue species "
            "that behave like its element. Click a tile for their computed and measured "
            "values; <i>Open</i> puts a species into the apps below."
        )
        no_atom = self._tile(NO_ATOM, label="no atom at all", wide=True)
        parts = [intro, grid, no_atom, self._heading, self._list]
        if self.lab is not None:
            parts.append(self.lab.widget)
        return ipw.VBox(parts)

    def _tile(self, element: str, label: str | None = None, wide: bool = False):
        import ipywidgets as ipw

        names = self.model.species_of(element)
        button = ipw.Button(
            description=label or element,
            tooltip=", ".join(names) if names else f"no catalogue species mimics {element}",
            layout=ipw.Layout(width="140px" if wide else "auto", height="26px"),
        )
        button.style.button_color = MIMIC_COLOUR if names else PLAIN_COLOUR
        button.add_class("superatom-tile-mimic" if names else "superatom-tile")
        button.on_click(lambda _: self.model.select(element))
        self.tile_buttons[element] = button
        children = [button, ipw.HTML(tile_names_html(names))] if names else [button]
        return (ipw.HBox if wide else ipw.VBox)(children)

    def _show_rows(self) -> None:
        import ipywidgets as ipw

        self._heading.value = self.model.summary_html()
        lines, self.open_buttons = [], {}
        for row in self.model.rows:
            name = row["species"]
            button = ipw.Button(description=f"Open {name}", layout=ipw.Layout(width="150px"))
            button.add_class("superatom-open-species")
            button.on_click(lambda _, n=name: self.model.open(n))
            self.open_buttons[name] = button
            lines.append(ipw.HBox([button, ipw.HTML(row_html(row))]))
        self._list.children = lines

    def _on_opened(self, change) -> None:
        name = change["new"]
        if not name or self.lab is None:
            return
        row = next(r for r in self.model.rows if r["species"] == name)
        ea = self.lab.ea.model
        ea.structure = name  # sets the property (EA or IE) the species is catalogued for
        ea.preset, ea.charge, ea.kind = row["preset"], 0, row["kind"]
        self.lab.orbitals.model.structure = name
        self.lab.widget.selected_index = self.lab.titles.index("Electron affinity")
        if row["computed_ev"] is not None:
            ea.compute()  # cached or shipped: shown at once, no calculation
