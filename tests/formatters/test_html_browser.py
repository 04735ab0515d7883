"""The ``html`` report in a real browser: highlights, clicks, filters, layout, screenshots.

One headless Chromium (Debian's ``chromium`` and ``chromium-driver``, driven
by selenium) serves the whole module (one per worker under pytest-xdist, so
every test writes its page under a name of its own). Screenshots go to tests/output/; with
``PRLINT_DOCS_SCREENSHOTS=1`` the ones the README shows are also written to
docs/ (so a plain test run never changes the work tree).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.formatters.test_html import HOSTILE, hostile_report, marked_spans, source_span
from tests.helpers import REALWORLD, REPO, SEEDS, needs_shared

#: A real browser session per module: tens of seconds.
pytestmark = pytest.mark.slow

SEED = SEEDS / "001_11140a142e544612.txt"
FIVE = [
    SEEDS / "000_7fc09e080129e0bc.txt",
    SEED,
    SEEDS / "002_5377c2d7b4a2295d.txt",
    REALWORLD / "biocorrx_2025-12-24_provides-update-on-otc-markets-quotation-status.txt",
    REALWORLD / "nls-pharmaceutics_2025-02-25_kadimastem-and-itolerance-successfully-complete.txt",
]
OUTPUT = REPO / "tests" / "output"
DOCS = REPO / "docs"


def _browser_binaries() -> tuple[str, str] | None:
    """Return Debian's chromium and chromedriver, when both are installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium under selenium for the module, or a skip that says what is missing."""
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
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium') / 'profile'}",
        "--window-size=1400,900",
    ):
        options.add_argument(flag)
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(options=options, service=Service(executable_path=binaries[1]))
    yield driver
    driver.quit()


def _viewport(browser, width: int, height: int = 900) -> None:
    """Make the page's viewport (not the window) *width* by *height* CSS pixels."""
    browser.set_window_size(width, height)
    inner = browser.execute_script("return [window.innerWidth, window.innerHeight]")
    browser.set_window_size(2 * width - inner[0], 2 * height - inner[1])


def _report(paths: list[Path], name: str) -> tuple[Path, list[dict]]:
    """Write the html report of *paths* to tests/output and return it with the findings."""
    runner = CliRunner()
    args = [str(path) for path in paths]
    findings = json.loads(runner.invoke(main, [*args, "--no-cache", "--format", "json"]).output)
    result = runner.invoke(main, [*args, "--no-cache", "--format", "html"])
    assert result.exit_code in (0, 1), result.output
    OUTPUT.mkdir(exist_ok=True)
    page = OUTPUT / f"{name}.html"
    page.write_text(result.output, encoding="utf-8")
    return page, findings


def _screenshot(browser, name: str) -> Path:
    """Save the viewport as tests/output/NAME.png, and as docs/NAME.png when asked to."""
    OUTPUT.mkdir(exist_ok=True)
    target = OUTPUT / f"{name}.png"
    browser.save_screenshot(str(target))
    assert target.stat().st_size > 10_000  # something was drawn
    if os.environ.get("PRLINT_DOCS_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(target, DOCS / target.name)
    return target


def big_draft(path: Path) -> Path:
    """Write a draft with over 500 findings, 300 of them in one long paragraph."""
    lead = (
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (Nasdaq: ACME) today announced "
        "results, listed on ClinicalTrials.gov.\n\n"
    )
    sites = " ".join(
        f"Site {n} dosed the the first patient on September 31, 2024 at Acme&amp;Co."
        for n in range(100)
    )
    studies = "\n\n".join(
        f"In study {n} the the drug worked in Acmeâ€™s trial </p> by to to June." for n in range(60)
    )
    path.write_text(f"Acme Reports Results\n\n{lead}{sites}\n\n{studies}\n", encoding="utf-8")
    return path


_IN_VIEW = """
var r = arguments[0].getBoundingClientRect(), top = document.querySelector('header').offsetHeight;
return r.height > 0 && r.top >= top - 1 && r.bottom <= window.innerHeight + 1;
"""

_NOT_COVERED = """
var r = arguments[0].getBoundingClientRect();
var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
return hit !== null && (hit === arguments[0] || arguments[0].contains(hit) || hit.contains(arguments[0]));
"""


def _in_view(browser, element) -> bool:
    """Is *element* wholly in the viewport, below the sticky header, and not hidden under anything?"""
    return bool(browser.execute_script(_IN_VIEW, element)) and bool(
        browser.execute_script(_NOT_COVERED, element)
    )


@needs_shared
def test_seed_report_highlights_every_finding_at_its_text(browser) -> None:
    page, findings = _report([SEED], "html-report-001")
    _viewport(browser, 1400)
    browser.get(page.as_uri())
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


def _click_deep_mark(browser, rule: str, row: int, nth: int):
    """Click the *nth* mark of *rule* on source row *row*; return it and its note."""
    marks = browser.find_elements(
        "css selector", f'mark[data-rule="{rule}"][data-row="{row}"]:not(.off)'
    )
    mark = marks[nth]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    return mark, browser.find_element("id", f"note-{mark.get_attribute('data-finding')}")


@pytest.mark.parametrize("width", [1400, 700])
def test_a_clicked_highlight_and_its_note_are_both_in_view_among_500_findings(
    browser, tmp_path, width
) -> None:
    page, findings = _report([big_draft(tmp_path / "big.txt")], f"html-report-500-{width}")
    assert len(findings) >= 500
    _viewport(browser, width)
    browser.get(page.as_uri())
    # marks far into the 300-finding paragraph (line 5), then the last one of it
    for nth in (60, 85, -1):
        mark, note = _click_deep_mark(browser, "core.doubled-word", 5, nth)
        assert "active" in note.get_attribute("class")
        assert _in_view(browser, note), (width, nth)
        assert _in_view(browser, mark), (width, nth)
    # a note clicked brings its highlight back into view
    browser.execute_script("window.scrollBy(0, 2000)")
    browser.execute_script("arguments[0].click()", note)
    assert _in_view(browser, mark)
    mark, note = _click_deep_mark(browser, "core.doubled-word", 5, 70)
    _screenshot(browser, f"html-report-500-{width}")


def _counts(browser) -> dict[str, str]:
    """Return every count on the page by what it counts (all cells of one key agree)."""
    pairs = browser.execute_script(
        "return Array.from(document.querySelectorAll('[data-count]'))"
        ".map(e => [e.dataset.count, e.textContent])"
    )
    counts: dict[str, str] = {}
    for key, value in pairs:
        assert counts.setdefault(key, value) == value, key
    return counts


def _expected(findings: list[dict], paths: list[str]) -> dict[str, str]:
    """Return the counts the page should show for *findings*."""
    idents = {path: f"d{n}" for n, path in enumerate(paths, 1)}
    counts: dict[str, int] = {"all": len(findings)}
    for finding in findings:
        ident, severity, category = (
            idents[finding["path"]],
            finding["severity"],
            finding["category"],
        )
        for key in (
            f"s:{severity}",
            f"d:{ident}",
            f"d:{ident}|s:{severity}",
            f"c:{category}",
            f"c:{category}|s:{severity}",
        ):
            counts[key] = counts.get(key, 0) + 1
    return {key: str(value) for key, value in counts.items()}


def _nonzero(counts: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in counts.items() if value != "0"}


@needs_shared
def test_filters_hide_what_they_leave_out_and_the_counts_follow(browser) -> None:
    page, findings = _report(FIVE, "html-report-five-filters")
    paths = [str(path) for path in FIVE]
    _viewport(browser, 1400)
    browser.get(page.as_uri())
    assert _nonzero(_counts(browser)) == _expected(findings, paths)
    zero = browser.find_element("css selector", 'td[data-count="d:d3|s:error"]')
    assert zero.text == "0"  # a zero is shown, not left blank

    browser.find_element("css selector", 'input[name="severity"][value="warning"]').click()
    kept = [finding for finding in findings if finding["severity"] != "warning"]
    assert _nonzero(_counts(browser)) == _expected(kept, paths)
    hidden = browser.find_elements("css selector", ".note[hidden]")
    assert len(hidden) == len(findings) - len(kept)
    assert all(note.get_attribute("data-severity") == "warning" for note in hidden)
    for mark in browser.find_elements("css selector", 'mark[data-severity="warning"]'):
        assert "off" in mark.get_attribute("class")

    from selenium.webdriver.support.ui import Select

    rule = next(f["rule"] for f in findings if f["severity"] == "info")
    Select(browser.find_element("name", "rule")).select_by_value(rule)
    chosen = [finding for finding in kept if finding["rule"] == rule]
    assert _nonzero(_counts(browser)) == _expected(chosen, paths)
    category = next(f["category"] for f in findings if f["category"] != chosen[0]["category"])
    Select(browser.find_element("name", "category")).select_by_value(category)
    assert _nonzero(_counts(browser)) == {}  # nothing is both

    browser.find_element("css selector", 'button[type="reset"]').click()
    assert _nonzero(_counts(browser)) == _expected(findings, paths)
    assert browser.find_elements("css selector", ".note[hidden], mark.off") == []


@needs_shared
@pytest.mark.parametrize("width", [1400, 700])
def test_five_drafts_read_from_700_to_1600_px_and_their_screenshots(browser, width) -> None:
    page, _findings = _report(FIVE, f"html-report-five-{width}")
    for size in (1600, width) if width == 1400 else (width,):  # the named width last
        _viewport(browser, size)
        browser.get(page.as_uri())
        widths = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
            " document.querySelector('.src').getBoundingClientRect().width]"
        )
        assert widths[0] <= widths[1], (size, widths)  # no sideways scrolling
        assert widths[2] >= min(560, 0.75 * size), (size, widths)  # the text is not squeezed
    _screenshot(browser, f"html-report-index-{width}")
    # the index leads to a draft; a click there shows its note
    browser.find_element("css selector", 'nav.index a[href="#d2"]').click()
    assert _in_view(browser, browser.find_element("css selector", "#d2 > summary"))
    mark, note = _click_deep_mark(browser, "spelling.split-name", 21, 0)
    assert _in_view(browser, note) and _in_view(browser, mark)
    _screenshot(browser, f"html-report-draft-{width}")


def test_a_hostile_draft_runs_no_script_and_the_pages_own_script_still_runs(
    browser, tmp_path
) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_report(), encoding="utf-8")
    _viewport(browser, 1400)
    browser.get(page.as_uri())
    assert browser.find_element("id", "filters").is_displayed()  # the allowed script ran
    for mark in browser.find_elements("css selector", "mark"):
        mark.click()
    assert browser.execute_script("return window.pwned === undefined && parent.pwned === undefined")
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.find_elements("css selector", "img, svg, iframe, textarea, [onerror]") == []
    links = browser.execute_script(
        "return Array.from(document.links).map(a => a.getAttribute('href'))"
    )
    assert all(link.startswith("#") for link in links)
    text = browser.find_element("id", "d1").text
    assert HOSTILE[1] in text and "<script>window.pwned = 1</script>" in text  # shown as text


@needs_shared
def test_with_scripts_off_the_page_still_reads(browser) -> None:
    page, findings = _report([SEED], "html-report-001-noscript")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _viewport(browser, 1400)
        browser.get(page.as_uri())
        assert not browser.find_element("id", "filters").is_displayed()
        notes = browser.find_elements("css selector", ".note")
        assert len(notes) == len(findings) and all(note.is_displayed() for note in notes)
        assert browser.find_element("css selector", 'td[data-count="all"]').text == str(
            len(findings)
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
