"""Pure data: severities, categories, rules, fixes and findings.

Checks work in character offsets into the document text; a finding is turned
into 1-based lines and columns exactly once, in :func:`checker.engine.lint`.

Records that never change after they are made are named tuples, here and
elsewhere: a frozen dataclass compiles six methods from source when its
module is imported, about 4 million instructions against 1 million for a
named tuple (the README's "A kind"). Those kept as dataclasses need what a
tuple lacks: a mutable field, an equality over some fields only
(:class:`Finding`), attributes beyond their fields, or a default mapping
that must pickle (a named tuple's defaults are shared, so must be
read-only, and a read-only mapping does not pickle).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        """Return the severity called *name* (``error``, ``warning``, ``info``)."""
        return cls[name.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


#: The fixed vocabulary of finding categories (also enforced by the schema).
CATEGORIES = (
    "safe-harbor",
    "sec-filing",
    "ticker",
    "spelling",
    "date",
    "count",
    "markup",
    "claim",
    "boilerplate",
    "style",
)


class Scope(NamedTuple):
    """Where in a release a rule looks.

    ``parts`` limits a rule to those parts (empty means everywhere) and
    ``exclude_parts`` removes parts; ``quotes`` is ``include`` (default),
    ``exclude`` (not inside quotations) or ``only``.
    """

    parts: tuple[str, ...] = ()
    exclude_parts: tuple[str, ...] = ()
    quotes: str = "include"


class Rule(NamedTuple):
    """A rule as loaded from a pack; ``check`` is the kind's compiled form."""

    id: str
    pack: str
    category: str
    severity: Severity
    message: str
    why: str
    source: str
    examples_fail: tuple[str, ...]
    examples_pass: tuple[str, ...]
    kind: str
    check: Any
    scope: Scope = Scope()
    fix: str = "suggest"  # "safe": --fix may apply it; "suggest"; "none"
    fix_in_legend: bool = False  # --fix may change the legal legend too
    enabled: bool = True
    #: Off unless named: style notes that most published releases break.
    opt_in: bool = False
    #: Report only the first finding per ``draft`` (a note about the issuer, not each
    #: mention) or per ``paragraph`` (one stray quote mark, not each mark); None: every one.
    once: str | None = None
    origin: str = ""  # "file: $.rules[i]", for error messages


#: The message fields of a hit that has none: one shared mapping, so read-only.
NO_FIELDS: Mapping[str, str] = MappingProxyType({})


class Hit(NamedTuple):
    """What a check kind reports: a span, message fields and maybe a fix."""

    start: int
    end: int
    fields: Mapping[str, str] = NO_FIELDS
    replacement: str | None = None
    fix_start: int | None = None
    fix_end: int | None = None


class Fix(NamedTuple):
    """Replacement text for a span of the draft (1-based, end exclusive)."""

    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    safe: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the documented JSON shape of a fix."""
        return {
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one draft; ordered by position, then rule id.

    Lines and columns are 1-based and counted in characters; ``end_column``
    is exclusive (the column just after the span), as in SARIF.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the documented JSON shape: exactly these keys."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
        }
