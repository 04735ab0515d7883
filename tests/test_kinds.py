"""The check kinds, through small packs written for each test."""

from __future__ import annotations

import json

from conftest import findings

RULE = {
    "category": "style",
    "severity": "warning",
    "why": "Because.",
    "source": "Test.",
    "examples": {"fail": ["x"], "pass": ["y"]},
}


def pack(tmp_path, *rules: dict) -> tuple:
    """Write a pack with *rules* and return it as a ``packs`` argument."""
    path = tmp_path / "t.json"
    body = {"id": "t", "version": "1.0.0", "description": "Test.", "rules": [{**RULE, **rule} for rule in rules]}
    path.write_text(json.dumps(body), encoding="utf-8")
    return (path,)


def run(tmp_path, text: str, *rules: dict) -> list:
    """Lint *text* with only the test pack's rules."""
    return findings(text, select="t", packs=pack(tmp_path, *rules))


def test_forbid_reports_position_message_and_replacement(tmp_path) -> None:
    rule = {"id": "t.hype", "message": "Avoid '{match}', say '{replacement}'",
            "check": {"kind": "forbid", "patterns": [r"\bworld[- ]class\b"], "ignore_case": True, "replacement": "leading"}}
    [finding] = run(tmp_path, "A note.\nA World-class drug.", rule)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 3, 2, 14)
    assert finding.message == "Avoid 'World-class', say 'leading'"
    assert finding.fix.replacement == "leading"
    assert (finding.fix.line, finding.fix.column) == (2, 3)


def test_forbid_unless_excuses_whole_matches(tmp_path) -> None:
    rule = {"id": "t.twice", "message": "twice",
            "check": {"kind": "forbid", "patterns": [r"\b(\w+) \1\b"], "unless": ["that that"]}}
    assert [f.column for f in run(tmp_path, "so that that is fine but the the is not", rule)] == [26]


def test_forbid_scoped_to_parts_and_out_of_quotations(tmp_path) -> None:
    text = (
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (Nasdaq: ACME) has a miracle drug.\n\n"
        "“It is a miracle drug for patients,” said the CEO.\n\n"
        "Forward-Looking Statements\n\nThis miracle is a forward-looking statement; actual results may differ materially.\n"
    )
    base = {"message": "m", "check": {"kind": "forbid", "patterns": ["miracle"]}}
    assert [f.line for f in run(tmp_path, text, {**base, "id": "t.a"})] == [1, 3, 7]
    assert [f.line for f in run(tmp_path, text, {**base, "id": "t.b", "scope": {"quotes": "exclude"}})] == [1, 7]
    assert [f.line for f in run(tmp_path, text, {**base, "id": "t.c", "scope": {"parts": ["legend"]}})] == [7]
    assert [f.line for f in run(tmp_path, text, {**base, "id": "t.d", "scope": {"exclude_parts": ["legend"]}})] == [1, 3]


def test_require_with_trigger_and_part(tmp_path) -> None:
    rule = {"id": "t.legend", "message": "FLS without legend: '{match}'",
            "check": {"kind": "require", "patterns": ["forward-looking"], "within": ["legend"], "when": [r"\bexpects to\b"]}}
    text = "Headline Here\n\nNEW YORK, May 5, 2026 -- Acme expects to file an NDA.\n"
    [finding] = run(tmp_path, text, rule)
    assert (finding.line, finding.message) == (3, "FLS without legend: 'expects to'")
    with_legend = text + "\nForward-Looking Statements\n\nThese forward-looking statements may differ materially.\n"
    assert run(tmp_path, with_legend, rule) == []
    assert run(tmp_path, "Acme filed an NDA.\n", rule) == []


def test_require_without_trigger_points_at_the_lead(tmp_path) -> None:
    rule = {"id": "t.contact", "message": "no contacts", "check": {"kind": "require", "patterns": ["\\S"], "within": ["contacts"]}}
    [finding] = run(tmp_path, "Big News Today\n\nAcme did a thing.\n", rule)
    assert (finding.line, finding.column) == (3, 1)


def test_consistency_reports_minority_with_majority_fix(tmp_path) -> None:
    rule = {"id": "t.mda", "message": "'{value}' here, '{expected}' elsewhere ({counts})",
            "check": {"kind": "consistency", "pattern": r"\b(?P<value>M\.?D\.? Anderson)\b"}}
    text = "M.D. Anderson said. MD Anderson agreed. M.D. Anderson again."
    [finding] = run(tmp_path, text, rule)
    assert finding.column == text.index("MD Anderson") + 1
    assert finding.fix.replacement == "M.D. Anderson"
    assert finding.message == "'MD Anderson' here, 'M.D. Anderson' elsewhere ('M.D. Anderson' ×2, 'MD Anderson' ×1)"


def test_consistency_per_key_and_tie_goes_to_first_form(tmp_path) -> None:
    rule = {"id": "t.ticker", "message": "{value} vs {expected}",
            "check": {"kind": "consistency", "pattern": r"\((?P<key>AMEX|FWB): (?P<value>[A-Z0-9]+)\)"}}
    text = "(AMEX: KAL) (FWB: CA4) (AMEX: KAL) (FWB: CA5)"
    [finding] = run(tmp_path, text, rule)
    assert finding.message == "CA5 vs CA4"


def test_consistency_casefold_groups_case_variants(tmp_path) -> None:
    rule = {"id": "t.nasdaq", "message": "'{value}' vs '{expected}'",
            "check": {"kind": "consistency", "pattern": r"\((?P<value>nasdaq):", "ignore_case": True, "normalize": "casefold"}}
    assert run(tmp_path, "(Nasdaq: A) (NASDAQ: B) (Nasdaq: C)", rule) == []


def test_consistency_variants_compare_families(tmp_path) -> None:
    rule = {"id": "t.phase", "message": "{value}: {counts}",
            "check": {"kind": "consistency", "pattern": r"\bPhase (?:[IV]+|\d)[ab]?\b",
                      "variants": {"roman": r"Phase [IV]+[ab]?", "arabic": r"Phase \d[ab]?"}}}
    [finding] = run(tmp_path, "Phase I/IIa began. Phase II follows. A Phase 3 trial is planned.", rule)
    assert finding.message == "Phase 3: 'roman' ×2, 'arabic' ×1"
    assert finding.fix is None


def test_case_insensitive_patterns_fold_case_simply_and_report_errors_as_written() -> None:
    import pytest

    from checker.matching.patterns import PatternProblem, compile_pattern

    pattern = compile_pattern(r"\bmiracle\s+drugs?\b", "$.p", ignore_case=True)
    assert pattern.search("A MIRACLE Drug") and pattern.search("miracle drugs")
    assert not compile_pattern(r"\bmiracle\b", "$.p").search("MIRACLE")
    with pytest.raises(PatternProblem) as problem:
        compile_pattern("(unclosed", "$.p", ignore_case=True)
    assert "at position 9" in str(problem.value)  # the pattern as its author wrote it
