"""Gather an issuer's facts from its past releases, with how sure each one is.

Used by ``prlint init``. Every fact is counted across releases, and the
count goes into the profile (``generated``) so that a reviewer knows which
entries to check: "AMEX: KAL in 3 of 3 releases" is safe, a product name
seen once is a guess.
"""

from __future__ import annotations

import datetime
import difflib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import regex

from checker.analysis import ticker_mentions, vocabulary
from checker.analysis.release_date import resolve_release_date
from checker.data import calendar_words, load
from checker.document.model import Document
from checker.document.parts import is_block_heading
from checker.matching import pattern_cache

# A product or proper-name candidate: a capitalised or camel-case word, a
# hyphenated name ("L-Annamycin"), or a code name ("NWO-217", "GEO-MVA", "GEO-CM04").
_NAME = pattern_cache.compile(
    r"(?<![\p{L}\p{N}_-])(?:\p{Lu}-\p{Lu}\p{Ll}{3,}|\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*|\p{Lu}\p{Ll}{4,}|\p{Lu}{2,5}-\d{2,6}|\p{Lu}{2,5}-\p{Lu}{2,5}\d{0,3})(?![\p{L}\p{N}_]|-\p{L})"
)
_LOWER_WORD = pattern_cache.compile(r"(?<![\p{L}\p{N}_-])\p{Ll}{7,}(?![\p{L}\p{N}_-])")
_INITIAL_OR_TITLE = pattern_cache.compile(
    r"(?:\b\p{Lu}\.|\b(?:Dr|Mr|Mrs|Ms|Prof)\.?|\b\p{Lu}\p{Ll}+)\s+\Z"
)
#: How far before a candidate name to look for an initial, a title or a first name
#: (characters). Only the word right before the name counts (``_INITIAL_OR_TITLE`` is
#: anchored at it), so this need only hold a long first name and its spaces; on the
#: real releases any reach from 20 to 200 keeps the same 289 names.
_TITLE_REACH = 30
# Full month names (checker/data/calendar.json): a fiscal year end is written out in full.
_MONTHS = [name.lower() for name in calendar_words.month_names()]
_FISCAL_YEAR_END = pattern_cache.compile(
    r"(?i)\b(?:fiscal\s+)?year\s+ended?\s+(?P<month>"
    + "|".join(calendar_words.month_names())
    + r")\s+(?P<day>\d{1,2})"
)
_FILER = pattern_cache.compile(
    r"(?i)\b(large\s+accelerated|non-accelerated|accelerated)\s+filer\b|\b(smaller\s+reporting\s+company)\b"
)


@dataclass
class Facts:
    """What the releases say about their issuer, each with its support."""

    releases: int = 0
    legal_names: Counter = field(default_factory=Counter)
    short_names: Counter = field(default_factory=Counter)
    tickers: Counter = field(default_factory=Counter)  # (exchange, symbol) -> releases
    names: Counter = field(default_factory=Counter)  # candidate proper name -> releases
    name_uses: Counter = field(default_factory=Counter)  # candidate -> uses in all releases
    lower_words: Counter = field(default_factory=Counter)
    about: list[str] = field(default_factory=list)
    #: Per release: the issuer its lead names (or None) and the issuer's ticker symbols.
    release_issuers: list[tuple[str | None, frozenset[str]]] = field(default_factory=list)
    #: (release date, About text) of each release that has one and a known date.
    dated_about: list[tuple[datetime.date, str]] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)
    fiscal_year_ends: Counter = field(default_factory=Counter)
    filer_categories: Counter = field(default_factory=Counter)


def gather(documents: list[Document]) -> Facts:
    """Collect the facts of every release."""
    facts = Facts(releases=len(documents))
    for document in documents:
        _gather_one(document, facts)
    return facts


def _gather_one(document: Document, facts: Facts) -> None:
    """Add one release's facts."""
    if document.company:
        facts.legal_names[document.company] += 1
    about = _block_text(document, "about")
    legend = _block_text(document, "legend")
    if about:
        facts.about.append(about)
        released = resolve_release_date(document, None)
        if released is not None:
            facts.dated_about.append((released.date, about))
        short = regex.match(
            r"(\p{Lu}[\w&.-]*(?:\s+\p{Lu}[\w&.-]*){0,3}?)(?:,[^.]{0,40})?\s+(?:is|are)\s+(?:a|an|the)\b",
            about,
        )
        if short:
            facts.short_names[short.group(1)] += 1
    if legend:
        facts.legend.append(legend)
    pairs = {
        (m.venue.short or m.alias, m.symbol)
        for m in ticker_mentions.mentions(document, document.company)
        if m.issuer and not m.markup
    }
    for pair in pairs:
        facts.tickers[pair] += 1
    facts.release_issuers.append((document.company, frozenset(symbol for _, symbol in pairs)))
    _gather_names(document, facts)
    for found in {
        (m.group("month").lower(), int(m.group("day")))
        for m in _FISCAL_YEAR_END.finditer(document.text)
    }:
        facts.fiscal_year_ends[f"{_MONTHS.index(found[0]) + 1:02d}-{found[1]:02d}"] += 1
    for match in _FILER.finditer(document.text):
        facts.filer_categories[_filer_category(match.group())] += 1


def _gather_names(document: Document, facts: Facts) -> None:
    """Count candidate proper names: not English, not part of a person's or firm's name."""
    seen: set[str] = set()
    for match in _NAME.finditer(document.text):
        word = match.group()
        if vocabulary.is_english(word) or _INITIAL_OR_TITLE.search(
            document.text[max(0, match.start() - _TITLE_REACH) : match.start()]
        ):
            continue
        facts.name_uses[word] += 1
        seen.add(word)
    facts.names.update(seen)
    facts.lower_words.update(
        {
            m.group()
            for m in _LOWER_WORD.finditer(document.text)
            if not vocabulary.is_english(m.group())
        }
    )


def _block_text(document: Document, part: str) -> str:
    """Return a block's paragraphs (without its heading) joined by blank lines."""
    paragraphs = []
    for start, end in document.part_spans(part):
        text = document.text[start:end]
        if is_block_heading(text):
            continue
        paragraphs.append(" ".join(text.split()))
    return "\n\n".join(paragraphs)


def _filer_category(text: str) -> str:
    """Map "large accelerated filer" and friends to the profile's names."""
    text = " ".join(text.lower().split())
    if text.startswith("large"):
        return "large-accelerated"
    if text.startswith("non"):
        return "non-accelerated"
    if text.startswith("smaller"):
        return "smaller-reporting"
    return "accelerated"


def products(facts: Facts, company: str | None) -> list[tuple[str, int]]:
    """Return product and other proper names with the number of releases using them.

    A name counts when two or more releases use it, or one release uses it
    three times, or the FDA list knows it as a drug; a lower-case word
    counts when it extends such a name ("annamycinol" from "L-Annamycin").
    """
    company_words = set(regex.findall(r"\w+", company or ""))
    not_products = _market_names()
    chosen = []
    for name, releases in facts.names.most_common():
        if name in company_words or name.casefold() in not_products:
            continue
        if releases >= 2 or facts.name_uses[name] >= 3 or vocabulary.is_drug_name(name.lower()):
            chosen.append((name, releases))
    tails = {name.split("-", 1)[1] for name, _ in chosen if "-" in name}
    chosen = [
        (name, releases) for name, releases in chosen if name not in tails
    ]  # "Annamycin" of "L- Annamycin"
    cores = [regex.sub(r"^\p{Lu}-", "", name).lower() for name, _ in chosen]
    for word, releases in facts.lower_words.items():
        if any(len(core) >= 6 and core in word and core != word for core in cores):
            chosen.append((word, releases))
    return chosen


@cache
def _market_names() -> frozenset[str]:
    """Return exchange and newswire names, casefolded: they fill releases but are nobody's product."""
    names = set(ticker_mentions.venues()[0])
    for wire in load("wires")["wires"]:
        names.add(wire["wire"].casefold())
        names.update(tag.casefold() for tag in wire["tags"])
        names.update(word.casefold() for word in wire["wire"].split())
    return frozenset(names)


def newest(dated: list[tuple[datetime.date, str]]) -> str | None:
    """Return the text of the newest release: approved boilerplate is the latest that went out."""
    return max(dated, key=lambda entry: entry[0])[1] if dated else None


def issuers(facts: Facts) -> list[tuple[str, int]]:
    """Return the companies the releases are from, with their release counts, most first.

    A release is known by the issuer its lead names, else by the issuer's
    ticker; a ticker seen beside a name belongs to that company, and names
    whose first words agree ("Apple Computer, Inc.", "Apple Inc.") are one
    company, as the ticker analysis reads them. Releases that show neither
    are left out.
    """
    owner_of: dict[str, str] = {}
    for company, symbols in facts.release_issuers:
        if company is None:
            continue
        for symbol in symbols:
            owner_of.setdefault(symbol, company)
    counts: list[tuple[str, int]] = []
    for company, symbols in facts.release_issuers:
        name = company or next((owner_of.get(s, s) for s in sorted(symbols)), None)
        if name is None:
            continue
        for index, (kept, total) in enumerate(counts):
            if ticker_mentions.same_company(name, kept):
                counts[index] = (kept, total + 1)
                break
        else:
            counts.append((name, 1))
    return sorted(counts, key=lambda entry: -entry[1])


def most_typical(texts: list[str]) -> tuple[str, int]:
    """Return the text most like all the others, and how many are identical to it."""
    if not texts:
        return "", 0
    counts = Counter(texts)
    best, best_count = counts.most_common(1)[0]
    if best_count > 1:
        return best, best_count
    scores = {
        text: sum(
            difflib.SequenceMatcher(None, text.split(), other.split(), autojunk=False).ratio()
            for other in texts
        )
        for text in texts
    }
    return max(texts, key=lambda text: scores[text]), 1
