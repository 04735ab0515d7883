"""``require``: text that must appear, perhaps only when a trigger does.

Parameters: ``patterns`` (any one satisfies the rule), ``within`` (parts the
required text must be in; default anywhere), ``when`` (trigger patterns,
searched in the rule's scope: without a trigger the rule does not apply) and
``ignore_case``. A missing requirement is reported at the first trigger, or
at the start of the lead paragraph when there is no trigger.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document
from checker.kinds.base import Context
from checker.matching import prefilter
from checker.matching.patterns import compile_patterns, first_match
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex


class Require(NamedTuple):
    """A compiled ``require`` check."""

    patterns: list[regex.Pattern]
    within: tuple[str, ...]
    when: list[regex.Pattern]


def compile(params: dict[str, Any], where: str) -> Require:
    """Compile a ``require`` check's parameters."""
    ignore_case = params["ignore_case"]
    return Require(
        patterns=compile_patterns(params["patterns"], f"{where}.patterns", ignore_case),
        within=tuple(params["within"]),
        when=compile_patterns(params["when"], f"{where}.when", ignore_case),
    )


def find(check: Require, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield one hit when the trigger (if any) is present and the requirement is not."""
    trigger = None
    if check.when:
        trigger = first_match(
            list(prefilter.candidates(check.when, document)),
            document.text,
            document.scope_spans(scope),
        )
        if trigger is None:
            return
    required_in = Scope(parts=check.within) if check.within else Scope()
    required = list(prefilter.candidates(check.patterns, document))
    if first_match(required, document.text, document.scope_spans(required_in)):
        return
    if trigger is not None:
        yield Hit(trigger.start(), trigger.end(), {"match": trigger.group()})
    else:
        start = document.lead_offset()
        yield Hit(start, start, {})


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"match"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "patterns"],
    "description": "Text that must appear (when a trigger appears).",
    "properties": {
        "kind": True,
        "patterns": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/pattern"}},
        "ignore_case": {"type": "boolean", "default": False},
        "within": {
            "type": "array",
            "items": {"$ref": "#/$defs/part"},
            "description": "Parts the required text must be in.",
            "default": [],
        },
        "when": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Trigger patterns, searched in the rule's scope.",
            "default": [],
        },
    },
}
