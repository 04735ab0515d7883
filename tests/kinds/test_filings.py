"""The sec pack's filing rules: research/domain.md section 2, and the deadline arithmetic."""

from __future__ import annotations

import datetime

import pytest

from checker import kinds
from checker.analysis.filing_refs import canonical, references
from checker.document.model import Document
from checker.kinds.base import Context
from checker.kinds.filings import deadlines
from checker.model import Scope
from tests.helpers import rule_hits


def dated(day: str, sentence: str) -> str:
    """Return a one-paragraph release with a dated dateline."""
    return (
        f"NEW YORK, {day} /PRNewswire/ -- Acme Corp. announced results, as described in {sentence}"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("10-K", ("10-K", False)),
        ("10K", ("10-K", False)),
        ("10-k", ("10-K", False)),
        ("S1", ("S-1", False)),
        ("10-KA", ("10-K", True)),
        ("10-K/A", ("10-K", True)),
        ("S-3/A", ("S-3", True)),
        ("10-QK", (None, False)),
    ],
)
def test_canonical_form_types(written: str, expected: tuple) -> None:
    assert canonical(written) == expected


def test_references_read_title_form_and_period() -> None:
    document = Document.from_text(
        "See the Annual Report on Form 10-K/A for the year ended December 31, 2005, "
        "and Forms 10-Q and 8-K."
    )
    refs = references(document)
    assert [(ref.form, ref.amended, ref.title) for ref in refs] == [
        ("10-K", True, "annual"),
        ("10-Q", False, None),
        ("8-K", False, None),
    ]
    assert refs[0].period_word == "year" and refs[0].period_end == datetime.date(2005, 12, 31)


@pytest.mark.parametrize("text", ["our Quarterly Report on Form 10-QK.", "see our Form 10-Q/K."])
def test_unknown_forms(text: str) -> None:
    assert rule_hits(text, "sec.form-unknown")


@pytest.mark.parametrize(
    "text",
    [
        "insiders filed a Form 4 and a Form 3.",
        "its Form 10 registration statement.",
        "a Form 144 notice.",
        "The FDA issued a Form 483.",
        "our Form 20-F and Form 6-K.",
    ],
)
def test_known_and_non_sec_forms_are_not_unknown(text: str) -> None:
    assert rule_hits(text, "sec.form-unknown") == []


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("our Form 10K.", "10-K"),
        ("our Form 8K.", "8-K"),
        ("our Form 10-k.", "10-K"),
        ("our Form 10-KA.", "10-K/A"),
    ],
)
def test_form_style_has_the_canonical_fix(text: str, fix: str) -> None:
    hits = rule_hits(text, "sec.form-style")
    assert [hit.fix.replacement for hit in hits] == [fix]


def test_money_and_races_are_not_forms() -> None:
    assert rule_hits("Revenue of $10K and a 10K run.", "sec.form-style") == []


def test_title_mismatch_and_the_annual_report_to_shareholders() -> None:
    assert rule_hits("our Annual Report on Form 10-Q.", "sec.filing-title-mismatch")
    assert rule_hits("our Current Report on Form 10-Q.", "sec.filing-title-mismatch")
    assert rule_hits("our Annual Report on Form 6-K.", "sec.filing-title-mismatch")
    assert (
        rule_hits(
            "our Annual Report to Shareholders and Annual Report on Form 20-F.",
            "sec.filing-title-mismatch",
        )
        == []
    )


def test_period_type_mismatch() -> None:
    assert rule_hits(
        "our Form 10-K for the quarter ended June 30, 2006.", "sec.filing-period-mismatch"
    )
    assert rule_hits(
        "our Form 10-Q for the year ended December 31, 2006.", "sec.filing-period-mismatch"
    )
    assert (
        rule_hits(
            "our Form 10-Q for the six months ended June 30, 2006.", "sec.filing-period-mismatch"
        )
        == []
    )


def test_fourth_quarter_10q_needs_a_known_fiscal_year_end() -> None:
    quarter = "our Quarterly Report on Form 10-Q for the quarter ended December 31, 2006."
    assert rule_hits(quarter, "sec.filing-period-mismatch") == []  # a June 30 FYE company's Q2
    stated = "Our fiscal year ends December 31. See " + quarter
    hits = rule_hits(stated, "sec.filing-period-mismatch")
    assert len(hits) == 1 and "fourth quarter" in hits[0].message


def test_fourth_quarter_10q_with_a_configured_fiscal_year_end() -> None:
    check = kinds.compile_check(
        {"kind": "filings", "report": "period-mismatch", "fiscal_year_end": "06-30"}, "$.check"
    )
    document = Document.from_text(
        "our Quarterly Report on Form 10-Q for the quarter ended December 31, 2006, "
        "and our Form 10-Q for the quarter ended June 30, 2006."
    )
    hits = list(kinds.get("filings").find(check, document, Scope(), Context()))
    assert [document.text[hit.start : hit.end] for hit in hits] == ["quarter ended June 30, 2006"]


def test_period_on_or_after_the_release_date() -> None:
    text = dated(
        "February 10, 2007", "our Annual Report on Form 10-K for the year ended December 31, 2007."
    )
    assert rule_hits(text, "sec.filing-period-future")
    earlier = text.replace("December 31, 2007", "December 31, 2006")
    assert rule_hits(earlier, "sec.filing-period-future") == []


def test_period_future_without_a_date_says_nothing() -> None:
    text = "as described in our Annual Report on Form 10-K for the year ended December 31, 2099."
    assert rule_hits(text, "sec.filing-period-future") == []
    assert rule_hits(text, "sec.filing-period-future", date="2099-06-01")


def test_stale_10k_and_the_lenient_default() -> None:
    sentence = "our Annual Report on Form 10-K for the year ended December 31, 2005."
    assert rule_hits(dated("June 15, 2007", sentence), "sec.filing-stale")
    assert rule_hits(dated("March 10, 2007", sentence), "sec.filing-stale") == []
    # non-accelerated, with the 12b-25 extension: the FY2006 10-K could come as late as 2007-04-17
    assert rule_hits(dated("April 16, 2007", sentence), "sec.filing-stale") == []


def test_stale_with_a_large_accelerated_filer() -> None:
    check = kinds.compile_check(
        {"kind": "filings", "report": "stale", "filer_category": "large-accelerated"}, "$.check"
    )
    document = Document.from_text(
        dated("March 25, 2007", "our Form 10-K for the year ended December 31, 2005.")
    )
    assert len(list(kinds.get("filings").find(check, document, Scope(), Context()))) == 1


def test_stale_10q() -> None:
    sentence = "our Quarterly Report on Form 10-Q for the quarter ended March 31, 2006."
    assert rule_hits(dated("March 1, 2007", sentence), "sec.filing-stale")
    assert rule_hits(dated("June 1, 2006", sentence), "sec.filing-stale") == []


def test_deadline_arithmetic_matches_the_worked_example() -> None:
    # research/domain.md 2.2: FY2006 non-accelerated, due Sat 2007-03-31 -> Mon 04-02, +15 -> 2007-04-17
    due = deadlines.latest_due("annual", "non-accelerated", datetime.date(2006, 12, 31))
    assert due == datetime.date(2007, 4, 17) + datetime.timedelta(days=3)  # holiday margin
    assert deadlines.add_months(datetime.date(2006, 9, 30), 3) == datetime.date(2006, 12, 31)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (dated("June 15, 2011", "our Annual Report on Form 10-KSB."), True),
        ("our Annual Report on Form 10-KSB for the year ended December 31, 2009.", True),
        ("our Annual Report on Form 10-K405 for the year ended December 31, 2003.", True),
        (
            dated(
                "June 15, 2007",
                "our Annual Report on Form 10-KSB for the year ended December 31, 2006.",
            ),
            False,
        ),
        (dated("June 15, 2002", "our Form 10-K405 for the year ended December 31, 2001."), False),
    ],
)
def test_retired_forms(text: str, reported: bool) -> None:
    assert bool(rule_hits(text, "sec.form-retired")) is reported


LEGEND_OPENING = (
    "\n\nForward-Looking Statements\n\nThis release contains forward-looking statements within the "
    "meaning of the Private Securities Litigation Reform Act of 1995. Actual results could differ "
    "materially"
)


def test_legend_that_cites_no_filing_at_all_warns() -> None:
    body = dated("June 15, 2007", "the release. Acme expects to begin a trial next year.")
    none = LEGEND_OPENING + " because of clinical trial risks."
    assert rule_hits(body + none, "sec.legend-cites-no-filing")
    assert rule_hits(body + none, "sec.legend-cites-generic-filing") == []
    specific = none.replace("risks.", "risks, as described in our Annual Report on Form 10-K.")
    assert rule_hits(body + specific, "sec.legend-cites-no-filing") == []


def test_generic_filing_pointer_beside_own_factors_is_info() -> None:
    """Issue 15, section 3: "our filings with the SEC" after a legend's own factors is house style."""
    body = dated("June 15, 2007", "the release. Acme expects to begin a trial next year.")
    generic = LEGEND_OPENING + (
        " because of clinical trial risks, as described in our filings with the SEC."
    )
    assert rule_hits(body + generic, "sec.legend-cites-no-filing") == []
    assert [
        hit.severity.name for hit in rule_hits(body + generic, "sec.legend-cites-generic-filing")
    ] == ["INFO"]
    hollow = LEGEND_OPENING + "; see our filings with the SEC."
    assert rule_hits(body + hollow, "sec.legend-cites-no-filing")


def test_expected_regulatory_filings_are_no_pointer_to_the_sec_filings() -> None:
    """Silexion's legend lists "expected regulatory filings" among its subjects: an FDA filing to come."""
    body = dated("June 15, 2007", "the release. Acme expects to begin a trial next year.")
    legend = LEGEND_OPENING + (
        " because of clinical trial risks. Statements about expected regulatory filings are"
        " forward-looking."
    )
    assert rule_hits(body + legend, "sec.legend-cites-no-filing")


@pytest.mark.parametrize(
    ("tier", "reported"), [("OTCQB", True), ("OTCQX", True), ("OTC Pink", False)]
)
def test_an_otcqb_or_otcqx_listing_shows_an_sec_registrant(tier: str, reported: bool) -> None:
    """OTCQB and OTCQX admit US companies that report to the SEC; OTC Pink admits others too."""
    body = (
        f"NEW YORK, June 15, 2007 /PRNewswire/ -- Acme Corp. ({tier}: ACMC) expects to begin a"
        " trial next year."
    )
    legend = (
        "\n\nForward-Looking Statements\n\nThis release contains forward-looking statements."
        " Actual results could differ materially because of clinical trial risks."
    )
    assert bool(rule_hits(body + legend, "sec.legend-cites-no-filing")) is reported


def test_legend_of_a_release_with_nothing_forward_looking_is_quiet() -> None:
    board = dated("June 15, 2007", "the release. Jane Doe has joined the board of directors.")
    none = LEGEND_OPENING + "."
    assert rule_hits(board + none, "sec.legend-cites-no-filing") == []


def test_pointer_in_a_disclaimer_after_the_legend_counts() -> None:
    body = dated("June 15, 2007", "the release. Acme expects to begin a trial next year.")
    legend = LEGEND_OPENING + " because of clinical trial risks."
    disclaimer = (
        "\n\nDisclaimer\n\nInvestors should review the risk factors in the Company's filings with the U.S. "
        "Securities and Exchange Commission."
    )
    assert rule_hits(body + legend + disclaimer, "sec.legend-cites-no-filing") == []
    assert rule_hits(body + legend + disclaimer, "sec.legend-cites-generic-filing")


@pytest.mark.parametrize("form", ["F-3ASR", "N-CSR", "1-A", "S-1MEF"])
def test_less_common_sec_forms_are_known(form: str) -> None:
    assert rule_hits(f"see our Form {form}.", "sec.form-unknown") == []


def test_filing_dates_after_the_release_or_on_a_weekend() -> None:
    after = dated("March 1, 2007", "its Current Report on Form 8-K filed on March 5, 2007.")
    assert "after the release date" in rule_hits(after, "sec.filing-date")[0].message
    saturday = "its Current Report on Form 8-K filed with the SEC on March 3, 2007."
    assert "Saturday" in rule_hits(saturday, "sec.filing-date")[0].message
    assert rule_hits("its Current Report on Form 8-K furnished today.", "sec.filing-date") == []


def test_too_early_and_foreign_domestic_mix() -> None:
    early = dated(
        "January 5, 2007", "our Annual Report on Form 10-K for the year ended December 31, 2006."
    )
    assert [hit.severity.name for hit in rule_hits(early, "sec.filing-too-early")] == ["INFO"]
    assert rule_hits("our Form 10-K and our Form 20-F.", "sec.filing-fpi-mix")
    assert rule_hits("our Form 20-F and Reports on Form 6-K.", "sec.filing-fpi-mix") == []


def test_profile_filer_category_sets_the_deadlines() -> None:
    module = kinds.get("filings")
    check = kinds.compile_check({"kind": "filings", "report": "stale"}, "$.check")
    document = Document.from_text(
        dated("March 25, 2007", "our Form 10-K for the year ended December 31, 2005.")
    )
    assert list(module.find(check, document, Scope(), Context())) == []
    large = Context(profile={"filer_category": "large-accelerated"})
    assert len(list(module.find(check, document, Scope(), large))) == 1
    smaller = Context(profile={"filer_category": "smaller-reporting"})
    assert list(module.find(check, document, Scope(), smaller)) == []


def test_a_filing_named_after_the_legend_for_other_reasons_does_not_count() -> None:
    """A pointer to the 10-Q for the financial statements is no pointer to the risk factors."""
    body = dated("June 15, 2007", "the release. Acme expects to begin a trial next year.")
    legend = LEGEND_OPENING + " because of clinical trial risks."
    tables = (
        "\n\nCONDENSED BALANCE SHEETS\n\nTotal assets 1,234 5,678\n\nFor More Financial Information: "
        "please review the company's 10-Q quarterly report for the quarter ended March 31, 2007."
    )
    assert rule_hits(body + legend + tables, "sec.legend-cites-no-filing")
    proxy = (
        "\n\nAdditional Information and Where to Find It\n\nAcme will file a proxy "
        "statement/prospectus with the SEC regarding the proposed merger."
    )
    assert rule_hits(body + legend + proxy, "sec.legend-cites-no-filing")
