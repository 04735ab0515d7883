"""The release date: from the dateline, a header line, --date, or a year inferred from the body."""

from __future__ import annotations

import csv
import datetime

import pytest

from checker.analysis.date_mentions import find_mentions
from checker.analysis.release_date import (
    infer_year,
    latest_release,
    parse_month_day,
    resolve_release_date,
)
from checker.document.model import Document
from checker.inputs.reading import read_draft
from checker.model import Severity
from tests.helpers import REALWORLD, SEEDS, findings, needs_shared

D = datetime.date


def _resolve(text: str, date: str | None = None):
    return resolve_release_date(Document.from_text(text), date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feb. 22", (2, 22, None)),
        ("April 11, 2007", (4, 11, 2007)),
        ("2 July 2026", (7, 2, 2026)),
        ("May 3rd, 2024", (5, 3, 2024)),
        ("Sept. 3", (9, 3, None)),
        ("Someday 3", None),
    ],
)
def test_parse_month_day(text, expected) -> None:
    assert parse_month_day(text) == expected


def test_dated_dateline_wins_over_the_option() -> None:
    found = _resolve("NEW YORK, March 5, 2007 /PRNewswire/ -- Acme announced.", "2008-01-01")
    assert (found.date, found.source) == (D(2007, 3, 5), "dateline")


def test_option_fills_a_missing_year_and_a_missing_dateline() -> None:
    assert (
        _resolve("NEW YORK, March 5 /PRNewswire/ -- Acme announced.", "2007-03-05").source
        == "option"
    )
    assert _resolve("Acme announced results.", "2007-03-05").date == D(2007, 3, 5)
    assert _resolve("Acme announced results.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exhibit 99.1\nCaterpillar Inc.\n1Q 2022 Earnings Release\nApril 28, 2022\nFOR IMMEDIATE RELEASE\n\nCaterpillar reported results.",
            D(2022, 4, 28),
        ),
        (
            "For Immediate Release: November 22, 2024\tweb: www.buckle.com\n\nTHE BUCKLE REPORTS\n\nKEARNEY, NE -- (BUSINESS WIRE) -- The Buckle announced.",
            D(2024, 11, 22),
        ),
        (
            "Lexaria Closes Offering\n\nKELOWNA, BRITISH COLUMBIA - April 28, 2025 (NEWMEDIAWIRE)  Lexaria Bioscience Corp. announced.",
            D(2025, 4, 28),
        ),
    ],
)
def test_a_header_date_or_a_date_after_the_dateline_is_the_release_date(text, expected) -> None:
    found = _resolve(text)
    assert (found.date, found.source) == (expected, "dateline")


def test_year_is_inferred_from_the_body() -> None:
    letter = "NEW YORK, Jan. 4 /PRNewswire-FirstCall/ -- Acme released a letter.\n\nJanuary 3, 2007\n\nDear Shareholders:"
    found = _resolve(letter)
    assert (found.date, found.source) == (D(2007, 1, 4), "inferred")
    # a year that "ended" December 31, 2005 puts Jan. 4 in 2006 at the earliest
    legend = "NEW YORK, Jan. 4 /PRNewswire/ -- Acme announced.\n\nSee the Form 10-K for the year ended December 31, 2005."
    assert _resolve(legend).date == D(2006, 1, 4)
    # ... and a date told as done rules out every earlier year
    done = legend + " Acme completed the trial on March 3, 2006."
    assert _resolve(done).date == D(2007, 1, 4)
    assert _resolve("NEW YORK, Jan. 4 /PRNewswire/ -- Acme announced a trial.") is None


def test_future_plans_count_little_when_inferring() -> None:
    text = (
        "NEW YORK, Feb. 14 /PRNewswire/ -- Acme reported revenue of $2 million in January 2025. "
        "The plant is scheduled to be operational in the first half of 2026, and Acme expects to expand in 2H 2026."
    )
    assert _resolve(text).date == D(2025, 2, 14)


@needs_shared
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_seeds_are_2007_releases_with_no_false_date_warnings(path) -> None:
    text = read_draft(str(path)).text
    ours = findings(text, select="dates")
    assert [(finding.rule, "inferred as 2007" in finding.message) for finding in ours] == [
        ("dates.year-inferred", True)
    ]
    assert [
        finding for finding in findings(text, select="date") if finding.severity >= Severity.WARNING
    ] == []


@needs_shared
def test_inference_recovers_the_year_of_dated_real_world_datelines() -> None:
    """Hide the year of every dated real-world dateline and infer it back."""
    right = total = 0
    for path in sorted(REALWORLD.glob("*.txt")):
        document = Document.from_text(read_draft(str(path)).text)
        if document.dateline is None or not document.dateline.date_text:
            continue
        month, day, year = parse_month_day(document.dateline.date_text) or (0, 0, None)
        if year is None:
            continue
        total += 1
        right += infer_year(document, month, day) == year
    assert total > 80 and right / total >= 0.95, (right, total)


@needs_shared
def test_real_world_release_dates_agree_with_the_manifest() -> None:
    with open(REALWORLD.parent / "MANIFEST.tsv", encoding="utf-8") as rows:
        manifest = {
            row["file"]: row["release_date"] for row in csv.DictReader(rows, delimiter="\t")
        }
    resolved = wrong = 0
    for path in sorted(REALWORLD.glob("*.txt")):
        found = resolve_release_date(Document.from_text(read_draft(str(path)).text), None)
        if found is not None:
            resolved += 1
            wrong += found.date.isoformat() != manifest.get(path.name)
    assert wrong == 0 and resolved >= 100


def test_a_dated_dateline_below_a_filing_header_gives_the_release_date() -> None:
    text = (
        "Exhibit 99.1\n\nFor Immediate Release\n\nContact:\tJo Bond\n\nAcme Announces Results\n\n"
        "•\tRevenue up 5%\n\n•\tCloud revenue up 19%\n\n"
        "AUSTIN, Texas, June 13, 2022 -- Acme Corporation (NYSE: ACME) today announced results."
    )
    found = _resolve(text)
    assert (found.date, found.source) == (D(2022, 6, 13), "dateline")


def _bound(text: str, mention_text: str):
    document = Document.from_text(text)
    mention = next(m for m in _mentions_of(document) if m.text == mention_text)
    return latest_release(document, mention)


def _mentions_of(document: Document):
    return find_mentions(document.text)


UNDATED = (
    "Acme today reported results for the first quarter ended December 30, 2023. "
    "Acme will host a conference call on February 1, 2024.\n\n"
)


def test_a_plan_and_the_period_reported_today_bound_an_undated_release() -> None:
    bound = _bound(UNDATED + "Cash was $4 million as of December 31, 2026.", "December 31, 2026")
    assert bound is not None and bound.date == D(2024, 2, 1)
    # The period reported today bounds the release a year after it ends.
    text = "Acme today reported results for the quarter ended June 30, 2024.\n\nCash rose."
    bound = _bound(text + " Cash was $4 million as of June 30, 2026.", "June 30, 2026")
    assert bound is not None and bound.date == D(2025, 6, 29)


def test_a_mention_does_not_bound_itself_and_a_contradicted_bound_is_dropped() -> None:
    alone = "Acme today reported results for the quarter ended December 30, 2026.\n\nCash rose."
    assert _bound(alone, "December 30, 2026") is None
    # Another event told as done after the plan: the text contradicts itself.
    text = (
        UNDATED
        + "Acme completed the merger on March 3, 2024. Cash was $4 million as of May 1, 2024."
    )
    assert _bound(text, "May 1, 2024") is None


def test_a_letter_dated_the_day_before_fixes_a_yearless_datelines_year() -> None:
    text = (
        "NEW YORK, Jan. 4 /PRNewswire/ -- Acme released a letter.\n\nJanuary 3, 2007\n\n"
        "Dear shareholders, in 2006 we grew. Results for the year ended December 31, 2007 follow."
    )
    assert _resolve(text).date == D(2007, 1, 4)


def test_a_mistyped_year_among_many_of_the_same_day_does_not_move_the_inferred_year() -> None:
    text = (
        "CHICAGO, July 22 /PRNewswire/ -- Acme reported income for the quarter ended July 3, 2005.\n\n"
        "For the 13 Weeks Ended July 3, 2004 and June 28, 2003\n\n"
        "For the 26 Weeks Ended July 3, 2004 and June 28, 2003\n\n"
        "Balance as of July 3, 2004 and June 28, 2003"
    )
    assert _resolve(text).date == D(2004, 7, 22)


def test_a_call_at_a_time_of_day_is_a_plan_although_the_sentence_is_cut_after_am() -> None:
    text = (
        "Zenara today reported results for the quarter ended September 30, 2025.\n\n"
        "Zenara will host a conference call at 8:30 a.m. ET on November 13, 2025.\n\n"
        "The Company completed its offering on December 2, 2025."
    )
    bound = _bound(text, "December 2, 2025")
    assert bound is not None and bound.date == D(2025, 11, 13)
