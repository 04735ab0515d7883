"""Date mentions (checker/date_mentions.py) and how sentences tell of them (checker/date_context.py)."""

from __future__ import annotations

import datetime

import pytest
import regex

from checker.analysis import date_mentions
from checker.analysis.date_mentions import find_mentions, nearest_year
from checker.analysis.tense import FUTURE, PAST, event_phrase, tense_of

D = datetime.date


def _one(text: str, near: datetime.date | None = None):
    found = find_mentions(text, near=near)
    assert len(found) == 1, [mention.text for mention in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "first", "last"),
    [
        ("on Tuesday, March 6, 2007 we met", "date", D(2007, 3, 6), D(2007, 3, 6)),
        ("in December 2005", "month", D(2005, 12, 1), D(2005, 12, 31)),
        ("in December, 2005", "month", D(2005, 12, 1), D(2005, 12, 31)),
        ("in Dec. 2006", "month", D(2006, 12, 1), D(2006, 12, 31)),
        ("in 1Q 2007", "quarter", D(2007, 1, 1), D(2007, 3, 31)),
        ("in Q1 2007", "quarter", D(2007, 1, 1), D(2007, 3, 31)),
        ("in Q3'07", "quarter", D(2007, 7, 1), D(2007, 9, 30)),
        ("in 4Q05", "quarter", D(2005, 10, 1), D(2005, 12, 31)),
        ("in the first quarter of 2007", "quarter", D(2007, 1, 1), D(2007, 3, 31)),
        ("First-quarter 2022 sales", "quarter", D(2022, 1, 1), D(2022, 3, 31)),
        ("fourth quarter and full year 2024 results", "quarter", D(2024, 10, 1), D(2024, 12, 31)),
        ("in 2H 2026", "half", D(2026, 7, 1), D(2026, 12, 31)),
        ("in H1 2026", "half", D(2026, 1, 1), D(2026, 6, 30)),
        ("in the second half of 2026", "half", D(2026, 7, 1), D(2026, 12, 31)),
        ("on 2 July 2026", "date", D(2026, 7, 2), D(2026, 7, 2)),
        ("held June 18-19, 2026 in Boston", "date", D(2026, 6, 18), D(2026, 6, 19)),
        ("on May 21st, 2025", "date", D(2025, 5, 21), D(2025, 5, 21)),
        ("by the end of 2026", "year", D(2026, 1, 1), D(2026, 12, 31)),
        ("in mid-2026 and beyond", "year", D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_mentions_name_their_calendar_interval(text, kind, first, last) -> None:
    mention = _one(text)
    assert (mention.kind, mention.first, mention.last) == (kind, first, last)


@pytest.mark.parametrize(
    "text", ["fiscal 2007", "FY2007", "the third quarter of fiscal 2025", "Q1 Fiscal 2023"]
)
def test_fiscal_periods_have_no_calendar_interval(text) -> None:
    mention = _one(text)
    assert mention.fiscal and mention.first is None and mention.year in (2007, 2025, 2023)


def test_weekday_is_read_and_impossible_days_are_marked() -> None:
    assert _one("on Monday, March 6, 2007").weekday == 0
    bad = _one("on February 30, 2007")
    assert not bad.valid and bad.first is None
    assert _one("on Feb. 29, 2008").valid


def test_yearless_date_takes_the_year_nearest_the_release() -> None:
    assert _one("on Dec. 28", near=D(2007, 1, 4)).first == D(2006, 12, 28)
    assert _one("on March 8", near=D(2007, 3, 5)).first == D(2007, 3, 8)
    assert nearest_year(1, 5, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "In May 31 patients were dosed.",
        "In April 31 patients were dosed.",
        "Form 10-K 2007",
        "a total of 2000 patients",
        "in 2025 patients",
    ],
)
def test_numbers_after_a_month_are_not_yearless_dates(text) -> None:
    assert find_mentions(text, near=D(2007, 3, 5)) == []


def test_the_quick_openings_of_the_mention_pattern_change_no_match() -> None:
    """_MENTION's look-aheads only save time: without them it matches the same."""
    text = (
        "On Tuesday, March 6, 2007 and Tues. the 6th; WEDNESDAY; 2 July 2026, 12 JUNE 2025; "
        "JANUARY 5, 2007; Sept. 30 and Dec. 2006; December, 2005. 1Q 2007, Q3'07, 4Q05, "
        "Q1 Fiscal 2023, H1 2026, 2H FY26, first quarter of 2007, FIRST-QUARTER 2022, "
        "Fourth quarter and full year 2024, ſecond quarter 2007, the second half of fiscal 2026, "
        "fiscal year 2007, FISCAL 2008, FY2007, in 2026 and by mid-2026, ٥ March 2026, "
        "a/March 5, 10-K 2007, 31 patients in May 31 patients, June 18-19, 2026 at noon."
    )
    plain = regex.compile(r"(?<![\w/])" + date_mentions._MENTION_BODY, regex.VERBOSE)

    def spans(pattern):
        return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]

    assert len(spans(plain)) > 25
    assert spans(date_mentions._MENTION) == spans(plain)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Company reported data at the June 2026 meeting.", PAST),
        ("On March 3, 2026, the Company completed enrollment.", PAST),
        ("Acme completed enrollment in March 2026.", PAST),
        ("Acme will host a call on March 1, 2007.", FUTURE),
        ("Acme expects to start the trial by the end of 2006.", FUTURE),
        ("The conference, to be held April 8-9, 2025, is in Las Vegas.", None),
        ("Data is expected to be announced in December 2025.", FUTURE),
        ("We expect to report data by June 2026.", FUTURE),
        ("Acme will report its fourth quarter and full year 2025 results.", None),
        ("Notes issued in August 2022 were converted.", PAST),
        ("Shares held at the close of business on March 18, 2024 will receive one share.", None),
        ("The split is effective on October 18, 2024.", None),
    ],
)
def test_tense_of_a_date_follows_the_verb_that_governs_it(sentence, expected) -> None:
    mention = find_mentions(sentence)[-1]
    assert tense_of(sentence, (0, len(sentence)), mention.start, mention.end) == expected


def test_event_phrase_needs_a_verb_and_an_object() -> None:
    text = "Callisto initiated a Phase I trial of L-Annamycin in December 2005."
    mention = find_mentions(text)[0]
    assert (
        event_phrase(text, (0, len(text)), mention.start)
        == "initiated a phase i trial of l-annamycin"
    )
    filed = "The Form 10-Q was filed with the SEC on May 8, 2026."
    assert event_phrase(filed, (0, len(filed)), find_mentions(filed)[0].start) is None
