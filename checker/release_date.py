"""Work out a draft's release date: the dateline's, else ``--date``/config.

Returns the date with where it came from, so checks and audit records can
say "release date 2007-02-22 (from the dateline, year inferred)".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_DATE_TEXT = regex.compile(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(?P<year>\d{4}))?")


@dataclass(frozen=True)
class ReleaseDate:
    """A release date and its provenance: ``dateline``, ``option`` or ``inferred``."""

    date: datetime.date
    source: str


def parse_month_day(text: str) -> tuple[int, int, int | None] | None:
    """Parse "Feb. 22", "April 11, 2007" into (month, day, year or None)."""
    match = _DATE_TEXT.fullmatch(text.strip())
    if not match:
        return None
    month = _MONTHS.get(match.group("month")[:3].lower())
    if month is None:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return month, int(match.group("day")), year


def resolve_release_date(document, context) -> ReleaseDate | None:
    """Return the release date: a dated dateline first, then the configured date."""
    dateline = document.dateline
    if dateline is not None and dateline.date_text:
        parsed = parse_month_day(dateline.date_text)
        if parsed and parsed[2] is not None:
            try:
                return ReleaseDate(datetime.date(parsed[2], parsed[0], parsed[1]), "dateline")
            except ValueError:
                pass
    if context.release_date:
        return ReleaseDate(datetime.date.fromisoformat(context.release_date), "option")
    return None
