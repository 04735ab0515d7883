"""``count``: a stated number must agree with what the release enumerates.

Parameters for ``measure: "list"`` (the default): ``numbers`` (number words
and their values, e.g. ``{"ten": 10}``; numerals are always understood),
``nouns`` (a pattern for countable nouns: "institutions", "sites"),
``groups`` (a pattern for nouns after "N-member": "group", "consortium"),
``complete`` (a pattern for words that introduce a full list: "includes",
"are", ":"), ``partial`` (words that introduce a partial one: "including",
"such as"; only more items than stated is then a mismatch),
``max_item_words``, ``names_only`` (default true: every item must start
with a capital or a digit, as names do, or the list is not counted),
``not_after`` (words after which a number is a label, not a count: "Phase 3
trials") and ``not_items`` (a pattern for items that show the commas belong to
addresses, "Rockville, Maryland", so the list cannot be counted). A count in the headline with no list of its own is
checked against a body list with the same number ("Ten Institutions" in the
headline, "This ten-member group includes" eleven names in the body).

``measure: "percent"`` (see :mod:`checker.kinds.shares`) checks that
percentages presented as shares of one whole add up to at most 100%.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from checker.document.model import Document
from checker.document.parts import HEADLINE, SUBHEADLINE
from checker.kinds.base import Context
from checker.kinds.count import shares
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, compile_pattern
from checker.model import Hit, Scope

_CONJUNCTION = pattern_cache.compile(r"(?:^|\s)(?:and|or|as\s+well\s+as|&)\s+", regex.IGNORECASE)
_NAME_START = pattern_cache.compile(r"(?:the\s+)?[\p{Lu}\d]")
_ITEM_SEPARATOR = pattern_cache.compile(r"[,;]\s*")


@dataclass(frozen=True)
class Counted:
    """A stated count, and the list that follows it (if one could be read)."""

    start: int
    end: int
    phrase: str
    stated: int
    items: tuple[str, ...] | None
    partial: bool
    headline: bool


@dataclass(frozen=True)
class ListCount:
    """A compiled ``count`` check for stated counts and their lists."""

    stated: regex.Pattern
    lead_in: regex.Pattern
    numbers: dict[str, int]
    max_item_words: int
    names_only: bool
    not_items: regex.Pattern | None


def compile(params: dict[str, Any], where: str) -> ListCount | shares.Shares:
    """Compile a ``count`` check's parameters."""
    if params["measure"] == "percent":
        return shares.compile(params, where)
    numbers = {word.casefold(): value for word, value in params["numbers"].items()}
    number = (
        r"(?:\d{1,3}|"
        + "|".join(regex.escape(word) for word in sorted(numbers, key=len, reverse=True))
        + ")"
    )
    not_after = params["not_after"]
    labelled = rf"(?<!\b(?:{not_after})\s+)" if not_after else ""
    stated = (
        _number_first(number)
        + rf"(?<![\w$.,%/-]){labelled}(?:(?P<part>{number})\s+of\s+(?:the|its|our|these|those|their)\s+)?"
        rf"(?P<number>{number})(?:[- ]member\s+(?:[\w'’-]+\s+)?(?:{params['groups']})"
        rf"|\s+(?:(?!of\b|and\b|or\b)[A-Za-z'’-]+\s+){{0,2}}?(?:{params['nouns']}))\b"
    )
    lead_in = (
        r"\A(?:\s+(?!(?:and|or|but)\b)[\w'’.-]+){0,6}?\s*"
        rf"(?:(?P<complete>{params['complete']})|(?P<partial>{params['partial']}))\s*:?\s*"
        r"(?:the\s+following\s*:?\s*)?"
    )
    return ListCount(
        stated=compile_pattern(stated, f"{where}.nouns", ignore_case=True),
        lead_in=compile_pattern(lead_in, f"{where}.complete", ignore_case=True),
        numbers=numbers,
        max_item_words=params["max_item_words"],
        names_only=params["names_only"],
        not_items=compile_pattern(params["not_items"], f"{where}.not_items")
        if "not_items" in params
        else None,
    )


def _number_first(number: str) -> str:
    """Return the guard that starts the stated-count pattern: a word that begins with a number.

    The pattern otherwise opens with look-behinds (one of them the long
    ``not_after`` list), which the ``regex`` engine would try at every
    position of every sentence: that scan was most of the rule's cost. Every
    match starts at a word boundary with a number (the first look-behind
    rules out a word character before it), so testing both first changes no
    match and rejects almost every position at once (3.5 to 1.0 ms per
    release on the real-world corpus).
    """
    return rf"\b(?={number})"


def find(
    check: ListCount | shares.Shares, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Yield a hit for each stated count its list contradicts."""
    if isinstance(check, shares.Shares):
        yield from shares.find(check, document, scope, context)
        return
    counts = list(_stated_counts(check, document, scope))
    for count in counts:
        if count.items is not None and _disagrees(count):
            yield _hit(count, count, document)
    for count in counts:
        if count.headline and count.items is None:
            listed = _body_list_for(count, counts)
            if listed is not None:
                yield _hit(count, listed, document)


def _body_list_for(headline: Counted, counts: list[Counted]) -> Counted | None:
    """Return the first body list with the headline's number that contradicts it.

    Headlines state a count and leave the list to the body, often under
    another noun ("Ten Institutions", "a ten-member group includes"), so the
    number is what links them.
    """
    for other in counts:
        if not other.headline and other.items is not None and other.stated == headline.stated:
            if _disagrees(other):
                return other
    return None


def _stated_counts(check: ListCount, document: Document, scope: Scope) -> Iterator[Counted]:
    """Yield every stated count in scope with the list that follows it."""
    text = document.text
    for start, end in document.sentences:
        for match in check.stated.finditer(text, start, end, timeout=PATTERN_TIMEOUT):
            if not document.in_scope(match.start(), scope):
                continue
            said = match.group("part") or match.group("number")
            value = _value(said, check.numbers)
            if value is None or value < 2:
                continue
            items, partial = _read_list(check, text[match.end() : end])
            headline = document.part_at(match.start()) in (HEADLINE, SUBHEADLINE)
            yield Counted(
                match.start(), match.end(), match.group(), value, items, partial, headline
            )


def _value(said: str, numbers: dict[str, int]) -> int | None:
    """Return the value of a numeral or number word."""
    return int(said) if said.isdigit() else numbers.get(said.casefold())


def _read_list(check: ListCount, rest: str) -> tuple[tuple[str, ...] | None, bool]:
    """Read the enumeration after a stated count, if a list word introduces one.

    Returns None when there is no list or it cannot be counted with
    confidence (an item too long to be a name, commas from addresses, no
    final "and" to close it): an uncertain count would be a false alarm.
    """
    lead = check.lead_in.match(rest, timeout=PATTERN_TIMEOUT)
    if lead is None:
        return None, False
    partial = lead.group("partial") is not None
    body = rest[lead.end() :].strip().rstrip(".;:")
    items: list[str] = []
    for chunk in _ITEM_SEPARATOR.split(body):
        parts = _CONJUNCTION.split(chunk, maxsplit=1)
        items.extend(part.strip() for part in parts if part.strip())
        if len(parts) > 1:
            return _checked(check, items), partial
    return None, partial


def _checked(check: ListCount, items: list[str]) -> tuple[str, ...] | None:
    """Return the items if they look like a list of names, else None."""
    if len(items) < 2:
        return None
    for item in items:
        if len(item.split()) > check.max_item_words:
            return None
        if check.not_items is not None and check.not_items.fullmatch(item, timeout=PATTERN_TIMEOUT):
            return None
        if check.names_only and not _NAME_START.match(item):
            return None
    return tuple(items)


def _disagrees(count: Counted) -> bool:
    """Tell whether the list contradicts the stated number."""
    counted = len(count.items or ())
    return counted > count.stated if count.partial else counted != count.stated


def _hit(count: Counted, listed: Counted, document: Document) -> Hit:
    """Build the hit for a stated count and the list that contradicts it."""
    items = listed.items or ()
    where = ""
    if listed is not count:
        where = f" at line {document.position(listed.start)[0]}"
    fields = {
        "phrase": count.phrase,
        "stated": str(count.stated),
        "counted": str(len(items)),
        "where": where,
        "items": "; ".join(items),
    }
    return Hit(count.start, count.end, fields)


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"counted", "items", "phrase", "stated", "total", "values", "where"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind"],
    "description": "A stated number must agree with the list that follows it (measure list), or shares of a whole must not add up to over 100% (measure percent).",
    "properties": {
        "kind": True,
        "measure": {
            "enum": ["list", "percent"],
            "description": "What is counted; default list.",
            "default": "list",
        },
        "numbers": {
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": 0},
            "description": "Number words and their values.",
            "default": {},
        },
        "nouns": {
            "$ref": "#/$defs/pattern",
            "description": "Countable nouns after a number (list).",
        },
        "groups": {"$ref": "#/$defs/pattern", "description": "Nouns after 'N-member' (list)."},
        "complete": {
            "$ref": "#/$defs/pattern",
            "description": "Words that introduce a full list (list).",
        },
        "partial": {
            "$ref": "#/$defs/pattern",
            "description": "Words that introduce a partial list (list).",
        },
        "max_item_words": {"type": "integer", "minimum": 1, "default": 8},
        "names_only": {
            "type": "boolean",
            "description": "Every item must start with a capital or digit (list).",
            "default": True,
        },
        "cues": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Patterns that show a sentence splits a whole into shares (percent).",
            "default": [],
        },
        "unless": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Patterns that show a sentence's percentages are not shares (percent).",
            "default": [],
        },
        "tolerance": {
            "type": "number",
            "minimum": 0,
            "description": "Points allowed for rounding (percent).",
            "default": 1,
        },
        "not_items": {
            "$ref": "#/$defs/pattern",
            "description": "Items that show the commas belong to addresses, so the list is not counted (list).",
        },
        "not_after": {
            "$ref": "#/$defs/pattern",
            "description": "Words after which a number is a label, not a count: 'Phase 3 trials' (list).",
            "default": None,
        },
    },
    "allOf": [
        {
            "if": {"properties": {"measure": {"const": "percent"}}, "required": ["measure"]},
            "then": {"required": ["cues"]},
            "else": {"required": ["numbers", "nouns", "groups", "complete", "partial"]},
        }
    ],
}
