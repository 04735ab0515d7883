"""Check a rule's message and replacement templates when its pack loads.

A message is a ``str.format`` template filled from the fields a kind's hit
carries. Left unchecked, a pack author's typo surfaces only at the first
match, as a traceback (``"{match"``, ``"m {0}"``), a silent ``{mtch}`` in
the report, a 300 MB line (``{match:>300000000}``), or an attribute walk
(``{match.__class__}``). So a template may name only the fields the kind
declares (``FIELDS``) and the named groups of the rule's own patterns, with
no attribute access, indexing, conversion or format spec. A replacement may
refer only to groups its patterns have.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from typing import Any

from checker.matching import pattern_cache

#: Where a check object keeps patterns whose named groups become message fields.
_PATTERN_KEYS = ("patterns", "pattern", "unless", "when", "variants")
_NAMED_GROUP = pattern_cache.compile(r"(?<!\\)\(\?P?<([A-Za-z_]\w*)>")
_CAPTURING_GROUP = pattern_cache.compile(r"(?<!\\)\((?!\?)|(?<!\\)\(\?P?<[A-Za-z_]\w*>")
_GROUP_REFERENCE = pattern_cache.compile(r"\\g<([^>]*)>|\\([1-9][0-9]?)")


def template_problems(raw: dict[str, Any], fields: frozenset[str]) -> Iterator[tuple[str, str]]:
    """Yield (json path, reason) for each bad template of a rule."""
    sources = list(_pattern_sources(raw["check"]))
    allowed = fields | {name for source in sources for name in _NAMED_GROUP.findall(source)}
    for reason in _message_problems(raw["message"], allowed):
        yield "$.message", reason
    replacement = raw["check"].get("replacement")
    if isinstance(replacement, str):
        for reason in _replacement_problems(replacement, sources):
            yield "$.check.replacement", reason


def _pattern_sources(check: dict[str, Any]) -> Iterator[str]:
    """Yield every pattern string the check object holds."""
    for key in _PATTERN_KEYS:
        value = check.get(key)
        values: Iterable[Any] = (
            [value]
            if isinstance(value, str)
            else value.values()
            if isinstance(value, dict)
            else value or []
        )
        yield from (item for item in values if isinstance(item, str))


def _message_problems(message: str, allowed: frozenset[str] | set[str]) -> Iterator[str]:
    """Yield what is wrong with a message template."""
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as error:
        yield f"message template {message!r} is malformed ({error}); write a brace as {{{{ or }}}}"
        return
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            yield f"message field {{{name}}} must be a plain name (no position, attribute or index)"
        elif name not in allowed:
            known = ", ".join(sorted(allowed))
            yield f"message field {{{name}}} is not one this rule provides (known: {known})"
        if spec or conversion:
            yield f"message field {{{name}}} may not have a format spec or conversion"


def _replacement_problems(replacement: str, sources: list[str]) -> Iterator[str]:
    """Yield what is wrong with a replacement template's group references."""
    names = {name for source in sources for name in _NAMED_GROUP.findall(source)}
    groups = max((len(_CAPTURING_GROUP.findall(source)) for source in sources), default=0)
    for match in _GROUP_REFERENCE.finditer(replacement):
        named, number = match.group(1), match.group(2)
        if named is not None and not named.isdigit() and named not in names:
            yield f"replacement refers to group {named!r}, which no pattern of the rule has"
        index = int(number or (named if named and named.isdigit() else 0))
        if index > groups:
            yield f"replacement refers to group {index}, but the patterns have {groups}"
