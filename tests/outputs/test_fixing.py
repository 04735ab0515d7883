"""--fix and --diff: safe fixes only, nothing lost, atomic writes."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.outputs import fixing
from tests.helpers import SEEDS, needs_shared

BROKEN = (
    "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (AMEX: KAL)(Frankfurt”>CA4) announced news.\n"
)
FIXED = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (AMEX: KAL)(FWB: CA4) announced news.\n"
LEGEND = (
    "\nForward-Looking Statements\n\n"
    "Shares (Nasdaq”>ACME) are forward-looking statements; actual results may differ materially.\n"
)


def invoke(*args):
    """Run prlint with the core pack and the ticker-markup rule, whose fix is the safe one under test."""
    result = CliRunner().invoke(
        main, ["--select", "core,sec.ticker-broken-markup", *[str(arg) for arg in args]]
    )
    assert "Traceback" not in result.output + result.stderr
    return result


def test_fix_applies_safe_fixes_and_reports_what_remains(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN.replace("news", "the the news"), encoding="utf-8")
    result = invoke("--fix", path)
    assert "fixed 1 problem in" in result.stderr
    assert path.read_text(encoding="utf-8") == FIXED.replace("news", "the the news")
    assert (
        "core.doubled-word" in result.output
    )  # a suggested fix, not a safe one: left for the editor
    assert result.exit_code == 0
    again = invoke("--fix", path)
    assert "fixed" not in again.stderr


def test_fix_never_touches_the_legend(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN + LEGEND, encoding="utf-8")
    invoke("--fix", path)
    assert path.read_text(encoding="utf-8") == FIXED + LEGEND


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", False, "\n"),
        ("utf-8", True, "\r\n"),
        ("cp1252", False, "\r\n"),
        ("utf-16", False, "\n"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline) -> None:
    path = tmp_path / "draft.txt"
    text = ("Headline\n\n" + BROKEN + "Second line.\n").replace("\n", newline)
    path.write_bytes(("\ufeff" if bom else "").encode("utf-8") + text.encode(encoding))
    args = ["--fix", path] if encoding == "utf-8" else ["--fix", "--encoding", encoding, path]
    invoke(*args)
    expected = ("Headline\n\n" + FIXED + "Second line.\n").replace("\n", newline)
    assert path.read_bytes() == ("\ufeff" if bom else "").encode("utf-8") + expected.encode(
        encoding
    )


def test_fix_keeps_mixed_line_endings(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(("Headline\r\n\n" + BROKEN + "Tail.\r\n").encode("utf-8"))
    invoke("--fix", path)
    assert path.read_bytes() == ("Headline\r\n\n" + FIXED + "Tail.\r\n").encode("utf-8")


def test_diff_shows_the_fix_and_writes_nothing(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    result = invoke("--diff", path)
    assert f"-{BROKEN}" in result.output and f"+{FIXED}" in result.output
    assert path.read_text(encoding="utf-8") == BROKEN


def test_an_interrupted_fix_leaves_the_draft_whole(tmp_path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")

    def interrupted(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    CliRunner().invoke(main, ["--select", "core,sec.ticker-broken-markup", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "draft.txt"
    ]  # no temporary file left behind


def test_a_draft_changed_since_it_was_read_is_not_written(tmp_path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    original = fixing.write_atomically

    def edit_then_write(raw, text):
        path.write_text(BROKEN + "An editor's new line.\n", encoding="utf-8")
        return original(raw, text)

    monkeypatch.setattr("checker.outputs.fixing.write_atomically", edit_then_write)
    result = invoke("--fix", path)
    assert result.exit_code == 2 and "changed since it was read" in result.stderr
    assert path.read_text(encoding="utf-8") == BROKEN + "An editor's new line.\n"


def test_overlapping_fixes_are_ambiguous_and_skipped() -> None:
    edits = [
        fixing.Edit(0, 5, "a", "r1"),
        fixing.Edit(3, 8, "b", "r2"),
        fixing.Edit(10, 12, "c", "r3"),
    ]
    assert fixing._drop_overlaps(edits) == [fixing.Edit(10, 12, "c", "r3")]


def test_fix_refuses_stdin() -> None:
    result = CliRunner().invoke(
        main, ["--select", "core,sec.ticker-broken-markup", "--fix", "-"], input=BROKEN
    )
    assert result.exit_code == 2 and "--fix cannot write to standard input" in result.stderr


@needs_shared
def test_fix_on_the_seeds_corrects_the_known_defects_and_nothing_else(tmp_path) -> None:
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    result = CliRunner().invoke(main, ["--fix", str(tmp_path)])
    assert "Traceback" not in result.output + result.stderr
    corrections = {
        "000_7fc09e080129e0bc.txt": [("L- Annamycin", "L-Annamycin")],
        "001_11140a142e544612.txt": [
            ("(Frankfurt”>CA4)", "(FWB: CA4)"),
            ("L-Annamcyin", "L-Annamycin"),
            ("L- Annamycin", "L-Annamycin"),
        ],
        "002_5377c2d7b4a2295d.txt": [],
    }
    for name, replacements in corrections.items():
        expected = (SEEDS / name).read_bytes().decode("utf-8")
        for old, new in replacements:
            assert old in expected
            expected = expected.replace(old, new)
        assert (tmp_path / name).read_bytes() == expected.encode("utf-8"), name
    again = CliRunner().invoke(main, ["--fix", str(tmp_path)])
    assert "fixed" not in again.stderr
