"""The closed set of check kinds: one module each, registered by name.

A kind module provides ``compile(params, where)``, which validates and
compiles a rule's ``check`` object once at load (raising
:class:`checker.patterns.PatternProblem`), and ``find(compiled, document,
scope, context)``, a pure scan that yields :class:`checker.model.Hit`.
Adding a kind means one module here, one entry in ``KINDS`` and one branch
in ``checker/packs/schemas/rulepack.schema.json``.
"""

from __future__ import annotations

from types import ModuleType

from checker.kinds import (
    anachronism,
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

KINDS: dict[str, ModuleType] = {
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
}


def get(name: str) -> ModuleType:
    """Return the kind module called *name*."""
    return KINDS[name]
