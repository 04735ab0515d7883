"""The sec pack's safe-harbor rules: the true and false positives of research/domain.md section 1."""

from __future__ import annotations

import pytest

from tests.helpers import DATA, REALWORLD, SEEDS, findings, needs_shared, rule_hits

DATELINE = "BOSTON, May 3, 2007 /PRNewswire/ -- "
LEGEND_HEAD = "\n\nForward-Looking Statements\n\n"
GOOD_LEGEND = (
    "This press release contains forward-looking statements within the meaning of the Private Securities "
    "Litigation Reform Act of 1995. Actual results could differ materially because of risks in clinical trials, "
    "FDA review and our need for additional financing, as described in our Annual Report on Form 10-K for the "
    "year ended December 31, 2006. We undertake no obligation to update these statements."
)
FLS = (
    DATELINE
    + "XYZ Corp. expects to report top-line Phase 3 data in the second half of 2007 and plans to submit an NDA in 2008."
)


def test_missing_legend_points_at_the_first_forward_looking_phrase() -> None:
    hits = rule_hits(FLS, "sec.fls-without-legend")
    assert len(hits) == 1
    assert "expects to report" in hits[0].message
    assert hits[0].severity.name == "ERROR"


@pytest.mark.parametrize(
    "sentence",
    [
        "In May 2007 the Company completed enrollment.",
        "Will Smith, Ph.D., joined the board.",
        "Options were granted under the 2005 Stock Option Plan.",
        "The molecular target and the action potential were measured.",
        "The Nasdaq Hearings Panel will consider the matter and will make its determination.",
    ],
)
def test_bare_keywords_are_not_forward_looking(sentence: str) -> None:
    text = DATELINE + "Acme Corp. announced results. " + sentence * 3
    assert rule_hits(text, "sec.fls-without-legend") == []


def test_conference_logistics_need_no_legend() -> None:
    text = DATELINE + (
        "Acme Corp. will present at two investor conferences. Management will host one-on-one "
        "meetings. The presentation will be webcast and a replay will be available. "
        "“We look forward to participating,” said the CEO."
    )
    assert rule_hits(text, "sec.fls-without-legend") == []


def test_a_legend_anywhere_satisfies_the_requirement() -> None:
    assert rule_hits(FLS + LEGEND_HEAD + GOOD_LEGEND, "sec.fls-without-legend") == []
    unheaded = (
        FLS
        + "\n\nThis release contains forward-looking statements; actual results could differ materially."
    )
    assert rule_hits(unheaded, "sec.fls-without-legend") == []


def test_releases_before_the_pslra_need_no_legend() -> None:
    text = FLS.replace("May 3, 2007", "May 3, 1995")
    assert rule_hits(text, "sec.fls-without-legend") == []


def test_legend_in_a_release_before_the_pslra_is_an_anachronism() -> None:
    text = FLS.replace("May 3, 2007", "May 3, 1994") + LEGEND_HEAD + GOOD_LEGEND
    assert len(rule_hits(text, "sec.pslra-anachronism")) == 1


def test_caution_that_never_says_forward_looking_is_reported() -> None:
    text = FLS + "\n\nActual results may differ due to risks described in our 10-K."
    assert len(rule_hits(text, "sec.legend-not-identified")) == 1


def test_safe_harbor_heading_with_unhyphenated_forward_looking_is_identified() -> None:
    text = FLS + (
        "\n\nSafe Harbor Statement\n\nThis release contains forward looking statements. Actual results "
        "may differ because of clinical trial risks described in our 10-K."
    )
    assert rule_hits(text, "sec.legend-not-identified") == []


def test_boilerplate_legend_has_no_factors() -> None:
    text = (
        FLS
        + LEGEND_HEAD
        + (
            "Such forward-looking statements involve risks and uncertainties. "
            "Actual results may differ materially."
        )
    )
    assert len(rule_hits(text, "sec.legend-no-factors")) == 1
    assert rule_hits(text, "sec.legend-reference-only") == []


def test_short_legend_with_three_concrete_factors_passes() -> None:
    text = (
        FLS
        + LEGEND_HEAD
        + (
            "These forward-looking statements may prove wrong: enrollment may be slow, the FDA "
            "may not approve our product, and we may need more financing."
        )
    )
    assert rule_hits(text, "sec.legend-no-factors") == []
    assert rule_hits(text, "sec.legend-reference-only") == []


def test_generic_pointer_is_no_factor() -> None:
    """ "See our filings with the SEC" names no factor: the legend is hollow (issue 15, section 1)."""
    text = (
        FLS
        + LEGEND_HEAD
        + (
            "This release contains forward-looking statements. Actual results may differ "
            "materially; see the risks in our filings with the SEC."
        )
    )
    assert len(rule_hits(text, "sec.legend-no-factors")) == 1
    assert rule_hits(text, "sec.legend-reference-only") == []


def test_named_filing_only_legend_is_reference_only() -> None:
    text = (
        FLS
        + LEGEND_HEAD
        + (
            "This release contains forward-looking statements. Actual results may differ "
            "materially; see the Risk Factors in our Annual Report on Form 10-K."
        )
    )
    assert len(rule_hits(text, "sec.legend-reference-only")) == 1
    assert rule_hits(text, "sec.legend-no-factors") == []


def test_pointer_in_addition_to_factors_passes() -> None:
    assert rule_hits(FLS + LEGEND_HEAD + GOOD_LEGEND, "sec.legend-reference-only") == []


@pytest.mark.parametrize(
    "clause",
    [
        "The Company undertakes no obligation to update these statements, except as required by law.",
        "The Company disclaims any intention to update them.",
        "These statements speak only as of the date of this release.",
        "Statements are made as of the date of this news release and will be updated only as required by law.",
    ],
)
def test_no_update_clause_variants_are_recognised(clause: str) -> None:
    text = (
        FLS
        + LEGEND_HEAD
        + "This release contains forward-looking statements about clinical trials. "
        + clause
    )
    assert rule_hits(text, "sec.legend-no-update-clause") == []


def test_missing_no_update_clause_is_info() -> None:
    text = (
        FLS
        + LEGEND_HEAD
        + "This release contains forward-looking statements about clinical trials."
    )
    hits = rule_hits(text, "sec.legend-no-update-clause")
    assert [hit.severity.name for hit in hits] == ["INFO"]


def test_update_promise_is_reported_but_not_its_negation() -> None:
    assert rule_hits(
        "The Company will update these forward-looking statements quarterly.", "sec.update-promise"
    )
    assert rule_hits(
        "We undertake to update such forward-looking statements.", "sec.update-promise"
    )
    assert (
        rule_hits(
            "The Company will not update these forward-looking statements.", "sec.update-promise"
        )
        == []
    )


def test_legend_without_forward_looking_statements_is_info() -> None:
    text = (
        DATELINE
        + "Acme Corp. today announced that Jane Doe has joined its board of directors."
        + LEGEND_HEAD
        + GOOD_LEGEND
    )
    assert len(rule_hits(text, "sec.legend-without-fls")) == 1
    quoted = text.replace(
        "directors.", "directors. “We look forward to working with Jane,” said the CEO."
    )
    assert rule_hits(quoted, "sec.legend-without-fls") == []


@pytest.mark.parametrize(
    ("extra", "context"),
    [
        (
            "The proposed initial public offering is expected to close next week.",
            "initial public offering",
        ),
        ("Holders may tender shares in the tender offer until May 30.", "tender offer"),
    ],
)
def test_excluded_contexts_are_info(extra: str, context: str) -> None:
    hits = rule_hits(
        FLS + " " + extra + LEGEND_HEAD + GOOD_LEGEND, "sec.safe-harbor-excluded-context"
    )
    assert len(hits) == 1 and context in hits[0].message


def test_historic_ipo_is_not_an_excluded_context() -> None:
    text = (
        FLS
        + " The company completed its initial public offering in 2004."
        + LEGEND_HEAD
        + GOOD_LEGEND
    )
    assert rule_hits(text, "sec.safe-harbor-excluded-context") == []


def test_otc_issuer_is_an_excluded_context() -> None:
    text = FLS.replace("XYZ Corp.", "XYZ Corp. (OTCBB: XYZC)") + LEGEND_HEAD + GOOD_LEGEND
    hits = rule_hits(text, "sec.safe-harbor-excluded-context")
    assert len(hits) == 1 and "over the counter" in hits[0].message


@pytest.mark.parametrize(
    "citation",
    [
        "Section 21E of the Securities Act of 1933",
        "Section 27A of the Securities Exchange Act of 1934",
        "the Private Securities Litigation Reform Act of 1996",
        "Section 27A of the Securities Act of 1934",
    ],
)
def test_wrong_citations(citation: str) -> None:
    assert rule_hits(f"Statements within the meaning of {citation}.", "sec.pslra-citation-wrong")


def test_correct_citation_passes() -> None:
    text = (
        "within the meaning of Section 27A of the Securities Act of 1933, as amended, and Section 21E of the "
        "Securities Exchange Act of 1934, as amended, and the Private Securities Litigation Reform Act of 1995."
    )
    assert rule_hits(text, "sec.pslra-citation-wrong") == []


def test_exchange_act_misnomer_has_a_safe_fix_and_spares_the_commission() -> None:
    hits = rule_hits(
        "Section 21E of the Securities and Exchange Act of 1934.", "sec.exchange-act-misnomer"
    )
    assert hits[0].fix.replacement == "Securities Exchange Act" and hits[0].fix.safe
    assert (
        rule_hits("filed with the Securities and Exchange Commission.", "sec.exchange-act-misnomer")
        == []
    )


@needs_shared
def test_seeds_report_the_missing_no_update_clause_as_info() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        hits = rule_hits(path.read_text("utf-8"), "sec.legend-no-update-clause")
        assert [hit.severity.name for hit in hits] == ["INFO"], path.name


@needs_shared
def test_seeds_have_no_safe_harbor_warnings() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        loud = [
            f
            for f in findings(path.read_text("utf-8"), select="sec")
            if f.severity.name != "INFO" and f.category in ("safe-harbor", "sec-filing")
        ]
        assert loud == [], path.name


def test_legend_after_the_end_mark_is_info() -> None:
    assert rule_hits(FLS + "\n\n###" + LEGEND_HEAD + GOOD_LEGEND, "sec.legend-placement")
    assert rule_hits(FLS + LEGEND_HEAD + GOOD_LEGEND + "\n\n###", "sec.legend-placement") == []


def test_forward_looking_topic_without_a_matching_factor() -> None:
    body = DATELINE + "XYZ Corp. expects to launch its product in Q1 2008."
    hits = rule_hits(body + LEGEND_HEAD + GOOD_LEGEND, "sec.legend-factor-gap")
    assert len(hits) == 1 and "launch" in hits[0].message
    covered = GOOD_LEGEND.replace("clinical trials,", "clinical trials, commercialization,")
    assert rule_hits(body + LEGEND_HEAD + covered, "sec.legend-factor-gap") == []


HOLLOW_REAL_LEGENDS = [
    "imd-companies_2024-08-29_completes-acquisition-of-riize-llc.txt",
    "neutra_2025-06-30_reports-breakthrough-first-quarter-following-lau.txt",
    "ss-innovations-international_2026-03-09_announces-completion-of-an-18-6-million.txt",
    "vycor-medical_2025-04-15_releases-financial-results-for-the-year-ended.txt",
    "ethema-health_2025-10-17_files-q1-2025-quarterly-results.txt",
]


@needs_shared
@pytest.mark.parametrize("name", HOLLOW_REAL_LEGENDS)
def test_real_hollow_legends_are_reported(name: str) -> None:
    """Issue 15, section 1: the hollow legends of the real corpus, checked by hand."""
    text = (REALWORLD / name).read_text("utf-8")
    assert [hit.severity.name for hit in rule_hits(text, "sec.legend-no-factors")] == ["WARNING"]


@needs_shared
@pytest.mark.parametrize(
    "name",
    [
        "ss-innovations-international_2026-03-18_ssi-mantra-surgical-robotic-system-approved-for.txt",
        "vycor-medical_2025-07-08_new-study-on-novavision-s-neuroeyecoach-shows.txt",
        "petvivo_2025-10-27_holdings-inc-to-present-at-spartan-capital.txt",
        "oracle_2019-07-10_names-rona-fairhead-to-board.txt",
    ],
)
def test_legends_of_releases_with_nothing_material_ahead_are_quiet(name: str) -> None:
    text = (REALWORLD / name).read_text("utf-8")
    reported = [
        hit.rule
        for hit in findings(text, select="sec")
        if hit.rule.startswith("sec.legend") and hit.severity.name != "INFO"
    ]
    assert reported == []


def test_missing_legend_with_the_issue_examples() -> None:
    """Issue 15, section 2: seed 002's list of 2007 activities and iMD's growth claim."""
    seed = (
        DATELINE
        + "Callisto reported its 2006 results. For 2007, the key clinical activities for the "
        "company will be: 1) advancing the Atiprimod Phase II trial; 2) completing enrollment. We will "
        "provide further updates in the coming months."
    )
    assert rule_hits(seed, "sec.fls-without-legend")
    imd = (
        DATELINE
        + '"We finalized our acquisition, and with it comes a great team from iMD that will '
        'absolutely aid in expanding our growth," said the CEO of Riize.\n\nAbout iMD\n\niMD is a '
        "holding company. Its goal is to create a cohesive force, which will carry the company forward."
    )
    assert rule_hits(imd, "sec.fls-without-legend")
    one_plan = (
        DATELINE + "Gilat won a $7 million contract. Deliveries are expected by the end of 2007."
    )
    assert rule_hits(one_plan, "sec.fls-without-legend")


def test_call_logistics_alone_need_no_legend() -> None:
    text = (
        DATELINE + "Acme Corp. will host a conference call at 4:30 p.m. ET to discuss its results. "
        "Mr. Lai intends to provide an overview of the company. The call will be webcast and will "
        "remain available for 90 days."
    )
    assert rule_hits(text, "sec.fls-without-legend") == []


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("hollow-fintech.txt", {"sec.legend-no-factors", "sec.legend-cites-no-filing"}),
        ("factors-generic-pointer.txt", {"sec.legend-cites-generic-filing"}),
        ("no-legend-guidance.txt", {"sec.fls-without-legend"}),
        ("conference-notice-hollow.txt", set()),
    ],
)
def test_drafts_written_after_the_tuning(draft: str, expected: set[str]) -> None:
    """Drafts of other industries, written after the patterns were tuned on the real corpus."""
    text = (DATA / "legend" / draft).read_text("utf-8")
    generic = "sec.legend-cites-generic-filing"  # opt-in
    assert {hit.rule for hit in findings(text, select="sec", extend=generic)} == expected
