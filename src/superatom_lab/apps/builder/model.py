"""Cluster builder, the model: pick, shape or upload a cluster, modify it, count, share it.

:class:`BuilderModel` (traitlets, no widget import) rebuilds the cluster on
every change of its inputs, from one of three sources (``mode``):

* ``"catalogue"``: a named species (:func:`superatom_lab.core.catalogue.build`);
* ``"geometric"``: an ideal shape of one element (:data:`SHAPES`, made by
  :mod:`superatom_lab.core.shapes`);
* ``"file"``: the text of an uploaded .xyz file
  (:func:`~superatom_lab.core.structure_io.from_xyz_text`).

Then, in this order: a ligand swap (every terminal ``ligand_old`` atom becomes
``ligand_new``), a dopant (atom ``dopant_index`` becomes ``dopant``), the
centre (``hollow`` removes the central atom, ``centre`` puts an atom there),
and finally ``charge``, ``spin`` and ``name``.  Anything wrong ends in one line
in ``error`` and no cluster.  The electron count and the counting rules of
:mod:`superatom_lab.core.counting` follow the cluster.  :meth:`BuilderModel.share`
hands the cluster to the other apps through a
:class:`~superatom_lab.apps.session.ClusterSession`.  The view is
:class:`~superatom_lab.apps.builder.view.BuilderView`.

Examples
--------
>>> model = BuilderModel(mode="geometric", shape="icosahedron", element="Al", size=2)
>>> model.cluster.name, model.electron_count
('Al13', 39)
>>> model.charge = -1
>>> model.electron_count, model.shell_closed
(40, True)
>>> model.spin = 1  # 2S = 1 does not fit an even number of electrons
>>> model.cluster is None, model.error.startswith("Al13: 170 electrons cannot have spin 2S = 1")
(True, True)
"""

from __future__ import annotations

import re

from traitlets import Any, Bool, Enum, Float, Instance, Int, List, Unicode, observe

from superatom_lab.apps.jobs import one_line
from superatom_lab.apps.mvc import Model
from superatom_lab.apps.session import ClusterSession, charge_text
from superatom_lab.core import catalogue, edits, shapes, structure_io
from superatom_lab.core.cluster import Cluster
from superatom_lab.core.counting import count_electrons
from superatom_lab.errors import AtomsTooCloseError, InputError, StructureFileError

MODES = ("catalogue", "geometric", "file")
#: Ideal shapes and what ``size`` means for each.
SHAPES = {
    "icosahedron": "Mackay icosahedron; size = shells (2: 13 atoms, 3: 55)",
    "cuboctahedron": "fcc cuboctahedron; size = shells (2: 13 atoms, 3: 55)",
    "decahedron": "Ino decahedron; size = atoms along an edge (2: 13 atoms, 3: 55)",
    "octahedron": "fcc octahedron; size = atoms along an edge (2: 6 atoms, 3: 19)",
}
#: ``spin`` value meaning "leave 2S open: a calculation finds the ground state".
SPIN_OPEN = -1
#: Largest .xyz upload read (bytes); a cluster file is a few kB.
MAX_UPLOAD_BYTES = 1_000_000
#: Most atoms an uploaded .xyz may say it holds (line 1), checked before any atom is read:
#: the shape builders' own limit; a cluster's distance matrix grows as the square of its size.
MAX_UPLOAD_ATOMS = shapes.MAX_BUILD_ATOMS
_INPUTS = ("mode", "species", "shape", "element", "size", "lattice_constant", "xyz_data",
           "xyz_name", "ligand_old", "ligand_new", "dopant", "dopant_index", "hollow", "centre",
           "charge", "spin", "name")  # fmt: skip


def shape_cluster(shape: str, element: str, size: int, lattice_constant=None) -> Cluster:
    """An ideal cluster of one element from :mod:`~superatom_lab.core.shapes`.

    ``size`` is the number of shells (icosahedron, cuboctahedron) or atoms along
    an edge (decahedron, octahedron); see :data:`SHAPES`.

    Examples
    --------
    >>> [shape_cluster(s, "Au", 2).n_atoms for s in SHAPES]
    [13, 13, 13, 6]
    """
    if shape == "icosahedron":
        return shapes.icosahedron(element, size, lattice_constant)
    if shape == "cuboctahedron":
        return shapes.octahedron(element, 2 * size - 1, size - 1, lattice_constant)
    if shape == "decahedron":
        return shapes.decahedron(element, size, size, 0, lattice_constant)
    if shape == "octahedron":
        return shapes.octahedron(element, size, 0, lattice_constant)
    raise InputError(f"unknown shape {shape!r}: use one of {', '.join(SHAPES)}")


def clean_file_name(name) -> str:
    """An uploaded file's name as messages and labels show it: its last part, on one line.

    A browser sends the name the visitor gave; whatever folders or line breaks it
    holds never reach a message.

    Parameters
    ----------
    name : str or None
        The name sent with the upload.

    Returns
    -------
    str
        At most 80 printable characters; "uploaded.xyz" when nothing is left.

    Examples
    --------
    >>> clean_file_name("../../etc/passwd"), clean_file_name("C:\\\\Users\\\\me\\\\Al13.xyz")
    ('passwd', 'Al13.xyz')
    >>> clean_file_name("a\\nb.xyz"), clean_file_name(None)
    ('a b.xyz', 'uploaded.xyz')
    """
    last = re.split(r"[/\\]", "" if name is None else str(name))[-1]
    shown = " ".join("".join(c if c.isprintable() else " " for c in last).split())
    return shown[:80] or "uploaded.xyz"


def rules_text(results) -> tuple[str, bool]:
    """Lines about the counting rules that apply, and whether any of them is met.

    The last line is the verdict: "closed shell: yes, by the ... rule" when a rule
    that applies is met.  Otherwise it says only that no rule that applies is met,
    not that the shell is open: the rules are guides, and a closed shell no rule
    describes (neutral C60) is still closed.

    Examples
    --------
    >>> from superatom_lab.core.catalogue import build
    >>> text, closed = rules_text(count_electrons(build("Al13", charge=-1)))
    >>> print(text)  # doctest: +ELLIPSIS
    jellium (40 e): closed shell: 40 electrons fill 1S2 1P6 1D10 2S2 1F14 2P6 [met]
    hirsch (40 e): 40 delocalised electrons: not 2(n+1)^2 ... [not met]
    closed shell: yes, by the jellium rule
    """
    applied = [r for r in results if r.applies]
    if not applied:
        return "no counting rule applies to this cluster; closed shell: unknown", False
    lines = [
        f"{r.rule} ({r.count} e): {r.prediction} [{'met' if r.satisfied else 'not met'}]"
        for r in applied
    ]
    met = [r.rule for r in applied if r.satisfied]
    s = "s" if len(met) > 1 else ""
    lines.append(
        f"closed shell: yes, by the {' and '.join(met)} rule{s}"
        if met
        else "closed shell: no rule that applies is met"
    )
    return "\n".join(lines), bool(met)


class BuilderModel(Model):
    """Inputs, the built cluster and its electron counts.

    Traits
    ------
    mode : {"catalogue", "geometric", "file"}
        Where the cluster starts from.
    species : str
        Catalogue name (mode "catalogue").
    shape, element, size, lattice_constant
        Ideal shape (mode "geometric"); ``lattice_constant`` 0 means the
        element's own (:func:`~superatom_lab.core.shapes.default_lattice_constant`).
    xyz_data, xyz_name
        Content (text or bytes) and file name of an uploaded .xyz (mode "file");
        set both with :meth:`load_xyz`.
    ligand_old, ligand_new
        Ligand swap: every terminal ``ligand_old`` atom becomes the group
        ``ligand_new`` (a name in ``edits.LIGANDS``); "" for no swap.
    dopant, dopant_index
        Substitution: atom ``dopant_index`` (from 0) becomes ``dopant``; "" for none.
    hollow, centre
        ``hollow`` removes the central atom; ``centre`` (a symbol, or "") puts
        that atom at the centre, replacing the central atom if there is one.
    charge, spin, name
        Total charge, ``2S`` (:data:`SPIN_OPEN` leaves it open) and a label
        ("" for the built name).
    cluster : Cluster or None
        The result; ``None`` when the input is bad or no file is uploaded yet.
    error : str
        One line on what is wrong, else "".
    electron_count : int
        Valence electrons of the charged cluster (0 without one).
    rules : list of RuleResult
        Every counting rule's verdict; ``rules_summary`` has those that apply,
        one per line, and a last line on whether the shell is closed.
    shell_closed : bool
        Whether an applicable rule is met.
    summary, description : str
        One line on the cluster; the catalogue entry (mode "catalogue").
    session : ClusterSession
        Where :meth:`share` puts the cluster; ``shared`` says what was shared.

    Examples
    --------
    >>> m = BuilderModel(species="B12H12", charge=-2)
    >>> m.rules_summary.splitlines()[-1]
    'closed shell: yes, by the wade rule'
    >>> m.ligand_new = "CN"
    >>> m.cluster.name, m.cluster.charge
    ('B12(CN)12', -2)
    """

    mode = Enum(MODES, default_value="catalogue")
    species = Unicode("Al13")
    shape = Enum(list(SHAPES), default_value="icosahedron")
    element = Unicode("Al")
    size = Int(2)
    lattice_constant = Float(0.0)
    xyz_data = Any(None, allow_none=True)
    xyz_name = Unicode("")
    ligand_old = Unicode("H")
    ligand_new = Unicode("")
    dopant = Unicode("")
    dopant_index = Int(0)
    hollow = Bool(False)
    centre = Unicode("")
    charge = Int(0)
    spin = Int(SPIN_OPEN)
    name = Unicode("")

    cluster = Instance(Cluster, allow_none=True)
    electron_count = Int(0)
    rules = List()
    rules_summary = Unicode("")
    shell_closed = Bool(False)
    summary = Unicode("")
    description = Unicode("")
    session = Instance(ClusterSession)
    shared = Unicode("")

    def __init__(self, session: ClusterSession | None = None, **kwargs):
        session = session if session is not None else ClusterSession()
        super().__init__(session=session, **kwargs)
        self.update()

    @observe(*_INPUTS)
    def _on_input_change(self, change) -> None:
        self.update()

    def load_xyz(self, content, file_name: str = "uploaded.xyz") -> None:
        """Take an uploaded .xyz file (text or bytes) and switch to mode "file"."""
        with self.hold_trait_notifications():
            self.xyz_name = clean_file_name(file_name)
            self.xyz_data = bytes(content) if isinstance(content, memoryview) else content
            self.mode = "file"

    def update(self) -> None:
        """Rebuild the cluster and its counts from the inputs (called on every change)."""
        self.description = self._description()
        try:
            cluster = self._build()
            results = count_electrons(cluster) if cluster is not None else []
        except Exception as exc:  # every failure is one line in the app, never a traceback
            cluster, results, error = None, [], one_line(exc)
        else:
            error = ""
        text, closed = rules_text(results) if cluster is not None else ("", False)
        with self.hold_trait_notifications():
            self.error = error
            self.rules, self.rules_summary, self.shell_closed = results, text, closed
            self.electron_count = cluster.n_valence_electrons if cluster is not None else 0
            self.summary = self._summary(cluster)
            self.cluster = cluster

    def share(self) -> bool:
        """Hand the cluster to the other apps (through ``session``); False if there is none."""
        if self.cluster is None:
            self.shared = "nothing to share: build a cluster first"
            return False
        self.session.share(self.cluster)
        self.shared = (
            f"shared {self.cluster.name} ({charge_text(self.cluster.charge)}): "
            f"choose 'built: {self.cluster.name}' in the electron-affinity explorer"
        )
        return True

    # --- internals ----------------------------------------------------------------------
    def _base(self) -> Cluster | None:
        if self.mode == "catalogue":
            return catalogue.build(self.species)
        if self.mode == "geometric":
            a = self.lattice_constant if self.lattice_constant > 0 else None
            return shape_cluster(self.shape, self.element.strip(), self.size, a)
        if self.xyz_data is None:
            return None
        name = clean_file_name(self.xyz_name)
        data = self.xyz_data
        if not isinstance(data, (str, bytes, bytearray)):
            raise StructureFileError(f"{name}: expected the text of an .xyz file")
        size = len(data.encode("utf-8", "replace")) if isinstance(data, str) else len(data)
        if size > MAX_UPLOAD_BYTES:
            raise StructureFileError(
                f"{name}: {size} bytes is too large for a cluster .xyz file "
                f"(at most {MAX_UPLOAD_BYTES})"
            )
        data = bytes(data) if isinstance(data, bytearray) else data
        return structure_io.from_xyz_text(data, name=name.removesuffix(".xyz"), source=name,
                                          max_atoms=MAX_UPLOAD_ATOMS)  # fmt: skip

    def _build(self) -> Cluster | None:
        cluster = self._base()
        if cluster is None:
            return None
        if self.ligand_new.strip():
            cluster = edits.replace_ligands(
                cluster, self.ligand_old.strip(), self.ligand_new.strip()
            )
        if self.dopant.strip():
            cluster = edits.substitute(cluster, self.dopant_index, self.dopant.strip())
        if self.hollow:
            cluster = edits.remove_center(cluster)
        if self.centre.strip():
            try:
                cluster = edits.endohedral(self.centre.strip(), cluster)
            except AtomsTooCloseError:  # an atom sits at the centre: the new one replaces it
                cluster = edits.endohedral(self.centre.strip(), edits.remove_center(cluster))
        spin = None if self.spin == SPIN_OPEN else self.spin
        name = " ".join(self.name.split()) or cluster.name  # a label is one line
        try:
            return Cluster(cluster.atoms, charge=self.charge, spin=spin, name=name)
        except InputError as exc:
            raise type(exc)(f"{name}: {exc}") from None

    def _summary(self, cluster: Cluster | None) -> str:
        if cluster is None:
            if self.mode == "file" and self.xyz_data is None and not self.error:
                return "upload an .xyz file: atom count, comment, then 'symbol x y z' in Angstrom"
            return ""
        spin = "open (ground state searched)" if cluster.spin is None else str(cluster.spin)
        title = cluster.name if cluster.name == cluster.formula else (
            f"{cluster.name} ({cluster.formula})")  # fmt: skip
        return (
            f"{title}: {cluster.n_atoms} atoms, "
            f"{charge_text(cluster.charge)}, 2S {spin}; {cluster.n_valence_electrons} valence "
            f"electrons ({cluster.n_electrons} in all); {cluster.radius_text}"
        )

    def _description(self) -> str:
        if self.mode == "geometric":
            return SHAPES.get(self.shape, "")
        if self.mode != "catalogue":
            return ""
        try:
            s = catalogue.get_species(self.species)
        except InputError:
            return ""
        return (
            f"{s.category}: {s.description} Mimics {s.mimics} "
            f"(characteristic charge {s.charge:+d})."
        )
