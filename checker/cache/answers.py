"""Answers about single words, kept from one run to the next.

The spelling rules ask the same questions of every word of a draft: is it
English, a drug's name, a person's or a place's; which drug, English word or
place is it one slip from. Each answer depends on the word alone and on the
word tables, and working the answers out is most of a cold run's checking:
loading the tables took 33 ms and searching them about 15 ms of the 66 ms a
seed release's checks took, for some 900 answers. An editor lints the same
draft again and again, a little changed each time, and a company's releases
share most of their words, so the answers are kept in prlint's cache and a
later run loads only those, not the tables.

Only functions whose answer follows from their arguments, the package's own
code and data files and the word-list and distance packages are remembered
(:func:`remembered`). The file is named by exactly those: the code
fingerprint and the dependency stamp that key the findings cache
(:mod:`checker.cache.results`), and the Python version. Any change to them
starts a new file, so no answer outlives what it was worked out from. It is
a sealed entry (:mod:`checker.cache.store`), checked for its shape when read;
a missing, stale or damaged file only means the answers are worked out again.

At most :data:`MAX_KEPT` answers are kept, the most recently used: the file is
read by every run, and a few drafts' answers load in a millisecond or two.
Nothing is written by a library call: the runner calls :func:`save` at the
end of a run, as it does for the pattern cache. ``--jobs`` workers read the
file but keep nothing of their own: only a run that lints in its own process
writes it, and one-draft runs, the ones whose start-up matters, always do.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from itertools import islice
from operator import itemgetter
from typing import Any, TypeVar

from checker.cache import store
from checker.cache.digest import hex_digest

F = TypeVar("F", bound=Callable[..., Any])

#: At most this many answers are written: about ten releases' words. Loading 20,000 cost 5 ms.
MAX_KEPT = 8_000
#: A long run keeps at most this many in memory; past it the oldest are dropped.
MAX_IN_MEMORY = 4 * MAX_KEPT
#: A new generation starts a new file (a change of layout, not of what answers mean).
_GENERATION = 1

# Each answer of this process, keyed by the function's name and its arguments, oldest first.
_known: dict[tuple, Any] | None = None
_known_name: str | None = None  # the file they were read from, and are written back to
_unsaved = False  # an answer was worked out since the file was read or written


def remembered(function: F) -> F:
    """Return *function* with its answers kept across runs (it must depend on its arguments alone).

    Arguments and answers must be what ``marshal`` stores: strings, numbers,
    booleans, None and tuples of them (a named tuple is kept as a tuple, and
    equals it). Put an ``lru_cache`` over it: within a run that answers
    repeated questions in C, and only a word new to the run reaches this.
    A test that swaps a word table for one of its own must call
    :func:`forget` too, or answers worked out from the real one are served.
    """
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def answer(*arguments: Any) -> Any:
        global _unsaved
        known = _loaded()
        if known is None:  # --no-cache: nothing read, nothing kept
            return function(*arguments)
        key = (name, *arguments)
        if key in known:
            value = known.pop(key)  # put back last: the most recently used are the ones kept
        else:
            value = function(*arguments)
            _unsaved = True
            if len(known) >= MAX_IN_MEMORY:
                _forget_oldest(known, MAX_KEPT)
        known[key] = value
        return value

    return answer  # type: ignore[return-value]  # the same signature as *function*


def save() -> None:
    """Write the most recently used answers to the cache file, if any is new (the runner calls it)."""
    global _unsaved
    name = _known_name
    if not _unsaved or _known is None or name is None or not store.enabled():
        return
    kept = islice(_known.items(), max(0, len(_known) - MAX_KEPT), None)
    stored = {_plain(key): _plain(value) for key, value in kept}
    store.write_value("data", name, stored)
    _unsaved = False


def forget() -> None:
    """Drop the answers of this process, so that the next question reads the file again (for tests)."""
    global _known, _known_name, _unsaved
    _known = _known_name = None
    _unsaved = False


def _forget_oldest(known: dict[tuple, Any], keep: int) -> None:
    """Drop all but the *keep* most recently used answers of *known*."""
    for key in list(islice(known, len(known) - keep)):
        del known[key]


def _plain(value: Any) -> Any:
    """Return *value* with every tuple a plain one: ``marshal`` refuses a named tuple."""
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value


def _loaded() -> dict[tuple, Any] | None:
    """Return this process's answers, read from the file on first use; None with caching off."""
    global _known, _known_name
    if not store.enabled():
        return None
    if _known is None:
        _known_name = _entry_name()
        stored = store.read_value("data", _known_name, _well_formed)
        _known = stored if isinstance(stored, dict) else {}
    return _known


def _entry_name() -> str:
    """Return the name of the file for this code, these word lists and this Python."""
    from checker.cache.results import code_fingerprint, dependency_stamp

    sources = f"{_GENERATION}\0{code_fingerprint()}\0{dependency_stamp()}\0{sys.version}"
    return f"answers-{hex_digest(sources.encode())[:24]}.marshal"


def _well_formed(stored: object) -> bool:
    """Tell whether *stored* maps (function name, arguments...) to answers of the kinds kept.

    The seal already vouches that this prlint wrote it; the shape is checked
    in C (8,000 answers checked one by one in Python cost more than loading them).
    """
    if not isinstance(stored, dict):
        return False
    try:
        names = set(map(type, map(itemgetter(0), stored)))
    except (TypeError, IndexError):  # a key that is no tuple, or an empty one
        return False
    return (
        set(map(type, stored)) <= {tuple}
        and names <= {str}
        and set(map(type, stored.values())) <= _ANSWER_TYPES
    )


#: What a remembered function may answer: a yes or no, a word or none, a tuple of near names.
_ANSWER_TYPES = {bool, str, int, type(None), tuple}
