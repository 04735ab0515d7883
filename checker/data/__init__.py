"""The data files prlint reads (``checker/data/*.json``), and the one way to read them.

Domain facts (form types, exchange names, legend vocabulary, month and
weekday names, wire tags) live in these files, each naming its sources,
so that a compliance reviewer can read and extend them without reading
code. This package imports nothing else of prlint, so any layer may use it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

#: Where the data files are: beside this module, as the word lists and the gazetteer are read.
#: (``importlib.resources`` would also read them from a zipped install, but importing it loads
#: zipfile, tempfile and shutil, 4 ms of every run; prlint is installed as files.)
DATA_FOLDER = Path(__file__).resolve().parent


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed data file ``checker/data/<name>.json`` (read once per process)."""
    return json.loads((DATA_FOLDER / f"{name}.json").read_text("utf-8"))
