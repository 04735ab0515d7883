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
from collections import Counter
from typing import NamedTuple

from checker.analysis.date_mentions import MONTH, MONTHS, DateMention, find_mentions
from checker.analysis.tense import FUTURE, PAST, future_context, sentence_of, tense_of
from checker.document.dateline import find_dateline
from checker.document.model import Document, per_document
from checker.matching import pattern_cache

_DATE_TEXT = pattern_cache.compile(
    r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(?P<year>\d{4}))?"
    r"|(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})"
)

_ENDED = pattern_cache.compile(r"(?i)\bended\s*\Z")
_FULL_DATE = rf"(?P<date>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
_LEADING_DATE = pattern_cache.compile(rf"[ \t]*{_FULL_DATE}\b")
_HEADER_LINE = pattern_cache.compile(
    rf"(?im)^[ \t]*(?:for\s+immediate\s+release\s*[:\-–—]?\s*)?{_FULL_DATE}[ \t]*(?:$|\t|[ ]{{2}})"
)
#: How many paragraphs from the top may hold a dateline below the header: Oracle's
#: results releases open with an exhibit number, contacts and nine highlights.
_LATE_DATELINE_PARAGRAPHS = 20
#: How many days before the release a letter's own date may be and still fix its year.
_LETTER_REACH_DAYS = 7
#: How many lines from the top count as the release header.
_HEADER_LINES = 25


class ReleaseDate(NamedTuple):
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
    return _late_dateline(document) if dateline is None else None


def _late_dateline(document: Document) -> datetime.date | None:
    """Return the date of a dated dateline that opens a paragraph below the header, or None.

    Filings put a results release under an exhibit number, contacts and a
    list of highlights, so its dateline ("AUSTIN, Texas, June 13, 2022 --")
    opens the tenth paragraph or so, where the layout no longer looks for it.
    Only a dateline with a full date counts.
    """
    for start, _end in document.paragraphs[:_LATE_DATELINE_PARAGRAPHS]:
        found = find_dateline(document.text, start)
        if found is not None and found.date_text:
            day = full_date(found.date_text)
            if day is not None:
                return day
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
    parsed = parse_month_day(_SPACES.sub(" ", text))
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
    done = [
        mention.first
        for mention in _mentions(document)
        if mention.year_given
        and mention.first is not None
        and mention.kind != "year"
        and _is_done(document, mention)
    ]
    floor = None
    for first in _outvoted_removed(done):
        year = first.year if (first.month, first.day) <= (month, day) else first.year + 1
        floor = year if floor is None else max(floor, year)
    return floor


def _outvoted_removed(days: list[datetime.date]) -> list[datetime.date]:
    """Drop a done day whose month and day the text gives more often with another year.

    "the quarter ended July 3, 2005" once beside "13 Weeks Ended July 3,
    2004" four times is one period with a mistyped year: the minority year
    must not set the floor, or the slip would move the release with it.
    """
    years: dict[tuple[int, int], Counter[int]] = {}
    for day in days:
        years.setdefault((day.month, day.day), Counter())[day.year] += 1
    kept = []
    for day in days:
        counts = years[(day.month, day.day)]
        if counts[day.year] < max(counts.values()):
            continue
        kept.append(day)
    return kept


def _letter_year(document: Document, month: int, day: int) -> int | None:
    """Return the year of a letter dated in the week before the dateline's day, or None.

    A date standing alone as a paragraph is a letter's or a statement's own
    date ("January 3, 2007" over a CEO letter released "Jan. 4"): a letter
    dated a few days before the release fixes the release's year.
    """
    paragraphs = set(document.paragraphs)
    for mention in _mentions(document):
        first = mention.first
        if mention.kind != "date" or not mention.year_given or first is None:
            continue
        if (mention.start, mention.end) not in paragraphs:
            continue
        for year in (first.year, first.year + 1):
            try:
                release = datetime.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (release - first).days <= _LETTER_REACH_DAYS:
                return year
    return None


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
    letter = _letter_year(document, month, day)
    if letter is not None:
        return letter
    votes = _votes(document, month, day)
    floor = _floor_year(document, month, day)
    if floor is not None:
        votes = {year: weight for year, weight in votes.items() if year >= floor} or {floor: 1.0}
    if not votes:
        return None
    return max(votes, key=lambda year: (votes[year], year))


# --------------------------------------------------------------------------- bounds
#
# A release with no dated dateline still tells when it was written: it plans
# events ("will host a conference call on February 1, 2024"), and it reports
# "today" a period or an event that has just ended. Each gives a day the
# release cannot be after. A period told as ended or a figure told as of a
# day after that day is as wrong as one after a known release date.

#: A period reported "today" ends at most this long before the release: a
#: results release a year late would report the next period. Generous on
#: purpose: late filers publish six months after the period.
_REPORTED_PERIOD_REACH = datetime.timedelta(days=364)
#: An event announced "today" happened at most this long before the release
#: ("announced today the results of the meeting held on February 24, 2025").
_TODAY_EVENT_REACH = datetime.timedelta(days=183)
_TODAY = pattern_cache.compile(r"(?i)\btoday\b")
#: A time of day near a date in a sentence that looks ahead: the logistics of a
#: call or a webcast ("beginning at 2:00 p.m. PT on February 1, 2024").
_CLOCK = pattern_cache.compile(r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)")
#: How far around a date its sentence is read for "today" and for words that look
#: ahead: a long release sentence runs to some 400 characters.
_SENTENCE_REACH = 400
#: How far from a date its time of day stands ("at 2:00 p.m. PT on").
_CLOCK_REACH = 40
#: A heading over a table's date columns that makes them period ends or
#: balance-sheet days: "Three Months Ended", "As of", "Balance Sheets".
_PERIOD_HEADING = pattern_cache.compile(
    r"(?i)\b(?:months|weeks|quarters?|years?|periods?)\s+ended\b|\bas\s+of\b|\bbalance\s+sheets?\b"
)
#: How many non-blank lines above a row of dates its heading may stand: the title,
#: a units line and the heading itself ("Condensed Consolidated Balance Sheets",
#: "(In millions; unaudited)"); further up is another table's.
_HEADING_LINES = 3
_DATE_ROW_GAP = pattern_cache.compile(r"[ \t]*(?:\t|[ ]{2,})[ \t]*")


class UpperBound(NamedTuple):
    """A day the release cannot be after, and the mention of the text that sets it."""

    date: datetime.date
    start: int
    end: int
    reason: str

    def describe(self) -> str:
        """Say where the bound comes from, for a finding's message."""
        return f"at the latest {self.date.isoformat()}, {self.reason}"


class _Bounds(NamedTuple):
    """The two earliest upper bounds and the two latest done events of a draft."""

    uppers: tuple[UpperBound, ...]
    done: tuple[DateMention, ...]


def latest_release(document: Document, mention: DateMention) -> UpperBound | None:
    """Return the day a draft with no release date cannot be after, ignoring *mention*.

    The bound comes from the rest of the text, so a mention cannot excuse
    itself. It is used only when it is consistent: no other event the text
    tells as done is after it, else the text contradicts itself and the
    bound is no ground for an error.
    """
    bounds = _bounds(document)
    span = (mention.start, mention.end)
    upper = next((b for b in bounds.uppers if (b.start, b.end) != span), None)
    if upper is None:
        return None
    latest = next((m for m in bounds.done if (m.start, m.end) != span), None)
    if latest is not None and latest.first is not None and latest.first > upper.date:
        return None
    return upper


class LowerBound(NamedTuple):
    """A day the release cannot be before: the latest event the text tells as done."""

    date: datetime.date
    text: str

    def describe(self) -> str:
        """Say where the bound comes from, for a finding's message."""
        return f"at the earliest {self.date.isoformat()}, after '{self.text}' told as done"


def earliest_release(document: Document, mention: DateMention) -> LowerBound | None:
    """Return the day a draft with no release date cannot be before, ignoring *mention*.

    The latest other event told as done (past tense, a period ended, a
    figure as of a day) happened before the release. Used only when no
    plan or period reported today puts the release before that event.
    """
    bounds = _bounds(document)
    span = (mention.start, mention.end)
    latest = next((m for m in bounds.done if (m.start, m.end) != span), None)
    if latest is None or latest.first is None:
        return None
    upper = next((b for b in bounds.uppers if (b.start, b.end) != span), None)
    if upper is not None and upper.date < latest.first:
        return None
    return LowerBound(latest.first, latest.text)


@per_document
def _bounds(document: Document) -> _Bounds:
    """Return the earliest two upper bounds and the latest two done events, once per draft."""
    uppers: list[UpperBound] = []
    done: list[DateMention] = []
    for mention in _mentions(document):
        if not _full(mention):
            continue
        upper = _upper_bound(document, mention)
        if upper is not None:
            uppers.append(upper)
        if (
            _is_done(document, mention)
            or in_period_row(document.text, mention)
            or _stated_as_of(document, mention)
        ):
            done.append(mention)
    uppers.sort(key=lambda bound: bound.date)
    done.sort(key=lambda mention: mention.first or datetime.date.min, reverse=True)
    return _Bounds(tuple(uppers[:2]), tuple(done[:2]))


def _stated_as_of(document: Document, mention: DateMention) -> bool:
    """Tell whether a figure is stated as of the day ("cash of $4 million as of May 1, 2024")."""
    text = document.text
    return bool(
        _AS_OF_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    ) and not future_context(
        text, _clipped(sentence_of(document, mention.start), mention.start), mention.start
    )


def _full(mention: DateMention) -> bool:
    """Tell whether a mention is a calendar day or month with its year written out."""
    return (
        mention.year_given
        and not mention.fiscal
        and mention.kind in ("date", "month")
        and mention.first is not None
        and mention.last is not None
    )


def _upper_bound(document: Document, mention: DateMention) -> UpperBound | None:
    """Return the bound a mention sets: a plan, a period or an event reported today."""
    text = document.text
    sentence = _clipped(
        _clock_joined(document, sentence_of(document, mention.start)), mention.start
    )
    tense = tense_of(text, sentence, mention.start, mention.end)
    assert mention.first is not None and mention.last is not None
    if tense == FUTURE or (
        tense is None
        and future_context(text, sentence, mention.start)
        and _CLOCK.search(text, max(0, mention.start - _CLOCK_REACH), mention.end + _CLOCK_REACH)
    ):
        return UpperBound(mention.last, mention.start, mention.end, f"a plan for '{mention.text}'")
    if mention.kind != "date":
        return None
    today = _TODAY.search(text, sentence[0], sentence[1])
    ended = _ENDED_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if (ended and today) or _latest_in_period_row(text, mention):
        return UpperBound(
            mention.first + _REPORTED_PERIOD_REACH,
            mention.start,
            mention.end,
            f"a year after the period ended '{mention.text}'",
        )
    if (
        today
        and today.start() < mention.start
        and (tense == PAST or _ON_DAY.search(text, max(0, mention.start - 8), mention.start))
        and not future_context(text, sentence, mention.start)
    ):
        return UpperBound(
            mention.first + _TODAY_EVENT_REACH,
            mention.start,
            mention.end,
            f"six months after '{mention.text}', announced today",
        )
    return None


def _clipped(sentence: tuple[int, int], start: int) -> tuple[int, int]:
    """Return the sentence from at most :data:`_SENTENCE_REACH` before *start*.

    A table or a list with no full stop reads as one sentence many
    kilobytes long; scanning all of it for every date in it would make the
    bounds grow with the square of the draft.
    """
    return (max(sentence[0], start - _SENTENCE_REACH), min(sentence[1], start + _SENTENCE_REACH))


def _clock_joined(document: Document, sentence: tuple[int, int]) -> tuple[int, int]:
    """Rejoin a sentence that the splitter cut after a time of day.

    "Acme will host a call at 8:30 a.m. ET on November 13, 2025." is cut
    after "a.m.", which leaves the date without the "will" that makes it a
    plan.
    """
    start = sentence[0]
    while _AFTER_CLOCK.search(document.text, max(0, start - 20), start):
        previous = sentence_of(document, max(0, start - 1))
        if previous[0] >= start:
            break
        start = previous[0]
    return (start, sentence[1])


_AFTER_CLOCK = pattern_cache.compile(r"(?i)\d\s*[ap]\.m\.\s*\Z")
_ENDED_BEFORE = pattern_cache.compile(r"(?i)\bended\s*\Z")
_AS_OF_BEFORE = pattern_cache.compile(r"(?i)\bas\s+of\s*\Z")
#: "on" right before a day: the day something happened or will happen.
_ON_DAY = pattern_cache.compile(r"(?i)\bon\s*\Z")
_SPACES = pattern_cache.compile(r"\s+")


def _latest_in_period_row(text: str, mention: DateMention) -> bool:
    """Tell whether a date is the latest of a row of period ends: the period reported.

    The other columns are the periods compared with it, a year or a quarter
    before; a bound from them would be too early.
    """
    cells = _period_row(text, mention)
    return bool(cells) and mention.first == max(cells)


def in_period_row(text: str, mention: DateMention) -> bool:
    """Tell whether a date heads a table column of period ends or balance-sheet days.

    A line of two or more dates and nothing else ("March 3, 2023	March 4, 2022")
    under a heading such as "Three Months Ended" names the periods the table
    reports: each has ended by the release.
    """
    return bool(_period_row(text, mention))


def _period_row(text: str, mention: DateMention) -> list[datetime.date]:
    """Return the days of the row of period ends the mention stands in (empty if none)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if line.count("\t") + line.count("  ") == 0:
        return []
    cells = [full_date(cell) for cell in _DATE_ROW_GAP.split(line.strip()) if cell]
    days = [day for day in cells if day is not None]
    if len(days) < 2 or len(days) < len(cells):
        return []
    above = [row for row in text[max(0, line_start - 600) : line_start].split("\n") if row.strip()]
    if not any(_PERIOD_HEADING.search(row) for row in above[-_HEADING_LINES:]):
        return []
    return days
