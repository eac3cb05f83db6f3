"""What every app is made of: a model that holds the state and does the work, a view that shows it.

:class:`Model` is a ``traitlets.HasTraits`` whose module imports no widgets,
so the apps can be driven from scripts and tests.  :class:`SessionModel`
adds the one way the apps follow a shared cluster (a
:class:`~superatom_lab.apps.session.ClusterSession`).  :class:`View` is a plain
class that builds its ``ipywidgets`` the first time it is shown.

Examples
--------
>>> from traitlets import Int
>>> class Counter(Model):
...     clicks = Int(0)
>>> class CounterView(View):
...     def build(self):
...         return f"a box showing {self.model.clicks} clicks"
>>> view = CounterView(Counter(clicks=2))
>>> view.widget, view.render() is view.widget
('a box showing 2 clicks', True)
"""

from __future__ import annotations

from traitlets import Any, HasTraits, Instance, Unicode, observe, validate

from superatom_lab.apps.session import charge_text
from superatom_lab.core.cluster import Cluster


class Model(HasTraits):
    """Base of the app models: inputs and results as traits, the work in methods.

    Traits
    ------
    error : str
        One line about what went wrong (bad input, a failed calculation), else "".
    """

    error = Unicode("")


class SessionModel(Model):
    """A model that offers the cluster of a shared session beside its own choices.

    The session is anything with a ``cluster`` trait (a ``Cluster`` or
    ``None``), such as the builder's
    :class:`~superatom_lab.apps.session.ClusterSession`; its ``label``, when it
    has one, names the cluster.  Whenever the session or its cluster changes,
    :meth:`on_session_cluster` is called (also once when the model is made).

    Traits
    ------
    cluster_session : HasTraits or None
        The session followed.
    built_cluster : Cluster or None
        The session's cluster.
    built_label : str
        How a choice list names it, ``"built: <label>, <charge in words>"``;
        "" without one.

    Examples
    --------
    >>> from superatom_lab.apps.session import ClusterSession
    >>> from superatom_lab.core.catalogue import build
    >>> session = ClusterSession()
    >>> model = SessionModel(cluster_session=session)
    >>> model.built_label
    ''
    >>> session.share(build("Na8", charge=1))
    >>> model.built_label, model.built_cluster.charge
    ('built: Na8, cation (charge +1)', 1)
    """

    cluster_session = Any(None, allow_none=True)
    built_cluster = Instance(Cluster, allow_none=True)
    built_label = Unicode("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._on_session_cluster()

    @validate("cluster_session")
    def _valid_session(self, proposal):
        session = proposal["value"]
        if session is not None and not (
            isinstance(session, HasTraits) and session.has_trait("cluster")
        ):
            raise TypeError("session must be a HasTraits object with a 'cluster' trait")
        return session

    @observe("cluster_session")
    def _on_session_change(self, change) -> None:
        old, new = change["old"], change["new"]
        if old is not None:
            old.unobserve(self._on_session_cluster, "cluster")
        if new is not None:
            new.observe(self._on_session_cluster, "cluster")
        self._on_session_cluster()

    def _on_session_cluster(self, change=None) -> None:
        session = self.cluster_session
        cluster = getattr(session, "cluster", None)
        label = (getattr(session, "label", "") or cluster.name) if cluster is not None else ""
        self.on_session_cluster(cluster, label)

    def on_session_cluster(self, cluster: Cluster | None, label: str) -> None:
        """Take the session's ``cluster`` (``None`` when there is none) named ``label``.

        Sets :attr:`built_label` and :attr:`built_cluster`; an app extends it to
        switch its choices to the new cluster.
        """
        self.built_label = f"built: {label}, {charge_text(cluster.charge)}" if cluster else ""
        self.built_cluster = cluster

    def chosen_cluster(self) -> Cluster:
        """The cluster to compute: the species ``structure`` (or the built one) at ``charge``.

        For models with ``structure`` and ``charge`` traits.  A built cluster
        taken at its own charge keeps its spin.

        Raises
        ------
        InputError
            For an unknown species, or when ``structure`` is ``BUILT`` before a
            cluster was built.
        """
        from superatom_lab.apps.session import BUILT
        from superatom_lab.core import catalogue
        from superatom_lab.errors import InputError

        if self.structure != BUILT:
            return catalogue.build(self.structure, charge=self.charge)
        cluster = self.built_cluster
        if cluster is None:
            raise InputError("no built cluster: build one and press 'Use in other apps'")
        return cluster if cluster.charge == self.charge else cluster.with_charge(self.charge)

    def chosen_request(self):
        """``(cluster, method)`` of the current choices, or ``None`` with :attr:`error` set.

        For models with ``structure``, ``charge`` and ``preset`` traits.
        """
        from superatom_lab.apps.jobs import one_line
        from superatom_lab.qc.presets import get_method

        self.error = ""
        try:
            return self.chosen_cluster(), get_method(self.preset)
        except Exception as exc:  # bad input: one line, no traceback
            self.error = one_line(exc)
            return None


class View:
    """Base of the app views: ``render()`` builds the widgets once (see :meth:`build`).

    A view is made at no cost; its widgets exist from the first
    :meth:`render` (or :attr:`widget`, or display as the last expression of a
    cell) on.  It links them to :attr:`model` with ``ipw.link`` and observers.
    """

    def __init__(self, model):
        self.model = model
        self._widget = None

    def build(self):  # pragma: no cover - every view defines it
        """Make the widgets, link them to the model and return the top-level box."""
        raise NotImplementedError

    def render(self):
        """The top-level widget, built on first call."""
        if self._widget is None:
            self._widget = self.build()
        return self._widget

    @property
    def widget(self):
        """The top-level widget, built on first use."""
        return self.render()

    def _repr_mimebundle_(self, **kwargs):
        return self.render()._repr_mimebundle_(**kwargs)
