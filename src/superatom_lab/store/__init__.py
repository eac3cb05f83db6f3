"""Content-addressed result cache, checked on every read (no PySCF, no Jupyter).

Examples
--------
>>> import tempfile
>>> from superatom_lab.store import ResultStore
>>> store = ResultStore(tempfile.mkdtemp())
>>> store.get("0" * 64) is None
True
"""

from superatom_lab.store.cache import ResultStore, default_cache_dir
from superatom_lab.store.keys import canonical_json, code_versions, scf_key
from superatom_lab.store.maintenance import CacheInfo, CleanReport
from superatom_lab.store.shipped import ShippedRecords, shipped_dir

__all__ = [
    "CacheInfo",
    "CleanReport",
    "ResultStore",
    "ShippedRecords",
    "canonical_json",
    "code_versions",
    "default_cache_dir",
    "scf_key",
    "shipped_dir",
]
