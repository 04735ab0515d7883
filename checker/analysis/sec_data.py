"""Shared helpers of the ``sec`` kinds: their data files and date handling.

The word lists, form types and exchange names live in ``checker/data/*.json``
(each names its sources), not in code, so that a compliance reviewer can
read and extend them. This module is a helper, not a kind.
"""

from __future__ import annotations

import datetime

import regex

from checker.analysis.release_date import resolve_release_date
from checker.data import calendar_words
from checker.data import load as load  # the kinds read their data files through this module
from checker.document.model import Document
from checker.matching.patterns import compile_pattern

#: "January 5, 2007", "Dec. 31, 2022", "Sept 30 2006" as written in releases.
MONTH_DAY_YEAR = calendar_words.month_pattern() + r"\s+\d{1,2},?\s+(?:19|20)\d\d"


def compile_list(sources: list[str], where: str) -> list[regex.Pattern]:
    """Compile a data file's pattern list case-insensitively."""
    return [
        compile_pattern(source, f"{where}[{index}]", ignore_case=True)
        for index, source in enumerate(sources)
    ]


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
    for sentence_start, sentence_end in document.sentences:
        if sentence_start == start:
            return start, min(end, sentence_end)
    return start, end
