"""Output formats: pure functions from a :class:`Report` to text.

Formatters never print and never choose the exit code; the CLI does both.
"""

from __future__ import annotations

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
    from checker.formatters import github, html, json_format, sarif, text

    formatters = {
        "text": text.render,
        "json": json_format.render,
        "sarif": sarif.render,
        "github": github.render,
        "html": html.render,
    }
    return formatters[name](report, color)
