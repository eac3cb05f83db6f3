"""Do the widget packages' Python sides match the JupyterLab extensions installed?

A mismatch gives a blank view or "Failed to load model class" in the browser
with no error in Python (nglview issues 1172, 1182; nglview 4.0.1 asks for a
front end 4.0 but installs 3.1.5).  :func:`version_check` reads version
numbers from package metadata and ``package.json`` files only: it imports
neither nglview nor ipywidgets and takes milliseconds.

Examples
--------
>>> findings = version_check()
>>> {f.name for f in findings} >= {"nglview front end", "ipywidgets / jupyterlab_widgets"}
True
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path

NGLVIEW_EXTENSION = "nglview-js-widgets"
WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
#: ipywidgets major version -> the major version of the lab widget manager it needs.
WIDGET_MANAGER_MAJOR = {7: 3, 8: 5}
NGLVIEW_FIX = (
    "pip install 'nglview==4.0' (its Python side asks for front end 3.1.5 and it ships "
    "lab extension 3.1.5), then restart JupyterLab or Voila and reload the page"
)


@dataclass(frozen=True)
class Finding:
    """One compared pair: what the Python side expects and what the front end has."""

    name: str
    python_side: str
    front_end: str
    ok: bool
    fix: str = ""


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def labextension_paths() -> list[Path]:
    """Folders JupyterLab searches for prebuilt extensions, first one winning.

    Examples
    --------
    >>> Path(sys.prefix, "share", "jupyter", "labextensions") in labextension_paths()
    True
    """
    try:
        from jupyter_core.paths import jupyter_path

        paths = [Path(p) for p in jupyter_path("labextensions")]
    except ImportError:  # pragma: no cover - jupyter_core comes with every Jupyter install
        paths = []
    own = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
    return paths if own in paths else [*paths, own]


def installed_labextensions(name: str, paths=None) -> list[tuple[str, Path]]:
    """``(version, package.json path)`` of every copy of extension ``name``, in search order.

    Examples
    --------
    >>> installed_labextensions("no-such-extension")
    []
    """
    found = []
    for folder in labextension_paths() if paths is None else paths:
        package = Path(folder) / name / "package.json"
        if package.is_file():
            try:
                found.append((str(json.loads(package.read_text())["version"]), package))
            except (OSError, ValueError, KeyError):
                found.append(("unreadable", package))
    return found


def satisfies(version: str, wanted: str) -> bool:
    """Whether ``version`` meets a widget module version as the front end reads it.

    ``"3.1.5"`` means exactly 3.1.5, ``"4.0"`` any 4.0.x, ``"^2.0.0"`` any 2.x,
    ``"~1.2.0"`` any 1.2.x (npm semver, as the widget manager applies it).

    Examples
    --------
    >>> satisfies("3.1.5", "3.1.5"), satisfies("3.1.5", "4.0"), satisfies("2.3.1", "^2.0.0")
    (True, False, True)
    """
    nums = [int(x) for x in re.findall(r"\d+", version.split("-")[0])[:3]]
    wanted = wanted.strip()
    if wanted[:1] in "^~":
        want = [int(x) for x in re.findall(r"\d+", wanted)[:3]]
        keep = 1 if wanted[0] == "^" and want[0] > 0 else 2
        return nums[:keep] == want[:keep] and nums >= want
    want = [int(x) for x in re.findall(r"\d+", wanted)[:3]]
    return nums[: len(want)] == want


def _nglview_frontend_version() -> str | None:
    """``__frontend_version__`` from nglview/_frontend.py, read as text (no import)."""
    spec = util.find_spec("nglview")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        source = Path(folder) / "_frontend.py"
        if source.is_file():
            match = re.search(r"__frontend_version__\s*=\s*['\"]([^'\"]+)", source.read_text())
            if match:
                return match.group(1)
    return None


def _copies(found) -> str:
    return "; ".join(f"{v} at {p.parent}" for v, p in found)


def check_nglview() -> Finding:
    """nglview's expected front-end module version against the lab extension that loads.

    Examples
    --------
    >>> check_nglview().name
    'nglview front end'
    """
    name = "nglview front end"
    version = _version("nglview")
    if version is None:
        return Finding(name, "nglview not installed", "-", False, NGLVIEW_FIX)
    wanted = _nglview_frontend_version() or "unknown"
    python_side = f"nglview {version} asks for {NGLVIEW_EXTENSION} {wanted}"
    found = installed_labextensions(NGLVIEW_EXTENSION)
    if not found:
        return Finding(name, python_side, "lab extension not installed", False, NGLVIEW_FIX)
    loaded, path = found[0]
    front = f"{NGLVIEW_EXTENSION} {loaded} ({path.parent})"
    if len({v for v, _ in found}) > 1:
        front += f"; other copies: {_copies(found[1:])}"
    if wanted == "unknown" or loaded == "unreadable" or not satisfies(loaded, wanted):
        fix = NGLVIEW_FIX
        if len(found) > 1 and any(v != loaded for v, _ in found):
            fix = f"remove the stale copy {path.parent} (it hides the others), or " + fix
        return Finding(name, python_side, front, False, fix)
    return Finding(name, python_side, front, True)


def check_widgets() -> list[Finding]:
    """ipywidgets against jupyterlab_widgets, and against the lab widget manager.

    Examples
    --------
    >>> [f.name for f in check_widgets()]
    ['ipywidgets / jupyterlab_widgets', 'widget manager lab extension']
    """
    version = _version("ipywidgets")
    if version is None:
        fix = "pip install 'ipywidgets>=8.1,<9'"
        return [Finding("ipywidgets / jupyterlab_widgets", "ipywidgets not installed", "-",
                        False, fix)]  # fmt: skip
    findings = []
    lab_widgets = _version("jupyterlab_widgets")
    needs = [
        r for r in (metadata.requires("ipywidgets") or [])
        if re.match(r"jupyterlab[_-]widgets", r, re.I) and "extra ==" not in r
    ]  # fmt: skip
    spec = re.sub(r"^jupyterlab[_-]widgets\s*", "", needs[0], flags=re.I) if needs else ""
    python_side = f"ipywidgets {version} needs jupyterlab_widgets {spec or '(any)'}"
    if lab_widgets is None:
        ok, front = False, "jupyterlab_widgets not installed"
    else:
        front = f"jupyterlab_widgets {lab_widgets}"
        try:
            from packaging.specifiers import SpecifierSet

            ok = not spec or lab_widgets in SpecifierSet(spec.split(";")[0].strip())
        except ImportError:  # pragma: no cover - packaging comes with pip and Jupyter
            ok = True
    fix = "" if ok else f"pip install 'ipywidgets=={version}' 'jupyterlab_widgets{spec}'"
    findings.append(Finding("ipywidgets / jupyterlab_widgets", python_side, front, ok, fix))

    major = int(version.split(".")[0])
    wanted = WIDGET_MANAGER_MAJOR.get(major)
    found = installed_labextensions(WIDGETS_EXTENSION)
    python_side = f"ipywidgets {version} needs {WIDGETS_EXTENSION} {wanted or '?'}.x"
    if not found:
        fix = "pip install --force-reinstall jupyterlab_widgets"
        findings.append(
            Finding("widget manager lab extension", python_side, "not installed", False, fix)
        )
        return findings
    loaded, path = found[0]
    ok = wanted is None or satisfies(loaded, str(wanted))
    fix = "" if ok else "pip install --force-reinstall jupyterlab_widgets, then restart JupyterLab"
    findings.append(Finding("widget manager lab extension", python_side,
                            f"{WIDGETS_EXTENSION} {loaded} ({path.parent})", ok, fix))  # fmt: skip
    return findings


def version_check() -> list[Finding]:
    """Compare the widget packages' Python sides with the installed lab extensions.

    Returns
    -------
    list of Finding
        ``name``, ``python_side`` (what Python expects), ``front_end`` (what
        JupyterLab will load), ``ok`` and a ``fix`` to run when not ok.

    Examples
    --------
    >>> [f.name for f in version_check()]
    ['nglview front end', 'ipywidgets / jupyterlab_widgets', 'widget manager lab extension']
    """
    return [check_nglview(), *check_widgets()]


def warn_if_mismatched(findings: list[Finding] | None = None) -> list[Finding]:
    """Warn (:class:`~superatom_lab.errors.FrontEndMismatchWarning`) for every mismatch.

    Called when :mod:`superatom_lab.viz` is imported, so a notebook shows the
    problem and its fix before a 3D view stays blank.  A check that cannot run
    warns too: it never fails silently.

    Returns
    -------
    list of Finding
        The findings that are not ok.

    Examples
    --------
    >>> warn_if_mismatched([Finding("demo", "1.0", "1.0", True)])
    []
    """
    from superatom_lab.errors import FrontEndMismatchWarning

    try:
        findings = version_check() if findings is None else findings
    except Exception as exc:  # a broken metadata file must not break the import
        warnings.warn(f"the widget version check could not run ({exc}); run `superatom doctor`",
                      FrontEndMismatchWarning, stacklevel=2)  # fmt: skip
        return []
    bad = [f for f in findings if not f.ok]
    for f in bad:
        warnings.warn(
            f"{f.name}: the Python side wants {f.python_side} but the front end is "
            f"{f.front_end}; 3D views may stay blank. Fix: {f.fix} (details: superatom doctor)",
            FrontEndMismatchWarning,
            stacklevel=2,
        )
    return bad
