"""Turn gathered facts into a profile pack: the profile and its rules.

The pack validates against the rule-pack schema like any other. Its rules
carry examples built from the approved text itself, so the pack's own
examples test it: the approved About paragraph passes, a copy with one
word changed fails.
"""

from __future__ import annotations

from typing import Any

import regex

from checker.data import calendar_words
from checker.profiles.facts import Facts, most_typical, newest, products

# Month names and AP abbreviations as profile patterns write them ("January|...|Jan\.|...").
_MONTH_NAMES = "|".join(
    regex.escape(name)
    for name in (*calendar_words.month_names(), *calendar_words.ap_abbreviations())
)

# Spans of boilerplate that legitimately change from release to release: the
# sentence that cites the latest filing, dates, quarters and numbers.
VARIABLE_PATTERNS = [
    r"(?:(?:Annual|Quarterly|Current)\s+Reports?\s+on\s+)?Form\s+(?:[0-9]{1,2}-?[A-Z]{0,3}|[A-Z]{1,2}-[0-9]{1,2})(?:/A)?"
    r"(?:\s+(?:for|declared|filed|dated)\b[^;]*?\b(?:19|20)\d\d\b)?",
    r"\b(?:" + _MONTH_NAMES + r")\s+(?:\d{1,2},?\s+)?\d{4}\b",
    r"\b[1-4]Q\s*\d{4}\b|\bQ[1-4]\s*\d{4}\b",
    r"\$?\d[\d,.]*(?:\s+(?:million|billion|shares|patients|employees))?",
]
_FRAME = "NEW YORK, May 5, 2026 /PRNewswire/ -- {short} announced news today.\n\n"


def build_pack(facts: Facts, pack_id: str | None = None) -> tuple[dict, list[str]]:
    """Return the profile pack and a summary of what was found and how sure."""
    legal, legal_count = _top(facts.legal_names)
    short, _ = _top(facts.short_names)
    short = short or (legal.split()[0].rstrip(",") if legal else "Company")
    pack_id = pack_id or regex.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-") or "profile"
    tickers = [
        (exchange, symbol, count) for (exchange, symbol), count in facts.tickers.most_common()
    ]
    names = products(facts, legal)
    about, about_same = most_typical(facts.about)
    about = newest(facts.dated_about) or about
    about_same = sum(text == about for text in facts.about)
    legend, legend_same = most_typical(facts.legend)
    about, legend = (
        _canonical_names(text, [name for name, _ in names]) for text in (about, legend)
    )
    fiscal, fiscal_count = _top(facts.fiscal_year_ends)
    filer, filer_count = _top(facts.filer_categories)
    n = facts.releases
    profile: dict[str, Any] = {"legal_name": legal or short, "short_name": short}
    profile["tickers"] = [
        {"exchange": exchange, "symbol": symbol} for exchange, symbol, _ in tickers
    ]
    profile["products"] = [name for name, _ in names]
    if fiscal:
        profile["fiscal_year_end"] = fiscal
    if filer:
        profile["filer_category"] = filer
    summary = [
        f"issuer: {legal or '?'} ({legal_count} of {n} releases); short name {short!r}",
        *[
            f"ticker: {exchange}: {symbol} ({count} of {n} releases)"
            for exchange, symbol, count in tickers
        ],
        *[f"name: {name} ({count} of {n} releases)" for name, count in names],
        f"About paragraph: {len(facts.about)} of {n} releases have one; {about_same} identical to the one kept",
        f"legend: {len(facts.legend)} of {n} releases have one; {legend_same} identical to the one kept",
        f"fiscal year end: {fiscal or 'not stated'}"
        + (f" ({fiscal_count} mentions)" if fiscal else ""),
        f"filer category: {filer or 'not stated (the sec checks assume the most lenient)'}",
    ]
    profile["generated"] = {"releases": n, "summary": summary}
    rules = _rules(pack_id, short, legal or short, profile, about, legend)
    pack = {
        "id": pack_id,
        "version": "1.0.0",
        "description": f"Profile of {legal or short}, built by prlint init from {n} releases. Review before use.",
        "profile": profile,
        "rules": rules,
    }
    return pack, summary


def _canonical_names(text: str, names: list[str]) -> str:
    """Spell the profile's hyphenated names joined in approved text ("L- Annamycin")."""
    for name in names:
        if "-" in name:
            head, tail = name.split("-", 1)
            text = regex.sub(
                rf"(?<![\w-]){regex.escape(head)}-\s+{regex.escape(tail)}(?![\w])", name, text
            )
    return text


def _top(counter) -> tuple[str | None, int]:
    """Return the most common entry of a counter and its count."""
    if not counter:
        return None, 0
    value, count = counter.most_common(1)[0]
    return value, count


def _rules(
    pack_id: str, short: str, legal: str, profile: dict, about: str, legend: str
) -> list[dict]:
    """Return the profile's rules: boilerplate drift and presence, names, tickers."""
    rules = []
    for block, text, heading in (
        ("about", about, f"About {legal}"),
        ("legend", legend, "Forward-Looking Statements"),
    ):
        if text:
            rules.extend(_boilerplate_rules(pack_id, short, block, text, heading))
    if profile["products"]:
        rules.append(_names_rule(pack_id, short, profile["products"]))
    return rules


def _boilerplate_rules(pack_id: str, short: str, block: str, text: str, heading: str) -> list[dict]:
    """Return the drift and missing rules for one approved block."""
    name = {"about": "About paragraph", "legend": "forward-looking-statements legend"}[block]
    frame = _FRAME.format(short=short)
    good = f"{frame}{heading}\n\n{text}\n"
    bad = f"{frame}{heading}\n\n{_one_word_changed(text)}\n"
    common = {
        "category": "boilerplate",
        "source": f"{short}'s approved {name} (profile built by prlint init)",
    }
    check = {"block": block, "approved": text, "variable": VARIABLE_PATTERNS}
    return [
        {
            "id": f"{pack_id}.{block}-drift",
            **common,
            "severity": "warning",
            "message": "The {block} differs from the approved text: {diff}",
            "why": f"The {name} is text that legal approved once. A word changed in one release (a disease name, a product's status) "
            "is an unapproved statement about the company, and differences between releases invite questions.",
            "examples": {"fail": [bad], "pass": [good]},
            "check": {"kind": "boilerplate", "report": "drift", **check},
        },
        {
            "id": f"{pack_id}.{block}-missing",
            **common,
            "severity": "warning",
            "message": "No {block}: the approved one begins '{opening}'",
            "why": f"Every release of {short} carries its approved {name}; a draft without it was probably cut short.",
            "examples": {"fail": [f"{frame}More news.\n"], "pass": [good]},
            "check": {"kind": "boilerplate", "report": "missing", **check},
        },
    ]


def _names_rule(pack_id: str, short: str, names: list[str]) -> dict:
    """Return the rule that checks the issuer's product and proper names."""
    example = max(names, key=len)
    misspelt = (
        example[:-3] + example[-2] + example[-3] + example[-1]
        if len(example) > 5
        else example + example[-1]
    )
    frame = _FRAME.format(short=short)
    return {
        "id": f"{pack_id}.product-names",
        "category": "spelling",
        "severity": "warning",
        "message": "'{match}' looks like a misspelling of '{expected}'",
        "why": f"{short}'s product and proper names have one spelling; a near miss on the wire confuses patients and investors.",
        "source": f"{short}'s profile (built by prlint init); USAN Council naming guidelines",
        "fix": "safe",
        "examples": {"fail": [f"{frame}{misspelt} data.\n"], "pass": [f"{frame}{example} data.\n"]},
        "check": {
            "kind": "lexicon",
            "report": "near-miss",
            "terms": [{"term": name} for name in names],
        },
    }


def _one_word_changed(text: str) -> str:
    """Return *text* with one ordinary word dropped, to make a failing example."""
    words = text.split(" ")
    for index in range(len(words) // 2, len(words)):
        if regex.fullmatch(r"\p{Ll}{4,}", words[index]):
            return " ".join(words[:index] + words[index + 1 :])
    return text + " Extra words."
