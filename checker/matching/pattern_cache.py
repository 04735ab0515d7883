"""Compiled regular expressions kept from one run to the next.

The ``regex`` module parses and optimises a pattern in Python before handing
the result to its C engine; for prlint's few hundred patterns that is over
half of a cold run (0.46 s of 0.72 s, measured with cProfile on a seed
release). The C engine's input, however, is what ``regex`` itself pickles:
a pattern object pickles to a call of ``regex._regex.compile`` with the
already compiled code, so loading it back skips the parsing entirely.

prlint therefore keeps every pattern it has compiled in one file in its
cache folder, keyed by the ``regex`` and Python versions: for each pattern,
the arguments of that call (strings, numbers, bytes and containers of them),
stored with ``marshal``. The file is loaded once per process, and a pattern
is built from its arguments only when it is first asked for, so patterns
kept from other versions or other packs cost next to nothing. Loading it
runs no code: the arguments only ever go to ``regex``'s own compile. A
missing, stale or damaged file or entry only means the patterns are compiled
the slow way and the file is written again.
"""

from __future__ import annotations

import atexit
import copyreg
import hashlib
import marshal
import sys

import regex
from regex import _regex as _engine

from checker.cache import store

_Key = tuple[str, int, tuple]

# Each pattern of this process: compiled, or still the arguments read from the cache file.
_known: dict[_Key, regex.Pattern | tuple] | None = None
_added = False


def compile(source: str, flags: int = 0, **named_lists: list[str]) -> regex.Pattern:
    """Return ``regex.compile(source, flags, **named_lists)``, from the persistent cache when possible."""
    global _added
    known = _loaded()
    # a named list is a set to regex (its own cache keys it so): the order it was given in must not miss the cache
    key = (
        source,
        int(flags),
        tuple((name, frozenset(items)) for name, items in sorted(named_lists.items())),
    )
    pattern = known.get(key)
    if isinstance(pattern, tuple):
        pattern = known[key] = _from_arguments(pattern)
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
        stored = {key: _arguments(pattern) for key, pattern in _known.items()}
        data = marshal.dumps(stored)
    except (KeyError, TypeError, ValueError):
        return
    store.write_atomically(path, data)


def _arguments(pattern: regex.Pattern | tuple) -> tuple:
    """Return the arguments of ``_regex.compile`` that rebuild *pattern*, as ``regex`` pickles it."""
    if isinstance(pattern, tuple):
        return pattern
    function, arguments = copyreg.dispatch_table[type(pattern)](pattern)
    if function is not _engine.compile:
        raise TypeError("regex no longer pickles patterns as a call of its compile")
    return tuple(int(item) if isinstance(item, regex.RegexFlag) else item for item in arguments)


def _from_arguments(arguments: tuple) -> regex.Pattern | None:
    """Build a pattern from its stored arguments; None when the entry is damaged."""
    try:
        return _engine.compile(*arguments)
    except Exception:  # a damaged entry means: compile it afresh
        return None


def _loaded() -> dict[_Key, regex.Pattern | tuple]:
    global _known
    if _known is None:
        _known = _read_cache()
    return _known


def _cache_path():
    folder = store.cache_dir("data")
    if folder is None:
        return None
    versions = f"{regex.__version__}\0{sys.version}".encode()
    return folder / f"patterns-{hashlib.sha256(versions).hexdigest()[:24]}.marshal"


def _read_cache() -> dict[_Key, tuple]:
    path = _cache_path()
    if path is None:
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except Exception:  # any damage means: start afresh
        return {}
    return loaded if _well_formed(loaded) else {}


def _well_formed(loaded: object) -> bool:
    return isinstance(loaded, dict) and all(
        isinstance(key, tuple) and isinstance(value, tuple) for key, value in loaded.items()
    )
