"""The closed set of check kinds: one module (or package) each, named by its id.

Each kind implements :class:`checker.kinds.base.Kind`. Adding a kind means
one module here and one entry in ``KINDS``: the rule-pack schema takes the
kind's name and the schema of its parameters from the module
(:func:`schema`), so the two cannot drift apart.
"""

from __future__ import annotations

import copy
from typing import Any

from checker.kinds import (
    anachronism,
    balance,
    boilerplate,
    claim,
    consistency,
    count,
    date,
    filings,
    forbid,
    lexicon,
    require,
    safe_harbor,
    suppression,
    tickers,
)
from checker.kinds.base import Kind

KINDS: dict[str, Kind] = {
    "forbid": forbid,
    "require": require,
    "consistency": consistency,
    "suppression": suppression,
    "count": count,
    "claim": claim,
    "anachronism": anachronism,
    "lexicon": lexicon,
    "date": date,
    "safe-harbor": safe_harbor,
    "filings": filings,
    "tickers": tickers,
    "boilerplate": boilerplate,
    "balance": balance,
}


def get(name: str) -> Kind:
    """Return the kind called *name*."""
    return KINDS[name]


def compile_check(params: dict[str, Any], where: str) -> Any:
    """Compile a rule's ``check`` object with its kind, defaults filled in from the kind's schema."""
    kind = get(params["kind"])
    return kind.compile(with_defaults(kind, params), where)


def with_defaults(kind: Kind, params: dict[str, Any]) -> dict[str, Any]:
    """Return *params* with every parameter the rule leaves out set to its declared default."""
    filled = dict(params)
    for name, declared in kind.SCHEMA["properties"].items():
        if name not in filled and isinstance(declared, dict) and "default" in declared:
            filled[name] = copy.deepcopy(declared["default"])
    return filled


def schema(base: dict[str, Any]) -> dict[str, Any]:
    """Return the rule-pack schema *base* with every kind's parameters added.

    ``check.kind`` becomes the enum of kind names, and each kind's
    ``SCHEMA`` applies when ``kind`` names it (an if/then per kind, so a
    validation error names the parameter at fault, not every branch).
    """
    full = copy.deepcopy(base)
    check = full["$defs"]["check"]
    check["properties"]["kind"] = {"enum": list(KINDS)}
    check["allOf"] = []
    for name, kind in KINDS.items():
        full["$defs"][f"kind-{name}"] = copy.deepcopy(kind.SCHEMA)
        check["allOf"].append(
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"$ref": f"#/$defs/kind-{name}"},
            }
        )
    return full
