"""The ``github`` format: GitHub Actions workflow commands, one per finding.

The runner treats any output line that starts with ``::`` as a command, so a
path or message must never start a line of its own: control characters are
made visible first (:func:`~checker.formatters.safe_text.visible`), then the
workflow-command escapes are applied.
"""

from __future__ import annotations

from checker.formatters.safe_text import message, visible
from checker.formatters.text import statistics
from checker.model import Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report, display) -> str:
    """Render findings as ``::error file=...,line=...,col=...::message`` lines."""
    lines = []
    for finding in report.findings:
        properties = ",".join(
            [
                f"file={_property(visible(finding.path))}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"endLine={finding.end_line}",
                f"endColumn={finding.end_column}",
                f"title={_property(visible(finding.rule))}",
            ]
        )
        lines.append(
            f"::{_COMMANDS[finding.severity]} {properties}::{_data(message(finding.message))}"
        )
    if display.statistics:
        lines.extend(statistics(report))
    return "".join(line + "\n" for line in lines)


def _data(value: str) -> str:
    """Escape a workflow-command message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    """Escape a workflow-command property value."""
    return _data(value).replace(":", "%3A").replace(",", "%2C")
