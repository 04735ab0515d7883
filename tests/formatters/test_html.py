"""The ``html`` report's markup: marks at the exact spans, the index, escaping, scripts off.

What the page does in a browser (clicks, filters, layout, screenshots) is in
test_html_browser.py, which runs headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from html import escape
from html.parser import HTMLParser

from checker.api import default_config
from checker.formatters import Report, render
from checker.formatters.html_assets import SCRIPT
from checker.model import Finding, Fix, Severity


class _Marks(HTMLParser):
    """Collect the text of every mark fragment, by finding and source row."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[dict] = []
        self.marks: list[dict] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "mark":
            mark = {**dict(attrs), "text": ""}
            self.open.append(mark)
            self.marks.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for mark in self.open:
            mark["text"] += data


def marked_spans(marks: list[dict]) -> dict[str, str]:
    """Join each finding's fragments: within a row in order, rows by line ends."""
    rows: dict[str, dict[int, str]] = defaultdict(lambda: defaultdict(str))
    for mark in marks:
        rows[mark["data-finding"]][int(mark["data-row"])] += mark["text"]
    return {
        key: "\n".join(text for _row, text in sorted(by_row.items()))
        for key, by_row in rows.items()
    }


def source_span(lines: list[str], finding: dict) -> str:
    """Return the source text a finding's line/column range covers."""
    if finding["line"] == finding["end_line"]:
        return lines[finding["line"] - 1][finding["column"] - 1 : finding["end_column"] - 1]
    first = lines[finding["line"] - 1][finding["column"] - 1 :]
    middle = lines[finding["line"] : finding["end_line"] - 1]
    last = lines[finding["end_line"] - 1][: finding["end_column"] - 1]
    return "\n".join([first, *middle, last])


def make_finding(
    line: int, column: int, end_line: int, end_column: int, rule: str = "core.x", message: str = "m"
) -> Finding:
    """Return a warning at the given span of draft ``d.txt``."""
    return Finding(
        "d.txt", line, column, end_line, end_column, rule, "style", Severity.WARNING, message
    )


def page(findings: list[Finding], lines: list[str]) -> tuple[str, dict[str, str]]:
    """Render a report and return the page and its marked spans."""
    output = render(Report(tuple(findings), 1, "0-test", {}, {"d.txt": lines}), "html")
    parser = _Marks()
    parser.feed(output)
    return output, marked_spans(parser.marks)


def test_marks_cover_exact_spans_even_when_findings_overlap() -> None:
    line = "Acme (AMEX: KAL)(Frankfurt”>CA4) had the the gain."
    lines = [line]
    column = line.index("(Frankfurt") + 1
    outer = make_finding(1, column, 1, column + len("(Frankfurt”>CA4)"))
    inner = make_finding(1, line.index("”") + 1, 1, line.index("”") + 2, "core.quote")
    straddling = make_finding(1, line.index("CA4") + 1, 1, line.index(" the") + 1, "core.straddle")
    _output, spans = page([outer, inner, straddling], lines)
    assert spans == {"f0": "(Frankfurt”>CA4)", "f1": "”", "f2": "CA4) had"}


def test_multi_line_and_empty_spans() -> None:
    lines = ["first line ends", "second line", ""]
    _output, spans = page([make_finding(1, 12, 2, 7), make_finding(2, 3, 2, 3)], lines)
    assert spans == {"f0": "ends\nsecond", "f1": ""}


def test_everything_is_escaped() -> None:
    lines = ['<script>alert(1)</script> & "quoted"']
    finding = make_finding(1, 1, 1, 9, rule="x.<b>", message="<img src=x onerror=alert(1)>")
    output, spans = page([finding], lines)
    assert "<script>alert" not in output and "<img src=x" not in output
    assert spans == {"f0": "<script>"}
    assert "&lt;script&gt;</mark>alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in output
    assert 'data-rule="x.&lt;b&gt;"' in output and "&lt;img src=x onerror=alert(1)&gt;" in output


def test_page_has_index_summary_note_fix_and_rule_explanation() -> None:
    rule = next(rule for rule in default_config().ruleset.rules if rule.why and rule.source)
    finding = Finding(
        "d.txt",
        1,
        6,
        1,
        10,
        rule.id,
        rule.category,
        rule.severity,
        "Say it once",
        Fix("the", 1, 6, 1, 10),
    )
    output = render(
        Report((finding,), 1, "0-test", {rule.id: rule}, {"d.txt": ["Acme the the gain."]}), "html"
    )
    assert '<table class="summary">' in output and f"<td>{rule.category}</td>" in output
    assert "fix: replace with <q>the</q>" in output and "Say it once" in output
    assert (
        "why this matters" in output
        and escape(rule.why) in output
        and escape(rule.source) in output
    )
    assert not re.search(
        r"https?:|//", output.split("<body>", 1)[0]
    )  # nothing loaded from the network


class _Page(HTMLParser):
    """Collect a page's elements: tag, attributes, and the text of scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(output: str) -> _Page:
    parser = _Page()
    parser.feed(output)
    return parser


def folder_report() -> str:
    """Render three drafts of one folder: two with findings, one clean."""
    a = Finding("drafts/a.txt", 1, 1, 1, 4, "core.x", "style", Severity.ERROR, "m")
    b = Finding("drafts/b.txt", 2, 1, 2, 3, "core.y", "date", Severity.INFO, "n")
    lines = {"drafts/a.txt": ["the the", ""], "drafts/b.txt": ["x", "yy"], "drafts/c.txt": ["z"]}
    return render(Report((a, b), 3, "0-test", {}, lines), "html")


def test_the_index_links_every_draft_and_shows_zeros() -> None:
    output = folder_report()
    rows = re.findall(r"<tr><td><a href=\"#(d\d)\">([^<]*)</a></td>(.*?)</tr>", output)
    counts = {name: re.findall(r">(\d+)</td>", cells) for _ident, name, cells in rows}
    assert counts == {
        "a.txt": ["1", "0", "0", "1"],
        "b.txt": ["0", "0", "1", "1"],
        "c.txt": ["0"] * 4,
    }
    assert "3 drafts in <code>drafts/</code>" in output
    page = parse(output)
    ids = [attrs["id"] for _tag, attrs in page.elements if "id" in attrs]
    assert len(ids) == len(set(ids))  # line anchors are per draft: no id twice
    sections = {
        attrs["id"]: attrs
        for tag, attrs in page.elements
        if tag == "details" and "data-path" in attrs
    }
    assert [s["data-path"] for s in sections.values()] == [
        "drafts/a.txt",
        "drafts/b.txt",
        "drafts/c.txt",
    ]
    assert [ident for ident, _name, _cells in rows] == list(sections)
    # a clean draft is folded away, the others are open
    assert ["open" in s for s in sections.values()] == [True, True, False]


def test_with_scripts_off_every_note_sits_in_its_paragraphs_row_and_the_filters_stay_hidden() -> (
    None
):
    output = folder_report()
    page = parse(output)
    form = next(attrs for tag, attrs in page.elements if tag == "form")
    assert "hidden" in form
    for ident, line, note in (("d1", 1, "f0"), ("d2", 2, "f1")):
        row = output.index(f'id="{ident}-L{line}"')
        assert output.index(f'id="note-{note}"') > row
        assert output.index(f'id="note-{note}"') < output.index('<div class="row', row + 1)


HOSTILE = [
    "<script>window.pwned = 1</script> Acme had the the gain.",
    '</textarea><script>window.pwned = 2</script><a href="javascript:window.pwned=3">x</a>',
    '"><img src=x onerror="window.pwned=4"><svg onload="window.pwned=5">',
    "</title></style><iframe srcdoc='<script>parent.pwned=6</script>'></iframe>",
]


def hostile_report() -> str:
    """Render a report where the draft, its name, the rule, message and fix are all hostile."""
    path = 'x"><script>window.pwned=7</script>.txt'
    finding = Finding(
        path,
        2,
        1,
        2,
        12,
        'r"><script>window.pwned=8</script>',
        "<b onmouseover=alert(1)>",
        Severity.ERROR,
        "<script>window.pwned=9</script>",
        Fix('</q><a href="javascript:alert(1)">go</a>', 2, 1, 2, 12),
    )
    return render(Report((finding,), 1, "<i>0</i>", {}, {path: HOSTILE}), "html")


def test_a_hostile_draft_adds_no_script_no_handler_and_no_javascript_link() -> None:
    page = parse(hostile_report())
    assert page.scripts == [SCRIPT]  # the page's own script and nothing else
    for tag, attrs in page.elements:
        assert tag not in ("img", "svg", "iframe", "textarea", "a") or attrs.get(
            "href", ""
        ).startswith("#")
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any(
            "javascript:" in (value or "")
            for name, value in attrs.items()
            if name in ("href", "src")
        ), attrs


def test_the_policy_lets_only_the_pages_own_script_run() -> None:
    page = parse(hostile_report())
    [policy] = [
        a["content"] for t, a in page.elements if a.get("http-equiv") == "Content-Security-Policy"
    ]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
