"""The ``text`` format: compiler-style lines, the source line and a caret.

Every line fits the display's width: a long source line is shown as a window
around the span, with ``…`` where it is cut, and the caret never runs past
it. Control characters in paths, messages and source lines are shown as
escapes (:mod:`checker.formatters.safe_text`), colour or not.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import click

from checker.formatters.safe_text import cell_width, cells, message, short_description, visible
from checker.model import Finding, Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_MIN_ROOM = 20  # the fewest columns an excerpt gets, however narrow the terminal


def render(report, display) -> str:
    """Render findings as ``path:line:col: severity [rule] message`` blocks.

    With ``display.quiet`` only the heading lines; with ``display.statistics``
    counts by rule after the findings. When every draft failed to be read
    nothing is printed: the errors said so, and "no problems" would mislead.
    """
    if report.files == 0 and not report.findings:
        return ""
    if display.quiet:
        blocks = [heading(finding, False) for finding in report.findings]
    else:
        blocks = [
            _finding_block(finding, report.lines.get(finding.path, []), display)
            for finding in report.findings
        ]
    if display.statistics:
        blocks.extend(statistics(report))
    if not display.quiet:
        blocks.append(summary(report.findings, report.files, report.hidden, report.min_severity))
    return "".join(block + "\n" for block in blocks)


def heading(finding: Finding, color: bool) -> str:
    """Return a finding's first line: where, how bad, which rule, and the message."""
    severity = str(finding.severity)
    if color:
        severity = click.style(severity, fg=_COLORS[finding.severity], bold=True)
    rule = click.style(finding.rule, dim=True) if color else finding.rule
    where = f"{visible(finding.path)}:{finding.line}:{finding.column}"
    return f"{where}: {severity} [{rule}] {message(finding.message)}"


def _finding_block(finding: Finding, lines: list[str], display) -> str:
    """Return the heading line, the excerpt with its caret, and the fix."""
    parts = [heading(finding, display.color)]
    if 0 < finding.line <= len(lines):
        parts.extend(excerpt(finding, lines[finding.line - 1], display.width))
    if finding.fix is not None:
        parts.append(f"     = fix: replace with {visible(repr(finding.fix.replacement))}")
    return "\n".join(parts)


def excerpt(finding: Finding, line: str, width: int) -> list[str]:
    """Return the source line (a window around the span) and a caret line, within *width*."""
    shown, widths, total = _line_cells(line)
    start = min(max(finding.column - 1, 0), len(shown))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(shown)
    end = min(max(end, start + 1), max(len(shown), start + 1))
    gutter = f"{finding.line:>5} | "
    room = max(_MIN_ROOM, width - len(gutter))
    left, right = _window(widths, total, start, min(end, len(shown)), room)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(shown) else ""
    offset = len(prefix) + sum(widths[left:start])
    carets = max(1, sum(widths[start : min(end, right)]))
    return [
        gutter + prefix + "".join(shown[left:right]) + suffix,
        " " * (len(gutter) - 2) + "| " + " " * offset + "^" * carets,
    ]


@lru_cache(maxsize=16)
def _line_cells(line: str) -> tuple[tuple[str, ...], tuple[int, ...], int]:
    """Return a source line's cells, their widths and the line's whole width, worked out once.

    Thousands of findings on one long line (a 40 KB paragraph of "cure ") would
    otherwise each measure the whole line again: quadratic in the line's length.
    """
    shown = tuple(cells(line))
    widths = tuple(sum(cell_width(char) for char in cell) for cell in shown)
    return shown, widths, sum(widths)


def _window(
    widths: tuple[int, ...], total: int, start: int, end: int, room: int
) -> tuple[int, int]:
    """Return the slice ``[left, right)`` of a line to show: the span first, then context.

    A line that fits is shown whole. Otherwise two columns are kept for the
    ``…`` at either end, a span wider than the room is shown from its start,
    and context is added on both sides in turn.
    """
    if total <= room:
        return 0, len(widths)
    room -= 2
    used = 0
    right = start
    while right < end and used + widths[right] <= room:
        used += widths[right]
        right += 1
    left = start
    grew = True
    while grew:
        grew = False
        if left > 0 and used + widths[left - 1] <= room:
            left -= 1
            used += widths[left]
            grew = True
        if right < len(widths) and used + widths[right] <= room:
            used += widths[right]
            right += 1
            grew = True
    return left, right


def statistics(report) -> list[str]:
    """Return the ``--statistics`` lines: count, rule id and a short description per rule."""
    counts = Counter(finding.rule for finding in report.findings)
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max(len(rule) for rule in counts)
    lines = []
    for rule_id, count in ranked:
        rule = report.rules.get(rule_id)
        described = short_description(rule.message) if rule is not None else ""
        lines.append(f"{count:>5}  {rule_id:<{width}}  {described}".rstrip())
    return lines


def summary(
    findings: tuple[Finding, ...] | list[Finding],
    files: int,
    hidden: int = 0,
    min_severity: Severity = Severity.INFO,
) -> str:
    """Return the closing line: counts of the findings shown by severity, and files checked.

    Severities below ``--min-severity`` are left out of the counts; how many
    findings that hid is said, so that a failing run never reads as clean.
    """
    noun = "file" if files == 1 else "files"
    note = f" ({hidden} below {min_severity} not shown)" if hidden else ""
    if not findings:
        if hidden:
            return f"No problems at {min_severity} or above in {files} {noun}{note}."
        return f"No problems found in {files} {noun}."
    counts = Counter(finding.severity for finding in findings)
    words = []
    for severity in _SEVERITIES:
        if severity < min_severity:
            continue
        number = counts.get(severity, 0)
        label = str(severity) if severity == Severity.INFO or number == 1 else f"{severity}s"
        words.append(f"{number} {label}")
    return f"Found {', '.join(words)} in {files} {noun}{note}."
