"""``forbid``: text that must not appear, through small packs written for each test."""

from __future__ import annotations

import pytest

from checker.matching.patterns import PatternProblem, compile_pattern
from tests.helpers import run_rules


def test_forbid_reports_position_message_and_replacement(tmp_path) -> None:
    rule = {
        "id": "t.hype",
        "message": "Avoid '{match}', say '{replacement}'",
        "check": {
            "kind": "forbid",
            "patterns": [r"\bworld[- ]class\b"],
            "ignore_case": True,
            "replacement": "leading",
        },
    }
    [finding] = run_rules(tmp_path, "A note.\nA World-class drug.", rule)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 3, 2, 14)
    assert finding.message == "Avoid 'World-class', say 'leading'"
    assert finding.fix.replacement == "leading"
    assert (finding.fix.line, finding.fix.column) == (2, 3)


def test_forbid_unless_excuses_whole_matches(tmp_path) -> None:
    rule = {
        "id": "t.twice",
        "message": "twice",
        "check": {"kind": "forbid", "patterns": [r"\b(\w+) \1\b"], "unless": ["that that"]},
    }
    assert [
        f.column for f in run_rules(tmp_path, "so that that is fine but the the is not", rule)
    ] == [26]


def test_forbid_scoped_to_parts_and_out_of_quotations(tmp_path) -> None:
    text = (
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (Nasdaq: ACME) has a miracle drug.\n\n"
        "“It is a miracle drug for patients,” said the CEO.\n\n"
        "Forward-Looking Statements\n\nThis miracle is a forward-looking statement; actual results may differ materially.\n"
    )
    base = {"message": "m", "check": {"kind": "forbid", "patterns": ["miracle"]}}
    assert [f.line for f in run_rules(tmp_path, text, {**base, "id": "t.a"})] == [1, 3, 7]
    assert [
        f.line
        for f in run_rules(tmp_path, text, {**base, "id": "t.b", "scope": {"quotes": "exclude"}})
    ] == [1, 7]
    assert [
        f.line
        for f in run_rules(tmp_path, text, {**base, "id": "t.c", "scope": {"parts": ["legend"]}})
    ] == [7]
    assert [
        f.line
        for f in run_rules(
            tmp_path, text, {**base, "id": "t.d", "scope": {"exclude_parts": ["legend"]}}
        )
    ] == [1, 3]


def test_case_insensitive_patterns_fold_case_simply_and_report_errors_as_written() -> None:
    pattern = compile_pattern(r"\bmiracle\s+drugs?\b", "$.p", ignore_case=True)
    assert pattern.search("A MIRACLE Drug") and pattern.search("miracle drugs")
    assert not compile_pattern(r"\bmiracle\b", "$.p").search("MIRACLE")
    with pytest.raises(PatternProblem) as problem:
        compile_pattern("(unclosed", "$.p", ignore_case=True)
    assert "at position 9" in str(problem.value)  # the pattern as its author wrote it
