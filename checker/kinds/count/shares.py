"""Percentages given as shares of one whole must not add up to over 100%.

Used by the ``count`` kind with ``measure: "percent"``. Parameters: ``cues``
(patterns showing that a sentence splits a whole into shares: "accounting
for", "of total revenue"), ``unless`` (patterns that show the percentages
in a sentence are not shares of one whole: changes, rates, margins) and
``tolerance`` (percentage points allowed for rounding; default 1). A sentence
is read as one breakdown: the shares of a whole are listed together.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document
from checker.kinds.base import Context
from checker.matching import engine, pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, compile_patterns
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_PERCENT = pattern_cache.compile(
    r"(?<![\d.,])(?P<value>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)", engine.IGNORECASE
)


class Shares(NamedTuple):
    """A compiled ``count`` check of percentages that split a whole."""

    cues: list[regex.Pattern]
    unless: list[regex.Pattern]
    tolerance: float


def compile(params: dict[str, Any], where: str) -> Shares:
    """Compile the parameters of a ``measure: "percent"`` check."""
    return Shares(
        cues=compile_patterns(params["cues"], f"{where}.cues", ignore_case=True),
        unless=compile_patterns(params["unless"], f"{where}.unless", ignore_case=True),
        tolerance=float(params["tolerance"]),
    )


def find(check: Shares, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for each breakdown whose shares add up to over 100%.

    The percentages are read first: one scan for them rejects the
    sentences with fewer than two (all but a few in a release), so the cue
    and ``unless`` patterns, which cost several scans, run on those few only.
    """
    text = document.text
    for start, end in document.sentences:
        if not document.in_scope(start, scope):
            continue
        found = list(_PERCENT.finditer(text, start, end, timeout=PATTERN_TIMEOUT))
        if (
            len(found) < 2
            or not _any(check.cues, text, start, end)
            or _any(check.unless, text, start, end)
        ):
            continue
        values = [float(match.group("value")) for match in found]
        if sum(values) > 100 + check.tolerance:
            fields = {
                "total": f"{sum(values):g}",
                "values": " + ".join(match.group() for match in found),
            }
            yield Hit(found[0].start(), found[-1].end(), fields)


def _any(patterns: list[regex.Pattern], text: str, start: int, end: int) -> bool:
    """Tell whether any pattern matches inside ``text[start:end]``."""
    return any(pattern.search(text, start, end, timeout=PATTERN_TIMEOUT) for pattern in patterns)
