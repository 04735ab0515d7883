"""Output formats: pure functions from a :class:`Report` to text.

Formatters never print and never choose the exit code; the CLI does both.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from checker.model import Finding, Rule


@dataclass(frozen=True)
class Report:
    """The findings of a run and what formatters need to show them."""

    findings: tuple[Finding, ...]
    files: int
    version: str
    rules: dict[str, Rule] = field(default_factory=dict)
    lines: dict[str, list[str]] = field(default_factory=dict)  # path -> source lines


def render(report: Report, name: str, color: bool = False) -> str:
    """Render *report* in the format called *name*."""
    # only the chosen formatter is imported: the others pull in modules (json, html) a text run never needs
    formatter = importlib.import_module(f"checker.formatters.{_MODULES[name]}")
    return formatter.render(report, color)


_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}
