"""Find the dates a release mentions and the stretch of time each one names.

A mention is a full date ("Tuesday, March 6, 2007", "2 July 2026"), a month
and year ("December 2005", "December, 2005", "Dec. 2006"), a quarter or half
("1Q 2007", "Q1 2007", "first quarter of 2007", "2H 2026", "second half of
2026") or a fiscal year ("fiscal 2007", "FY2007"). Each carries the calendar
interval it covers, so checks can compare it with the release date; fiscal
periods have none, because the issuer's fiscal calendar is not known here.

Month and weekday spellings follow the AP Stylebook ("months", "days of the
week") plus the forms wires and releases actually use ("Sep.", "Q1 2007").
"""

from __future__ import annotations

import calendar
import datetime
import functools
from typing import TYPE_CHECKING, NamedTuple

from checker.data import calendar_words
from checker.matching import engine, pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT

if TYPE_CHECKING:
    import regex

#: Month numbers by the first three letters of the name, lower case ("sep" is 9).
MONTHS = calendar_words.month_numbers()
#: Weekday numbers by their first three letters (0 is Monday, as in datetime).
WEEKDAYS = calendar_words.weekday_numbers()
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

#: Every month form of checker/data/calendar.json, and full names in capitals
#: ("DECEMBER 31, 2006", in headlines and legal text), which a dateline does not read.
MONTH = calendar_words.month_pattern(capitals=True)
#: Every weekday form: "Tuesday", "Tue.", "Tues.".
WEEKDAY = calendar_words.weekday_pattern()
_YEAR = r"(?:19|20)\d{2}"
_Y2 = rf"(?:{_YEAR}|['’]\d{{2}})"

# Words that may follow a bare year ("in 2026 and beyond"); any other
# lower-case word makes it a count ("in 2025 patients").
_FUNCTION_WORDS = r"(?:and|or|to|through|the|with|as|when|after|before|for|from|at|on|in|we|it|is|was|will|were|are)"

# What a mention can open with: a digit, "Q1" or "H2", "FY", an ordinal or
# "fiscal" in any case, or the first three letters of a weekday or month.
# Each alternative of _MENTION starts with one of these; keep them in step.
_OPENINGS = "|".join(
    [
        r"\d",
        "Q[1-4]",
        "H[12]",
        "FY",
        "(?i:first|second|third|fourth|fiscal)",
        *(name.title() for name in (*WEEKDAYS, *MONTHS)),
        *(name.upper() for name in MONTHS),
    ]
)

# The regex module has no quick way to skip to where this alternation could
# match, so it tries all of it at every position the look-behind allows,
# some 1,600 in a typical release (4 ms a scan). The two look-aheads after
# the look-behind reject nearly all of them first: a one-character class,
# which is cheap (written case by case, as "(?i:[...])" costs as much as it
# saves; "ſ" is there because "(?i:second)" matches "ſecond"), then
# _OPENINGS. Both only repeat how the alternatives begin, so they change
# nothing that matches (tests/analysis/test_date_mentions.py checks this).
_MENTION_GATE = rf"(?<![\w/])(?=[\dADFHJMNOQSTWfstſ])(?={_OPENINGS})"
_MENTION_BODY = rf"""
    (?:
      (?:(?P<weekday>{WEEKDAY}),?\s+(?:the\s+)?)?
      (?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
        (?:\s*(?:-|–|through|to|and)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?
        (?![\d,.]\d|\s*%)
        (?:,?\s+(?P<year>{_YEAR})\b)?
    | (?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})\s+(?P<year>{_YEAR})\b
    | (?P<month>{MONTH}),?\s+(?P<myear>{_YEAR})\b
    | (?:Q(?P<q>[1-4])|(?P<q>[1-4])Q)(?:\s*(?:of\s+)?(?P<fiscal>(?i:fiscal)|FY)\s*(?:(?i:year)\s+)?)?
        \s*(?P<qyear>{_YEAR}|['’]?\d{{2}})\b
    | (?i:(?P<qw>first|second|third|fourth)[- ]quarter
        (?:\s+(?:and|&)\s+(?:the\s+)?(?:full|fiscal)[- ]year)?
        (?:\s+of)?(?:\s+(?P<fiscal>fiscal)(?:\s+year)?|\s+calendar(?:\s+year)?)?)
        \s+(?P<qyear>{_YEAR})\b
    | (?:H(?P<h>[12])|(?P<h>[12])H)(?:\s*(?P<fiscal>(?i:fiscal)|FY))?\s*(?P<hyear>{_YEAR}|['’]?\d{{2}})\b
    | (?i:(?P<hw>first|second)\s+half(?:\s+of)?(?:\s+(?P<fiscal>fiscal)(?:\s+year)?)?)\s+(?P<hyear>{_YEAR})\b
    | (?:(?i:fiscal)(?:\s+(?i:year))?|FY)\s*(?P<fyear>{_YEAR}|['’]?\d{{2}})\b
    | (?<=\b(?i:in|during|by|until|before|through|throughout|since|end\s+of|early|late|mid)[\s-])
        (?P<ybare>{_YEAR})\b(?![-–/]\d|\s*(?:%|percent)|\s+(?!{_FUNCTION_WORDS}\b)[a-z])
    )
"""
_MENTION = pattern_cache.compile(_MENTION_GATE + _MENTION_BODY, engine.VERBOSE)

# Words that make a bare "March 5" (no year, no weekday) read as a date.
_DATE_LEAD_IN = pattern_cache.compile(
    r"(?i)(?:\b(?:on|by|until|through|since|from|before|after|dated|ended|ending|"
    r"of|effective|starting|beginning|as\s+of|today)\s*)\Z"
)
_DATE_FOLLOW = pattern_cache.compile(
    r"\A(?:\s*[,.;:)\]]|\s*\Z|\s+(?:at|to|through|and|in|from|with|before|after)\b)"
)
#: How far before a yearless date to look for a lead-in (characters): the longest
#: lead-in words, "beginning" and "effective", with the space after them and one
#: character before, so that ``\b`` sees where the word really starts.
_LEAD_IN_REACH = 12
#: How far after it to look for what may follow a date: room for the longest
#: follower, " through", and the character after it that ``\b`` needs. (On the real
#: releases any reach from 6 to 40, before and after, keeps the same 36 yearless dates.)
_FOLLOW_REACH = 12


class DateMention(NamedTuple):
    """A date as written, with the interval it names (None when unknown).

    ``kind`` is ``date``, ``month``, ``quarter``, ``half``, ``year`` (a bare
    year after a word of time: "in 2026", "by the end of 2026") or ``fiscal-year``;
    ``year_given`` says whether the text spells out the year; ``valid`` is
    False for a day the month does not have ("February 30, 2007").
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    first: datetime.date | None = None
    last: datetime.date | None = None
    year_given: bool = True
    valid: bool = True
    fiscal: bool = False


def month_number(name: str) -> int | None:
    """Return the month a name or abbreviation stands for ("Sept." is 9)."""
    return MONTHS.get(name[:3].lower())


def find_mentions(
    text: str, start: int = 0, end: int | None = None, near: datetime.date | None = None
) -> list[DateMention]:
    """Return the date mentions in ``text[start:end]``, in order.

    A date without a year takes the year that puts it nearest to *near*
    (the release date), so "Dec. 28" in a January release is last year's.
    """
    end = len(text) if end is None else end
    found: list[DateMention] = []
    for match in _matches(text, start, end):
        mention = _build(match, near)
        if mention is not None and (mention.year_given or _reads_as_date(text, match, start)):
            found.append(mention)
    return found


@functools.lru_cache(maxsize=4)
def _matches(text: str, start: int, end: int) -> tuple[regex.Match, ...]:
    """Return the raw mention matches in ``text[start:end]``.

    A draft whose dateline has no year is scanned twice: once as written, to
    infer the release year, and once against the release date. Only the year
    of a yearless date depends on that date, not the matches, so the last few
    scans are kept and the second call reuses the first.
    """
    return tuple(_MENTION.finditer(text, start, end, timeout=PATTERN_TIMEOUT))


def _reads_as_date(text: str, match: regex.Match, floor: int) -> bool:
    """Tell whether a yearless "March 5" is a date, not "May 31 patients"."""
    if match.group("weekday"):
        return True
    before = text[max(floor, match.start() - _LEAD_IN_REACH) : match.start()]
    after = text[match.end() : match.end() + _FOLLOW_REACH]
    return bool(_DATE_LEAD_IN.search(before) or _DATE_FOLLOW.match(after))


def _build(match: regex.Match, near: datetime.date | None) -> DateMention | None:
    """Turn one match into a mention (None for what only looks like a date)."""
    base = {"start": match.start(), "end": match.end(), "text": match.group()}
    if match.group("day"):
        return _full_date(match, base, near)
    if match.group("myear"):
        year, month = int(match.group("myear")), month_number(match.group("month"))
        if month is None:
            return None  # the pattern only matches month names, so this does not happen
        last = calendar.monthrange(year, month)[1]
        return DateMention(
            **base,
            kind="month",
            year=year,
            month=month,
            first=datetime.date(year, month, 1),
            last=datetime.date(year, month, last),
        )
    fiscal = bool(match.group("fiscal"))
    if match.group("qyear"):
        quarter = int(match.group("q") or _ORDINALS[match.group("qw").lower()])
        return _period(base, "quarter", _year(match.group("qyear")), 3 * quarter - 2, 3, fiscal)
    if match.group("hyear"):
        half = int(match.group("h") or (1 if match.group("hw").lower() == "first" else 2))
        return _period(base, "half", _year(match.group("hyear")), 6 * half - 5, 6, fiscal)
    if match.group("ybare"):
        year = int(match.group("ybare"))
        return DateMention(
            **base,
            kind="year",
            year=year,
            first=datetime.date(year, 1, 1),
            last=datetime.date(year, 12, 31),
        )
    return DateMention(**base, kind="fiscal-year", year=_year(match.group("fyear")), fiscal=True)


def _full_date(match: regex.Match, base: dict, near: datetime.date | None) -> DateMention | None:
    """Build a day-precise mention, resolving a missing year against *near*."""
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    weekday = WEEKDAYS[match.group("weekday")[:3].lower()] if match.group("weekday") else None
    given = match.group("year") is not None
    year = int(match.group("year")) if given else nearest_year(month, min(day, 28), near)
    if year is None:  # "April 31" is impossible in any year; "Feb. 29" is not
        valid = day <= calendar.monthrange(2000, month)[1]
        return DateMention(
            **base,
            kind="date",
            year=None,
            month=month,
            day=day,
            weekday=weekday,
            year_given=False,
            valid=valid,
        )
    if day > calendar.monthrange(year, month)[1]:
        return DateMention(
            **base,
            kind="date",
            year=year,
            month=month,
            day=day,
            weekday=weekday,
            year_given=given,
            valid=False,
        )
    first = datetime.date(year, month, day)
    last = first
    day2 = int(match.group("day2")) if match.group("day2") else None
    if day2 and day < day2 <= calendar.monthrange(year, month)[1]:
        last = datetime.date(year, month, day2)
    return DateMention(
        **base,
        kind="date",
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        first=first,
        last=last,
        year_given=given,
    )


def _period(
    base: dict, kind: str, year: int, first_month: int, months: int, fiscal: bool
) -> DateMention:
    """Build a quarter or half; fiscal ones get no calendar interval."""
    if fiscal:
        return DateMention(**base, kind=kind, year=year, fiscal=True)
    last_month = first_month + months - 1
    last = datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return DateMention(
        **base, kind=kind, year=year, first=datetime.date(year, first_month, 1), last=last
    )


def _year(text: str) -> int:
    """Read "2007", "'07" or "07" as a year (two digits are 20xx)."""
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def nearest_year(month: int, day: int, near: datetime.date | None) -> int | None:
    """Return the year that puts month/day nearest to *near* (None without it)."""
    if near is None:
        return None
    candidates = [near.year - 1, near.year, near.year + 1]
    return min(candidates, key=lambda year: abs((datetime.date(year, month, day) - near).days))
