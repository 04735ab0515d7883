"""``anachronism``: a term used before it existed or after it was retired.

FDA vocabulary changes with the law: "Breakthrough Therapy designation"
exists from July 9, 2012 (FDASIA); "approvable letter" ended on Aug. 11, 2008
when complete response letters replaced it. A release that uses a term
outside its lifetime is misdated or wrong. Parameters: ``terms``, each with
``pattern``, ``from`` and/or ``until`` (ISO dates, the term's lifetime),
``note`` (what replaced it or created it, for the message) and an optional
``replacement``; and ``ignore_case``. The release date comes from
:func:`checker.release_date.resolve_release_date`; without one nothing is
reported. A sentence that names a year inside the term's lifetime is history
("In 2006 the company received an approvable letter") and is not reported.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.analysis.release_date import resolve_release_date
from checker.document.model import Document
from checker.kinds.base import Context
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, PatternProblem, compile_pattern, search_spans
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_YEAR = pattern_cache.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


class Term(NamedTuple):
    """One term and its lifetime."""

    pattern: regex.Pattern
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    note: str
    replacement: str | None


class Anachronism(NamedTuple):
    """A compiled ``anachronism`` check."""

    terms: tuple[Term, ...]


def compile(params: dict[str, Any], where: str) -> Anachronism:
    """Compile an ``anachronism`` check's parameters."""
    ignore_case = params["ignore_case"]
    terms = []
    for index, raw in enumerate(params["terms"]):
        at = f"{where}.terms[{index}]"
        terms.append(
            Term(
                pattern=compile_pattern(raw["pattern"], f"{at}.pattern", ignore_case),
                valid_from=_date(raw.get("from"), f"{at}.from"),
                valid_until=_date(raw.get("until"), f"{at}.until"),
                note=raw.get("note", ""),
                replacement=raw.get("replacement"),
            )
        )
    return Anachronism(terms=tuple(terms))


def _date(value: str | None, where: str) -> datetime.date | None:
    """Parse an ISO date from the pack, naming *where* when it is invalid."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PatternProblem(where, f"invalid date {value!r} (use YYYY-MM-DD)") from None


def find(check: Anachronism, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for each term used outside its lifetime at the release date."""
    released = resolve_release_date(document, context.release_date)
    if released is None:
        return
    date = released.date
    starts = [start for start, _end in document.sentences]
    for term in check.terms:
        if _alive(term, date):
            continue
        for match in search_spans(term.pattern, document.text, document.scope_spans(scope)):
            if not document.in_scope(match.start(), scope):
                continue
            index = max(0, bisect.bisect_right(starts, match.start()) - 1)
            if _historical(term, document.text, document.sentences[index] if starts else (0, 0)):
                continue
            fields = {"match": match.group(), "date": date.isoformat(), "note": term.note}
            yield Hit(match.start(), match.end(), fields, replacement=term.replacement)


def _alive(term: Term, date: datetime.date) -> bool:
    """Tell whether the term was in use on *date*."""
    if term.valid_from is not None and date < term.valid_from:
        return False
    return term.valid_until is None or date <= term.valid_until


def _historical(term: Term, text: str, sentence: tuple[int, int]) -> bool:
    """Tell whether the sentence dates the event to a year the term was alive."""
    for match in _YEAR.finditer(text, sentence[0], sentence[1], timeout=PATTERN_TIMEOUT):
        year = int(match.group())
        after_start = term.valid_from is None or year >= term.valid_from.year
        before_end = term.valid_until is None or year <= term.valid_until.year
        if after_start and before_end:
            return True
    return False


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"date", "match", "note"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "terms"],
    "description": "Terms used before they existed or after they were retired, at the release date.",
    "properties": {
        "kind": True,
        "ignore_case": {"type": "boolean", "default": False},
        "terms": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["pattern"],
                "anyOf": [{"required": ["from"]}, {"required": ["until"]}],
                "properties": {
                    "pattern": {"$ref": "#/$defs/pattern"},
                    "from": {
                        "type": "string",
                        "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
                        "description": "First day the term was in use.",
                    },
                    "until": {
                        "type": "string",
                        "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
                        "description": "Last day the term was in use.",
                    },
                    "note": {"type": "string"},
                    "replacement": {"type": "string"},
                },
            },
        },
    },
}
