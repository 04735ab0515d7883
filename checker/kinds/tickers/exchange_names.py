"""Exchange names in a release: out of their time, misspelled, spelled two ways, two tiers.

A helper of the ``tickers`` kind, not a kind. Names, renames (with dates
and sources), tiers and other exchanges' codes come from
``checker/data/exchanges.json``. A name counts in tickers ("(AMEX: KAL)"),
in present-tense listing phrases ("is listed on the Nasdaq National
Market") and, for retired names, anywhere else ("a member of NYSE, AMEX,
FINRA"), never in historical sentences ("formerly listed on", "since 1998").
"""

from __future__ import annotations

import bisect
import datetime
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.analysis.sec_data import load, sentence_at
from checker.analysis.ticker_mentions import Mention, Venue, alias_key, venue_at, venues
from checker.document.model import Document, per_document
from checker.matching import engine, pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_PRESENT_LISTING = (
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:listed|traded|quoted)\s+on\s+(?:the\s+)?"
)
_NASDAQ = pattern_cache.compile(r"(?<![\w.@/-])(?:NASDAQ|Nasdaq)(?![\w@]|\.com)")
TRANSFER = pattern_cache.compile(
    r"(?i)\b(?:transfer\w*|mov(?:e|es|ed|ing)|switch\w*|uplist\w*|relist\w*)\b"
)


@lru_cache(maxsize=1)
def _present_listing() -> regex.Pattern:
    """Compile "is listed on the <exchange>" for every exchange name, once."""
    _table, alias = venues()
    return pattern_cache.compile(_PRESENT_LISTING + f"(?P<alias>{alias})", engine.IGNORECASE)


@lru_cache(maxsize=1)
def _tiers() -> regex.Pattern:
    """Compile a pattern for the Nasdaq tier names ("Nasdaq Capital Market"), once."""
    table, _alias = venues()
    tiers = [
        alias
        for alias, venue in table.items()
        if venue.group == "Nasdaq" and venue.name != "Nasdaq" and "market" in alias
    ]
    tiers.sort(key=len, reverse=True)
    names = "|".join(engine.escape(tier).replace("\\ ", r"\s+") for tier in tiers)
    return pattern_cache.compile(rf"\b(?:{names})\b", engine.IGNORECASE)


def anachronisms(
    report: str,
    grace: datetime.timedelta,
    document: Document,
    found: list[Mention],
    day: datetime.date,
    scope: Scope,
) -> Iterator[Hit]:
    """Report exchange names used in the present tense outside their years of use."""
    seen: set[int] = set()
    for mention in found:
        if mention.alias_start not in seen:
            seen.add(mention.alias_start)
            yield from _anachronism(
                report, grace, mention.venue, mention.alias, mention.alias_start, day, short=True
            )
    for start, alias_start, alias in _present_listings(document):
        if alias_start not in seen and document.in_scope(start, scope):
            seen.add(alias_start)
            venue = venues()[0][alias_key(alias)]
            yield from _anachronism(report, grace, venue, alias, alias_start, day, short=False)
    if report == "exchange-retired":
        for match in _retired_names().finditer(document.text, timeout=PATTERN_TIMEOUT):
            start = match.start()
            if start in seen or not document.in_scope(start, scope):
                continue
            if _bare(match.group()) and not _EXCHANGE_LIST.search(
                _around(document.text, start, match.end()), timeout=PATTERN_TIMEOUT
            ):
                continue  # "Amex" alone may be American Express; in a list of exchanges it is not
            if _historical(document, start, day):
                continue
            venue = venues()[0][alias_key(match.group())]
            yield from _anachronism(report, grace, venue, match.group(), start, day, short=True)


@per_document
def _present_listings(document: Document) -> list[tuple[int, int, str]]:
    """Return each "is listed on the <exchange>": where it starts, where the name starts, the name.

    Both anachronism reports read them; searched once per draft, not once per report.
    """
    return [
        (match.start(), match.start("alias"), match.group("alias"))
        for match in _present_listing().finditer(document.text, timeout=PATTERN_TIMEOUT)
    ]


@per_document
def mentions_transfer(document: Document) -> bool:
    """Tell whether the release speaks of a transfer, move or uplisting (two reports ask)."""
    return TRANSFER.search(document.text, timeout=PATTERN_TIMEOUT) is not None


@lru_cache(maxsize=1)
def _retired_names() -> regex.Pattern:
    """Compile every retired exchange name as the tables write it (case kept), once.

    Longest first, so a name wins over one it starts with; names of one
    length in alphabetical order, so the source is the same in every process
    (a set's order changes with the hash seed, and each new source was
    compiled afresh and kept in the pattern cache, which grew with every run).
    """
    names = sorted(
        {
            alias
            for raw in load("exchanges")["venues"]
            if raw.get("until")
            for alias in raw["aliases"]
        },
        key=lambda name: (-len(name), name),
    )
    alternation = "|".join(engine.escape(name).replace("\\ ", r"\s+") for name in names)
    return pattern_cache.compile(rf"(?<![\w./@-])(?:{alternation})(?![\w@]|\.(?:com|net)\b)")


def _bare(name: str) -> bool:
    """Tell whether a name is a bare abbreviation that other things share ("Amex": American Express)."""
    return name.casefold() == "amex"


#: Another exchange or regulator beside a bare name: "a member of NYSE, AMEX, FINRA".
_EXCHANGE_LIST = pattern_cache.compile(
    r"\b(?:NYSE|Nasdaq|NASDAQ|FINRA|SIPC|CBOE|Cboe|NFA|MSRB|stock\s+exchanges?|exchanges?)\b"
    r"|\b(?:listed|traded|quoted)\s+on\s+(?:the\s+)?\Z"
)


def _around(text: str, start: int, end: int) -> str:
    """Return the few words on either side of a name, within its clause."""
    before = _CLAUSE_BREAK.split(text[max(0, start - 40) : start])[-1]
    after = _CLAUSE_BREAK.split(text[end : end + 40])[0]
    return f"{before} {after}"


#: Words that tell a name as history: "formerly listed on the American Stock Exchange".
_HISTORY = pattern_cache.compile(
    r"(?i)\b(?:formerly|former|previously|prior\s+to|originally|once|predecessor|"
    r"(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:listed|traded|quoted|admitted|a\s+member)|"
    r"delist\w*|transferr?\w*|mov(?:e|ed|ing)\s+(?:\w+\s+){0,3}from|switch\w*\s+from|"
    r"known\s+as|renamed|rebrand\w*|name\s+change|history|historic\w*|founded|acquired|"
    r"acquisition|merg\w*|served|worked|joined|began|started|spent|since)\b"
)


def _historical(document: Document, start: int, day: datetime.date) -> bool:
    """Tell whether the sentence around a name tells of the past (a history word, or a year before the release's)."""
    span = sentence_at(document, start)
    sentence = (
        document.text[slice(*span)] if span else document.text[max(0, start - 200) : start + 200]
    )
    if _HISTORY.search(sentence, timeout=PATTERN_TIMEOUT):
        return True
    years = [int(year) for year in _YEAR.findall(sentence)]
    return any(year < day.year - 1 for year in years)


def _anachronism(
    report: str,
    grace: datetime.timedelta,
    venue: Venue,
    written: str,
    start: int,
    day: datetime.date,
    short: bool,
) -> Iterator[Hit]:
    """Yield a hit when *venue*'s name was not (yet, or any longer) in use on *day*."""
    too_early = venue.start is not None and day < venue.start - grace
    retired = max(venue.until, venue.report_after or venue.until) if venue.until else None
    too_late = retired is not None and day >= retired + grace
    if not (
        (report == "exchange-not-yet" and too_early) or (report == "exchange-retired" and too_late)
    ):
        return
    current = venue_at(venue.line, day)
    fields = {
        "exchange": written,
        "date": day.isoformat(),
        "from": venue.start.isoformat() if venue.start else "",
        "until": venue.until.isoformat() if venue.until else "",
        "current": (current.short if short else current.name) if current else "its current name",
    }
    replacement = fields["current"] if current else None
    yield Hit(start, start + len(written), fields, replacement)


def name_style(document: Document, scope: Scope) -> Iterator[Hit]:
    """Report the minority spelling when both "NASDAQ" and "Nasdaq" appear."""
    occurrences = []
    for match in _NASDAQ.finditer(document.text, timeout=PATTERN_TIMEOUT):
        if document.in_scope(match.start(), scope):
            occurrences.append(match)
    counts = Counter(match.group() for match in occurrences)
    if len(counts) < 2:
        return
    expected = max(counts, key=lambda form: (counts[form], form == occurrences[0].group()))
    for match in occurrences:
        if match.group() != expected:
            yield Hit(
                match.start(),
                match.end(),
                {
                    "match": match.group(),
                    "expected": expected,
                    "counts": ", ".join(f"'{k}' ×{v}" for k, v in counts.most_common()),
                },
                replacement=expected,
            )


#: "(Nasdq: ABCD)", "(NYSE Amercan: XYZ; TSX: X)": a name and a symbol in a ticker's shape.
_TICKER_SHAPE = pattern_cache.compile(
    r"(?:\(|[;/,|]\s*)(?P<name>[A-Za-z][A-Za-z./ -]{1,24}?)(?:\s*[:：]\s*|\s*[-–]\s*(?=[A-Z]{2,}))"
    r"(?P<sym>[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z0-9]{1,3})?)[\"\u201c\u201d'\u2019]?"
    r"(?=\s*[;,/|)]|\s+(?:and|or)\b)"
)


def malformed(document: Document, scope: Scope) -> Iterator[Hit]:
    """Report an exchange name misspelled inside a ticker ("(Nasdq: ABCD)"), with the names it is one slip from."""
    table, _alias = venues()
    others = {code.casefold() for code in load("exchanges")["other_codes"]}
    for match in _TICKER_SHAPE.finditer(document.text, timeout=PATTERN_TIMEOUT):
        name, start = match.group("name"), match.start("name")
        key = alias_key(name)
        if key in table or key in others or not document.in_scope(start, scope):
            continue
        if not _in_parentheses(document, start):
            continue
        near = _nearest_aliases(name)
        if not near:
            continue
        names = list(dict.fromkeys(near.values()))
        fix = names[0] if len(names) == 1 else None
        yield Hit(
            start,
            match.end("name"),
            {"exchange": name, "expected": " or ".join(f"'{n}'" for n in names)},
            replacement=fix,
        )


def _in_parentheses(document: Document, start: int) -> bool:
    """Tell whether *start* lies inside an open parenthesis on its line.

    It does when the last "(" before it comes after the last ")" and the
    last line end: two bisections, where looking back along the line would
    make a draft of one long line quadratic.
    """
    opens, closes = _brackets(document)
    last_open = bisect.bisect_left(opens, start) - 1
    if last_open < 0:
        return False
    last_close = bisect.bisect_left(closes, start) - 1
    return last_close < 0 or opens[last_open] > closes[last_close]


@per_document
def _brackets(document: Document) -> tuple[list[int], list[int]]:
    """Return the offsets of every "(" and of every ")" or line end, in order."""
    text = document.text
    return (
        [match.start() for match in _OPENING.finditer(text)],
        [match.start() for match in _CLOSING.finditer(text)],
    )


_OPENING = pattern_cache.compile(r"\(")
_CLOSING = pattern_cache.compile(r"[)\n]")
_CLAUSE_BREAK = pattern_cache.compile(r"[.;:()\n]")
_YEAR = pattern_cache.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=256)
def _nearest_aliases(written: str) -> dict[str, str]:
    """Map each venue one slip from *written* to the spelling of it to suggest.

    A slip is two letters swapped (names of 3+ letters) or one letter changed,
    added or dropped (names of 4+ letters); the suggestion keeps the writer's
    case ("NASDQ" -> "NASDAQ", "Nasdq" -> "Nasdaq").
    """
    table, _alias = venues()
    folded = alias_key(written)
    found: dict[str, str] = {}
    for alias_folded, venue in table.items():
        if venue.name in found or not _one_slip(folded, alias_folded):
            continue
        spellings = [a for a in _spellings(venue) if alias_key(a) == alias_folded]
        same_case = [a for a in spellings if a.isupper() == written.isupper()]
        found[venue.name] = (same_case or spellings or [alias_folded])[0]
    return found


def _spellings(venue: Venue) -> list[str]:
    """Return a venue's aliases as the data file writes them (case kept)."""
    for raw in load("exchanges")["venues"]:
        if raw["name"] == venue.name:
            return list(raw["aliases"])
    return []


def _one_slip(written: str, name: str) -> bool:
    """Tell whether *written* is one typing slip from the exchange name *name* (both casefolded)."""
    if written == name:
        return False
    if len(written) == len(name):
        diff = [i for i in range(len(name)) if written[i] != name[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and len(name) >= 3:
            return written[diff[0]] == name[diff[1]] and written[diff[1]] == name[diff[0]]
        return len(diff) == 1 and len(name) >= 4 and written[diff[0]].isalpha()
    if len(name) < 4 or abs(len(written) - len(name)) != 1:
        return False
    short, long = sorted((written, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def tier_conflicts(document: Document, scope: Scope) -> Iterator[Hit]:
    """Report a second Nasdaq tier named for the issuer when no transfer is mentioned."""
    if mentions_transfer(document):
        return
    table, _alias = venues()
    first: Venue | None = None
    for match in _tiers().finditer(document.text, timeout=PATTERN_TIMEOUT):
        venue = table[alias_key(match.group())]
        if not document.in_scope(match.start(), scope):
            continue
        if first is None:
            first = venue
        elif venue.name != first.name and (venue.line is None or venue.line != first.line):
            yield Hit(match.start(), match.end(), {"exchange": match.group(), "other": first.name})
