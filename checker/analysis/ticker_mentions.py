"""Find ticker mentions in a release and attach each to its company.

A helper of the ``tickers`` and ``safe-harbor`` kinds, not a kind. It reads
"(Exchange: TICKER)" parentheticals in all their spellings ("(NASDAQ:NTII)",
"(AMEX: KAL); (FWB: CA4)", "(CSE: BETR / OTCQB : BETRF / FRA: NPAU)",
"(Nasdaq: ACON, ACONW)"), including ones broken by pasted markup
("(Frankfurt”>CA4)"). Exchange names come from ``checker/data/exchanges.json``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from checker.analysis.sec_data import SpanSet, iso, load
from checker.document.model import Document, per_document
from checker.matching import engine, pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT

if TYPE_CHECKING:
    import regex

_QUOTES = "\"“”'’"
_SYMBOL = r"[A-Za-z0-9]{1,6}(?:[.\-/][A-Za-z0-9]{1,3}){0,2}"
_SYMBOL_END = r"(?=\s*(?:[;,/|)]|\s-\s*news|\s+(?:and|or)\b|\Z))"
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "about",
    "today",
    "and",
    "&",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_VENUE_WORDS = {"exchange", "bourse", "market", "markets", "board", "sheets"}
_OWNER = pattern_cache.compile(
    r"(?P<name>(?:[A-Z0-9][\w&.'’-]*,?\s+(?:(?:of|and|&|de|la)\s+)?){0,6}[A-Z0-9][\w&.'’-]*[.,]?)\s*\Z"
)


class Venue(NamedTuple):
    """An exchange or quotation system and the years its name was in use."""

    name: str
    short: str
    group: str
    country: str
    start: datetime.date | None
    until: datetime.date | None
    line: str | None
    report_after: datetime.date | None = None


class Mention(NamedTuple):
    """One "exchange: symbol" pair as written, with the company it belongs to."""

    venue: Venue
    alias: str
    alias_start: int
    symbol: str
    start: int
    end: int
    paren: tuple[int, int]
    owner: str | None
    issuer: bool
    markup: bool


@lru_cache(maxsize=1)
def venues() -> tuple[dict[str, Venue], str]:
    """Return the alias table (casefolded alias to venue) and an alternation of all aliases."""
    table: dict[str, Venue] = {}
    for raw in load("exchanges")["venues"]:
        venue = Venue(
            raw["name"],
            raw["short"],
            raw["group"],
            raw["country"],
            iso(raw.get("from")),
            iso(raw.get("until")),
            raw.get("line"),
            iso(raw.get("report_after")),
        )
        for alias in raw["aliases"]:
            table.setdefault(alias.casefold(), venue)
    names = sorted(table, key=len, reverse=True)
    alternation = "|".join(engine.escape(name).replace("\\ ", r"\s+") for name in names)
    return table, rf"(?<![\w-])(?:{alternation})(?![\w])"


@lru_cache(maxsize=1)
def _segment() -> regex.Pattern:
    """Compile the pattern of one "exchange: symbol[, symbol]" segment."""
    _table, alias = venues()
    return pattern_cache.compile(
        rf"""\s*(?:[;,/|]|\band\b)?\s*
        (?P<alias>{alias})
        (?P<sep>\s*[:：]\s*|\s*[{_QUOTES}]?\s*>\s*|\s*[-–]\s*(?=[A-Z]{{2,}}))
        (?P<sym>{_SYMBOL})(?P<junk>[{_QUOTES}]?){_SYMBOL_END}
        (?:\s*,\s*(?P<sym>{_SYMBOL})(?P<junk>[{_QUOTES}]?)(?!\s*[:\-–>{_QUOTES}]){_SYMBOL_END})*
        (?:\s+-\s*news)?""",
        engine.VERBOSE | engine.IGNORECASE | engine.VERSION0,
    )


def mentions(document: Document, issuer: str | None = None) -> list[Mention]:
    """Return every ticker mention in parentheses, attributed to issuer or partner.

    ``mentions(document)`` and ``mentions(document, None)`` are one analysis:
    the issuer is always passed on by position, so the draft's cache keeps
    it once instead of working it out for each spelling of the call.
    """
    return _mentions(document, issuer)


@per_document
def _mentions(document: Document, issuer: str | None) -> list[Mention]:
    """Find the ticker mentions (see :func:`mentions`)."""
    table, _alias = venues()
    found: list[Mention] = []
    previous_paren_end = -1
    previous_owner: str | None = None
    for paren in _PARENTHESES.finditer(document.text, timeout=PATTERN_TIMEOUT):
        segments = _parse_body(document.text, paren.start("body"), paren.end("body"))
        if not segments:
            continue
        between = (
            document.text[previous_paren_end : paren.start()] if previous_paren_end >= 0 else "x"
        )
        adjacent = _LIST_GAP.fullmatch(between) is not None
        owner = previous_owner if adjacent else _owner_before(document.text, paren.start())
        if issuer is None and not found:
            issuer = owner or document.company
        is_issuer = owner is None or same_company(owner, issuer)
        for match, _index in segments:
            venue = table[alias_key(match.group("alias"))]
            markup = any(char in match.group("sep") for char in _QUOTES + ">") or any(
                match.captures("junk")
            )
            for symbol, start, end in zip(
                match.captures("sym"), match.starts("sym"), match.ends("sym")
            ):
                found.append(
                    Mention(
                        venue,
                        match.group("alias"),
                        match.start("alias"),
                        symbol,
                        start,
                        end,
                        paren.span(),
                        owner,
                        is_issuer,
                        markup,
                    )
                )
        previous_paren_end, previous_owner = paren.end(), owner
    return found


def alias_key(alias: str) -> str:
    """Return the table key of an alias as written (case and spacing folded)."""
    return " ".join(alias.split()).casefold()


def _parse_body(text: str, start: int, end: int) -> list[tuple[regex.Match, int]]:
    """Parse a parenthetical's segments; empty when it does not open with a ticker."""
    segments: list[tuple[regex.Match, int]] = []
    position = start
    while position < end:
        match = _segment().match(text, position, end, timeout=PATTERN_TIMEOUT)
        if match is None or match.end() == position:
            break
        segments.append((match, len(segments)))
        position = match.end()
    return segments


#: How far before a ticker's parenthesis its company's name is looked for.
_OWNER_REACH = 100


def _owner_before(text: str, paren_start: int) -> str | None:
    """Return the capitalised name right before a parenthesis, if there is one."""
    reach = max(0, paren_start - _OWNER_REACH)  # not the whole line: it may be the whole draft
    line_start = text.rfind("\n", reach, paren_start) + 1 or reach
    before = text[line_start:paren_start]
    while True:  # skip defined terms: 'SS Innovations, Inc. (the “Company”) (Nasdaq: SSII)'
        trimmed = _TRAILING_BRACKET.sub("", before)
        if trimmed == before:
            break
        before = trimmed
    match = _OWNER.search(before)
    if match is None:
        return None
    words = match.group("name").strip(" ,").split()
    while words and (words[0].casefold() in _NOT_NAMES or not words[0][:1].isalpha()):
        words.pop(0)
    name = " ".join(words)
    table, _alias = venues()
    if (
        not name
        or alias_key(name).removeprefix("the ") in table
        or words[-1].casefold() in _VENUE_WORDS
    ):
        return None  # "on the Frankfurt Bourse (FRA: 5LB)" names a venue, not a company
    return name


def same_company(owner: str, issuer: str | None) -> bool:
    """Tell whether a name before a ticker is the issuer (first words agree, "The" aside).

    The lead names "The Buckle, Inc." and the ticker follows "Buckle, Inc.": one company.
    """
    if issuer is None:
        return True
    first = _first_word(owner)
    issuer_first = _first_word(issuer)
    return first == issuer_first or first.startswith(issuer_first) or issuer_first.startswith(first)


def _first_word(name: str) -> str:
    """Return a company name's first word, casefolded, without a leading "The" or a possessive."""
    words = name.split() or [""]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return words[0].rstrip(",.’'s").casefold()


def venue_at(line: str | None, day: datetime.date) -> Venue | None:
    """Return the venue of a rename line whose name was in use on *day*."""
    if line is None:
        return None
    table, _pattern = venues()
    for venue in dict.fromkeys(table.values()):
        started = venue.start is None or venue.start <= day
        if venue.line == line and started and (venue.until is None or day < venue.until):
            return venue
    return None


class LooseMention(NamedTuple):
    """A symbol written outside ticker parentheses: "under the symbol “ZTNH”", "Nasdaq: ZTNH"."""

    symbol: str
    start: int
    end: int
    venue: Venue | None


_LOOSE_SYMBOL = rf"[{_QUOTES}]?(?P<sym>(?-i:[A-Z][A-Z0-9]{{0,5}}(?:\.[A-Z]{{1,2}})?))(?![\w-])"
#: "under the (new) (stock/ticker/trading) symbol", "ticker (symbol)", "symbol changed to".
_SYMBOL_PHRASE = pattern_cache.compile(
    r"(?i)\b(?:(?:under|with|using)\s+the\s+(?:new\s+|same\s+)?(?:(?:stock|ticker|trading|equity)\s+)*"
    r"symbols?|ticker(?:\s+symbol)?|symbol)\s+(?:(?:of|is|from|to|as)\s+)?" + _LOOSE_SYMBOL
)


@lru_cache(maxsize=1)
def _venue_symbol() -> regex.Pattern:
    """Compile "Nasdaq: ZTNH", "NASDAQ:ZTNH", "OTCQB: ABCD" as written outside parentheses."""
    _table, alias = venues()
    return pattern_cache.compile(
        rf"(?P<alias>{alias})\s*[:：]\s*" + _LOOSE_SYMBOL, engine.IGNORECASE | engine.VERSION0
    )


_COLON = pattern_cache.compile(r"[:：]")
_SPACES = pattern_cache.compile(r"\s*")
_NON_SPACE_BACKWARDS = pattern_cache.compile(r"(?r)\S")
#: Past the white space after a colon, what a venue symbol can still read: a quote,
#: the longest symbol (six letters, a dot and two), and the character after it.
_SYMBOL_REACH = 1 + 9 + 1
_LIST_GAP = pattern_cache.compile(r"[\s;,]*")
_PARENTHESES = pattern_cache.compile(r"\((?P<body>[^()\n]{1,160})\)")  # where tickers are written
_TRAILING_BRACKET = pattern_cache.compile(r"\s*\([^()]*\)\s*\Z")


@lru_cache(maxsize=1)
def _alias_letters() -> int:
    """Return the most characters other than spaces an exchange name has."""
    table, _alias = venues()
    return max(len(alias) - alias.count(" ") for alias in table)


def venue_symbols(text: str) -> Iterator[regex.Match]:
    """Yield the matches of "Nasdaq: ZTNH" as ``finditer`` would, searching only before colons.

    Every match holds one colon, right after its exchange name and white
    space, and the name has at most :func:`_alias_letters` characters other
    than white space. So the name starts no further back from its colon than
    that many such characters, and the symbol ends within a few characters
    of the colon's white space: searching that stretch around each colon
    finds the same matches as a scan of the whole text with a pattern of
    a hundred names (0.9 ms of a release's 25), and in a tenth of the time.
    A match found there that belongs to a later colon is left to that one.
    """
    pattern, letters = _venue_symbol(), _alias_letters()
    last_end = 0
    for colon in _COLON.finditer(text, timeout=PATTERN_TIMEOUT):
        at = colon.start()
        if at < last_end:
            continue
        start = at
        for count, letter in enumerate(_NON_SPACE_BACKWARDS.finditer(text, 0, at), 1):
            start = letter.start()
            if count == letters:
                break
        spaces = _SPACES.match(text, at + 1)
        end = min(len(text), (spaces.end() if spaces else at + 1) + _SYMBOL_REACH)
        match = pattern.search(text, max(start, last_end), end, timeout=PATTERN_TIMEOUT)
        if match is not None and match.end("alias") <= at < match.start("sym"):
            last_end = match.end()
            yield match


@per_document
def loose_mentions(document: Document) -> list[LooseMention]:
    """Return the symbols written outside ticker parentheses, in text order.

    Parenthesised tickers are :func:`mentions`; these are the other forms a
    release uses for its own symbol, which an editor retypes by hand.
    """
    table, _alias = venues()
    inside = SpanSet(mention.paren for mention in mentions(document))
    found: dict[int, LooseMention] = {}
    for match in venue_symbols(document.text):
        if not inside.holds(match.start()):
            venue = table[alias_key(match.group("alias"))]
            found[match.start("sym")] = LooseMention(
                match.group("sym"), match.start("sym"), match.end("sym"), venue
            )
    for match in _SYMBOL_PHRASE.finditer(document.text, timeout=PATTERN_TIMEOUT):
        if match.start("sym") not in found and not inside.holds(match.start()):
            found[match.start("sym")] = LooseMention(
                match.group("sym"), match.start("sym"), match.end("sym"), None
            )
    return [found[start] for start in sorted(found)]


#: "under the (stock, ticker or trading) symbol": where a listing stated in prose ends.
_UNDER_SYMBOL = pattern_cache.compile(
    r"(?i)\bunder\s+the\s+(?:(?:stock|ticker|trading)\s+)*symbol\b"
)
#: How far before "under the symbol" a prose listing can start: the verb, "in the United
#: States", the longest exchange name ("Nasdaq Global Select Market") and room to spare.
_LISTING_REACH = 160


@lru_cache(maxsize=1)
def _prose_listing() -> regex.Pattern:
    """Compile "is listed on the <exchange> under the symbol X", present tense, for every exchange name."""
    _table, alias = venues()
    return pattern_cache.compile(
        r"\b(?:(?:is|are)\s+(?:also\s+|currently\s+|now\s+)?(?:listed|traded|quoted|trading)|trades?)"
        rf"\s+(?:in\s+the\s+United\s+States\s+)?on\s+(?:the\s+)?(?P<alias>{alias})"
        r"\s+(?P<under>under\s+the\s+(?:(?:stock|ticker|trading)\s+)*symbol)\s+" + _LOOSE_SYMBOL,
        engine.IGNORECASE | engine.VERSION0,
    )


@per_document
def prose_listings(document: Document) -> list[Mention]:
    """Return the listings a release states in prose, as mentions, in text order.

    "Its common stock trades on the NYSE American under the symbol TRWD" lists
    the stock as surely as "(NYSE American: TRWD)". Only the present tense
    counts: "was listed on" and "will begin trading on" are history and plans.
    The pattern holds a hundred exchange names, so it is searched only in the
    stretch before each "under the symbol", which few sentences hold.
    """
    table, _alias = venues()
    text = document.text
    pattern = _prose_listing()
    found: list[Mention] = []
    for under in _UNDER_SYMBOL.finditer(text, timeout=PATTERN_TIMEOUT):
        start = max(0, under.start() - _LISTING_REACH)
        end = min(len(text), under.end() + _SYMBOL_REACH + 1)
        for match in pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT):
            if match.start("under") != under.start():
                continue
            found.append(
                Mention(
                    table[alias_key(match.group("alias"))],
                    match.group("alias"),
                    match.start("alias"),
                    match.group("sym"),
                    match.start("sym"),
                    match.end("sym"),
                    match.span(),
                    None,
                    True,
                    False,
                )
            )
    return found
