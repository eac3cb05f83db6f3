"""Small helpers shared by several test folders (moved out of the package: only tests used them)."""

from __future__ import annotations

from pathlib import Path


def cache_files(root) -> list[Path]:
    """Every file under a cache folder, sorted: ``[]`` means nothing was stored."""
    return sorted(p for p in Path(root).rglob("*") if p.is_file())
