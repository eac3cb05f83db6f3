"""Every docstring example in the package runs and shows what it says it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import superatom_lab

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(superatom_lab.__path__, "superatom_lab.")
)


def test_every_module_is_collected():
    assert "superatom_lab.qc.scf" in MODULES and "superatom_lab.core.jellium" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
