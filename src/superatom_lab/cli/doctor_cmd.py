"""``superatom doctor``: installed versions and the widget front-end check.

A blank nglview canvas or "Failed to load model class" in the browser comes
from a Python side and a JupyterLab extension that disagree, and Python never
says so.  ``superatom doctor`` prints the versions that matter and the
findings of :func:`superatom_lab.viz.version_check`; it exits 0 when every
finding is ok and 1, with one ``fix: ...`` line per problem, otherwise.

The lab extensions are looked up where JupyterLab looks for them, so a stale
copy earlier in ``$JUPYTER_PATH`` is found as JupyterLab would find it.

Examples
--------
>>> report = doctor_report()
>>> {"python", "pyscf", "nglview", "nglview front-end module", "voila"} <= set(report["versions"])
True
"""

from __future__ import annotations

import json
import platform

#: Distributions whose versions are reported, in print order.
DISTRIBUTIONS = (
    "pyscf",
    "numpy",
    "ase",
    "ipywidgets",
    "jupyterlab_widgets",
    "nglview",
    "jupyterlab",
    "voila",
)


def add_parser(sub) -> None:
    """Register the ``doctor`` subcommand."""
    p = sub.add_parser(
        "doctor",
        help="check the installed versions and the widget front ends",
        description="Print the versions of Python, PySCF and the Jupyter widget stack, and "
        "check that nglview's and ipywidgets' Python sides match the JupyterLab extensions "
        "that will load. Exit status 1, with a fix per problem, when they do not.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")


def installed_versions() -> dict[str, str | None]:
    """Version of each package that matters (``None`` when it is not installed).

    Read from package metadata and ``package.json`` files only: nothing is imported.

    Examples
    --------
    >>> installed_versions()["python"] == platform.python_version()
    True
    """
    v = _versions()
    found = {"python": platform.python_version()}
    for name in DISTRIBUTIONS:
        found[name] = v._version(name)
        if name == "nglview":
            found["nglview front-end module"] = v._nglview_frontend_version()
            copies = v.installed_labextensions(v.NGLVIEW_EXTENSION)
            found[f"{v.NGLVIEW_EXTENSION} lab extension"] = copies[0][0] if copies else None
    return found


def _versions():
    """``superatom_lab.viz.versions``, imported without its own mismatch warnings.

    The doctor reports each mismatch with its fix itself; the warnings the viz
    package issues at import would say the same twice.
    """
    import warnings

    from superatom_lab.errors import FrontEndMismatchWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FrontEndMismatchWarning)
        from superatom_lab.viz import versions
    return versions


def doctor_report() -> dict:
    """Versions and findings as one JSON-ready dict; ``ok`` is true when all findings are.

    Examples
    --------
    >>> sorted(doctor_report())
    ['findings', 'ok', 'versions']
    """
    version_check = _versions().version_check
    findings = [
        {
            "name": f.name,
            "python_side": f.python_side,
            "front_end": f.front_end,
            "ok": f.ok,
            "fix": f.fix,
        }
        for f in version_check()
    ]
    return {
        "ok": all(f["ok"] for f in findings),
        "versions": installed_versions(),
        "findings": findings,
    }


def doctor_text(report: dict) -> str:
    """The plain-text report of ``superatom doctor``.

    Examples
    --------
    >>> report = {"ok": False, "versions": {"python": "3.12.0"}, "findings": [
    ...     {"name": "x", "python_side": "a 1", "front_end": "b 2", "ok": False, "fix": "do y"}]}
    >>> print(doctor_text(report))  # doctest: +NORMALIZE_WHITESPACE
    versions
      python  3.12.0
    checks
      PROBLEM  x: a 1 | front end: b 2
               fix: do y
    1 problem found
    """
    versions = report["versions"]
    width = max(len(name) for name in versions)
    lines = ["versions"]
    lines += [f"  {name:<{width}}  {ver or 'not installed'}" for name, ver in versions.items()]
    lines.append("checks")
    for f in report["findings"]:
        status = "ok" if f["ok"] else "PROBLEM"
        lines.append(
            f"  {status:<7}  {f['name']}: {f['python_side']} | front end: {f['front_end']}"
        )
        if not f["ok"]:
            lines.append(f"           fix: {f['fix']}")
    problems = sum(not f["ok"] for f in report["findings"])
    if problems:
        lines.append(f"{problems} problem{'s' if problems > 1 else ''} found")
    else:
        lines.append("all checks passed")
    return "\n".join(lines)


def run(args) -> int:
    """Run ``superatom doctor``: 0 when every check passes, 1 otherwise."""
    report = doctor_report()
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(doctor_text(report))
    return 0 if report["ok"] else 1
