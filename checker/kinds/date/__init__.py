"""``date``: checks that read the dates a release mentions against each other and its date.

Parameters: ``report`` names one check of :data:`REPORTS` (each rule in the
``dates`` pack runs one), ``unless`` lists patterns that excuse a finding
when they match the paragraph it is in, and the data some checks need:
``ap_months`` (dateline-month-style), ``zones`` and ``dst_rules`` (dst).
Date mentions come from :mod:`checker.dates`, the release date from
:mod:`checker.release_date`; a check that compares with the release date
stays silent when no release date is known.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.document.model import Document
from checker.kinds.base import Context
from checker.kinds.date import events, relative, style
from checker.kinds.date.common import DateCheck, facts_of
from checker.matching.patterns import PATTERN_TIMEOUT, compile_patterns
from checker.model import Hit, Scope

#: Every date check by the name a rule's ``report`` gives it.
REPORTS = {**relative.REPORTS, **events.REPORTS, **style.REPORTS}


def compile(params: dict[str, Any], where: str) -> DateCheck:
    """Compile a ``date`` check's parameters, preparing its data once."""
    name = params["report"]
    unless = tuple(compile_patterns(params["unless"], f"{where}.unless", True))
    return DateCheck(name, unless, style.prepare_data(name, params, where))


def find(check: DateCheck, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield the hits of the named check that lie in scope and are not excused."""
    facts = facts_of(document, context.release_date)
    for hit in REPORTS[check.report](check, facts):
        if document.in_scope(hit.start, scope) and not _excused(check, document, hit):
            yield hit


def _excused(check: DateCheck, document: Document, hit: Hit) -> bool:
    """Tell whether an ``unless`` pattern matches the paragraph of the hit.

    The paragraph, not the sentence: "10 a.m. MST" ends a sentence for the
    splitter, and the place that excuses it ("Arizona") may come before.
    """
    for start, end in document.paragraphs:
        if start <= hit.start < end:
            paragraph = document.text[start:end]
            return any(
                pattern.search(paragraph, timeout=PATTERN_TIMEOUT) for pattern in check.unless
            )
    return False


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset(
    {
        "actual",
        "day",
        "detail",
        "event",
        "match",
        "other",
        "release",
        "replacement",
        "season",
        "word",
        "written",
        "year",
        "zone",
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
    "description": "Dates read against each other and the release date (checker/kinds/date).",
    "properties": {
        "kind": True,
        "report": {
            "enum": list(REPORTS),
            "description": "Which date check the rule runs.",
        },
        "unless": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Patterns (case-insensitive) that excuse a finding when they match its paragraph.",
            "default": [],
        },
        "ap_months": {
            "type": "object",
            "description": "dateline-month-style: the AP form of each month before a day, keyed 1 to 12.",
            "propertyNames": {"pattern": "^(?:[1-9]|1[0-2])$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "default": None,
        },
        "zones": {
            "type": "object",
            "description": "dst: time-zone abbreviations and whether each is standard or daylight time.",
            "additionalProperties": {"enum": ["standard", "daylight"]},
            "default": {},
        },
        "dst_rules": {
            "type": "array",
            "description": "dst: when daylight-saving time runs, by range of years.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["from", "to", "start", "end"],
                "properties": {
                    "from": {"type": "integer"},
                    "to": {"type": "integer"},
                    "start": {"type": "string", "description": 'e.g. "second Sunday of March"'},
                    "end": {"type": "string"},
                    "source": {"type": "string"},
                },
            },
            "default": [],
        },
        "wire_tags": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "description": "dateline-wire-tag: wire tags as the wires write them (without brackets or slashes).",
            "default": None,
        },
    },
}
