"""The ``html`` report: marks at the exact spans, escaping, and a real browser.

The browser test opens the report of seed 001 in headless Chromium (Debian's
``chromium`` and ``chromium-driver``, driven by selenium), checks that every
finding is highlighted at its text and saves a screenshot in tests/output/.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from html import escape
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from checker.api import default_config
from checker.cli import main
from checker.formatters import Report, render
from checker.model import Finding, Fix, Severity
from tests.helpers import REPO, SEEDS, needs_shared

SEED = SEEDS / "001_11140a142e544612.txt"
OUTPUT = REPO / "tests" / "output"


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


def test_page_has_summary_note_fix_and_rule_explanation() -> None:
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
    assert "http" not in output.split("<body>", 1)[0]  # nothing loaded from the network


def _browser_binaries() -> tuple[str, str] | None:
    """Return Debian's chromium and chromedriver, when both are installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture
def browser(tmp_path):
    """A headless Chromium under selenium, or a skip that says what is missing."""
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed (pip install '.[test]')"
    )
    binaries = _browser_binaries()
    if binaries is None:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binaries[0]
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1500,1200",
    ):
        options.add_argument(flag)
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(options=options, service=Service(executable_path=binaries[1]))
    yield driver
    driver.quit()


@needs_shared
def test_seed_report_highlights_every_finding_in_chromium(browser) -> None:
    runner = CliRunner()
    result = runner.invoke(main, [str(SEED), "--format", "json"])
    findings = json.loads(result.output)
    result = runner.invoke(main, [str(SEED), "--format", "html"])
    assert result.exit_code == 1, result.output
    OUTPUT.mkdir(exist_ok=True)
    report = OUTPUT / "html-report-001.html"
    report.write_text(result.output, encoding="utf-8")

    browser.get(report.as_uri())
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark')).map(m => Object.assign("
        "{text: m.textContent}, Object.fromEntries(Array.from(m.attributes).map(a => [a.name, a.value]))))"
    )
    lines = SEED.read_text(encoding="utf-8").split("\n")
    spans = marked_spans(marks)
    assert len(findings) >= 5 and len(spans) == len(findings)
    for number, finding in enumerate(findings):
        key = f"f{number}"
        assert spans[key] == source_span(lines, finding), finding
        first = next(mark for mark in marks if mark["data-finding"] == key)
        assert (
            first["data-rule"] == finding["rule"] and first["data-severity"] == finding["severity"]
        )
        assert (first["data-line"], first["data-column"]) == (
            str(finding["line"]),
            str(finding["column"]),
        )

    # A real click on a mark with no other mark in or around it opens its note.
    chosen = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark')).find("
        "m => !m.querySelector('mark') && !m.parentElement.closest('mark') && m.textContent).dataset.finding"
    )
    browser.find_element("css selector", f'mark[data-finding="{chosen}"]').click()
    note = browser.find_element("id", f"note-{chosen}")
    assert "active" in note.get_attribute("class")
    assert note.find_element("tag name", "details").get_attribute("open") is not None
    assert "Source:" in note.text

    browser.execute_script("window.scrollTo(0, 0)")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1500, min(height + 100, 8000))
    browser.save_screenshot(str(OUTPUT / "html-report-001.png"))
    assert (OUTPUT / "html-report-001.png").stat().st_size > 10_000
