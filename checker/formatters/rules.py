"""``prlint rules``: the loaded rules as a table or as JSON."""

from __future__ import annotations

import json

#: What ``prlint rules --format json`` gives for each rule, in this order.
RULE_KEYS = ("id", "pack", "category", "severity", "kind", "message", "why", "source", "fix")


def render_rules(ruleset, name: str) -> str:
    """Render the rules of *ruleset* as ``text`` (a table per pack) or ``json`` (an array)."""
    if name == "json":
        items = [
            {
                "id": rule.id,
                "pack": rule.pack,
                "category": rule.category,
                "severity": str(rule.severity),
                "kind": rule.kind,
                "message": rule.message,
                "why": rule.why,
                "source": rule.source,
                "fix": rule.fix,
            }
            for rule in ruleset.rules
        ]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    width = max(len(rule.id) for rule in ruleset.rules)
    lines = []
    for pack in ruleset.packs:
        lines.append(f"# {pack.id} {pack.version}: {pack.description}")
        lines.extend(
            f"{rule.id:<{width}}  {rule.category:<12} {str(rule.severity):<8} {rule.kind}"
            for rule in ruleset.rules
            if rule.pack == pack.id
        )
    return "".join(line + "\n" for line in lines)
