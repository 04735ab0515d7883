"""The ``html`` format: one self-contained page for reviewing a folder of drafts.

The page opens with an index of the drafts (counts by severity, zeros shown,
each a link to its draft) and the findings by category. Each draft follows
as a collapsible section, line by line, with every finding's span in a
``<mark>`` coloured by severity (``data-rule``, ``data-severity``,
``data-line`` and ``data-column`` say which finding it is) and the notes of a
paragraph beside it (below it on a narrow window), in a box that scrolls on
its own, so hundreds of notes still sit next to their text. A note holds the
message, the fix and, on request, the rule's why and source.

The script (:mod:`checker.formatters.html_assets`) adds filters by severity,
category and rule and keeps the counts to what is shown; without it the page
reads the same, every note in place. Everything from a draft, a file name or
a message is escaped, control characters shown as escapes (``\\x1b``); a
Content-Security-Policy lets only the page's own script run and loads
nothing from the network, a second wall should escaping ever fail.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape

from checker.formatters.html_assets import SCRIPT, STYLE
from checker.formatters.safe_text import message, visible
from checker.model import Finding, Rule, Severity

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class _Draft:
    """One draft of the report: its anchor id, path, lines and numbered findings."""

    ident: str
    path: str
    lines: list[str]
    findings: list[tuple[int, Finding]]


def render(report, display) -> str:
    """Render the report as one HTML page (*display* is ignored: the page is always coloured)."""
    drafts = _drafts(report)
    body = "".join(_section(draft, report.rules) for draft in drafts)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>prlint report</title><style>{STYLE}</style></head><body>\n"
        f'<div class="page">{_header(report)}\n{_overview(report, drafts)}\n'
        f"<main>{body}</main></div><script>{SCRIPT}</script></body></html>\n"
    )


def _policy() -> str:
    """Return the page's Content-Security-Policy: its own script and style, nothing else."""
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


_POLICY = _policy()


def _drafts(report) -> list[_Draft]:
    """Return the report's drafts in order, each with its findings and a unique anchor."""
    by_path: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for number, finding in enumerate(report.findings):
        by_path[finding.path].append((number, finding))
    paths = list(report.lines) + [path for path in by_path if path not in report.lines]
    return [
        _Draft(f"d{index}", path, report.lines.get(path, []), by_path[path])
        for index, path in enumerate(paths, 1)
    ]


def _count(key: str, value: int, severity: str = "", tag: str = "td") -> str:
    """Return a count the script keeps to the filters; *key* names what it counts."""
    classes = " ".join(name for name in (severity, "zero" if value == 0 else "") if name)
    return f'<{tag} class="{classes}" data-count="{escape(key)}">{value}</{tag}>'


def _header(report) -> str:
    """Return the page header: the totals, and the filters (shown by the script)."""
    noun = "file" if report.files == 1 else "files"
    total = _count("all", len(report.findings), tag="span")
    return (
        f'<header><h1>prlint report</h1><p class="totals">{total} of {len(report.findings)} '
        f"findings shown in {report.files} {noun} &middot; prlint {escape(report.version)}</p>"
        f"{_filters(report.findings)}</header>"
    )


def _filters(findings: tuple[Finding, ...]) -> str:
    """Return the filter form: a box per severity, a category and a rule menu."""
    boxes = "".join(
        f'<label class="{severity}"><input type="checkbox" name="severity" value="{severity}" '
        f"checked> {severity}</label>"
        for severity in _SEVERITIES
    )
    categories = sorted({finding.category for finding in findings})
    rules = sorted({finding.rule for finding in findings})
    return (
        '<form id="filters" hidden><fieldset><legend>severity</legend>'
        f"{boxes}</fieldset>"
        f"<label>category {_menu('category', 'all categories', categories)}</label>"
        f"<label>rule {_menu('rule', 'all rules', rules)}</label>"
        '<button type="reset">show all</button></form>'
    )


def _menu(name: str, everything: str, values: list[str]) -> str:
    """Return a menu of *values* whose first, empty choice keeps everything."""
    options = "".join(f'<option value="{escape(v)}">{escape(visible(v))}</option>' for v in values)
    return f'<select name="{name}"><option value="">{everything}</option>{options}</select>'


def _overview(report, drafts: list[_Draft]) -> str:
    """Return the index of drafts and the findings by category, side by side."""
    if not report.findings:
        return (
            f'<section class="overview"><p class="clean">No problems found.</p>'
            f"{_index(drafts)}</section>"
        )
    return f'<section class="overview">{_index(drafts)}{_categories(report)}</section>'


def _severity_head() -> str:
    return "".join(f"<th>{severity}</th>" for severity in _SEVERITIES)


def _index(drafts: list[_Draft]) -> str:
    """Return the index: one row per draft, its counts by severity and in all, and a link."""
    folder = _common_folder([draft.path for draft in drafts])
    rows = []
    for draft in drafts:
        counts = Counter(str(finding.severity) for _number, finding in draft.findings)
        cells = "".join(
            _count(f"d:{draft.ident}|s:{severity}", counts[str(severity)], str(severity))
            for severity in _SEVERITIES
        )
        rows.append(
            f'<tr><td><a href="#{draft.ident}">{escape(visible(draft.path[len(folder) :]))}</a></td>{cells}'
            f"{_count(f'd:{draft.ident}', len(draft.findings))}</tr>"
        )
    everything = [finding for draft in drafts for _number, finding in draft.findings]
    totals = "".join(
        _count(f"s:{s}", sum(1 for f in everything if f.severity == s), str(s)) for s in _SEVERITIES
    )
    noun = "draft" if len(drafts) == 1 else "drafts"
    where = f" in <code>{escape(visible(folder))}</code>" if folder else ""
    return (
        f'<nav class="index" id="index"><h2>{len(drafts)} {noun}{where}</h2><div class="scroll">'
        f"<table><thead><tr><th>draft</th>{_severity_head()}<th>all</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody><tfoot><tr><th>total</th>{totals}"
        f"{_count('all', len(everything))}</tr></tfoot></table></div></nav>"
    )


def _common_folder(paths: list[str]) -> str:
    """Return the folder all *paths* share, ending with a separator, or "" (the index shows the rest)."""
    if len(paths) < 2:
        return ""
    prefix = os.path.commonprefix(paths)
    cut = max(prefix.rfind("/"), prefix.rfind(os.sep))
    return prefix[: cut + 1]


def _categories(report) -> str:
    """Return the findings by category and severity."""
    counts = Counter((finding.category, str(finding.severity)) for finding in report.findings)
    categories = sorted({category for category, _severity in counts})
    rows = "".join(
        f"<tr><td>{escape(category)}</td>"
        + "".join(
            _count(f"c:{category}|s:{severity}", counts[(category, str(severity))], str(severity))
            for severity in _SEVERITIES
        )
        + _count(
            f"c:{category}", sum(counts[(category, str(severity))] for severity in _SEVERITIES)
        )
        + "</tr>"
        for category in categories
    )
    return (
        '<div class="categories"><h2>by category</h2><table class="summary">'
        f"<thead><tr><th>category</th>{_severity_head()}<th>all</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _section(draft: _Draft, rules: dict[str, Rule]) -> str:
    """Return one draft's section: its lines with marks, each line's notes beside it."""
    spans: dict[int, list[tuple]] = defaultdict(list)
    notes: dict[int, list[str]] = defaultdict(list)
    for number, finding in draft.findings:
        line = finding.line if 0 < finding.line <= len(draft.lines) else 0
        notes[line].append(_note(number, finding, rules.get(finding.rule), draft.ident))
        if line:
            title = _title(finding, rules.get(finding.rule))
            for row, start, end in _pieces(finding, draft.lines):
                spans[row].append((start, end, number, finding, title))
    rows = [
        _row(draft.ident, index + 1, text, spans[index + 1], notes[index + 1])
        for index, text in enumerate(draft.lines)
    ]
    loose = f'<div class="loose">{_aside(notes[0])}</div>' if notes[0] else ""
    shown = escape(visible(draft.path))
    counts = Counter(str(finding.severity) for _number, finding in draft.findings)
    summary = ", ".join(  # "error 1": the word stays right whatever count a filter leaves
        f"{s} {_count(f'd:{draft.ident}|s:{s}', counts[str(s)], 'n', tag='span')}"
        for s in _SEVERITIES
    )
    is_open = " open" if draft.findings else ""
    return (
        f'<details class="draft" id="{draft.ident}" data-path="{shown}"{is_open}>'
        f'<summary><h2>{shown}</h2><span class="counts">{summary}</span></summary>'
        f'{loose}{"".join(rows)}<p class="back"><a href="#index">back to the index</a></p>'
        "</details>\n"
    )


def _pieces(finding: Finding, lines: list[str]) -> list[tuple[int, int, int]]:
    """Return (line, start, end) character ranges a finding covers, line by line."""
    last = min(max(finding.end_line, finding.line), len(lines))
    pieces = []
    for row in range(finding.line, last + 1):
        text = lines[row - 1]
        start = finding.column - 1 if row == finding.line else 0
        end = finding.end_column - 1 if row == finding.end_line else len(text)
        start = min(max(start, 0), len(text))
        pieces.append((row, start, min(max(end, start), len(text))))
    return pieces


def _aside(notes: list[str]) -> str:
    return f'<aside class="notes">{"".join(notes)}</aside>'


def _row(ident: str, number: int, text: str, spans: list, notes: list[str]) -> str:
    """Return one source line with its marks, and the notes of findings on it."""
    anchor = f"{ident}-L{number}"
    if not text and not spans and not notes:
        return f'<div class="row empty" id="{anchor}"></div>'
    return (
        f'<div class="row" id="{anchor}"><span class="ln">{number}</span>'
        f'<div class="src">{_marked(text, spans, number)}</div>{_aside(notes)}</div>'
    )


def _marked(text: str, spans: list, row: int) -> str:
    """Return *text* escaped, with marks nested; overlaps split into fragments."""
    points = sorted({0, len(text)} | {span[0] for span in spans} | {span[1] for span in spans})
    starting = defaultdict(list)
    for span in spans:
        starting[span[0]].append(span)
    out: list[str] = []
    stack: list[tuple] = []  # open marks, outermost first
    position = 0
    for point in points:
        out.append(escape(visible(text[position:point], keep_tabs=True)))
        position = point
        ending = [index for index, span in enumerate(stack) if span[1] == point]
        if ending:
            closed = stack[ending[0] :]
            del stack[ending[0] :]
            out.append("</mark>" * len(closed))
            for span in closed:
                if span[1] != point:
                    out.append(_open(span, row))
                    stack.append(span)
        for span in sorted(starting[point], key=lambda item: -item[1]):
            out.append(_open(span, row))
            if span[1] == span[0]:
                out.append("</mark>")
            else:
                stack.append(span)
    return "".join(out)


def _open(span: tuple, row: int) -> str:
    """Return the opening mark tag of a finding's span on one row."""
    _start, _end, number, finding, title = span
    severity = str(finding.severity)
    return (
        f'<mark class="{severity}" data-finding="f{number}" data-rule="{escape(finding.rule)}" '
        f'data-severity="{severity}" data-line="{finding.line}" data-column="{finding.column}" '
        f'data-end-line="{finding.end_line}" data-end-column="{finding.end_column}" data-row="{row}" '
        f'title="{escape(title)}">'
    )


def _title(finding: Finding, rule: Rule | None) -> str:
    """Return the hover text of a mark: the message, then why and source."""
    title = f"{finding.severity} [{visible(finding.rule)}] {message(finding.message)}"
    if rule is not None:
        title += f"\n\nWhy: {rule.why}\nSource: {rule.source}"
    return title


def _note(number: int, finding: Finding, rule: Rule | None, ident: str) -> str:
    """Return the note of a finding: message, fix, and why on request."""
    severity = str(finding.severity)
    fix = ""
    if finding.fix is not None:
        fix = f'<div class="fix">fix: replace with <q>{escape(visible(finding.fix.replacement))}</q></div>'
    why = ""
    if rule is not None:
        why = (
            f"<details><summary>why this matters</summary><p>{escape(rule.why)}</p>"
            f'<p class="why-source">Source: {escape(rule.source)}</p></details>'
        )
    return (
        f'<div class="note {severity}" id="note-f{number}" data-finding="f{number}" '
        f'data-severity="{severity}" data-category="{escape(finding.category)}" '
        f'data-rule="{escape(finding.rule)}" data-draft="{ident}">'
        f'<span class="sev">{severity}</span> <code>{escape(visible(finding.rule))}</code> '
        f'<span class="ln">{finding.line}:{finding.column}</span>'
        f'<div class="msg">{escape(message(finding.message))}</div>{fix}{why}</div>'
    )
