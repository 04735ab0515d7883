"""``consistency``: values captured by a pattern must agree across the draft.

Parameters: ``pattern`` with a ``value`` group (default: the whole match)
and an optional ``key`` group (values must agree per key, e.g. one ticker
per exchange), and ``ignore_case`` for matching. Every occurrence of a
minority value is reported with the majority value as its fix; on a tie the
form used first wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

import regex

from checker.model import Hit, Scope
from checker.patterns import compile_pattern, search_spans


@dataclass(frozen=True)
class Consistency:
    """A compiled ``consistency`` check."""

    pattern: regex.Pattern


def compile(params: dict[str, Any], where: str) -> Consistency:
    """Compile a ``consistency`` check's parameters."""
    return Consistency(
        pattern=compile_pattern(params["pattern"], f"{where}.pattern", params.get("ignore_case", False))
    )


def find(check: Consistency, document, scope: Scope, context) -> Iterator[Hit]:
    """Yield a hit for every occurrence whose value disagrees with the majority."""
    groups: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for match in search_spans(check.pattern, document.text, document.scope_spans(scope)):
        if not document.in_scope(match.start(), scope):
            continue
        value_group = "value" if "value" in check.pattern.groupindex else 0
        key = match.group("key") if "key" in check.pattern.groupindex else ""
        groups[key or ""].append((match.group(value_group), *match.span(value_group)))
    for key, occurrences in groups.items():
        yield from _minority_hits(key, occurrences)


def _minority_hits(key: str, occurrences: list[tuple[str, int, int]]) -> Iterator[Hit]:
    """Yield hits for occurrences that differ from the most common value."""
    counts = Counter(value for value, _start, _end in occurrences)
    if len(counts) < 2:
        return
    first_seen = {value: index for index, (value, _s, _e) in reversed(list(enumerate(occurrences)))}
    expected = max(counts, key=lambda value: (counts[value], -first_seen[value]))
    summary = ", ".join(f"'{value}' ×{count}" for value, count in counts.most_common())
    for value, start, end in occurrences:
        if value != expected:
            fields = {"value": value, "expected": expected, "key": key, "counts": summary}
            yield Hit(start, end, fields, replacement=expected)
