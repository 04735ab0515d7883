"""The dates pack: each check with what it must report and what it must leave alone."""

from __future__ import annotations

import pytest

from tests.helpers import findings, rule_hits

DL07 = "NEW YORK, March 5, 2007 /PRNewswire/ -- "
DL26 = "NEW YORK, Jan. 10, 2026 /PRNewswire/ -- "


def _hits(text: str, rule: str, **kwargs) -> list[str]:
    return [
        finding.message for finding in rule_hits(text, f"dates.{rule}", select="dates", **kwargs)
    ]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("impossible-date", "Acme will meet on June 31, 2007."),
        ("impossible-date", "The data cut-off was Feb. 29, 2007."),
        ("impossible-date", "The meeting is on Friday, April 31."),
        ("weekday-mismatch", "Acme will host a call on Monday, March 6, 2007."),
        ("weekday-mismatch", DL07 + "Acme will host a call on Friday, March 8 at 9 a.m. ET."),
        ("past-event-after-release", DL26 + "Acme reported data at the June 2026 meeting."),
        ("past-event-after-release", DL26 + "On March 3, 2026, Acme completed enrollment."),
        (
            "past-event-after-release",
            DL26 + "“We completed enrollment in the second quarter of 2026,” said the CEO.",
        ),
        ("plan-before-release", DL07 + "Acme will host a conference call on March 1, 2007."),
        ("plan-before-release", DL07 + "Acme expects to complete enrollment by the end of 2006."),
        (  # "from" names the data's source, not a period's start
            "plan-before-release",
            DL07 + "Acme will report the final 52-week data from the trial on March 1, 2007.",
        ),
        (
            "period-not-ended",
            DL07 + "Net loss for the quarter ended March 31, 2007 was $2 million.",
        ),
        (
            "period-not-ended",
            DL07 + "Net loss for the year ended December 31, 2007 was $2 million.",
        ),
        (
            "filed-after-release",
            DL07
            + "As described in the Form 8-K filed with the SEC on March 15, 2007, Acme amended its loan.",
        ),
        (
            "letter-after-release",
            DL07 + "Acme released a letter.\n\nMarch 9, 2007\n\nDear Shareholders:",
        ),
        (
            "today-mismatch",
            DL07 + "Acme announced today, March 6, 2007, that the trial met its endpoint.",
        ),
        (
            "today-mismatch",
            DL07 + "Acme announced today (Tuesday) that the trial met its endpoint.",
        ),
        (
            "today-mismatch",
            DL07 + "Acme said yesterday, March 5, 2007, that it had dosed a patient.",
        ),
        (
            "today-mismatch",
            DL07 + "Acme announced today, March 6, that the trial met its endpoint.",
        ),
        (
            "today-mismatch",
            DL07 + "Earlier this month, on February 26, 2007, Acme dosed its first patient.",
        ),
        (  # the draft is looked up for "today" and "month" first: in any case
            "today-mismatch",
            DL07 + "ACME ANNOUNCED TODAY (TUESDAY) THAT THE TRIAL MET ITS ENDPOINT.",
        ),
        (
            "today-mismatch",
            DL07 + "EARLIER THIS MONTH, on February 26, 2007, Acme dosed its first patient.",
        ),
        (
            "conflicting-dates",
            "Acme initiated a Phase I trial of AC-101 in December 2005.\n\nAcme initiated a Phase I trial of AC-101 in 1Q 2006.",
        ),
        ("time-zone-dst", "The call is on July 10, 2007 at 10:00 a.m. EST."),
        ("time-zone-dst", "The call is on November 10, 2007 at 10 a.m. EDT."),
        ("time-zone-dst", DL07 + "Acme will host a call today at 4:30 p.m. EDT."),
        (
            "dateline-month-style",
            "NEW YORK, January 4, 2007 /PRNewswire/ -- Acme announced results.",
        ),
        ("month-abbreviation", "The trial began on Sep. 4, 2007."),
    ],
)
def test_defect_is_reported(rule: str, text: str) -> None:
    assert _hits(text, rule), text


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("impossible-date", "Acme closed enrollment on Feb. 29, 2008."),
        ("impossible-date", "In April 31 patients were dosed."),
        ("weekday-mismatch", "Acme will host a call on Tuesday, March 6, 2007."),
        (
            "weekday-mismatch",
            "Acme will host a call on Friday, March 9.",
        ),  # no release date: no year to check
        ("past-event-after-release", DL26 + "Acme expects to report data by June 2026."),
        (
            "past-event-after-release",
            DL26 + "Acme announced that it will present data on March 3, 2026.",
        ),
        ("past-event-after-release", DL26 + "Acme completed enrollment in January 2026."),
        (
            "past-event-after-release",
            DL26 + "The conference, to be held April 8-9, 2026, is in Las Vegas.",
        ),
        (
            "past-event-after-release",
            DL26 + "Shares held at the close of business on March 18, 2026 will receive one share.",
        ),
        ("past-event-after-release", DL26 + "Mr. Smith resigned effective February 1, 2026."),
        (
            "past-event-after-release",
            "Acme reported data at the June 2026 meeting.",
        ),  # no release date
        (
            "past-event-after-release",
            DL26
            + "Acme plans to begin a randomized, placebo-controlled trial in the second half of 2026.",
        ),
        (
            "past-event-after-release",
            DL26 + "Acme expects that data presented in June 2026 will support a filing.",
        ),
        ("plan-before-release", DL07 + "Acme hosted a conference call on March 1, 2007."),
        (
            "plan-before-release",
            DL07 + "Data, which were expected in the fourth quarter of 2006, came in January 2007.",
        ),
        (
            "plan-before-release",
            DL07 + "As previously expected in the second half of 2006, the trial began.",
        ),
        ("plan-before-release", DL07 + "Acme had planned to start the trial in December 2006."),
        (  # the day may be the offering's: "from" it is left unsure
            "plan-before-release",
            DL07 + "Acme will use the proceeds from the offering on March 1, 2007 to fund trials.",
        ),
        (
            "plan-before-release",
            DL07
            + "Acme will report its fourth quarter and full year 2006 results on March 8, 2007.",
        ),
        (
            "plan-before-release",
            DL07 + "The market is estimated at $2 billion in 2006 and is expected to grow.",
        ),
        (
            "plan-before-release",
            DL07 + "Acme continues to grow.\n* During 2006, eight studies were published.",
        ),
        (
            "period-not-ended",
            DL07 + "Acme expects revenue to grow in the year ending December 31, 2007.",
        ),
        (
            "period-not-ended",
            DL07 + "Net loss for the year ended December 31, 2006 was $2 million.",
        ),
        ("period-not-ended", DL07 + "Acme filed its report for the fiscal year ended June 30."),
        (
            "past-event-after-release",
            "NEW YORK, Jan. 25, 2007 /PRNewswire/ -- On July 20, Acme completed enrollment.",
        ),
        ("filed-after-release", DL07 + "Acme will file its Form 10-K on March 15, 2007."),
        (
            "filed-after-release",
            DL07 + "Acme expects that the Form 10-K will be filed on March 15, 2007.",
        ),
        (
            "letter-after-release",
            DL07 + "Acme released a letter.\n\nMarch 4, 2007\n\nDear Shareholders:",
        ),
        (
            "today-mismatch",
            DL07 + "Acme announced today, March 5, 2007, that the trial met its endpoint.",
        ),
        ("today-mismatch", DL07 + "Acme announced today (Monday) that the trial met its endpoint."),
        (
            "today-mismatch",
            DL07 + "Earlier this month, on March 2, 2007, Acme dosed its first patient.",
        ),
        (
            "today-mismatch",
            DL07 + "Earlier this month, Acme said it would present data on April 10, 2007.",
        ),
        (
            "conflicting-dates",
            "Acme initiated a Phase I trial of AC-101 in December 2005.\n\nAcme initiated a Phase I trial of AC-101 in 4Q 2005.",
        ),
        (
            "conflicting-dates",
            "The 10-K was filed with the SEC on March 1, 2007.\n\nThe 10-Q was filed with the SEC on May 8, 2007.",
        ),
        ("time-zone-dst", "The call is on July 10, 2007 at 10:00 a.m. EDT."),
        ("time-zone-dst", "The call is on July 10, 2007 at 10:00 a.m. ET."),
        (
            "time-zone-dst",
            "The call is on March 20, 2006 at 10:00 a.m. EST.",
        ),  # DST began April 2 in 2006
        ("time-zone-dst", "The call in Phoenix, Arizona is on July 10, 2007 at 10:00 a.m. MST."),
        ("dateline-month-style", "NEW YORK, Jan. 4, 2007 /PRNewswire/ -- Acme announced results."),
        ("dateline-month-style", "NEW YORK, June 4, 2007 /PRNewswire/ -- Acme announced results."),
        ("month-abbreviation", "Revenue (Jun 2007): $4 million."),
    ],
)
def test_correct_text_is_not_reported(rule: str, text: str) -> None:
    assert _hits(text, rule) == [], text


def test_messages_name_the_dates() -> None:
    [message] = _hits("Acme will host a call on Monday, March 6, 2007.", "weekday-mismatch")
    assert message == "'Monday, March 6, 2007' falls on a Tuesday, not a Monday"
    [message] = _hits(
        DL26 + "Acme reported data at the June 2026 meeting.", "past-event-after-release"
    )
    assert "'June 2026'" in message and "2026-01-10" in message


def test_dateline_month_style_offers_the_ap_form_as_a_safe_fix() -> None:
    [finding] = rule_hits(
        "NEW YORK, September 4, 2007 /PRNewswire/ -- Acme announced results.",
        "dates.dateline-month-style",
    )
    assert finding.fix.replacement == "Sept. 4" and finding.fix.safe


@pytest.mark.parametrize(
    ("written", "expected"),
    [("September 03", "Sept. 3"), ("Sept. 03", "Sept. 3"), ("Jan 4", "Jan. 4")],
)
def test_dateline_month_style_drops_a_leading_zero_as_ap_does(written: str, expected: str) -> None:
    [finding] = rule_hits(
        f"NEW YORK, {written}, 2007 /PRNewswire/ -- Acme announced results.",
        "dates.dateline-month-style",
    )
    assert finding.fix.replacement == expected


def test_release_date_option_fills_a_yearless_dateline() -> None:
    text = "NEW YORK, March 5 /PRNewswire-FirstCall/ -- Acme will host a call on March 1, 2007."
    assert _hits(text, "plan-before-release", date="2007-03-05")
    assert _hits(text, "year-inferred", date="2007-03-05") == []  # the year came from --date


def test_year_inferred_is_reported_or_says_none_could_be() -> None:
    [message] = _hits(
        "NEW YORK, Jan. 4 /PRNewswire-FirstCall/ -- Acme released a letter.\n\nJanuary 3, 2007\n\nDear Shareholders:",
        "year-inferred",
    )
    assert "inferred as 2007" in message
    [message] = _hits(
        "NEW YORK, Jan. 4 /PRNewswire-FirstCall/ -- Acme released a letter.", "year-inferred"
    )
    assert "pass --date" in message


def test_unless_patterns_in_a_pack_excuse_a_sentence(tmp_path) -> None:
    pack = tmp_path / "local.json"
    pack.write_text(
        '{"id": "local", "version": "1.0.0", "description": "d", "rules": [{"id": "local.tz", "category": "date",'
        ' "severity": "warning", "message": "m", "why": "w", "source": "s", "examples": {"fail": ["x"], "pass": ["y"]},'
        ' "check": {"kind": "date", "report": "dst", "unless": ["Pacific"], "zones": {"PST": "standard"},'
        ' "dst_rules": [{"from": 2007, "to": 2099, "start": "second Sunday of March", "end": "first Sunday of November"}]}}]}',
        encoding="utf-8",
    )
    reported = findings(
        "The call is on July 10, 2007 at 10 a.m. PST.", select="local", packs=(pack,)
    )
    excused = findings(
        "The call is on July 10, 2007 at 10 a.m. PST (Pacific).", select="local", packs=(pack,)
    )
    assert [finding.rule for finding in reported] == ["local.tz"] and excused == []


DL_SEPT25 = "NEW YORK, Sept. 16, 2025 /PRNewswire/ -- "


@pytest.mark.parametrize(
    "text",
    [
        # The date belongs to the past verb; the relative clause after it tells of the agreement.
        "The filing follows the completion of toxicology studies in May 2025. Zenith entered into a"
        " supply agreement with Orion Chemicals Holdings (NYSE: ORCH) on June 12, 2025, under which"
        " Orion will provide the comparator drug.",
        "Zenith signed a license with Orion (“Orion”) in May 2025, pursuant to which Orion will pay royalties.",
        "Zenith acquired Orion (Nasdaq: ORN) on June 12, 2025, which will give it a second product.",
        "Zenith entered into an agreement with Orion on June 12, 2025, whereby Orion will supply the drug.",
    ],
)
def test_a_verb_after_a_parenthesis_or_in_a_relative_clause_does_not_govern_the_date(
    text: str,
) -> None:
    assert _hits(DL_SEPT25 + text, "plan-before-release") == []


@pytest.mark.parametrize(
    "text",
    [
        "On June 12, 2025, Zenith will present data.",
        "Zenith will present data (poster 12) on June 12, 2025.",  # the aside no longer cuts the clause
    ],
)
def test_a_plan_dated_before_the_release_is_still_reported(text: str) -> None:
    assert _hits(DL_SEPT25 + text, "plan-before-release")


DL_FEB24 = "NEW YORK, Feb. 1, 2024 /PRNewswire/ -- "


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (
            "period-not-ended",
            "Revenue for the first quarter ended December 30, 2026 was $119.6 billion.",
        ),
        ("period-not-ended", "Net loss for fiscal year 2023 ended March 3, 2025 was $2 million."),
        (
            "as-of-after-release",
            "Cash and cash equivalents were $12.1 million as of December 31, 2026.",
        ),
        (
            "as-of-after-release",
            "As of March 23, 2027, the Company has received approvals in 12 states.",
        ),
        (
            "as-of-after-release",
            "Shares outstanding as of September 30, 2025 and December 31, 2023 were 10,000.",
        ),
        ("as-of-after-release", "This press release is current as of July 10, 2025."),
        ("past-event-after-release", "Acme completed the merger on March 3, 2025."),
        ("past-event-after-release", "Acme received the FDA letter on June 2, 2024."),
        ("past-event-after-release", "Acme announced on May 5, 2024 that enrollment closed."),
    ],
)
def test_a_period_or_event_after_the_release_is_an_error(rule: str, text: str) -> None:
    [finding] = rule_hits(DL_FEB24 + text, f"dates.{rule}", select="dates")
    assert finding.severity.name == "ERROR"


@pytest.mark.parametrize(
    "text",
    [
        "Cash and cash equivalents were $12.1 million as of December 31, 2023.",
        "Acme expects cash of $10 million as of December 31, 2024.",
        "The dividend is payable to shareholders of record as of February 15, 2024.",
        "The amendment is effective as of March 1, 2024.",
        "The options vest as of June 1, 2026.",
        "Acme will report its cash position as of March 31, 2024 in May.",
    ],
)
def test_an_as_of_date_that_may_lie_ahead_is_quiet(text: str) -> None:
    assert _hits(DL_FEB24 + text, "as-of-after-release") == []


UNDATED = (
    "Acme Reports First Quarter Results\n\n"
    "Acme today announced financial results for its first quarter ended December 30, 2023.\n\n"
    "Acme will host a conference call on February 1, 2024.\n\n"
)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("period-not-ended", "Net income for the year ended December 31, 2025 was $3 million."),
        ("as-of-after-release", "Cash was $12.1 million as of September 30, 2025."),
        ("past-event-after-release", "Acme completed the merger on March 3, 2025."),
        ("filed-after-release", "See the Form 10-K filed with the SEC on March 3, 2025."),
    ],
)
def test_with_no_release_date_a_period_after_the_texts_own_bound_is_an_error(
    rule: str, text: str
) -> None:
    [finding] = rule_hits(UNDATED + text, f"dates.{rule}", select="dates")
    assert finding.severity.name == "ERROR"
    assert "at the latest 2024-02-01" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # No bound: nothing in the text says when it was written.
        "Acme Reports Results\n\nNet income for the year ended December 31, 2025 was $3 million.",
        # Plans after the bound are plans, not periods.
        UNDATED + "Acme expects to complete the trial by June 30, 2025.",
    ],
)
def test_with_no_release_date_what_the_text_does_not_contradict_is_quiet(text: str) -> None:
    reported = [
        finding.rule
        for finding in findings(text, select="dates")
        if finding.severity.name in ("ERROR", "WARNING")
    ]
    assert reported == []


def test_a_column_of_period_ends_after_the_release_is_an_error() -> None:
    text = (
        "SAN JOSE, Calif. – March 15, 2023 – Adobe today reported results.\n\n"
        "Three Months Ended\n\nMarch 3, 2024\tMarch 4, 2022\n\nRevenue\t$4,655\t$4,262\n\n"
        "Record Date\tPayment Date\n\nApril 1, 2023\tApril 20, 2023"
    )
    [finding] = rule_hits(text, "dates.period-not-ended", select="dates")
    assert "March 3, 2024" in finding.message


def test_with_no_release_date_a_plan_before_an_event_told_as_done_is_a_warning() -> None:
    text = (
        "Acme Completes Enrollment\n\nAcme completed enrollment on June 5, 2024.\n\n"
        "Acme will present the data on May 1, 2024."
    )
    [finding] = rule_hits(text, "dates.plan-before-release", select="dates")
    assert finding.severity.name == "WARNING" and "at the earliest 2024-06-05" in finding.message
    later = text.replace("May 1, 2024", "September 1, 2024")
    assert _hits(later, "plan-before-release") == []


def test_with_no_release_date_a_contradicted_plan_is_a_warning_and_the_events_are_not_errors() -> (
    None
):
    # Two events told as done after the plan: the plan is the odd one out, and the
    # bound it sets is no ground for an error on either event.
    text = (
        UNDATED
        + "Acme completed the merger on March 3, 2024. Cash was $1 million as of May 1, 2024."
    )
    reported = [
        (finding.rule, finding.severity.name)
        for finding in findings(text, select="dates")
        if finding.severity.name in ("ERROR", "WARNING")
    ]
    assert reported == [("dates.plan-before-release", "WARNING")]


@pytest.mark.parametrize(
    "text",
    [
        "Acme will host a call on February 20, 2024 to discuss its results for the quarter"
        " ending March 31, 2024.",
        "During the three months ending March 31, 2024, the Company reported revenue of $2 million.",
        "Acme Announces Financial Results for the Quarter Ending June 30, 2024",
    ],
)
def test_a_period_ending_after_the_release_told_as_over_is_an_error(text: str) -> None:
    [finding] = rule_hits(DL_FEB24 + text, "dates.period-not-ended", select="dates")
    assert finding.severity.name == "ERROR"


@pytest.mark.parametrize(
    "text",
    [
        "Acme expects revenue for the year ending December 31, 2024 to be $10 million.",
        "Acme will report results for the year ending December 31, 2024 on March 3, 2025.",
        "For the fiscal year ending June 30, 2024, the Company reaffirms its guidance.",
        "On February 20, 2024, Acme will discuss expected results for the year ending"
        " December 31, 2024.",
        "Revenue for the year ending December 31, 2024 is projected at $4 million.",
        "Acme reported net loss for the quarter ending December 31, 2023.",
        # a term that runs to the date, not a period reported
        "The board approved a repurchase program through the period ending December 31, 2025.",
        "Acme signed a lease ending June 30, 2027.",
    ],
)
def test_a_period_ending_after_the_release_as_a_forecast_is_quiet(text: str) -> None:
    assert _hits(DL_FEB24 + text, "period-not-ended") == []


def test_a_period_ending_after_the_texts_own_bound_is_an_error() -> None:
    text = (
        UNDATED + "During the quarter ending March 31, 2025, Acme reported revenue of $2 million."
    )
    [finding] = rule_hits(text, "dates.period-not-ended", select="dates")
    assert "at the latest 2024-02-01" in finding.message
