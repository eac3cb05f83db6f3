"""A cluster shared between apps: the cluster builder writes it, the other apps offer it.

:class:`ClusterSession` is a plain traitlets object (no widget import).  Give
the same session to a :class:`~superatom_lab.apps.builder.model.BuilderModel`
and to the models that follow it (:class:`~superatom_lab.apps.mvc.SessionModel`:
the electron-affinity and orbital explorers): the builder's "Use in other apps"
puts its cluster here and the explorers offer it as "built: <label>" (the choice
:data:`BUILT`) beside the catalogue species.

Examples
--------
>>> from superatom_lab.core.shapes import icosahedron
>>> session = ClusterSession()
>>> session.share(icosahedron("Al").with_charge(-1))
>>> session.label, session.cluster.n_valence_electrons
('Al13', 40)
>>> charge_text(session.cluster.charge)
'anion (charge -1)'
"""

from __future__ import annotations

from traitlets import HasTraits, Instance, Unicode

from superatom_lab.core.cluster import Cluster

#: The choice value that stands for the session's cluster in the apps' species lists.
BUILT = "built"

_ION_NAMES = {-1: "anion", 1: "cation", -2: "dianion", 2: "dication"}


def charge_text(charge: int) -> str:
    """The charge in words: ``"neutral"``, ``"anion (charge -1)"``, ``"cation (charge +1)"``.

    Examples
    --------
    >>> [charge_text(q) for q in (0, -1, 2, -3)]
    ['neutral', 'anion (charge -1)', 'dication (charge +2)', 'anion (charge -3)']
    """
    if charge == 0:
        return "neutral"
    name = _ION_NAMES.get(charge, "anion" if charge < 0 else "cation")
    return f"{name} (charge {charge:+d})"


class ClusterSession(HasTraits):
    """The cluster handed from the builder to the other apps.

    Traits
    ------
    cluster : Cluster or None
        The shared cluster (with its charge and spin); ``None`` until one is shared.
    label : str
        How the apps name it, the cluster's name unless another is given.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> s = ClusterSession()
    >>> s.share(build("BF4"), label="my BF4")
    >>> s.label, s.cluster.formula
    ('my BF4', 'BF4')
    >>> s.clear(); s.cluster is None
    True
    """

    cluster = Instance(Cluster, allow_none=True)
    label = Unicode("")

    def share(self, cluster: Cluster, label: str | None = None) -> None:
        """Put ``cluster`` in the session (observers see label and cluster change together)."""
        if not isinstance(cluster, Cluster):
            raise TypeError(f"a ClusterSession holds a Cluster, got {type(cluster).__name__}")
        with self.hold_trait_notifications():
            self.label = label or cluster.name
            self.cluster = cluster

    def clear(self) -> None:
        """Empty the session."""
        with self.hold_trait_notifications():
            self.cluster = None
            self.label = ""
