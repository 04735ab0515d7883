"""Inline suppression comments, and reports of unknown and unused ones."""

from __future__ import annotations

from tests.helpers import findings

DOUBLED = "The the trial began."


def rules_found(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in findings(text, select="core", ignore="core.missing-dateline")]


def test_unsuppressed_baseline() -> None:
    assert rules_found(DOUBLED) == [("core.doubled-word", 1)]


def test_disable_next_line_skips_blank_lines() -> None:
    text = f"<!-- prlint-disable-next-line core.doubled-word: quoted verbatim -->\n\n{DOUBLED}\n{DOUBLED}\n"
    assert rules_found(text) == [("core.doubled-word", 4)]


def test_disable_and_enable_block_with_prefix() -> None:
    text = f"<!-- prlint-disable core -->\n{DOUBLED}\n<!-- prlint-enable core -->\n{DOUBLED}\n"
    assert rules_found(text) == [("core.doubled-word", 4)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = f"Intro.\n<!-- prlint-disable core.doubled-word -->\n{DOUBLED}\n\n{DOUBLED}\n"
    assert rules_found(text) == []


def test_comments_themselves_are_never_linted() -> None:
    # "<!--" would otherwise look like markup residue to other rules
    assert rules_found("<!-- prlint-disable-next-line core.doubled-word -->\nThe the end.") == []


def test_unknown_rule_in_a_comment_is_reported() -> None:
    text = "<!-- prlint-disable-next-line core.dobuled-word -->\nThe the end."
    assert rules_found(text) == [("core.unknown-suppression", 1), ("core.doubled-word", 2)]


def test_unused_suppression_is_reported() -> None:
    assert rules_found("<!-- prlint-disable-next-line core.mojibake -->\nAll fine.") == [
        ("core.unused-suppression", 1)
    ]


def test_suppression_of_a_rule_not_run_is_not_called_unused() -> None:
    text = "<!-- prlint-disable-next-line core.mojibake -->\nAll fine."
    found = [(f.rule, f.line) for f in findings(text, select="core.unused-suppression")]
    assert found == []
