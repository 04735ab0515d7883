"""Recognise the dateline that opens a release: city, date as written, wire.

The forms follow the datelines the major US and Canadian wires publish:
PR Newswire with and without a year, Business Wire, GlobeNewswire and Prime
Newswire, Marketwire(d), CNW, ACCESSWIRE, NewMediaWire, and plain drafts
("City, State, Month D, YYYY --"). The wire tags are data:
``checker/data/wires.json``. Only the form is recognised here; what
the date means is for the date checks.
"""

from __future__ import annotations

from typing import NamedTuple

from checker.data import calendar_words, load
from checker.matching import engine, pattern_cache

#: Every month form of checker/data/calendar.json ("Jan.", "Sept", "September").
MONTH = calendar_words.month_pattern()

_DATE = (
    rf"(?P<date>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?"
    rf"|\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
)
_PAREN_DATE = rf"\(\s*{_DATE}\s*\)"  # "San Jose, CA (August 10, 1995) --"

#: A date inside a wire tag: "(Marketwired - April 4, 2014)".
_TAG_DATE = rf"{MONTH}\s+\d{{1,2}},?\s*\d{{4}}"


def _wire_pattern() -> str:
    """Return the wire tags of checker/data/wires.json as one group, alternatives in file order.

    A ``{date}`` in a tag's pattern is the dated part some wires put inside
    the tag; it is captured as the dateline's date.
    """
    alternatives = [
        pattern.replace("{date}", f"(?P<date>{_TAG_DATE})")
        for wire in load("wires")["wires"]
        for pattern in wire["dateline"]
    ]
    return "(?P<wire>(?i:" + "|".join(alternatives) + "))"


_WIRE = _wire_pattern()

# A city word: "NEW", "WINSTON-SALEM", "ST." (title case is accepted too,
# but then a full date must follow: "Boston, MA, May 3, 2025 --").
_CITY_WORD = r"[A-Z][A-Za-z.'’&]*(?:-[A-Z][A-Za-z.'’&]*)*"

_DATELINE = pattern_cache.compile(
    rf"""
    \A
    (?P<city>{_CITY_WORD}(?:[ ]{_CITY_WORD}){{0,4}})
    (?P<region>(?:,[ ]*[A-Z][A-Za-z.'’]*(?:[ ][A-Z][A-Za-z.'’]*){{0,3}}){{0,2}})
    (?:[ ](?:and|&)[ ]{_CITY_WORD}(?:[ ]{_CITY_WORD}){{0,4}}(?:,[ ]*[A-Z][A-Za-z.'’]*){{0,2}})?
    (?P<tail>(?:
        (?:\s*,?\s*(?:--|[—–-]|/)?\s*) (?:{_WIRE}|{_DATE}|{_PAREN_DATE})
    )*)
    (?P<end>\s*(?:--?|[—–:]|\.\.\.|…)\s*|\s*/\s+|[ \t]*(?=\n[ \t]*\n)|(?<=\))[ \t]+(?=\p{{Lu}}))
    """,
    engine.VERBOSE,
)
_FOUR_DIGITS = pattern_cache.compile(r"\d{4}")
_WIRE_TAG_DATE = pattern_cache.compile(rf"[-–—]?\s*{_TAG_DATE}")  # "/PRNewswire/ -- May 5, 2026"


class Dateline(NamedTuple):
    """A recognised dateline and its parts as written (offsets into the text)."""

    start: int
    end: int
    city: str
    region: str
    date_text: str | None
    wire: str | None


#: How far past a paragraph's start a dateline may run (characters). The longest in
#: the real releases is 109 ("Fort Lauderdale, FL, March 18, 2026 – PRISM MediaWire
#: (Press Release Service – ...)"); the bound only keeps the match from reading a whole
#: first paragraph, so it leaves room for multi-city datelines with long wire tags.
DATELINE_REACH = 600


def find_dateline(text: str, start: int, limit: int = DATELINE_REACH) -> Dateline | None:
    """Return the dateline at *start* in *text*, or None.

    A dateline needs an all-capitals city followed by a date, a wire tag, or
    at least a region and the dash that ends a dateline ("CUPERTINO,
    CALIFORNIA — Apple today ...").
    """
    window = text[start : start + limit]
    match = _DATELINE.match(window)
    if not match:
        return None
    date = match.captures("date")
    wire = match.captures("wire")
    city = match.group("city")
    if not match.group("end").strip() and not (wire or date and _FOUR_DIGITS.search(date[-1])):
        return None  # with no closing dash, only a full date or a wire tag makes a dateline
    if not (date or wire):
        if not match.group("region") or len(city.replace(" ", "")) < 3:
            return None
    if not city.isupper() and not (date and _FOUR_DIGITS.search(date[0])):
        return None
    return Dateline(
        start=start,
        end=start + match.end(),
        city=city,
        region=match.group("region").strip(", "),
        date_text=date[0] if date else None,
        wire=_clean_wire(wire[0]) if wire else None,
    )


def _clean_wire(tag: str) -> str:
    """Return a wire tag without its brackets and dates: ``PRNewswire-FirstCall``."""
    inner = _WIRE_TAG_DATE.sub("", tag)
    return inner.strip("/() \t\n").strip()
