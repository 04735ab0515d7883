"""``consistency``: values captured by a pattern must agree across the draft.

Parameters: ``pattern`` with a ``value`` group (default: the whole match)
and an optional ``key`` group (values must agree per key, e.g. one ticker
per exchange); ``ignore_case`` for matching; ``normalize: casefold`` to
compare values without case (each group is then shown in its most common
written form); ``variants``, a map from a label to a pattern, to compare
families of forms rather than exact text ("roman": ``Phase [IVX]+``,
"arabic": ``Phase \\d``). Every occurrence of a minority value is reported;
the majority value is the fix (none across variant families, where the
right form depends on the words). On a tie the form used first wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document
from checker.kinds.base import Context
from checker.matching.patterns import compile_pattern, search_spans
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex


class Consistency(NamedTuple):
    """A compiled ``consistency`` check."""

    pattern: regex.Pattern
    casefold: bool
    variants: tuple[tuple[str, regex.Pattern], ...]


class _Occurrence(NamedTuple):
    value: str  # as written
    group: str  # what is compared: the value, its casefold, or its variant label
    start: int
    end: int


def compile(params: dict[str, Any], where: str) -> Consistency:
    """Compile a ``consistency`` check's parameters."""
    ignore_case = params["ignore_case"]
    variants = tuple(
        (label, compile_pattern(source, f"{where}.variants.{label}", ignore_case))
        for label, source in params["variants"].items()
    )
    return Consistency(
        pattern=compile_pattern(params["pattern"], f"{where}.pattern", ignore_case),
        casefold=params["normalize"] == "casefold",
        variants=variants,
    )


def find(check: Consistency, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for every occurrence whose value disagrees with the majority."""
    by_key: dict[str, list[_Occurrence]] = defaultdict(list)
    value_group = "value" if "value" in check.pattern.groupindex else 0
    for match in search_spans(check.pattern, document.text, document.scope_spans(scope)):
        if not document.in_scope(match.start(), scope):
            continue
        value = match.group(value_group)
        group = _group_of(check, value)
        if group is None:
            continue
        key = match.group("key") if "key" in check.pattern.groupindex else ""
        by_key[key or ""].append(_Occurrence(value, group, *match.span(value_group)))
    for key, occurrences in by_key.items():
        yield from _minority_hits(check, key, occurrences)


def _group_of(check: Consistency, value: str) -> str | None:
    """Return what a value is compared as (None: a value no variant covers)."""
    if check.variants:
        for label, pattern in check.variants:
            if pattern.fullmatch(value):
                return label
        return None
    return value.casefold() if check.casefold else value


def _minority_hits(check: Consistency, key: str, occurrences: list[_Occurrence]) -> Iterator[Hit]:
    """Yield hits for occurrences outside the most common group."""
    counts = Counter(occurrence.group for occurrence in occurrences)
    if len(counts) < 2:
        return
    first_seen: dict[str, int] = {}
    for index, occurrence in enumerate(occurrences):
        first_seen.setdefault(occurrence.group, index)
    expected_group = max(counts, key=lambda group: (counts[group], -first_seen[group]))
    shown = {group: _written_form(occurrences, group, check) for group in counts}
    summary = ", ".join(f"'{shown[group]}' ×{count}" for group, count in counts.most_common())
    expected = shown[expected_group]
    for occurrence in occurrences:
        if occurrence.group == expected_group:
            continue
        fields = {"value": occurrence.value, "expected": expected, "key": key, "counts": summary}
        replacement = None if check.variants else expected
        yield Hit(occurrence.start, occurrence.end, fields, replacement=replacement)


def _written_form(occurrences: list[_Occurrence], group: str, check: Consistency) -> str:
    """Return how a group is shown: its label for variants, else its commonest spelling."""
    if check.variants:
        return group
    forms = Counter(occurrence.value for occurrence in occurrences if occurrence.group == group)
    return forms.most_common(1)[0][0]


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"counts", "expected", "key", "value"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "pattern"],
    "description": "Values captured by a pattern must agree across the draft.",
    "properties": {
        "kind": True,
        "pattern": {"$ref": "#/$defs/pattern"},
        "ignore_case": {"type": "boolean", "default": False},
        "normalize": {
            "enum": ["none", "casefold"],
            "description": "casefold: compare values without case.",
            "default": "none",
        },
        "variants": {
            "type": "object",
            "description": "Label -> pattern: compare families of forms (a value no variant matches is ignored).",
            "additionalProperties": {"$ref": "#/$defs/pattern"},
            "default": {},
        },
    },
}
