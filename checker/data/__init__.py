"""The data files prlint reads (``checker/data/*.json``), and the one way to read them.

Domain facts (form types, exchange names, legend vocabulary, month and
weekday names, wire tags) live in these files, each naming its sources,
so that a compliance reviewer can read and extend them without reading
code. This package imports nothing else of prlint, so any layer may use it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed data file ``checker/data/<name>.json`` (read once per process)."""
    text = resources.files(__name__).joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(text)
