"""Shared test settings: an empty result cache per test session, and an artefact folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Point SUPERATOM_LAB_CACHE at a fresh folder so tests never read a user's cache."""
    path = tmp_path_factory.mktemp("cache")
    old = os.environ.get("SUPERATOM_LAB_CACHE")
    os.environ["SUPERATOM_LAB_CACHE"] = str(path)
    yield path
    if old is None:
        os.environ.pop("SUPERATOM_LAB_CACHE", None)
    else:
        os.environ["SUPERATOM_LAB_CACHE"] = old


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and other files a person should look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
