"""Compile rule-pack patterns once, and bound the time they may run.

Patterns use the ``regex`` module (variable-length look-behind, named lists,
``(*SKIP)(*FAIL)``). Two bounds keep a catastrophic pattern from hanging a
CI job, each paid only where it is needed:

- A pattern from a user's pack runs with ``timeout=`` on every call
  (:data:`USER_PATTERN_TIMEOUT`): :func:`compile_pattern` hands out a
  :class:`BoundedPattern` that adds it to every search, whoever calls it
  and whatever they pass, so a pack's ``unless``, ``when`` and ``variants``
  patterns are bounded as surely as its ``patterns``.
- Built-in patterns (the packs shipped in ``rules/``, and the code's own)
  run without it: ``timeout=`` makes the engine read the clock as it
  matches, which cost a fifth of a whole lint. Their tests vet them,
  including drafts built to make them backtrack; the draft's time limit
  (:mod:`checker.matching.watchdog`) is what bounds them at run time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from checker.document.segments import Span
from checker.matching import engine, pattern_cache

if TYPE_CHECKING:
    import regex

#: Seconds one pattern from a user's pack may spend on one call (one stretch of one draft).
USER_PATTERN_TIMEOUT = 2.0

#: The ``timeout=`` built-in code passes to its own searches: none (see the module's docstring).
#: A user's pattern ignores it and keeps its own limit.
PATTERN_TIMEOUT: float | None = None

# Whether patterns compiled now belong to a built-in pack: the loader says so for each pack
# it reads from the built-in folder; anything else (a user's pack, a library caller) is bounded.
_builtin: ContextVar[bool] = ContextVar("prlint_builtin_patterns", default=False)


@contextlib.contextmanager
def builtin_patterns() -> Iterator[None]:
    """Compile the patterns of a built-in pack inside this block: they run without a timeout."""
    token = _builtin.set(True)
    try:
        yield
    finally:
        _builtin.reset(token)


class BoundedPattern:
    """A compiled pattern that runs every search under a time limit (a user pack's pattern).

    It stands in for :class:`regex.Pattern` wherever one is used: its
    searching methods are the pattern's own with ``timeout=`` set to its
    limit (overriding a caller's), everything else is the pattern's.
    Two are equal, and hash alike, when their sources, flags and limits are.
    """

    __slots__ = ("pattern_object", "timeout")

    def __init__(self, pattern: regex.Pattern, timeout: float) -> None:
        self.pattern_object = pattern
        self.timeout = timeout

    def _bounded(self, method: str, args: tuple, kwargs: dict[str, Any]) -> Any:
        kwargs["timeout"] = self.timeout
        return getattr(self.pattern_object, method)(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("search", args, kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("match", args, kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("fullmatch", args, kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("finditer", args, kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("findall", args, kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("split", args, kwargs)

    def splititer(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("splititer", args, kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("sub", args, kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("subn", args, kwargs)

    def subf(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("subf", args, kwargs)

    def subfn(self, *args: Any, **kwargs: Any) -> Any:
        return self._bounded("subfn", args, kwargs)

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex, ...
        if name in BoundedPattern.__slots__ or name.startswith("__"):
            raise AttributeError(name)  # not set yet (while copying), or copy's and pickle's hooks
        return getattr(self.pattern_object, name)

    def __reduce__(self) -> tuple:
        return (BoundedPattern, (self.pattern_object, self.timeout))

    def _identity(self) -> tuple[str, int, float]:
        return (self.pattern_object.pattern, int(self.pattern_object.flags), self.timeout)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BoundedPattern):
            return self._identity() == other._identity()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern_object!r}, timeout={self.timeout})"


class PatternProblem(Exception):
    """A pattern that does not compile; ``where`` is its JSON path suffix."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


#: Case-insensitive matching folds case simply ("A" = "a"), not fully ("ß" = "ss",
#: "ﬁ" = "fi"), which VERSION1 would do by default: full folding made case-insensitive
#: patterns three times slower and a whole lint 12% slower, for letters English
#: press releases do not use.
_SIMPLE_CASE_FOLDING = "(?-f)"


def compile_pattern(source: str, where: str, ignore_case: bool = False) -> regex.Pattern:
    """Compile *source* (V1 syntax), naming *where* when it is invalid.

    Outside a built-in pack (:func:`builtin_patterns`) the pattern comes
    back as a :class:`BoundedPattern`, typed as the pattern it stands for.
    """
    flags = engine.VERSION1 | (engine.IGNORECASE if ignore_case else 0)
    try:
        compiled = _compiled(_SIMPLE_CASE_FOLDING + source, flags)
    except engine.error_type():  # only a pattern parsed here can fail, so regex is imported
        pass
    else:
        if _builtin.get():
            return compiled
        return cast("regex.Pattern", BoundedPattern(compiled, USER_PATTERN_TIMEOUT))
    try:  # the same error, with positions in the pattern as its author wrote it
        engine.full().compile(source, flags)
    except engine.error_type() as error:
        raise PatternProblem(where, f"invalid regular expression {source!r}: {error}") from None
    raise PatternProblem(where, f"invalid regular expression {source!r}")


@cache
def _compiled(source: str, flags: int) -> regex.Pattern:
    # Packs repeat patterns across rules (shared term lists), and compiling
    # with the regex module is the largest part of start-up: compile each once.
    return pattern_cache.compile(source, flags)


def compile_patterns(
    sources: list[str], where: str, ignore_case: bool = False
) -> list[regex.Pattern]:
    """Compile a list of patterns; *where* is the JSON path of the list."""
    return [
        compile_pattern(source, f"{where}[{index}]", ignore_case)
        for index, source in enumerate(sources)
    ]


def search_spans(pattern: regex.Pattern, text: str, spans: list[Span]) -> Iterator[regex.Match]:
    """Yield the matches of *pattern* inside each span (a user's pattern under its time limit)."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def first_match(patterns: list[regex.Pattern], text: str, spans: list[Span]) -> regex.Match | None:
    """Return the earliest match of any pattern inside the spans, or None."""
    best: regex.Match | None = None
    for pattern in patterns:
        for start, end in spans:
            match = pattern.search(text, start, end)
            if match and (best is None or match.start() < best.start()):
                best = match
                break
    return best
