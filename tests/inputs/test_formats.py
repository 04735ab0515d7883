"""Input formats: the prose each extracts, and findings at exact source positions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.api import default_config, lint_document, load_config
from checker.config.settings import Settings
from checker.errors import InputError
from checker.inputs import detect_format, escape_replacement, extract, read_input, text_span
from tests.helpers import DATA as TEST_DATA
from tests.helpers import SEEDS, needs_shared

DATA = TEST_DATA / "inputs"
SEED = SEEDS / "001_11140a142e544612.txt"
# Probe rules with fixed patterns, so position tests never depend on the shipped packs.
PROBE = DATA / "probe.json"


def where(document, rule: str) -> list[tuple[int, int, int, int]]:
    """Return (line, column, end line, end column) of each finding of probe *rule*."""
    found = lint_document(document, load_config(Settings(packs=(PROBE,), select=("probe",))))
    return [(f.line, f.column, f.end_line, f.end_column) for f in found if f.rule == rule]


def locate(source: str, needle: str, after: str = "") -> tuple[int, int]:
    """Return the 1-based line and column of *needle* (after *after*) in *source*."""
    offset = source.index(needle, source.index(after) if after else 0)
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def make_docx(paragraphs: list[str]) -> bytes:
    """Build a Word file with one paragraph per item (a line end is a soft break)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        made = document.add_paragraph(lines[0])
        for line in lines[1:]:
            made.add_run().add_break()
            made.add_run(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("path", "override", "expected"),
    [
        ("a.txt", None, "text"),
        ("a.MD", None, "markdown"),
        ("a.markdown", None, "markdown"),
        ("a.htm", None, "html"),
        ("dir/a.html", None, "html"),
        ("a.docx", None, "docx"),
        ("a.rtf", None, "text"),
        ("-", None, "text"),
        ("a.txt", "html", "html"),
    ],
)
def test_detect_format(path: str, override: str | None, expected: str) -> None:
    assert detect_format(path, override) == expected


def test_unknown_input_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown input format 'rtf'"):
        detect_format("a.txt", "rtf")


# -- HTML ---------------------------------------------------------------------


def test_html_text_skips_head_scripts_and_tags_and_decodes_entities() -> None:
    document = read_input(str(DATA / "release.html")).document
    assert document.text.startswith(
        "Acme Reports Phase\u00a02 Results\n\nNEW YORK, May 5, 2026 /PRNewswire/ — Acme"
    )
    assert (
        "(Frankfurt”>CA4), a developer of peptide therapeutics, had the the results.\n\n"
        in document.text
    )
    assert "Acme’s chief executive" in document.text
    assert document.text.endswith("Contact:\nJane Doe\n\nAcme & Co.")
    assert (
        "var note" not in document.text
        and "margin" not in document.text
        and "headline" not in document.text
    )


def test_html_findings_land_on_the_html_source() -> None:
    document = read_input(str(DATA / "release.html")).document
    line, column = locate(document.source, "(Frankfurt&rdquo;&gt;CA4)")
    end = column + len("(Frankfurt&rdquo;&gt;CA4)")
    assert where(document, "probe.ticker-markup") == [(line, column, line, end)]
    line, column = locate(document.source, "the the", "therapeutics")
    assert where(document, "probe.doubled") == [(line, column, line, column + len("the the"))]


def test_html_entity_positions_map_to_the_entity() -> None:
    document = extract("html", "<p>Acme&#8217;s &amp;\n  <i>new</i> drug</p>", "x.html")
    assert document.text == "Acme’s & new drug"
    assert document.position(document.text.index("’")) == (1, 8)
    assert document.position(document.text.index("&")) == (1, 17)
    assert document.position(document.text.index("new")) == (2, 6)


def test_html_without_prose_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no text to lint"):
        extract("html", "<html><script>x()</script></html>", "x.html")


# -- Markdown -----------------------------------------------------------------


def test_markdown_text_drops_syntax_and_keeps_headings_apart() -> None:
    document = read_input(str(DATA / "release.md")).document
    assert document.text.startswith("Acme Reports Phase 2 Results\n\nNEW YORK, May 5, 2026")
    assert "of peptide therapeutics, had the the results of its trial.\n" in document.text
    assert "Run in a shell\nContact: Jane Doe" in document.text
    for syntax in ("**", "https", "`", "img.png", "code block", "prlint-disable", "- Contact"):
        assert syntax not in document.text


def test_markdown_front_matter_tables_and_escapes() -> None:
    source = "---\ntitle: the the\n---\n| Site | City |\n|---|---|\n| Mayo | Rochester |\n\nA \\*literal\\* star.\n"
    document = extract("markdown", source, "x.md")
    assert document.text == "Site City\nMayo Rochester\n\nA *literal* star."
    assert document.position(document.text.index("Rochester")) == (6, 10)


def test_markdown_findings_land_on_the_markdown_source() -> None:
    document = read_input(str(DATA / "release.md")).document
    line, column = locate(document.source, "(Frankfurt”>CA4)")
    assert where(document, "probe.ticker-markup") == [(line, column, line, column + 16)]
    # Only the bold one: the link target, code span, image and code block are not prose,
    # and the suppressed "a a" stays suppressed.
    line, column = locate(document.source, "the** the")
    assert [item[:2] for item in where(document, "probe.doubled")] == [(line, column)]


# -- Word ---------------------------------------------------------------------


def test_docx_source_has_one_line_per_paragraph() -> None:
    data = make_docx(
        ["Headline", "", "NEW YORK, May 5, 2026 -- Acme had the the gain.", "Contact:\nJane Doe"]
    )
    document = extract("docx", data, "d.docx")
    assert (
        document.source
        == "Headline\n\nNEW YORK, May 5, 2026 -- Acme had the the gain.\nContact: Jane Doe"
    )
    assert (
        document.text
        == "Headline\n\nNEW YORK, May 5, 2026 -- Acme had the the gain.\n\nContact:\nJane Doe"
    )
    column = document.source.split("\n")[2].index("the the") + 1
    assert where(document, "probe.doubled") == [(3, column, 3, column + 7)]
    assert document.position(document.text.index("Jane")) == (4, 10)


def test_docx_suppression_comment_in_a_paragraph_suppresses() -> None:
    data = make_docx(["<!-- prlint-disable-next-line probe.doubled -->", "Acme had the the gain."])
    document = extract("docx", data, "d.docx")
    assert "prlint" not in document.text
    assert where(document, "probe.doubled") == []


def test_not_a_docx_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    draft = tmp_path / "broken.docx"
    draft.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="broken.docx: not a Word .docx file"):
        read_input(str(draft))


# -- the same seed in every format --------------------------------------------


def _seed_paragraphs() -> list[str]:
    """Return the paragraphs of seed 001, as a Word author would type them."""
    return SEED.read_text(encoding="utf-8").strip("\n").split("\n\n")


def _by_paragraph(findings, paragraph_of_line) -> list[tuple]:
    """Return comparable findings: rule, paragraph and column, sorted."""
    return sorted(
        (f.rule, paragraph_of_line(f.line), f.column, paragraph_of_line(f.end_line), f.end_column)
        for f in findings
    )


@needs_shared
def test_docx_of_seed_reports_what_the_text_reports(tmp_path: Path) -> None:
    paragraphs = _seed_paragraphs()
    assert all("\n" not in p for p in paragraphs)  # so columns agree too
    draft = tmp_path / "seed-001.docx"
    draft.write_bytes(make_docx(paragraphs))
    config = default_config()
    as_text = lint_document(read_input(str(SEED)).document, config)
    as_word = lint_document(read_input(str(draft)).document, config)
    assert len(as_text) >= 5
    # Text line 2k-1 is paragraph k; a Word line is its paragraph.
    assert _by_paragraph(as_word, lambda line: line) == _by_paragraph(
        as_text, lambda line: (line + 1) // 2
    )


@needs_shared
@pytest.mark.parametrize("input_format", ["html", "markdown"])
def test_seed_as_html_or_markdown_reports_the_same_rules(input_format: str) -> None:
    import html

    paragraphs = _seed_paragraphs()
    if input_format == "html":
        source = (
            "<html><body>\n"
            + "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
            + "\n</body></html>\n"
        )
    else:
        source = "\n\n".join(paragraphs) + "\n"
    config = default_config()
    as_text = lint_document(read_input(str(SEED)).document, config)
    converted = lint_document(extract(input_format, source, f"seed.{input_format}"), config)
    assert sorted(f.rule for f in converted) == sorted(f.rule for f in as_text)
    lines = source.split("\n")
    for finding in converted:  # every finding points at real text of its source line
        assert lines[finding.line - 1][finding.column - 1 :].strip()


# -- what --fix may touch -------------------------------------------------------


def test_text_span_accepts_verbatim_source_and_refuses_markup() -> None:
    document = extract("html", "<p>Acme had <b>the</b> the &amp; L- Annamycin</p>", "x.html")
    start = document.source.index("L- Annamycin")
    span = text_span(document, start, start + len("L- Annamycin"))
    assert span is not None and document.text[span[0] : span[1]] == "L- Annamycin"
    bold = document.source.index("the</b> the")
    assert text_span(document, bold, bold + len("the</b> the")) is None
    entity = document.source.index("&amp;")
    assert text_span(document, entity, entity + 5) is None
    assert escape_replacement("html", "Frankfurt: <CA4> & co") == "Frankfurt: &lt;CA4&gt; &amp; co"
    assert escape_replacement("markdown", "a & b") == "a & b"


# -- the command line ------------------------------------------------------------


def test_cli_reports_positions_in_each_format(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    word = tmp_path / "draft.docx"
    word.write_bytes(
        make_docx(["Acme Starts Trial", "NEW YORK, May 5, 2026 -- Acme had the the gain."])
    )
    html_draft, md_draft = DATA / "release.html", DATA / "release.md"
    result = CliRunner().invoke(
        main,
        [
            str(html_draft),
            str(md_draft),
            str(word),
            "-q",
            "--pack",
            str(PROBE),
            "--select",
            "probe.doubled",
        ],
    )
    html_at = locate(html_draft.read_text(encoding="utf-8"), "the the", "therapeutics")
    md_at = locate(md_draft.read_text(encoding="utf-8"), "the** the")
    assert result.output.splitlines() == [
        f"{html_draft}:{html_at[0]}:{html_at[1]}: warning [probe.doubled] Doubled 'the the'",
        f"{md_draft}:{md_at[0]}:{md_at[1]}: warning [probe.doubled] Doubled 'the the'",
        f"{word}:2:35: warning [probe.doubled] Doubled 'the the'",
    ]


def test_cli_refuses_to_fix_a_word_draft_and_reads_stdin_as_told(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    word = tmp_path / "draft.docx"
    word.write_bytes(make_docx(["NEW YORK, May 5, 2026 -- Acme had the the gain."]))
    result = CliRunner().invoke(main, [str(word), "--fix"])
    assert (
        result.exit_code == 2
        and "--fix and --diff are not offered for Word (.docx) drafts" in result.output
    )
    markdown = "# Title\n\nAcme had **the** the gain and `the the` code.\n"
    result = CliRunner().invoke(
        main,
        [
            "-",
            "--input-format",
            "markdown",
            "-q",
            "--pack",
            str(PROBE),
            "--select",
            "probe.doubled",
        ],
        input=markdown,
    )
    assert result.output == "<stdin>:3:12: warning [probe.doubled] Doubled 'the the'\n"
