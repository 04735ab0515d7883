"""``consistency``: one thing written two ways in one draft."""

from __future__ import annotations

from tests.helpers import run_rules


def test_consistency_reports_minority_with_majority_fix(tmp_path) -> None:
    rule = {
        "id": "t.mda",
        "message": "'{value}' here, '{expected}' elsewhere ({counts})",
        "check": {"kind": "consistency", "pattern": r"\b(?P<value>M\.?D\.? Anderson)\b"},
    }
    text = "M.D. Anderson said. MD Anderson agreed. M.D. Anderson again."
    [finding] = run_rules(tmp_path, text, rule)
    assert finding.column == text.index("MD Anderson") + 1
    assert finding.fix.replacement == "M.D. Anderson"
    assert (
        finding.message
        == "'MD Anderson' here, 'M.D. Anderson' elsewhere ('M.D. Anderson' ×2, 'MD Anderson' ×1)"
    )


def test_consistency_per_key_and_tie_goes_to_first_form(tmp_path) -> None:
    rule = {
        "id": "t.ticker",
        "message": "{value} vs {expected}",
        "check": {"kind": "consistency", "pattern": r"\((?P<key>AMEX|FWB): (?P<value>[A-Z0-9]+)\)"},
    }
    text = "(AMEX: KAL) (FWB: CA4) (AMEX: KAL) (FWB: CA5)"
    [finding] = run_rules(tmp_path, text, rule)
    assert finding.message == "CA5 vs CA4"


def test_consistency_casefold_groups_case_variants(tmp_path) -> None:
    rule = {
        "id": "t.nasdaq",
        "message": "'{value}' vs '{expected}'",
        "check": {
            "kind": "consistency",
            "pattern": r"\((?P<value>nasdaq):",
            "ignore_case": True,
            "normalize": "casefold",
        },
    }
    assert run_rules(tmp_path, "(Nasdaq: A) (NASDAQ: B) (Nasdaq: C)", rule) == []


def test_consistency_variants_compare_families(tmp_path) -> None:
    rule = {
        "id": "t.phase",
        "message": "{value}: {counts}",
        "check": {
            "kind": "consistency",
            "pattern": r"\bPhase (?:[IV]+|\d)[ab]?\b",
            "variants": {"roman": r"Phase [IV]+[ab]?", "arabic": r"Phase \d[ab]?"},
        },
    }
    [finding] = run_rules(
        tmp_path, "Phase I/IIa began. Phase II follows. A Phase 3 trial is planned.", rule
    )
    assert finding.message == "Phase 3: 'roman' ×2, 'arabic' ×1"
    assert finding.fix is None
