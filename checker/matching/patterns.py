"""Compile rule-pack patterns once, and run them under a time limit.

Patterns use the ``regex`` module (variable-length look-behind, named lists,
``(*SKIP)(*FAIL)``), and every search passes ``timeout=`` so that a
catastrophic pattern in a user's pack ends a CI job with a clear message
instead of hanging it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from checker.document.segments import Span
from checker.matching import pattern_cache

#: Seconds one pattern may spend on one stretch of one draft.
PATTERN_TIMEOUT = 2.0


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
    """Compile *source* (V1 syntax), naming *where* when it is invalid."""
    flags = regex.VERSION1 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return _compiled(_SIMPLE_CASE_FOLDING + source, flags)
    except regex.error:
        pass
    try:  # the same error, with positions in the pattern as its author wrote it
        regex.compile(source, flags)
    except regex.error as error:
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
    """Yield the matches of *pattern* inside each span, under the time limit."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT)


def first_match(patterns: list[regex.Pattern], text: str, spans: list[Span]) -> regex.Match | None:
    """Return the earliest match of any pattern inside the spans, or None."""
    best: regex.Match | None = None
    for pattern in patterns:
        for start, end in spans:
            match = pattern.search(text, start, end, timeout=PATTERN_TIMEOUT)
            if match and (best is None or match.start() < best.start()):
                best = match
                break
    return best
