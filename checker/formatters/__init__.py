"""Output formats: pure functions from a :class:`Report` to text.

Formatters never print and never choose the exit code; the CLI does both.
They own every line of the report, ``--quiet`` and ``--statistics`` included,
and every one of them shows paths and messages through
:mod:`checker.formatters.safe_text`, so a draft cannot write control
characters or workflow commands into the output.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from checker.model import Finding, Rule, Severity

#: Formats that can show ``--statistics`` after their findings (the others are parsed by tools).
STATISTICS_FORMATS = ("text", "github")


class Report(NamedTuple):
    """The findings of a run and what formatters need to show them.

    ``findings`` are the ones shown; ``hidden`` counts those below
    ``min_severity`` that ``--min-severity`` kept out of the report.
    """

    findings: tuple[Finding, ...]
    files: int
    version: str
    rules: Mapping[str, Rule] = MappingProxyType({})
    lines: Mapping[str, list[str]] = MappingProxyType({})  # path -> source lines
    hidden: int = 0
    min_severity: Severity = Severity.INFO


class Display(NamedTuple):
    """How a human-readable report is laid out (machine formats ignore it)."""

    color: bool = False
    quiet: bool = False  # text: the finding lines only
    statistics: bool = False  # text, github: counts by rule after the findings
    width: int = 100  # columns an excerpt may take


def shown(findings: Iterable[Finding], min_severity: Severity) -> tuple[tuple[Finding, ...], int]:
    """Split findings by ``--min-severity``: those shown, and how many are hidden."""
    findings = tuple(findings)
    kept = tuple(finding for finding in findings if finding.severity >= min_severity)
    return kept, len(findings) - len(kept)


def render(report: Report, name: str, color: bool = False, display: Display | None = None) -> str:
    """Render *report* in the format called *name*."""
    # only the chosen formatter is imported: the others pull in modules (json, html) a text run never needs
    formatter = importlib.import_module(f"checker.formatters.{_MODULES[name]}")
    return formatter.render(report, display or Display(color=color))


_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}
