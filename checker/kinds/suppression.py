"""``suppression``: report suppression comments that are wrong or stale.

Parameter ``report``: ``unknown`` (a comment names no loaded rule or id
prefix, so it suppresses nothing and probably hides a typo) or ``unused``
(a comment names a rule that ran but found nothing there: the reason for the
suppression has gone). The engine runs these rules after all others, when
it knows which comments were used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from checker.document.model import Document
from checker.kinds.base import Context
from checker.model import Hit, Scope


class Suppression(NamedTuple):
    """A compiled ``suppression`` check."""

    report: str


def compile(params: dict[str, Any], where: str) -> Suppression:
    """Compile a ``suppression`` check's parameters."""
    return Suppression(report=params["report"])


def find(check: Suppression, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for each unknown or unused rule token in the draft's comments."""
    yield from REPORTS[check.report](context)


def _unknown(context: Context) -> Iterator[Hit]:
    """Report tokens that name no loaded rule or id prefix: they suppress nothing."""
    for directive in context.directives:
        for token in directive.rules:
            if not _names_any(token, context.known_rules):
                yield Hit(directive.start, directive.end, {"token": token})


def _unused(context: Context) -> Iterator[Hit]:
    """Report tokens naming a rule that ran but found nothing the comment covers."""
    for directive in context.directives:
        for token in directive.rules:
            ran = _names_any(token, context.selected_rules)
            if ran and token not in directive.used:
                yield Hit(directive.start, directive.end, {"token": token})


def _names_any(token: str, rule_ids: frozenset[str]) -> bool:
    """Tell whether *token* is one of *rule_ids* or a prefix of one."""
    return token in rule_ids or any(rule_id.startswith(token + ".") for rule_id in rule_ids)


#: What a rule's ``report`` can ask for, and the function that looks for it.
REPORTS: dict[str, Callable[[Context], Iterator[Hit]]] = {"unknown": _unknown, "unused": _unused}

#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"token"})

#: Rules of this kind run after the others, when the engine knows which comments were used.
RUNS_LAST = True

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "report"],
    "description": "Suppression comments that name no loaded rule (unknown) or suppress nothing (unused).",
    "properties": {"kind": True, "report": {"enum": list(REPORTS)}},
}
