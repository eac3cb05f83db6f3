"""The JSON data files shipped in ``superatom_lab/data``.

Each module that owns a data file parses it once (``functools.cache``) into
its own types; this module only finds and reads the file.

Examples
--------
>>> read_data_json("catalogue.json")["species"][0]["name"]
'F'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_data_json(name: str) -> Any:
    """The parsed content of the JSON file ``superatom_lab/data/<name>``.

    Parameters
    ----------
    name : str
        The file name inside the package's ``data`` folder.

    Examples
    --------
    >>> sorted(read_data_json("reference_values.json"))[:2]
    ['about', 'ionic_radii']
    """
    path = resources.files("superatom_lab").joinpath("data").joinpath(name)
    return json.loads(path.read_text(encoding="utf-8"))
