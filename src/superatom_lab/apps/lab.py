"""All four apps on one page, in tabs, sharing one cluster: the dashboards' index page.

The cluster builder, the electron-affinity explorer, the orbital explorer and
the jellium playground share a :class:`~superatom_lab.apps.session.ClusterSession`,
so a cluster built in the first tab can be computed in the next two.  They
also share one kernel: a calculation runs in a worker process, so the jellium
sliders answer while it runs.

Examples
--------
>>> view = LabView()
>>> view.titles
('Cluster builder', 'Electron affinity', 'Orbitals', 'Jellium')
>>> view.ea.model.cluster_session is view.session is view.builder.session
True
"""

from __future__ import annotations

from superatom_lab.apps.builder.view import BuilderView
from superatom_lab.apps.ea.view import EAView
from superatom_lab.apps.jellium.view import JelliumView
from superatom_lab.apps.mvc import View
from superatom_lab.apps.orbitals.view import OrbitalView
from superatom_lab.apps.session import ClusterSession


def nglviews(widget) -> list:
    """The nglview widgets inside ``widget`` (searched through ``children``).

    Examples
    --------
    >>> import ipywidgets as ipw
    >>> nglviews(ipw.VBox([ipw.HTML("no 3D here")]))
    []
    """
    found = []
    if type(widget).__name__ == "NGLWidget":
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found.extend(nglviews(child))
    return found


class LabView(View):
    """One ``Tab`` with the four apps, sharing ``session``.

    Parameters
    ----------
    session : ClusterSession, optional
        A new, empty session when omitted.
    """

    titles = ("Cluster builder", "Electron affinity", "Orbitals", "Jellium")
    #: CSS class of each app's box (``superatom-app-<key>``), for styling and browser tests.
    keys = ("builder", "ea", "orbitals", "jellium")

    def __init__(self, session: ClusterSession | None = None):
        super().__init__(model=None)  # the apps' models are the lab's state
        self.session = session if session is not None else ClusterSession()
        self.builder = BuilderView(session=self.session)
        self.ea = EAView(session=self.session)
        self.orbitals = OrbitalView(session=self.session)
        self.jellium = JelliumView()

    def build(self):
        """Make the tabs and return the ``Tab`` widget."""
        import ipywidgets as ipw

        apps = (self.builder, self.ea, self.orbitals, self.jellium)
        for app, key in zip(apps, self.keys):
            app.widget.add_class(f"superatom-app-{key}")
        tabs = ipw.Tab(children=[app.widget for app in apps])
        tabs.titles = self.titles
        tabs.observe(self._on_tab, "selected_index")
        return tabs

    def _on_tab(self, change) -> None:
        # a 3D view created in a hidden tab has no size yet: redraw it when its tab opens
        from superatom_lab.viz.scenes import refresh_view

        index = change["new"]
        if index is None:
            return
        for view in nglviews(self._widget.children[index]):
            refresh_view(view)
