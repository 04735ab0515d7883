"""The ``html`` format: one self-contained page for reviewing drafts.

Each draft is shown line by line with every finding's span in a ``<mark>``
coloured by severity (``data-rule``, ``data-severity``, ``data-line`` and
``data-column`` say which finding it is), a margin note beside the line with
the message and the fix, and the rule's why and source on hover (the mark's
title) or on click (the note opens). A summary by category heads the page.
Everything is escaped, control characters in paths, messages and lines are
shown as escapes (``\x1b``); the page loads nothing from the network.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from checker.formatters.safe_text import message, visible
from checker.model import Finding, Rule, Severity

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f3;color:#222}
header,section{max-width:1500px;margin:0 auto;padding:1em 2em}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;border-bottom:1px solid #ccc;padding-bottom:.3em}
table.summary{border-collapse:collapse;background:#fff}
.summary th,.summary td{border:1px solid #ddd;padding:.25em .8em;text-align:right}
.summary th:first-child,.summary td:first-child{text-align:left}
.row{display:grid;grid-template-columns:3em minmax(0,1fr) 24em;gap:1em;background:#fff;padding:.15em .5em}
.row.empty{min-height:.6em;padding:0 .5em}
.ln{color:#999;text-align:right;font:12px/2 monospace;user-select:none}
.src{font:16px/1.7 Georgia,serif;white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:none;border-bottom:3px solid;cursor:pointer;padding:0 1px}
mark:empty{padding:0 2px}mark:empty::after{content:"\\2038"}
mark.error{background:#fcd9d6;border-color:#c62828}mark.warning{background:#ffefc2;border-color:#d48b00}
mark.info{background:#dcebfb;border-color:#2f6fb5}mark.active{outline:2px solid #222}
mark mark{padding-bottom:4px}mark mark mark{padding-bottom:8px}
.note{font-size:13px;border-left:4px solid;background:#fafafa;margin:.2em 0 .5em;padding:.3em .6em}
.note.error{border-color:#c62828}.note.warning{border-color:#d48b00}.note.info{border-color:#2f6fb5}
.note.active{background:#fff7d6;box-shadow:0 0 0 2px #222}
.sev{font-weight:bold;text-transform:uppercase;font-size:11px}.error .sev{color:#c62828}
.warning .sev{color:#a86e00}.info .sev{color:#2f6fb5}
.note code{font-size:12px;color:#555}.fix{color:#1b5e20}.fix q{font-weight:bold}
details{color:#444}summary{cursor:pointer;color:#2f6fb5}.why-source{font-style:italic}
.clean{color:#1b5e20}
"""

_SCRIPT = """
function show(id){document.querySelectorAll('.active').forEach(e=>e.classList.remove('active'));
document.querySelectorAll('[data-finding="'+id+'"]').forEach(e=>e.classList.add('active'));
var n=document.getElementById('note-'+id);if(n){var d=n.querySelector('details');if(d)d.open=true;
n.scrollIntoView({block:'nearest'});}}
document.addEventListener('click',function(ev){var t=ev.target.closest('mark,.note');
if(t)show(t.dataset.finding);});
"""


def render(report, display) -> str:
    """Render the report as one HTML page (*display* is ignored: the page is always coloured)."""
    by_path: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for number, finding in enumerate(report.findings):
        by_path[finding.path].append((number, finding))
    paths = list(report.lines) + [path for path in by_path if path not in report.lines]
    sections = [
        _draft(path, report.lines.get(path, []), by_path[path], report.rules) for path in paths
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>prlint report</title><style>{_STYLE}</style></head><body>\n"
        f"{_summary(report)}\n{''.join(sections)}<script>{_SCRIPT}</script></body></html>\n"
    )


def _summary(report) -> str:
    """Return the page header: totals, and findings by category and severity."""
    counts = Counter((finding.category, finding.severity) for finding in report.findings)
    categories = sorted({category for category, _severity in counts})
    head = "".join(f"<th>{severity}</th>" for severity in _SEVERITIES)
    rows = "".join(
        f"<tr><td>{escape(category)}</td>"
        + "".join(
            f"<td>{counts.get((category, severity), 0) or ''}</td>" for severity in _SEVERITIES
        )
        + "</tr>"
        for category in categories
    )
    totals = "".join(
        f"<td>{sum(1 for f in report.findings if f.severity == s)}</td>" for s in _SEVERITIES
    )
    noun = "file" if report.files == 1 else "files"
    table = (
        f'<table class="summary"><tr><th>category</th>{head}</tr>{rows}<tr><th>total</th>{totals}</tr></table>'
        if report.findings
        else '<p class="clean">No problems found.</p>'
    )
    return (
        f"<header><h1>prlint report</h1><p>{len(report.findings)} findings in {report.files} {noun}"
        f" &middot; prlint {escape(report.version)}</p>{table}</header>"
    )


def _draft(
    path: str, lines: list[str], numbered: list[tuple[int, Finding]], rules: dict[str, Rule]
) -> str:
    """Return one draft's section: its lines with marks and margin notes."""
    spans: dict[int, list[tuple]] = defaultdict(list)
    notes: dict[int, list[str]] = defaultdict(list)
    for number, finding in numbered:
        line = finding.line if 0 < finding.line <= len(lines) else 0
        notes[line].append(_note(number, finding, rules.get(finding.rule)))
        if line:
            title = _title(finding, rules.get(finding.rule))
            for row, start, end in _pieces(finding, lines):
                spans[row].append((start, end, number, finding, title))
    rows = [
        _row(index + 1, text, spans[index + 1], notes[index + 1])
        for index, text in enumerate(lines)
    ]
    loose = (
        f'<div class="row"><span class="ln"></span><div></div><aside>{"".join(notes[0])}</aside></div>'
        if notes[0]
        else ""
    )
    shown = escape(visible(path))
    return f'<section class="draft" data-path="{shown}"><h2>{shown}</h2>{loose}{"".join(rows)}</section>\n'


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


def _row(number: int, text: str, spans: list, notes: list[str]) -> str:
    """Return one source line with its marks, and the notes of findings on it."""
    if not text and not spans and not notes:
        return f'<div class="row empty" id="L{number}"></div>'
    aside = f"<aside>{''.join(notes)}</aside>" if notes else "<aside></aside>"
    return (
        f'<div class="row" id="L{number}"><span class="ln">{number}</span>'
        f'<div class="src">{_marked(text, spans, number)}</div>{aside}</div>'
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
    title = f"{finding.severity} [{finding.rule}] {message(finding.message)}"
    if rule is not None:
        title += f"\n\nWhy: {rule.why}\nSource: {rule.source}"
    return title


def _note(number: int, finding: Finding, rule: Rule | None) -> str:
    """Return the margin note of a finding: message, fix, and why on request."""
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
        f'<div class="note {severity}" id="note-f{number}" data-finding="f{number}">'
        f'<span class="sev">{severity}</span> <code>{escape(finding.rule)}</code> '
        f'<span class="ln">{finding.line}:{finding.column}</span>'
        f'<div class="msg">{escape(message(finding.message))}</div>{fix}{why}</div>'
    )
