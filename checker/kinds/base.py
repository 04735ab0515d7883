"""The contract between the engine and the check kinds.

A kind is a module. It declares the schema of its parameters (``SCHEMA``,
defaults included), whether it runs after the others (``RUNS_LAST``), and
two functions: ``compile``, which turns a rule's ``check`` object into
whatever the kind wants to keep (once, when the pack loads), and ``find``,
a pure scan of one draft. The engine knows kinds only through this
protocol, so a new kind needs no change outside ``checker/kinds``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

from checker.document.model import Document
from checker.document.suppressions import Directive
from checker.model import Hit, Scope


class Context(NamedTuple):
    """What checks may know beyond the draft itself."""

    release_date: str | None = None
    known_rules: frozenset[str] = frozenset()
    selected_rules: frozenset[str] = frozenset()
    directives: tuple[Directive, ...] = ()
    profile: Mapping[str, Any] = MappingProxyType({})  # the issuer, from profile packs


class Kind(Protocol):
    """What every kind module provides."""

    #: JSON Schema of the rule's ``check`` object (``kind`` included), with
    #: a ``default`` for every optional parameter the kind reads.
    SCHEMA: dict[str, Any]
    #: True for kinds that judge the other rules' results (suppression comments).
    RUNS_LAST: bool
    #: The message fields its hits carry; a message may name these and its patterns' named groups.
    FIELDS: frozenset[str]

    def compile(self, params: dict[str, Any], where: str) -> Any:
        """Validate and compile a rule's parameters; raise PatternProblem on bad ones."""

    def find(self, check: Any, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
        """Yield the hits of a compiled check on one draft."""
