"""Work out a draft's release date: the dateline's, else ``--date``/config, else inferred.

Returns the date with where it came from (``dateline``, ``option`` or
``inferred``), so checks and audit records can say "release date
2007-02-22 (year inferred from the body)". PR Newswire datelines of the
2000s carry no year ("NEW YORK, Feb. 22 /PRNewswire-FirstCall/ --"); then
``--date`` wins, and without it the year is inferred from the body: a release
speaks mostly of what happened just before it and what comes just after,
so each dated mention votes for the year that puts the dateline's day
nearest to it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

from checker.analysis.date_mentions import MONTH, MONTHS, DateMention, find_mentions
from checker.analysis.tense import PAST, future_context, sentence_of, tense_of
from checker.document.model import Document, per_document
from checker.matching import pattern_cache

_DATE_TEXT = pattern_cache.compile(
    r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(?P<year>\d{4}))?"
    r"|(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})"
)

_ENDED = pattern_cache.compile(r"\bended\s*\Z")
_FULL_DATE = rf"(?P<date>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
_LEADING_DATE = pattern_cache.compile(rf"[ \t]*{_FULL_DATE}\b")
_HEADER_LINE = pattern_cache.compile(
    rf"(?im)^[ \t]*(?:for\s+immediate\s+release\s*[:\-–—]?\s*)?{_FULL_DATE}[ \t]*(?:$|\t|[ ]{{2}})"
)
#: How many lines from the top count as the release header.
_HEADER_LINES = 25


@dataclass(frozen=True)
class ReleaseDate:
    """A release date and its provenance: ``dateline``, ``option`` or ``inferred``."""

    date: datetime.date
    source: str


def parse_month_day(text: str) -> tuple[int, int, int | None] | None:
    """Parse "Feb. 22", "April 11, 2007", "2 July 2026" into (month, day, year or None)."""
    match = _DATE_TEXT.fullmatch(text.strip())
    if not match:
        return None
    month = MONTHS.get(match.group("month")[:3].lower())
    if month is None:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return month, int(match.group("day")), year


@per_document
def resolve_release_date(document: Document, given: str | None) -> ReleaseDate | None:
    """Return the release date: a dated dateline, then *given* (``--date``), then an inferred year.

    Many rules ask; the answer is worked out once per draft and given date.
    """
    parsed = _dateline_parts(document)
    if parsed and parsed[2] is not None:
        try:
            return ReleaseDate(datetime.date(parsed[2], parsed[0], parsed[1]), "dateline")
        except ValueError:
            pass
    stated = _stated_date(document) if parsed is None else None
    if stated is not None:
        return ReleaseDate(stated, "dateline")
    if given:
        return ReleaseDate(datetime.date.fromisoformat(given), "option")
    if parsed and parsed[2] is None:
        return _inferred(document, parsed[0], parsed[1])
    return None


def _dateline_parts(document: Document) -> tuple[int, int, int | None] | None:
    """Return the dateline's (month, day, year or None), or None without a dated dateline."""
    dateline = document.dateline
    if dateline is None or not dateline.date_text:
        return None
    return parse_month_day(dateline.date_text)


def _stated_date(document: Document) -> datetime.date | None:
    """Return the date a release gives itself outside a parsed dateline, or None.

    Wires and filings also date a release in a line of its own above the
    lead ("April 28, 2022", "For Immediate Release: November 22, 2024"),
    or right after a dateline whose date the dateline parser did not take
    ("KELOWNA, BRITISH COLUMBIA - April 28, 2025 (NEWMEDIAWIRE)").
    """
    text = document.text
    dateline = document.dateline
    if dateline is not None:
        match = _LEADING_DATE.match(text, dateline.end, min(len(text), dateline.end + 40))
        if match:
            return full_date(match.group("date"))
    limit = dateline.start if dateline is not None else _header_end(text)
    for line in _HEADER_LINE.finditer(text, 0, limit):
        found = full_date(line.group("date"))
        if found is not None:
            return found
    return None


def _header_end(text: str) -> int:
    """Return the offset where the release header (its first lines) ends."""
    offset = 0
    for _line in range(_HEADER_LINES):
        next_break = text.find("\n", offset)
        if next_break < 0:
            return len(text)
        offset = next_break + 1
    return offset


def full_date(text: str) -> datetime.date | None:
    """Return the date a "Month D, YYYY" or "D Month YYYY" text names, or None."""
    parsed = parse_month_day(regex.sub(r"\s+", " ", text))
    if parsed is None or parsed[2] is None:
        return None
    try:
        return datetime.date(parsed[2], parsed[0], parsed[1])
    except ValueError:
        return None


def _inferred(document: Document, month: int, day: int) -> ReleaseDate | None:
    """Return the dateline's day in the year the body implies, or None."""
    year = infer_year(document, month, day)
    if year is None:
        return None
    try:
        return ReleaseDate(datetime.date(year, month, day), "inferred")
    except ValueError:  # Feb. 29 in a year that has none: leave it to the checks
        return None


def _votes(document: Document, month: int, day: int) -> dict[int, float]:
    """Weigh, for each year, how near the body's dated mentions put the dateline's day.

    Each mention votes for the year that puts the release day nearest to it,
    with a weight that falls off with that distance: a release mostly speaks
    of what happened just before it and what comes just after.
    """
    text = document.text
    votes: dict[int, float] = {}
    for mention in _mentions(document):
        if not mention.year_given or mention.first is None or mention.last is None:
            continue
        if mention.kind == "year":
            continue
        best = None
        for year in (mention.first.year - 1, mention.first.year, mention.first.year + 1):
            distance = _distance(year, month, day, mention.first, mention.last)
            if distance is not None and (best is None or distance < best[1]):
                best = (year, distance)
        if best is None:
            continue
        weight = 1.0 / (1.0 + best[1] / 30.0)
        if future_context(text, sentence_of(document, mention.start), mention.start):
            weight /= 4
        votes[best[0]] = votes.get(best[0], 0.0) + weight
    return votes


def _floor_year(document: Document, month: int, day: int) -> int | None:
    """Return the least year the release can have: after every event told as done.

    Events told in the past tense, periods that "ended", and a date standing
    alone as a paragraph (a letter's date) all come before the release.
    """
    floor = None
    for mention in _mentions(document):
        if not mention.year_given or mention.first is None or mention.kind == "year":
            continue
        if not _is_done(document, mention):
            continue
        first = mention.first
        year = first.year if (first.month, first.day) <= (month, day) else first.year + 1
        floor = year if floor is None else max(floor, year)
    return floor


@per_document
def _mentions(document: Document) -> list[DateMention]:
    """Return the draft's date mentions as written (no year resolved), once per draft."""
    return find_mentions(document.text)


def _is_done(document: Document, mention) -> bool:
    """Tell whether the text tells of the mention as over by the release."""
    text = document.text
    if _ENDED.search(text, max(0, mention.start - 20), mention.start):
        return True
    if (mention.start, mention.end) in document.paragraphs:
        return True
    return tense_of(text, sentence_of(document, mention.start), mention.start, mention.end) == PAST


def _distance(
    year: int, month: int, day: int, first: datetime.date, last: datetime.date
) -> int | None:
    """Return the days between month/day of *year* and the interval (0 inside it)."""
    try:
        release = datetime.date(year, month, day)
    except ValueError:
        return None
    if first <= release <= last:
        return 0
    return min(abs((release - first).days), abs((release - last).days))


def infer_year(document: Document, month: int, day: int) -> int | None:
    """Return the year the body's dates point to for the dateline's month/day, or None."""
    votes = _votes(document, month, day)
    floor = _floor_year(document, month, day)
    if floor is not None:
        votes = {year: weight for year, weight in votes.items() if year >= floor} or {floor: 1.0}
    if not votes:
        return None
    return max(votes, key=lambda year: (votes[year], year))
