"""The release date: from the dateline, a header line, --date, or a year inferred from the body."""

from __future__ import annotations

import csv
import datetime

import pytest

from checker.analysis.release_date import infer_year, parse_month_day, resolve_release_date
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
