"""The ``text`` format: compiler-style lines, the source line and a caret."""

from __future__ import annotations

from collections import Counter

import click

from checker.model import Finding, Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_CONTEXT = 60  # characters of context shown either side of a span on long lines


def render(report, color: bool = False) -> str:
    """Render findings as ``path:line:col: severity [rule] message`` blocks."""
    blocks = [
        _finding_block(finding, report.lines.get(finding.path, []), color)
        for finding in report.findings
    ]
    blocks.append(summary(report.findings, report.files))
    return "\n".join(blocks) + "\n"


def _finding_block(finding: Finding, lines: list[str], color: bool) -> str:
    """Return the heading line, the excerpt with its caret, and the fix."""
    severity = str(finding.severity)
    if color:
        severity = click.style(severity, fg=_COLORS[finding.severity], bold=True)
    rule = click.style(finding.rule, dim=True) if color else finding.rule
    head = f"{finding.path}:{finding.line}:{finding.column}: {severity} [{rule}] {finding.message}"
    parts = [head]
    if 0 < finding.line <= len(lines):
        parts.extend(_excerpt(finding, lines[finding.line - 1]))
    if finding.fix is not None:
        parts.append(f"     = fix: replace with {finding.fix.replacement!r}")
    return "\n".join(parts)


def _excerpt(finding: Finding, line: str) -> list[str]:
    """Return the source line (trimmed around the span) and a caret line."""
    line = line.replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(end, start + 1)
    left = max(0, start - _CONTEXT)
    right = min(len(line), end + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    caret = " " * (len(prefix) + start - left) + "^" * max(1, min(end, right) - start)
    gutter = f"{finding.line:>5} | "
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + caret]


def summary(findings: tuple[Finding, ...] | list[Finding], files: int) -> str:
    """Return the closing line: counts by severity and files checked."""
    noun = "file" if files == 1 else "files"
    if not findings:
        return f"No problems found in {files} {noun}."
    counts = Counter(finding.severity for finding in findings)
    words = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        number = counts.get(severity, 0)
        label = str(severity) if severity == Severity.INFO or number == 1 else f"{severity}s"
        words.append(f"{number} {label}")
    return f"Found {', '.join(words)} in {files} {noun}."
