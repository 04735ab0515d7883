"""``forbid``: text that must not appear, with an optional replacement.

Parameters: ``patterns`` (any match is a finding), ``ignore_case``,
``unless`` (patterns that excuse a match they match in full) and
``replacement`` (a template using ``\\g<name>`` group references).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document
from checker.kinds.base import Context
from checker.matching import prefilter
from checker.matching.patterns import compile_patterns, search_spans
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex


class Forbid(NamedTuple):
    """A compiled ``forbid`` check."""

    patterns: list[regex.Pattern]
    unless: list[regex.Pattern]
    replacement: str | None


def compile(params: dict[str, Any], where: str) -> Forbid:
    """Compile a ``forbid`` check's parameters."""
    ignore_case = params["ignore_case"]
    return Forbid(
        patterns=compile_patterns(params["patterns"], f"{where}.patterns", ignore_case),
        unless=compile_patterns(params["unless"], f"{where}.unless", ignore_case),
        replacement=params["replacement"],
    )


def find(check: Forbid, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for every match in scope that no ``unless`` pattern excuses."""
    spans = document.scope_spans(scope)
    for pattern in prefilter.candidates(check.patterns, document):
        for match in search_spans(pattern, document.text, spans):
            if not document.in_scope(match.start(), scope) or _excused(check, match):
                continue
            replacement = match.expand(check.replacement) if check.replacement is not None else None
            fields = {"match": match.group(), **_named_groups(match)}
            if replacement is not None:
                fields["replacement"] = replacement
            yield Hit(match.start(), match.end(), fields, replacement)


def _excused(check: Forbid, match: regex.Match) -> bool:
    """Tell whether an ``unless`` pattern matches the whole matched text."""
    return any(exception.fullmatch(match.group()) for exception in check.unless)


def _named_groups(match: regex.Match) -> dict[str, str]:
    """Return the named groups that took part in the match."""
    return {name: value for name, value in match.groupdict().items() if value is not None}


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"match", "replacement"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "patterns"],
    "description": "Text that must not appear.",
    "properties": {
        "kind": True,
        "patterns": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/pattern"}},
        "ignore_case": {"type": "boolean", "default": False},
        "unless": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Matches these excuse in full are not reported.",
            "default": [],
        },
        "replacement": {
            "type": "string",
            "description": "Fix template; \\g<name> refers to a group.",
            "default": None,
        },
    },
}
