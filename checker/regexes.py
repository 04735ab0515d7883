"""Compiled regular expressions kept from one run to the next.

The ``regex`` module parses and optimises a pattern in Python before handing
the result to its C engine; for prlint's few hundred patterns that is over
half of a cold run (0.46 s of 0.72 s, measured with cProfile on a seed
release). The C engine's input, however, is what ``regex`` itself pickles:
a pattern object pickles to a call of ``regex._regex.compile`` with the
already compiled code, so loading it back skips the parsing entirely.

prlint therefore keeps every pattern it has compiled in one pickle file in
its cache folder, keyed by the ``regex`` and Python versions, and loads it
once per process. The file is read with an unpickler that accepts nothing
but that one ``regex`` function, so a tampered cache cannot run code. A
missing, stale or damaged file only means the patterns are compiled the slow
way and the file is written again.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import pickle
import sys

import regex
from regex import _regex as _engine

from checker import cache

_Key = tuple[str, int, tuple]

_known: dict[_Key, regex.Pattern] | None = None
_added = False


def compile(source: str, flags: int = 0, **named_lists: list[str]) -> regex.Pattern:  # noqa: A001
    """Return ``regex.compile(source, flags, **named_lists)``, from the persistent cache when possible."""
    global _added
    known = _loaded()
    key = (source, int(flags), tuple((name, tuple(items)) for name, items in sorted(named_lists.items())))
    pattern = known.get(key)
    if pattern is None:
        pattern = regex.compile(source, flags, **named_lists)
        known[key] = pattern
        if not _added:
            _added = True
            atexit.register(save)
    return pattern


def save() -> None:
    """Write the patterns of this process to the cache file (called at exit)."""
    path = _cache_path()
    if path is None or _known is None:
        return
    try:
        data = pickle.dumps(_known, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    cache.write_atomically(path, data)


def _loaded() -> dict[_Key, regex.Pattern]:
    global _known
    if _known is None:
        _known = _read_cache()
    return _known


def _cache_path():
    folder = cache.cache_dir("data")
    if folder is None:
        return None
    versions = f"{regex.__version__}\0{sys.version}".encode()
    return folder / f"patterns-{hashlib.sha256(versions).hexdigest()[:24]}.pickle"


def _read_cache() -> dict[_Key, regex.Pattern]:
    path = _cache_path()
    if path is None:
        return {}
    try:
        loaded = _PatternsOnly(io.BytesIO(path.read_bytes())).load()
    except Exception:  # noqa: BLE001 - any damage means: start afresh
        return {}
    return loaded if _well_formed(loaded) else {}


def _well_formed(loaded: object) -> bool:
    return isinstance(loaded, dict) and all(
        isinstance(key, tuple) and isinstance(value, regex.Pattern) for key, value in loaded.items()
    )


class _PatternsOnly(pickle.Unpickler):
    """An unpickler that can build compiled patterns (and their flags) and nothing else."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return _engine.compile
        if (module, name) == ("regex._regex_core", "RegexFlag"):
            return regex.RegexFlag
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the pattern cache")
