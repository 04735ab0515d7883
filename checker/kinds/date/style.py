"""Date checks about how dates and times are written: the dateline, its year and wire tag, time zones.

``prepare_data`` turns the data a rule carries (AP month forms, time zones,
daylight-saving rules by year) into lookup tables once, at load.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator
from typing import Any

from checker.analysis.date_mentions import MONTH, month_number
from checker.analysis.tense import sentence_of
from checker.kinds.date.common import DateCheck, DateFacts
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, PatternProblem
from checker.model import Hit

_DATELINE_MONTH = pattern_cache.compile(
    rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?P<ordinal>st|nd|rd|th)?"
)
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_RULE_DAY = pattern_cache.compile(
    r"(?i)(?P<nth>first|second|third|fourth|last)\s+Sunday\s+(?:of|in)\s+(?P<month>[A-Za-z]+)"
)
_TIME = pattern_cache.compile(
    r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)\s*\(?(?P<zone>[ECMP][SD]T)\b(?-i:(?<=[A-Z]{3}))"
)
_TODAYISH = pattern_cache.compile(r"(?i)\b(?:today|this\s+(?:morning|afternoon|evening))\b")
_FOUR_DIGITS = pattern_cache.compile(r"\d{4}")
_SPACES = pattern_cache.compile(r"\s+")


def prepare_data(name: str, params: dict[str, Any], where: str) -> dict[str, Any]:
    """Validate and prepare the data a check needs (empty for most checks)."""
    if name == "dateline-month-style":
        months = params["ap_months"]
        if not isinstance(months, dict) or sorted(months) != sorted(str(m) for m in range(1, 13)):
            raise PatternProblem(
                f"{where}.ap_months", "ap_months must give the AP form of months 1 to 12"
            )
        return {"ap_months": {int(key): value for key, value in months.items()}}
    if name == "dateline-wire-tag":
        tags = params["wire_tags"]
        if not isinstance(tags, list) or not tags:
            raise PatternProblem(
                f"{where}.wire_tags", "wire_tags must list the tags as the wires write them"
            )
        return {"wire_tags": tuple(tags)}
    if name == "dst":
        return {
            "zones": dict(params["zones"]),
            "rules": _dst_rules(params["dst_rules"], where),
        }
    return {}


def _dst_rules(rules: list[dict[str, Any]], where: str) -> list[tuple[int, int, tuple, tuple]]:
    """Parse "second Sunday of March" style rules into (from, to, start, end)."""
    parsed = []
    for index, rule in enumerate(rules):
        ends = []
        for key in ("start", "end"):
            match = _RULE_DAY.fullmatch(rule[key].strip())
            month = month_number(match.group("month")) if match else None
            if match is None or month is None:
                raise PatternProblem(
                    f"{where}.dst_rules[{index}].{key}", f"cannot read {rule[key]!r}"
                )
            ends.append((_NTH[match.group("nth").lower()], month))
        parsed.append((rule["from"], rule["to"], ends[0], ends[1]))
    return parsed


def year_inferred(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Say that the dateline has no year, and which year was inferred (or that none was)."""
    dateline = facts.document.dateline
    if dateline is None or not dateline.date_text or _FOUR_DIGITS.search(dateline.date_text):
        return
    if facts.release is not None and facts.release.source == "option":
        return
    start = facts.text.find(dateline.date_text, dateline.start, dateline.end)
    end = start + len(dateline.date_text)
    if facts.release is None:
        detail = "no year could be inferred from the body; pass --date"
    else:
        detail = (
            f"the release year is inferred as {facts.release.date.year} from the dates in the body"
        )
    yield Hit(start, end, {"match": dateline.date_text, "detail": detail})


def dateline_month_style(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a dateline month not in AP form ("January 4", "Sep. 5", "May 3rd")."""
    dateline = facts.document.dateline
    if dateline is None or not dateline.date_text:
        return
    start = facts.text.find(dateline.date_text, dateline.start, dateline.end)
    match = _DATELINE_MONTH.match(facts.text, start, start + len(dateline.date_text))
    if start < 0 or match is None:
        return
    month = month_number(match.group("month"))
    expected = check.data["ap_months"][month]
    written = match.group("month")
    day = str(int(match.group("day")))  # AP writes "Sept. 3", never "Sept. 03"
    if written == expected and not match.group("ordinal") and day == match.group("day"):
        return
    replacement = f"{expected} {day}"
    fields = {"match": match.group(), "replacement": replacement}
    yield Hit(match.start(), match.end(), fields, replacement)


def dateline_wire_tag(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a wire tag written otherwise than the wire writes it ("/PR Newswire/")."""
    dateline = facts.document.dateline
    if dateline is None or not dateline.wire or dateline.wire in check.data["wire_tags"]:
        return
    squeezed = _SPACES.sub("", dateline.wire).casefold()
    known = [tag for tag in check.data["wire_tags"] if _SPACES.sub("", tag).casefold() == squeezed]
    if not known:
        return  # a wire we have no spelling for: nothing to compare with
    start = facts.text.find(dateline.wire, dateline.start, dateline.end)
    fields = {"match": dateline.wire, "replacement": known[0]}
    yield Hit(start, start + len(dateline.wire), fields, known[0])


def dst(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a standard-time zone on a daylight-saving date, and the reverse."""
    zones, rules = check.data["zones"], check.data["rules"]
    for match in _TIME.finditer(facts.text, timeout=PATTERN_TIMEOUT):
        zone = match.group("zone")
        if zone not in zones:
            continue
        day = _day_of(facts, match.start())
        in_dst = _in_dst(day, rules) if day else None
        if in_dst is None or in_dst == (zones[zone] == "daylight"):
            continue
        fields = {
            "match": match.group(),
            "zone": zone,
            "day": day.isoformat(),
            "season": "daylight-saving time" if in_dst else "standard time",
        }
        yield Hit(match.start("zone"), match.end("zone"), fields)


def _day_of(facts: DateFacts, offset: int) -> datetime.date | None:
    """Return the day a time refers to: a full date in its sentence, or the release for "today"."""
    start, end = sentence_of(facts.document, offset)
    days = [m for m in facts.mentions if start <= m.start < end and m.kind == "date" and m.first]
    if days:
        return min(days, key=lambda mention: abs(mention.start - offset)).first
    if facts.release is not None and _TODAYISH.search(
        facts.text, start, end, timeout=PATTERN_TIMEOUT
    ):
        return facts.release.date
    return None


def _in_dst(day: datetime.date, rules: list[tuple[int, int, tuple, tuple]]) -> bool | None:
    """Tell whether US daylight-saving time is in force on *day* (None: no rule for the year)."""
    for first_year, last_year, begin, finish in rules:
        if first_year <= day.year <= last_year:
            return _sunday(day.year, *begin) <= day < _sunday(day.year, *finish)
    return None


def _sunday(year: int, nth: int, month: int) -> datetime.date:
    """Return the nth (or last, -1) Sunday of a month."""
    sundays = [
        week[calendar.SUNDAY]
        for week in calendar.monthcalendar(year, month)
        if week[calendar.SUNDAY]
    ]
    return datetime.date(year, month, sundays[nth - 1 if nth > 0 else -1])


REPORTS = {
    "year-inferred": year_inferred,
    "dateline-month-style": dateline_month_style,
    "dateline-wire-tag": dateline_wire_tag,
    "dst": dst,
}
