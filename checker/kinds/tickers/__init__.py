"""``tickers``: ticker symbols and exchange names in a release.

Parameter ``report`` picks the check: ``inconsistent`` (the issuer's symbol
on one exchange differs between mentions; partners' tickers are their own),
``symbol-mention`` (the issuer's symbol mistyped outside the parentheses:
"under the symbol ZTNH" beside "(Nasdaq: ZNTH)"), ``exchange-malformed``
("(Nasdq: ABCD)"),
``two-exchanges`` (one symbol on two US exchanges), ``broken-markup``
(pasted HTML inside a ticker: "(Frankfurt”>CA4)"), ``exchange-retired`` and
``exchange-not-yet`` (a name not in use at the release date; retired names
are also read outside tickers, "a member of NYSE, AMEX, FINRA"), ``shape`` (a
symbol the venue's rules do not allow), ``name-style`` (mixed "NASDAQ"
and "Nasdaq"), ``tier-conflict`` (two Nasdaq tiers, no transfer), and hints
for counsel: ``qualifier`` (a 5th letter E or Q), ``class-notation``
("BRK.A" and "BRK-A") and ``frankfurt`` (a Frankfurt quote). Optional ``issuer`` and ``tickers`` (["KAL", "FWB: CA4"])
describe the issuer (else the profile's legal name and tickers); configured
tickers win over the majority. Exchange
names, rename dates and symbol shapes are data: ``checker/data/exchanges.json``.
"""

from __future__ import annotations

import datetime
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.analysis import ticker_mentions
from checker.analysis.sec_data import load, release_day
from checker.analysis.ticker_mentions import Mention, alias_key, venues
from checker.document.model import Document
from checker.kinds.base import Context
from checker.kinds.tickers import exchange_names
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_US_LISTING_GROUPS = {"NYSE", "NYSE American", "NYSE Arca", "Nasdaq"}
_BROKEN = pattern_cache.compile(
    r"\((?P<ex>[A-Z][A-Za-z .-]{1,30}?)\s*[\"“”'’]\s*>\s*(?P<sym>[A-Z0-9][A-Z0-9.-]{0,9})\)"
)
#: A five-letter Nasdaq symbol whose fifth letter is a status flag (E: delinquent, Q: bankrupt).
_FIFTH_LETTER_FLAG = pattern_cache.compile(r"[A-Z]{4}[EQ]")
_CLASS_MARK = pattern_cache.compile(r"[.\-/ ]")


class Tickers(NamedTuple):
    """A compiled ``tickers`` check."""

    report: str
    issuer: str | None
    tickers: tuple[tuple[str | None, str], ...]
    shapes: dict[str, regex.Pattern]
    grace: datetime.timedelta


#: A report's search: the compiled check (issuer filled in), the draft, the scope, the context.
Report = Callable[[Tickers, Document, Scope, Context], Iterator[Hit]]


def compile(params: dict[str, Any], where: str) -> Tickers:
    """Compile a ``tickers`` check: the report and the optional issuer profile."""
    data = load("exchanges")
    configured = _configured([tuple(entry.rpartition(":")[::2]) for entry in params["tickers"]])
    shapes = {group: pattern_cache.compile(shape) for group, shape in data["shapes"].items()}
    return Tickers(
        params["report"],
        params["issuer"],
        tuple(configured),
        shapes,
        datetime.timedelta(days=data["grace_days"]),
    )


def _configured(entries: list[tuple[str, str]]) -> tuple[tuple[str | None, str], ...]:
    """Turn ("FWB", "CA4") pairs into (venue group, symbol); a bare symbol has no group."""
    table, _alias = venues()
    configured = []
    for exchange, symbol in entries:
        venue = table.get(alias_key(exchange)) if exchange.strip() else None
        configured.append((venue.group if venue else None, symbol.strip()))
    return tuple(configured)


def _with_profile(check: Tickers, context: Context) -> Tickers:
    """Fill the issuer and its tickers from the profile when the rule names none."""
    issuer_profile = dict(context.profile)
    issuer = check.issuer or issuer_profile.get("legal_name") or issuer_profile.get("short_name")
    tickers = check.tickers or _configured(
        [
            (entry.get("exchange", ""), entry["symbol"])
            for entry in issuer_profile.get("tickers", [])
        ]
    )
    return check._replace(issuer=issuer, tickers=tickers)


def find(check: Tickers, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield the hits of the chosen report."""
    yield from REPORTS[check.report](_with_profile(check, context), document, scope, context)


def _mentions(check: Tickers, document: Document, scope: Scope) -> list[Mention]:
    """Return the ticker mentions in scope, the issuer's marked as such."""
    return [
        mention
        for mention in ticker_mentions.mentions(document, check.issuer)
        if document.in_scope(mention.start, scope)
    ]


def _inconsistent_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report the issuer's symbol written two ways."""
    yield from _inconsistent(check, _mentions(check, document, scope))


def _symbol_mention_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report the issuer's symbol retyped wrong outside the parentheses ("under the symbol ZTNH")."""
    loose = [
        mention
        for mention in ticker_mentions.loose_mentions(document)
        if document.in_scope(mention.start, scope)
    ]
    if loose:
        yield from _symbol_mentions(check, _mentions(check, document, scope), loose)


def _two_exchanges_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report the issuer listed on two US exchanges, unless the release is about a transfer.

    A listing stated in prose ("trades on the NYSE American under the symbol
    TRWD") counts as one written in parentheses: the About paragraph is where
    a template carried over from another company keeps the wrong exchange.
    """
    if not exchange_names.mentions_transfer(document):
        prose = [
            mention
            for mention in ticker_mentions.prose_listings(document)
            if document.in_scope(mention.alias_start, scope)
        ]
        found = _mentions(check, document, scope)
        if prose:
            found = sorted([*found, *prose], key=lambda mention: mention.alias_start)
        yield from _two_exchanges(found)


def _broken_markup_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report markup residue inside ticker parentheses."""
    yield from _broken_markup(document, _mentions(check, document, scope), scope)


def _anachronism_report(report: str) -> Report:
    """Make the report of exchange names used outside their lifetime (*report* says which end)."""

    def anachronisms(
        check: Tickers, document: Document, scope: Scope, context: Context
    ) -> Iterator[Hit]:
        day = release_day(document, context.release_date)
        if day is not None:
            found = _mentions(check, document, scope)
            yield from exchange_names.anachronisms(report, check.grace, document, found, day, scope)

    return anachronisms


def _shape_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report symbols whose shape the exchange does not use."""
    yield from _shapes(check, _mentions(check, document, scope))


def _name_style_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report exchange names written otherwise than the exchange writes them."""
    yield from exchange_names.name_style(document, scope)


def _malformed_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report a misspelled exchange name inside a ticker."""
    yield from exchange_names.malformed(document, scope)


def _tier_conflict_report(
    check: Tickers, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report two market tiers of one exchange named for the issuer."""
    yield from exchange_names.tier_conflicts(document, scope)


def _signal_report(report: str) -> Report:
    """Make the report of one hint for counsel (*report* says which)."""

    def signals(
        check: Tickers, document: Document, scope: Scope, context: Context
    ) -> Iterator[Hit]:
        yield from _signals(report, _mentions(check, document, scope))

    return signals


#: The class-notation marks :func:`_key` drops.
_CLASS_MARKS = str.maketrans("", "", ".-/ ")


def _key(symbol: str) -> str:
    """Fold class notation so "BRK.A", "BRK-A" and "BRKA" compare equal."""
    return symbol.upper().translate(_CLASS_MARKS)


def _related(one: str, other: str) -> bool:
    """Tell whether two folded symbols are one issuer's: the same, or a root and its warrants.

    "ACON" and "ACONW" (warrants), "BRK" and "BRKA" (a class) are one
    issuer's securities; "OMS" and "OMSI" are not, whatever their common
    start: only the suffixes ``checker/data/exchanges.json`` lists relate them.
    """
    short, long = sorted((one, other), key=len)
    return long.startswith(short) and long[len(short) :] in _related_suffixes()


def _same_issuer(one: str, other: str) -> bool:
    """Tell whether two symbols as written are one issuer's securities, for the inconsistency report.

    As :func:`_related`, but a single letter added to a root marks a class,
    a warrant or a market's marker only where it is written apart ("BRK.A")
    or is the fifth character of a five-character symbol ("ACONW", "SNWVD"):
    that is the only place the Nasdaq and OTC markets put one. "PLRA" beside
    "PLR" is one symbol written two ways, and one of them is wrong.
    """
    short, long = sorted((_key(one), _key(other)), key=len)
    if not _related(short, long):
        return False
    added = long[len(short) :]
    written = one if _key(one) == long else other
    return len(added) != 1 or len(long) == 5 or written.upper() != long


@functools.cache
def _related_suffixes() -> frozenset[str]:
    """Return what related securities add to a symbol (``related_suffixes`` in exchanges.json)."""
    return frozenset(load("exchanges")["related_suffixes"]["suffixes"]) | {""}


def _inconsistent(check: Tickers, found: list[Mention]) -> Iterator[Hit]:
    """Report issuer symbols that disagree with the configured or majority one per venue."""
    by_group: dict[str, list[Mention]] = defaultdict(list)
    for mention in found:
        if mention.issuer:
            by_group[mention.venue.group].append(mention)
    for group, group_mentions in by_group.items():
        expected = _expected_symbol(check, group, group_mentions)
        if expected is None:
            continue
        configured = any(
            group_of == group or group_of is None for group_of, _symbol in check.tickers
        )
        where = "in the company profile" if configured else "elsewhere in this release"
        for mention in group_mentions:
            if not _same_issuer(mention.symbol, expected):
                yield Hit(
                    mention.start,
                    mention.end,
                    {
                        "symbol": mention.symbol,
                        "expected": expected,
                        "exchange": mention.alias,
                        "where": where,
                    },
                    replacement=expected,
                )


def _expected_symbol(check: Tickers, group: str, group_mentions: list[Mention]) -> str | None:
    """Return the configured symbol for a venue, else the one most mentions use."""
    for configured_group, symbol in check.tickers:
        if configured_group == group or (configured_group is None and group in _US_LISTING_GROUPS):
            return symbol
    counts = Counter(_key(m.symbol) for m in group_mentions)
    if len(counts) < 2:
        return None
    order = {
        key: index
        for index, key in reversed(list(enumerate(_key(m.symbol) for m in group_mentions)))
    }
    best = max(counts, key=lambda key: (counts[key], -order[key]))
    return next(m.symbol for m in group_mentions if _key(m.symbol) == best)


def near_miss(one: str, other: str) -> bool:
    """Tell whether two symbols are one slip apart: two letters swapped, or (3+ letters) one changed, added or dropped.

    Only such a slip makes a symbol the issuer's written wrong; a symbol unlike
    the issuer's is a partner's, a new one or a class's, and is left alone.
    """
    if one == other or _related(one, other):
        return False
    if len(one) == len(other):
        diff = [index for index in range(len(one)) if one[index] != other[index]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and one[diff[0]] == other[diff[1]]
            and one[diff[1]] == other[diff[0]]
        )
        return swapped or (len(diff) == 1 and len(one) >= 3)
    short, long = sorted((one, other), key=len)
    if len(long) - len(short) != 1 or len(short) < 3:
        return False
    return any(long[:index] + long[index + 1 :] == short for index in range(len(long)))


def _symbol_mentions(
    check: Tickers, found: list[Mention], loose: list[ticker_mentions.LooseMention]
) -> Iterator[Hit]:
    """Compare the symbols written outside parentheses with the issuer's, profile's first.

    The issuer's form is the profile's, else the one its tickers and the loose
    mentions use most (ties: the first ticker's). A loose symbol one slip from
    it, and no other company's ticker in the release, is the issuer's mistyped;
    so is the one ticker the loose mentions outvote.
    """
    partners = {_key(m.symbol) for m in found if not m.issuer}
    issuer_tickers = [m for m in found if m.issuer]
    configured = [symbol for _group, symbol in check.tickers]
    for mention, expected, where in _symbol_verdicts(configured, issuer_tickers, loose):
        if _key(mention.symbol) in partners and isinstance(mention, ticker_mentions.LooseMention):
            continue
        yield Hit(
            mention.start,
            mention.end,
            {"symbol": mention.symbol, "expected": expected, "where": where},
            replacement=expected,
        )


def _symbol_verdicts(
    configured: list[str],
    issuer_tickers: list[Mention],
    loose: list[ticker_mentions.LooseMention],
) -> Iterator[tuple[Mention | ticker_mentions.LooseMention, str, str]]:
    """Yield (mention, expected symbol, where it is written) for each mistyped symbol."""
    if configured:
        for written in loose:
            key = _key(written.symbol)
            if any(_key(symbol) == key or _related(key, _key(symbol)) for symbol in configured):
                continue
            for symbol in configured:
                if near_miss(key, _key(symbol)):
                    yield written, symbol, "in the company profile"
                    break
        return
    pool: list[Mention | ticker_mentions.LooseMention] = [*issuer_tickers, *loose]
    tickers_agree = len({_key(m.symbol) for m in issuer_tickers}) <= 1
    expected = _majority_forms([_key(m.symbol) for m in pool], [m.symbol for m in pool])
    for candidate in pool:
        winner = expected.get(_key(candidate.symbol))
        if winner is None:
            continue
        if isinstance(candidate, Mention) and not tickers_agree:
            continue  # tickers that disagree among themselves are the "inconsistent" report's
        yield candidate, winner, "elsewhere in this release"


def _majority_forms(keys: list[str], symbols: list[str]) -> dict[str, str]:
    """Map each folded symbol outvoted by a near miss of it to the winner as first written.

    A symbol's cluster is itself and the symbols one slip from it; the one
    written most in the cluster wins (ties: the one written first). The
    verdict depends on the folded symbol alone, so it is reached once per
    distinct symbol, and the slips are found through :func:`_one_slip_apart`,
    not by comparing every mention with every other.
    """
    counts = Counter(keys)
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        first.setdefault(key, index)
    neighbours = _one_slip_apart(list(first))
    verdicts: dict[str, str] = {}
    for key in first:
        best = max((key, *neighbours[key]), key=lambda k: (counts[k], -first[k]))
        if best != key and near_miss(key, best):
            verdicts[key] = symbols[first[best]]
    return verdicts


def _one_slip_apart(keys: list[str]) -> dict[str, set[str]]:
    """Map each folded symbol to the others of *keys* that are a :func:`near_miss` of it.

    Two symbols one slip apart share a form with one character dropped (a
    swap or a changed character: each with one of its own dropped; an added
    one: the shorter is the longer with one dropped). Indexing every symbol
    under itself and those forms makes the candidates a handful to test,
    however many symbols a draft has.
    """
    by_form: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for form in _forms_of(key):
            by_form[form].add(key)
    return {
        key: {
            other
            for form in _forms_of(key)
            for other in by_form[form]
            if other != key and near_miss(key, other)
        }
        for key in keys
    }


def _forms_of(key: str) -> set[str]:
    """Return a symbol and every form of it with one character dropped."""
    return {key, *(key[:index] + key[index + 1 :] for index in range(len(key)))}


def _two_exchanges(found: list[Mention]) -> Iterator[Hit]:
    """Report a symbol shown on two US exchanges (dual listings abroad are normal)."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in found:
        if mention.venue.group in _US_LISTING_GROUPS:
            groups[_key(mention.symbol)].append(mention)
    for mentions in groups.values():
        first_group = mentions[0].venue.group
        for mention in mentions[1:]:
            if mention.venue.group != first_group:
                yield Hit(
                    mention.alias_start,
                    mention.end,
                    {
                        "symbol": mention.symbol,
                        "exchange": mention.alias,
                        "other": mentions[0].alias,
                    },
                )


def _broken_markup(document: Document, found: list[Mention], scope: Scope) -> Iterator[Hit]:
    """Report tickers with markup residue, with the release's own form as the fix."""
    reported: set[tuple[int, int]] = set()
    by_paren: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    clean_aliases: dict[str, str] = {}
    for mention in found:
        by_paren[mention.paren].append(mention)
        if not mention.markup:
            clean_aliases.setdefault(mention.venue.group, mention.alias)
    for mention in found:
        if mention.markup and mention.paren not in reported:
            reported.add(mention.paren)
            fix = _clean_paren(by_paren[mention.paren], clean_aliases)
            yield Hit(
                *mention.paren,
                {"match": document.text[slice(*mention.paren)], "replacement": fix},
                fix,
            )
    for match in _BROKEN.finditer(document.text, timeout=PATTERN_TIMEOUT):
        if match.span() not in reported and document.in_scope(match.start(), scope):
            fix = f"({match.group('ex')}: {match.group('sym')})"
            yield Hit(match.start(), match.end(), {"match": match.group(), "replacement": fix}, fix)


def _clean_paren(inside: list[Mention], clean_aliases: dict[str, str]) -> str:
    """Rebuild a broken parenthetical from its mentions, as the release writes tickers.

    *clean_aliases* is how the first clean ticker of each venue names it
    ("FWB"); a venue no clean ticker names gets its short name.
    """
    parts = []
    for mention in inside:
        alias = mention.alias
        if mention.markup:
            alias = clean_aliases.get(mention.venue.group) or mention.venue.short
        parts.append((alias, mention.symbol))
    merged: dict[str, list[str]] = {}
    for alias, symbol in parts:
        merged.setdefault(alias, []).append(symbol)
    return (
        "(" + "; ".join(f"{alias}: {', '.join(symbols)}" for alias, symbols in merged.items()) + ")"
    )


def _shapes(check: Tickers, found: list[Mention]) -> Iterator[Hit]:
    """Report symbols that break their venue's rules (length, letters, suffixes)."""
    for mention in found:
        shape = check.shapes.get(mention.venue.group)
        if shape is not None and not shape.fullmatch(mention.symbol):
            yield Hit(
                mention.start, mention.end, {"symbol": mention.symbol, "exchange": mention.alias}
            )


def _signals(report: str, found: list[Mention]) -> Iterator[Hit]:
    """Report hints for counsel: an E/Q qualifier, mixed class notation, a Frankfurt quote."""
    written: dict[str, str] = {}
    for mention in found:
        flagged = _FIFTH_LETTER_FLAG.fullmatch(mention.symbol) is not None
        if report == "qualifier" and mention.venue.group in ("Nasdaq", "OTC") and flagged:
            yield Hit(
                mention.start,
                mention.end,
                {"symbol": mention.symbol, "qualifier": mention.symbol[-1]},
            )
        elif report == "frankfurt" and mention.issuer and mention.venue.group == "Frankfurt":
            yield Hit(
                mention.alias_start, mention.end, {"match": f"{mention.alias}: {mention.symbol}"}
            )
        elif report == "class-notation" and _CLASS_MARK.search(mention.symbol):
            first = written.setdefault(_key(mention.symbol), mention.symbol)
            if first != mention.symbol:
                yield Hit(
                    mention.start,
                    mention.end,
                    {"symbol": mention.symbol, "expected": first},
                    replacement=first,
                )


#: What a rule's ``report`` can ask for, and the function that looks for it.
REPORTS: dict[str, Report] = {
    "inconsistent": _inconsistent_report,
    "symbol-mention": _symbol_mention_report,
    "two-exchanges": _two_exchanges_report,
    "broken-markup": _broken_markup_report,
    "exchange-retired": _anachronism_report("exchange-retired"),
    "exchange-not-yet": _anachronism_report("exchange-not-yet"),
    "shape": _shape_report,
    "name-style": _name_style_report,
    "tier-conflict": _tier_conflict_report,
    "exchange-malformed": _malformed_report,
    "qualifier": _signal_report("qualifier"),
    "class-notation": _signal_report("class-notation"),
    "frankfurt": _signal_report("frankfurt"),
}

#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset(
    {
        "counts",
        "current",
        "date",
        "exchange",
        "expected",
        "from",
        "match",
        "other",
        "qualifier",
        "replacement",
        "symbol",
        "until",
        "where",
    }
)

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "report"],
    "description": "Ticker symbols and exchange names: consistency, markup, renames, shapes.",
    "properties": {
        "kind": True,
        "report": {"enum": list(REPORTS)},
        "issuer": {
            "type": "string",
            "minLength": 1,
            "description": "The issuer's name; default: the profile's legal name, else the company named in the lead.",
            "default": None,
        },
        "tickers": {
            "type": "array",
            "items": {"type": "string", "pattern": "^(?:[^:]+:\\s*)?[A-Za-z0-9.\\-/ ]+$"},
            "description": 'The issuer\'s tickers, "SYM" (US) or "EXCHANGE: SYM"; they win over the majority.',
            "default": [],
        },
    },
}
