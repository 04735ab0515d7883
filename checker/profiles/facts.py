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
# Lower-case words outside addresses: "novavisionusa" of a social-media link is no product.
_LOWER_WORD = pattern_cache.compile(r"(?<![\p{L}\p{N}_/.@-])\p{Ll}{7,}(?![\p{L}\p{N}_/@-]|\.\p{L})")
_TITLES = ("Dr", "Mr", "Mrs", "Ms", "Prof")
_INITIAL_OR_TITLE = pattern_cache.compile(
    r"(?:\b\p{Lu}\.|\b(?:" + "|".join(_TITLES) + r")\.?|\b\p{Lu}\p{Ll}+)\s+\Z"
)
#: How far before a candidate name to look for an initial, a title or a first name
#: (characters). Only the word right before the name counts (``_INITIAL_OR_TITLE`` is
#: anchored at it), so this need only hold a long first name and its spaces; on the
#: real releases any reach from 20 to 200 keeps the same 289 names.
_TITLE_REACH = 30
#: How far around a candidate name to read the words that make it a disease, an
#: institution or another company's product (characters): three words after it, or
#: "in combination with" before it.
_CONTEXT_REACH = 40
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
    #: candidate -> uses that make it a disease, an institution or another's product
    foreign_uses: Counter = field(default_factory=Counter)
    #: candidates the issuer shows as its own: trademarked, possessed, or in its About text
    owned: set[str] = field(default_factory=set)
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
        if vocabulary.is_english(word) or _follows_a_first_name_or_title(
            document.text[max(0, match.start() - _TITLE_REACH) : match.start()]
        ):
            continue
        facts.name_uses[word] += 1
        if _is_foreign_use(document, match.start(), match.end()):
            facts.foreign_uses[word] += 1
        elif _is_owned_use(document, match.start(), match.end()):
            facts.owned.add(word)
        seen.add(word)
    facts.names.update(seen)
    facts.lower_words.update(
        {
            m.group()
            for m in _LOWER_WORD.finditer(document.text)
            if not vocabulary.is_english(m.group())
        }
    )


def _follows_a_first_name_or_title(before: str) -> bool:
    """Tell whether the text before a name ends in an initial, a title or a first name.

    "Dr. Hale" and "Maria Hale" are people. A capitalised English word before the name
    is no first name: "Our ZPH-MVA", "The Quellimab trial".
    """
    found = _INITIAL_OR_TITLE.search(before)
    if found is None:
        return False
    word = found.group().strip()
    return word.endswith(".") or word in _TITLES or not vocabulary.is_english(word)


def _is_foreign_use(document: Document, start: int, end: int) -> bool:
    """Tell whether this use of a name makes it something other than the issuer's product.

    "Marburg virus", "Winship Cancer Institute" and "in combination with Keytruda" fill a
    vaccine or oncology company's releases; a profile that listed them as products would
    treat a disease, a partner hospital and a competitor's brand as the issuer's own.
    """
    lists = _not_products()
    text = document.text
    after = [word.strip(",.;:)®™") for word in text[end : end + _CONTEXT_REACH].split()]
    if after and after[0].casefold() in lists.target_words | lists.comparison_words:
        return True
    if any(word in lists.institution_words for word in after[:3]):
        return True
    before = " ".join(text[max(0, start - _CONTEXT_REACH) : start].split())
    if any(before.casefold().endswith(phrase) for phrase in lists.combination_before):
        return True
    owner = _POSSESSIVE_BEFORE.search(before)
    return owner is not None and owner.group("owner") not in (document.company or "")


_OWNER_BEFORE = regex.compile(
    r"(?i)\b(?:our|its|the\s+company's|the\s+company’s)\s+(?:\S+\s+){0,2}\Z"
)
#: "Novo Nordisk's® Wegovy": another company's possessive right before a name.
_POSSESSIVE_BEFORE = regex.compile(r"(?P<owner>\p{Lu}[\p{L}&.-]*)['’]s[®™]?\s+\Z")
#: A capitalised word right after a sentence's end proves nothing: "Biomarker data is ...".
_SENTENCE_START = regex.compile(r"(?:[.!?:]\s+|\n\s*|\A)\Z")
_CODE_NAME = regex.compile(r"\p{Lu}{2,5}-(?:\d|\p{Lu}{2,5})")


def _is_owned_use(document: Document, start: int, end: int) -> bool:
    """Tell whether this use shows the name as the issuer's own product.

    An issuer writes "our" or "its" before its own products and names them in its
    About paragraph; a code name ("GEO-MVA") is the issuer's by convention. A
    trademark sign proves nothing: releases mark competitors' brands too ("Novo
    Nordisk's Wegovy®"). A name with none of these (a person's first name, a town, a
    social network, a competitor's brand) is no product of the profile.
    """
    text = document.text
    if _CODE_NAME.match(text, start, end):
        return text[start:end].split("-")[0].casefold() not in _market_names()  # not "OTCQB-VYCO"
    before = " ".join(text[max(0, start - _CONTEXT_REACH) : start].split())
    if _OWNER_BEFORE.search(before):
        return True
    owner = _POSSESSIVE_BEFORE.search(before)
    if owner is not None and owner.group("owner") in (document.company or ""):
        return True  # "Apple's QuickTime"
    in_about = any(begin <= start < finish for begin, finish in document.part_spans("about"))
    return in_about and not _SENTENCE_START.search(text[max(0, start - 3) : start])


@dataclass(frozen=True)
class _NotProducts:
    """The lists of checker/data/not_products.json, ready for look-ups."""

    names: frozenset[str]  # casefolded diseases, taxonomy words and terms
    target_words: frozenset[str]
    comparison_words: frozenset[str]
    institution_words: frozenset[str]
    combination_before: tuple[str, ...]


@cache
def _not_products() -> _NotProducts:
    """Read checker/data/not_products.json once."""
    data = load("not_products")
    return _NotProducts(
        names=frozenset(
            name.casefold() for name in data["diseases"] + data["taxonomy"] + data["terms"]
        ),
        target_words=frozenset(word.casefold() for word in data["target_words_after"]),
        comparison_words=frozenset(word.casefold() for word in data["comparison_after"]),
        institution_words=frozenset(data["institution_words"]),
        combination_before=tuple(phrase.casefold() for phrase in data["combination_before"]),
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
    Only a name the issuer shows as its own counts (a code name, "our" or
    "its" before it, a use in its About paragraph). Exchanges, wires,
    diseases, taxonomy words and financial terms never count, nor a name that
    half its uses show to be a disease, an institution or another company's
    product (checker/data/not_products.json).
    """
    company_words = set(regex.findall(r"\w+", company or ""))
    not_products = _market_names()
    chosen = []
    for name, releases in facts.names.most_common():
        if name in company_words or name.casefold() in not_products:
            continue
        if name.casefold() in _not_products().names or 2 * facts.foreign_uses[name] >= max(
            1, facts.name_uses[name]
        ):
            continue
        if name not in facts.owned:
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
