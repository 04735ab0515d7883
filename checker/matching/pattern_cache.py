"""Compiled regular expressions kept from one run to the next.

The ``regex`` module parses and optimises a pattern in Python before handing
the result to its C engine; for prlint's few hundred patterns that is over
half of a cold run (0.46 s of 0.72 s, measured with cProfile on a seed
release). The C engine's input, however, is what ``regex`` itself pickles:
a pattern object pickles to a call of ``regex._regex.compile`` with the
already compiled code, so loading it back skips the parsing entirely.

prlint therefore keeps every pattern it has compiled in one file in its
cache folder, keyed by the installed ``regex`` (its files' names, sizes and
times: asking its version would import its parser) and the Python version.
For each pattern it holds the arguments of that call (strings, numbers,
bytes and containers of them), stored with ``marshal``. The file is loaded
once per process, and a pattern is built from its arguments
(:func:`checker.matching.engine.build`, which needs only the C engine) when
it is first asked for, so patterns kept from other versions or other packs
cost next to nothing.

Those arguments are the engine's own program, which it runs unchecked:
crafted bytes crash the process, and another pattern's program silently
changes what a rule finds. So the file is a sealed entry
(:mod:`checker.cache.store`): its seal is checked over the whole file
before ``marshal`` or ``regex`` sees a byte of it, and only this user's
prlint, holding the secret, can write one that verifies. A missing, stale,
unsigned or damaged file only means the patterns are compiled the slow way.

Nothing is written when the interpreter exits: the runner calls
:func:`save` at the end of a run, so a library call writes no pattern file.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.cache import store
from checker.cache.digest import hex_digest
from checker.matching import engine

if TYPE_CHECKING:
    import regex

_Key = tuple[str, int, tuple]

# Each pattern of this process: compiled, or still the arguments read from the cache file.
_known: dict[_Key, regex.Pattern | tuple] | None = None
_unsaved = False  # compiled since the file was read or written

#: At most this many patterns are kept in the file; prlint's own rules use about 520. Past it,
#: only the patterns this run used are written. A source that changed from one process to the
#: next (built from a set, whose order follows the hash seed) once added an entry every run:
#: 200 of them in a day, a file read and rewritten whole by every run.
MAX_KEPT = 4096
#: A new generation starts a new file: the second left behind a file that every earlier run
#: had added its own copy of the retired-exchange pattern to (two thirds of it, read each run).
_GENERATION = 2


def compile(source: str, flags: int = 0, **named_lists: list[str]) -> regex.Pattern:
    """Return ``regex.compile(source, flags, **named_lists)``, from the persistent cache when possible."""
    global _unsaved
    if not store.enabled():  # --no-cache: nothing read, nothing kept
        return _compile(source, flags, named_lists)
    known = _loaded()
    # a named list is a set to regex (its own cache keys it so): the order it was given in must not miss the cache
    key = (
        source,
        int(flags),
        tuple((name, frozenset(items)) for name, items in sorted(named_lists.items())),
    )
    stored = known.get(key)
    pattern = _from_arguments(stored) if isinstance(stored, tuple) else stored
    if pattern is None:
        pattern = _compile(source, flags, named_lists)
        _unsaved = True
    known[key] = pattern
    return pattern


def _compile(source: str, flags: int, named_lists: dict[str, list[str]]) -> regex.Pattern:
    """Compile with ``regex`` itself, imported now (see :mod:`checker.matching.engine`)."""
    compiled: regex.Pattern = engine.full().compile(source, flags, **named_lists)
    return compiled


def save() -> None:
    """Write the patterns of this process to the cache file, if any are new (the runner calls it)."""
    global _unsaved
    name = _entry_name()
    if not _unsaved or _known is None or name is None:
        return
    kept: Iterable[tuple[_Key, regex.Pattern | tuple]] = _known.items()
    if len(_known) > MAX_KEPT:  # the others are compiled again the next time one is asked for
        kept = [(key, pattern) for key, pattern in kept if not isinstance(pattern, tuple)]
    try:
        stored = {key: _arguments(pattern) for key, pattern in kept}
    except (KeyError, TypeError, ValueError):
        return
    store.write_value("data", name, stored)
    _unsaved = False


def _arguments(pattern: regex.Pattern | tuple) -> tuple:
    """Return the arguments of ``_regex.compile`` that rebuild *pattern*, as ``regex`` pickles it."""
    if isinstance(pattern, tuple):
        return pattern
    arguments = getattr(pattern, "_pickled_data", None)  # what regex's own pickling reduces it to
    if not isinstance(arguments, tuple):
        raise TypeError("regex no longer pickles patterns as a call of its compile")
    return tuple(int(item) if isinstance(item, enum.IntFlag) else item for item in arguments)


def _from_arguments(arguments: tuple) -> regex.Pattern | None:
    """Build a pattern from its stored arguments; None when the entry is damaged."""
    try:
        return engine.build(arguments)
    except Exception:  # a damaged entry means: compile it afresh
        return None


def _loaded() -> dict[_Key, regex.Pattern | tuple]:
    global _known
    if _known is None:
        _known = _read_cache()
    return _known


def _entry_name() -> str | None:
    """Return the name of this ``regex``'s and Python's pattern file, or None with caching off."""
    if not store.enabled():
        return None
    versions = f"{_GENERATION}\0{engine.stamp()}\0{sys.version}".encode()
    return f"patterns-{hex_digest(versions)[:24]}.marshal"


def _read_cache() -> dict[_Key, regex.Pattern | tuple]:
    """Return the sealed file's patterns (as arguments), or nothing when it does not verify."""
    name = _entry_name()
    loaded = None if name is None else store.read_value("data", name, _well_formed)
    return loaded if isinstance(loaded, dict) else {}


def _well_formed(loaded: object) -> bool:
    """Tell whether *loaded* maps keys as :func:`compile` makes them to arguments of that source."""
    return isinstance(loaded, dict) and all(
        _key_well_formed(key) and isinstance(value, tuple) and value[:1] == (key[0],)
        for key, value in loaded.items()
    )


def _key_well_formed(key: object) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 3
        and type(key[0]) is str
        and type(key[1]) is int
        and isinstance(key[2], tuple)
        and all(
            isinstance(item, tuple)
            and len(item) == 2
            and type(item[0]) is str
            and isinstance(item[1], frozenset)
            for item in key[2]
        )
    )
