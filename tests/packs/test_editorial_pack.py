"""The ``editorial`` and ``financial`` packs and the ``anachronism`` kind."""

from __future__ import annotations

import json

import pytest

from checker.errors import RulePackError
from tests.helpers import SEEDS, findings, needs_shared, rule_hits


def dated(date: str, body: str) -> str:
    """Return a release with a dateline of *date* ("May 5, 2010") and *body*."""
    return f"NEW YORK, {date} /PRNewswire/ -- {body}"


# -- ClinicalTrials.gov identifiers --------------------------------------------


@pytest.mark.parametrize("number", ["NCT0123456", "NCT012345678", "NCT 0123456"])
def test_nct_number_with_the_wrong_digit_count_is_an_error(number: str) -> None:
    [finding] = rule_hits(f"The trial ({number}) is enrolling.", "editorial.nct-number")
    assert finding.severity.name == "ERROR" and f"'{number}'" in finding.message


@pytest.mark.parametrize(
    "text", ["The trial (NCT01234567) is enrolling.", "EudraCT 2020-001234-56, ISRCTN12345678."]
)
def test_well_formed_and_other_registry_numbers_are_not_reported(text: str) -> None:
    assert rule_hits(text, "editorial.nct-number") == []
    assert rule_hits(text, "editorial.nct-spacing") == []


def test_spaced_nct_number_gets_a_safe_fix() -> None:
    [finding] = rule_hits("The trial (NCT 01234567) is enrolling.", "editorial.nct-spacing")
    assert finding.fix.replacement == "NCT01234567" and finding.fix.safe


def test_clinicaltrials_gov_without_nct_number_is_info() -> None:
    [finding] = rule_hits(
        "Details can be found at www.clinicaltrials.gov.", "editorial.clinicaltrials-without-nct"
    )
    assert finding.severity.name == "INFO" and finding.column == 29
    assert (
        rule_hits(
            "Details are at ClinicalTrials.gov (NCT01234567).",
            "editorial.clinicaltrials-without-nct",
        )
        == []
    )


# -- Phase numerals ------------------------------------------------------------


def test_mixed_phase_numerals_report_the_minority_style() -> None:
    text = (
        "The Phase II trial is enrolling. A Phase I trial ended. The Phase 3 trial starts in 2027."
    )
    [finding] = rule_hits(text, "editorial.phase-numerals")
    assert finding.column == text.index("Phase 3") + 1 and finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "Atiprimod is in a Phase II trial, and in Phase I/IIa trials in multiple myeloma.",
        "The Phase 2 trial and the Phase 1/2a trial are enrolling.",
        "The company held an End-of-Phase 2 meeting to finalize the Phase III protocol.",
        "The poster, “Results of a Phase II Randomized Study in Patients,” is online. Our Phase 2 trial continues.",
    ],
)
def test_one_numeral_style_fixed_terms_and_quoted_titles_are_not_reported(text: str) -> None:
    assert rule_hits(text, "editorial.phase-numerals") == []


# -- FDA terms outside their lifetime ------------------------------------------


def test_breakthrough_therapy_designation_before_fdasia_is_reported() -> None:
    text = dated("May 5, 2010", "Acme Corp. received Breakthrough Therapy designation for AC-1.")
    [finding] = rule_hits(text, "editorial.fda-term-anachronism")
    assert finding.message.startswith(
        "'Breakthrough Therapy designation' was not in use on the release date 2010-05-05"
    )
    assert "FDASIA" in finding.message


def test_approvable_letter_after_2008_is_reported_with_the_new_term() -> None:
    text = dated("May 5, 2012", "Acme Corp. received an approvable letter from the FDA.")
    [finding] = rule_hits(text, "editorial.fda-term-anachronism")
    assert finding.fix.replacement == "complete response letter" and not finding.fix.safe


def test_release_date_can_come_from_the_date_option() -> None:
    text = "Acme Corp. received an approvable letter from the FDA."
    assert rule_hits(text, "editorial.fda-term-anachronism") == []  # no date: nothing to compare
    assert len(rule_hits(text, "editorial.fda-term-anachronism", date="2012-05-05")) == 1


@pytest.mark.parametrize(
    "text",
    [
        dated("May 5, 2014", "Acme Corp. received Breakthrough Therapy designation for AC-1."),
        dated("May 5, 2007", "Acme Corp. received an approvable letter from the FDA."),
        dated(
            "May 5, 2012", "In 2007 Acme Corp. received an approvable letter for AC-1."
        ),  # history
    ],
)
def test_terms_within_their_lifetime_or_in_history_are_not_reported(text: str) -> None:
    assert rule_hits(text, "editorial.fda-term-anachronism") == []


def test_invalid_term_date_in_a_pack_is_a_pack_error(tmp_path) -> None:
    rule = {
        "id": "t.old",
        "category": "date",
        "severity": "warning",
        "message": "m",
        "why": "w",
        "source": "s",
        "examples": {"fail": ["x"], "pass": ["y"]},
        "check": {"kind": "anachronism", "terms": [{"pattern": "x", "until": "2008-02-30"}]},
    }
    path = tmp_path / "t.json"
    path.write_text(
        json.dumps({"id": "t", "version": "1.0.0", "description": "d", "rules": [rule]}),
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match=r"terms\[0\]\.until: invalid date '2008-02-30'"):
        findings("x", packs=(path,))


def test_count_check_with_an_unknown_parameter_is_a_pack_error(tmp_path) -> None:
    rule = {
        "id": "t.count",
        "category": "count",
        "severity": "warning",
        "message": "m",
        "why": "w",
        "source": "s",
        "examples": {"fail": ["x"], "pass": ["y"]},
        "check": {"kind": "count", "measure": "percent", "cues": ["x"], "limit": 100},
    }
    path = tmp_path / "t.json"
    path.write_text(
        json.dumps({"id": "t", "version": "1.0.0", "description": "d", "rules": [rule]}),
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match="'limit' was unexpected"):
        findings("x", packs=(path,))


# -- names and disease terms spelled two ways ----------------------------------


def test_entity_spelled_two_ways_reports_the_minority_with_the_majority_fix() -> None:
    text = "MD Anderson Cancer Center joined. M.D. Anderson Cancer Center and M.D. Anderson staff agreed."
    [finding] = rule_hits(text, "editorial.entity-spelling")
    assert (finding.column, finding.fix.replacement) == (1, "M.D. Anderson")
    assert "('M.D. Anderson' ×2, 'MD Anderson' ×1)" in finding.message


def test_different_entities_are_compared_separately() -> None:
    text = "MD Anderson joined. Memorial Sloan Kettering agreed. Johns Hopkins too."
    assert rule_hits(text, "editorial.entity-spelling") == []


def test_disease_name_variants_are_reported_per_disease() -> None:
    text = "Patients with acute lymphocytic leukemia enrolled; trials in acute lymphoblastic leukemia and acute myeloid leukemia ended."
    [finding] = rule_hits(text, "editorial.disease-name-variant")
    assert finding.message.startswith("'lymphoblastic' here but 'lymphocytic' elsewhere")


@needs_shared
def test_seed_001_variants_and_missing_nct_are_reported() -> None:
    text = (SEEDS / "001_11140a142e544612.txt").read_text(encoding="utf-8")
    found = {(finding.rule, finding.line) for finding in findings(text, select="editorial")}
    assert ("editorial.entity-spelling", 5) in found
    assert ("editorial.disease-name-variant", 21) in found
    assert ("editorial.clinicaltrials-without-nct", 7) in found


@needs_shared
def test_seeds_000_and_002_have_no_editorial_or_claims_findings() -> None:
    for name in ("000_7fc09e080129e0bc.txt", "002_5377c2d7b4a2295d.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert findings(text, select="editorial,claims,financial") == [], name


# -- non-GAAP measures (Regulation G) ------------------------------------------


def test_non_gaap_measure_alone_is_reported_by_both_rules() -> None:
    text = "Adjusted EBITDA was $5.2 million for the quarter."
    rules = sorted(finding.rule for finding in findings(text, select="financial"))
    assert rules == ["financial.non-gaap-reconciliation", "financial.non-gaap-without-gaap"]


@pytest.mark.parametrize(
    "text",
    [
        "Net loss was $3.1 million; adjusted EBITDA was $5.2 million. A reconciliation of net loss to adjusted EBITDA follows.",
        "GAAP EPS was $0.10.\n\nNon-GAAP EPS\n\nGAAP\tAdjustments\tNon-GAAP\n$0.10\t$0.05\t$0.15",
        "The deal values the target at 8x EBITDA. Net loss was $1 million.",
        "Net loss was $3.1 million for the quarter.",
    ],
)
def test_reconciled_or_absent_non_gaap_measures_are_not_reported(text: str) -> None:
    assert findings(text, select="financial") == []
