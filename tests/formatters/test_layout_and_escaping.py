"""What every format shows: lines within the width, short messages, escaped control characters."""

from __future__ import annotations

import json

import pytest

from checker.formatters import Display, Report, render, shown
from checker.formatters.safe_text import MAX_MESSAGE, short_description, shorten, visible
from checker.formatters.text import excerpt, summary
from checker.model import Finding, Severity
from tests.helpers import DATA


def finding(line: int = 1, column: int = 1, end_column: int = 2, **fields) -> Finding:
    values = {
        "path": "d.txt",
        "rule": "t.rule",
        "category": "style",
        "severity": Severity.WARNING,
        "message": "Something",
    }
    values.update(fields)
    return Finding(line=line, column=column, end_line=line, end_column=end_column, **values)


def test_a_span_as_long_as_a_1195_character_line_draws_carets_within_the_width() -> None:
    line = "word " * 239  # 1,195 characters, all of it the span (as about-drift reports)
    for width in (100, 60, 200):
        text, caret = excerpt(finding(end_column=len(line) + 1), line, width)
        assert len(text) <= width and len(caret) <= width
        assert text.startswith("    1 | word") and text.endswith("…")
        assert caret.count("^") == len(text) - len("    1 | ") - 1  # under every shown character


def test_a_short_span_far_into_a_long_line_is_centred_with_both_ends_cut() -> None:
    line = "a" * 500 + "the the" + "b" * 500
    text, caret = excerpt(finding(column=501, end_column=508), line, 100)
    assert len(text) <= 100 and text.startswith("    1 | …") and text.endswith("…")
    assert text[caret.index("^") :].startswith("the the") and caret.count("^") == 7


def test_a_line_that_fits_is_shown_whole() -> None:
    line = "x" * 92
    text, caret = excerpt(finding(column=90, end_column=93), line, 100)
    assert text == "    1 | " + line and caret.endswith(" ^^^")


def test_terminal_escapes_are_shown_and_the_caret_follows_them() -> None:
    line = "\x1b[2J\x1b]52;c;aGk=\x07 the the end"
    start = line.index("the the")
    text, caret = excerpt(finding(column=start + 1, end_column=start + 8), line, 100)
    assert "\x1b" not in text and "\x07" not in text
    assert text == "    1 | \\x1b[2J\\x1b]52;c;aGk=\\x07 the the end"
    assert text[caret.index("^") :].startswith("the the") and caret.count("^") == 7


def test_wide_characters_take_two_columns_under_the_caret() -> None:
    line = "株式会社 the the"
    text, caret = excerpt(finding(column=6, end_column=13), line, 100)
    assert caret.index("^") == len("    1 | ") + 2 * 4 + 1


def test_long_messages_are_cut_at_a_list_separator() -> None:
    items = "; ".join(f"Institution number {n}" for n in range(1, 20))
    message = f"'ten institutions' says 10, but 19 are listed: {items}"
    short = shorten(message)
    assert len(short) <= MAX_MESSAGE and short.endswith("; …")
    assert short.startswith("'ten institutions' says 10, but 19 are listed: Institution number 1;")
    assert shorten("short") == "short"


@pytest.mark.parametrize("name", ["text", "github", "json", "sarif", "html"])
def test_every_format_keeps_messages_short(name) -> None:
    long = "Listed: " + ", ".join(f"item {n}" for n in range(200))
    report = Report((finding(message=long),), 1, "t", {}, {"d.txt": ["x"]})
    output = render(report, name)
    assert long not in output and "item 199" not in output


@pytest.mark.parametrize("name", ["text", "github", "sarif", "html"])
def test_every_format_escapes_control_characters_in_paths_and_messages(name) -> None:
    path = "x\n::error file=pwn.txt::y\x1b]0;t\x07.txt"
    report = Report(
        (finding(path=path, message="m\n::warning::z\x1b[2J"),), 1, "t", {}, {path: ["x"]}
    )
    output = render(report, name)
    assert "\x1b" not in output and "\x07" not in output
    assert not any(
        line.startswith(("::error file=pwn", "::warning::z")) for line in output.splitlines()
    )
    if name == "sarif":
        result = json.loads(output)["runs"][0]["results"][0]
        assert result["message"]["text"] == "m\\n::warning::z\\x1b[2J"


def test_json_keeps_control_characters_json_escaped_and_names_valid_utf8() -> None:
    path = "caf\udce9.txt"  # how Python holds a Latin-1 file name
    report = Report((finding(path=path, message="a\x1bb"),), 1, "t")
    output = render(report, "json")
    output.encode("utf-8")  # no lone surrogate left
    [item] = json.loads(output)
    assert (item["path"], item["message"]) == ("caf\\xe9.txt", "a\x1bb")


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("drafts/a b#1%.txt", "drafts/a%20b%231%25.txt"),
        ("/srv/r\udce9lease.txt", "file:///srv/r%E9lease.txt"),
        ("<stdin>", "stdin"),
    ],
)
def test_sarif_uris_are_percent_encoded(path, uri) -> None:
    log = json.loads(render(Report((finding(path=path),), 1, "t"), "sarif"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == uri
    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.validators.validator_for(schema)(schema).validate(log)


def test_visible_names_the_usual_escapes_and_the_bytes_of_a_bad_name() -> None:
    assert visible("a\tb\nc\rd\x1b\x9b\u202e\udcff") == "a\\tb\\nc\\rd\\x1b\\x9b\\u202e\\xff"
    assert visible("Café “quoted” — fine") == "Café “quoted” — fine"


def test_shown_splits_by_min_severity_and_the_summary_says_what_it_hid() -> None:
    findings = [finding(severity=Severity.INFO), finding(severity=Severity.ERROR, column=3)]
    kept, hidden = shown(findings, Severity.WARNING)
    assert [f.severity for f in kept] == [Severity.ERROR] and hidden == 1
    assert summary(kept, 2, hidden, Severity.WARNING) == (
        "Found 1 error, 0 warnings in 2 files (1 below warning not shown)."
    )
    assert (
        summary((), 1, 3, Severity.ERROR)
        == "No problems at error or above in 1 file (3 below error not shown)."
    )
    assert summary((), 1) == "No problems found in 1 file."


def test_quiet_and_statistics_are_the_text_formatters_own() -> None:
    report = Report(
        (finding(), finding(column=5, end_column=6), finding(rule="t.other", column=9)),
        1,
        "t",
        {},
        {"d.txt": ["some text here"]},
    )
    quiet = render(report, "text", display=Display(quiet=True)).splitlines()
    assert quiet == [
        "d.txt:1:1: warning [t.rule] Something",
        "d.txt:1:5: warning [t.rule] Something",
        "d.txt:1:9: warning [t.other] Something",
    ]
    with_statistics = render(report, "github", display=Display(statistics=True)).splitlines()
    assert with_statistics[-2:] == ["    2  t.rule", "    1  t.other"]


def test_statistics_describe_a_rule_by_its_message_template() -> None:
    assert short_description("Doubled word '{match}'") == "Doubled word '…'"
    assert (
        short_description(
            "Form {form} for the period ended {period} is out of date: the report was due"
        )
        == "Form … for the period ended … is out of date"
    )
    assert short_description("'{match}': the safe harbor may be unavailable") == (
        "'…': the safe harbor may be unavailable"
    )


def test_thousands_of_findings_on_one_long_line_measure_the_line_once(monkeypatch) -> None:
    """40 KB of "cure " gave 8,000 findings whose excerpts each measured the whole line again."""
    import checker.formatters.text as text_format

    calls = 0
    real = text_format.cell_width

    def counted(char: str) -> int:
        nonlocal calls
        calls += 1
        return real(char)

    monkeypatch.setattr(text_format, "cell_width", counted)
    line = "cure " * 4000
    for start in range(0, len(line), 5):
        text, caret = excerpt(finding(column=start + 1, end_column=start + 5), line, 100)
        assert "cure" in text and caret.endswith("^^^^")
    assert calls <= 2 * len(line)  # once for the line, not once per finding
