"""``suppression``: report suppression comments that are wrong or stale.

Parameter ``report``: ``unknown`` (a comment names no loaded rule or id
prefix, so it suppresses nothing and probably hides a typo) or ``unused``
(a comment names a rule that ran but found nothing there: the reason for the
suppression has gone). The engine runs these rules after all others, when
it knows which comments were used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from checker.model import Hit, Scope

#: Rules of this kind run after the others (see :func:`checker.engine.lint`).
RUNS_LAST = True


@dataclass(frozen=True)
class Suppression:
    """A compiled ``suppression`` check."""

    report: str


def compile(params: dict[str, Any], where: str) -> Suppression:
    """Compile a ``suppression`` check's parameters."""
    return Suppression(report=params["report"])


def find(check: Suppression, document, scope: Scope, context) -> Iterator[Hit]:
    """Yield a hit for each unknown or unused rule token in the draft's comments."""
    for directive in context.directives:
        for token in directive.rules:
            known = _names_any(token, context.known_rules)
            if check.report == "unknown" and not known:
                yield Hit(directive.start, directive.end, {"token": token})
            ran = _names_any(token, context.selected_rules)
            if check.report == "unused" and ran and token not in directive.used:
                yield Hit(directive.start, directive.end, {"token": token})


def _names_any(token: str, rule_ids: frozenset[str]) -> bool:
    """Tell whether *token* is one of *rule_ids* or a prefix of one."""
    return token in rule_ids or any(rule_id.startswith(token + ".") for rule_id in rule_ids)


#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "report"],
    "description": "Suppression comments that name no loaded rule (unknown) or suppress nothing (unused).",
    "properties": {"kind": True, "report": {"enum": ["unknown", "unused"]}},
}
