"""Shared helpers of the ``sec`` kinds: their data files and date handling.

The word lists, form types and exchange names live in ``checker/data/*.json``
(each names its sources), not in code, so that a compliance reviewer can
read and extend them. This module is a helper, not a kind.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.analysis.release_date import resolve_release_date
from checker.data import calendar_words
from checker.data import load as load  # the kinds read their data files through this module
from checker.document.model import Document, per_document
from checker.document.segments import Span
from checker.matching.patterns import builtin_patterns, compile_pattern

if TYPE_CHECKING:
    import regex

#: "January 5, 2007", "Dec. 31, 2022", "Sept 30 2006" as written in releases.
MONTH_DAY_YEAR = calendar_words.month_pattern() + r"\s+\d{1,2},?\s+(?:19|20)\d\d"


def compile_list(sources: list[str], where: str) -> list[regex.Pattern]:
    """Compile a data file's pattern list case-insensitively (see :func:`compile_data_pattern`)."""
    return [
        compile_data_pattern(source, f"{where}[{index}]") for index, source in enumerate(sources)
    ]


def compile_data_pattern(source: str, where: str, ignore_case: bool = True) -> regex.Pattern:
    """Compile a pattern of prlint's own data files, which runs as a built-in pack's does.

    The data files ship with prlint and their patterns are vetted by the
    same tests as the built-in packs' (the adversarial drafts included), so
    they run without a per-search time limit, whoever asks first: the
    legend's vocabulary is compiled on a draft's first check, outside any
    pack's loading, and was being run as a user's pattern, with the limit's
    cost on each of some 200 searches a release.
    """
    with builtin_patterns():
        return compile_pattern(source, where, ignore_case)


def iso(text: str | None) -> datetime.date | None:
    """Parse an ISO date from a data file (None stays None)."""
    return datetime.date.fromisoformat(text) if text else None


def release_day(document: Document, given: str | None) -> datetime.date | None:
    """Return the draft's release date (dateline, else *given*, else inferred), or None."""
    found = resolve_release_date(document, given)
    return found.date if found is not None else None


def first_line_span(document: Document, start: int, end: int) -> tuple[int, int]:
    """Return the first line or sentence of a stretch: a compact place to point at."""
    newline = document.text.find("\n", start, end)
    end = newline if newline >= 0 else end
    sentence = sentence_at(document, start)
    if sentence is not None and sentence[0] == start:
        return start, min(end, sentence[1])
    return start, end


class SpanSet:
    """Spans that tell by bisection whether one of them holds an offset.

    Asking "does any span hold this offset?" of every sentence or match
    against a list of spans costs their product: quadratic in a draft made
    of legends. Sorted by start, with the farthest end reached so far, one
    bisection answers it, overlapping spans included.
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _end in ordered]
        self._reach = list(itertools.accumulate((end for _start, end in ordered), max))

    def holds(self, offset: int) -> bool:
        """Tell whether some span has ``start <= offset < end``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._reach[index]


@per_document
def _sentence_starts(document: Document) -> list[int]:
    """Return where each sentence starts (the sentences are in order and do not overlap)."""
    return [start for start, _end in document.sentences]


def sentence_at(document: Document, offset: int) -> Span | None:
    """Return the sentence holding *offset*, or None, by bisection over the sentences."""
    index = bisect.bisect_right(_sentence_starts(document), offset) - 1
    if index < 0:
        return None
    sentence = document.sentences[index]
    return sentence if offset < sentence[1] else None
