"""Month and weekday names: one data file (checker/data/calendar.json), read the same everywhere."""

from __future__ import annotations

import json

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from checker.analysis import date_mentions, sec_data
from checker.analysis.date_mentions import find_mentions
from checker.data import calendar_words
from checker.document import dateline
from checker.document.dateline import find_dateline
from checker.profiles import facts, pack
from tests.helpers import REPO

MONTH_FORMS = [(month.number, form) for month in calendar_words.months() for form in month.forms]
WEEKDAY_FORMS = [(day.number, form) for day in calendar_words.weekdays() for form in day.forms]


def test_the_months_are_the_twelve_in_order_each_with_its_ap_form() -> None:
    months = calendar_words.months()
    assert [month.number for month in months] == list(range(1, 13))
    assert calendar_words.month_names()[8] == "September"
    assert calendar_words.ap_abbreviations() == [
        "Jan.",
        "Feb.",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    ]


def test_the_weekdays_are_numbered_as_datetime_numbers_them() -> None:
    days = calendar_words.weekdays()
    assert [(day.number, day.name) for day in days] == [
        (0, "Monday"),
        (1, "Tuesday"),
        (2, "Wednesday"),
        (3, "Thursday"),
        (4, "Friday"),
        (5, "Saturday"),
        (6, "Sunday"),
    ]
    assert all(form.endswith(".") for day in days for form in day.abbreviations)


@pytest.mark.parametrize(("number", "form"), MONTH_FORMS)
def test_every_month_form_begins_with_the_letters_it_is_looked_up_by(
    number: int, form: str
) -> None:
    """month_number() reads a month by its first three letters ("Sept." is 9)."""
    assert date_mentions.month_number(form) == number


@pytest.mark.parametrize(("number", "form"), WEEKDAY_FORMS)
def test_every_weekday_form_begins_with_the_letters_it_is_looked_up_by(
    number: int, form: str
) -> None:
    assert calendar_words.weekday_numbers()[form[:3].lower()] == number


@pytest.mark.parametrize(("number", "form"), MONTH_FORMS)
def test_every_month_form_reads_as_a_date_in_each_place_that_reads_dates(
    number: int, form: str
) -> None:
    date = f"{form} 5, 2007"
    (mention,) = find_mentions(f"The trial began on {date} in Boston.")
    assert (mention.text, mention.month) == (date, number)
    found = find_dateline(f"NEW YORK, {date} /PRNewswire/ -- Acme Corp. today announced", 0)
    assert found is not None and found.date_text == date
    assert regex.fullmatch(sec_data.MONTH_DAY_YEAR, date)


@pytest.mark.parametrize(("number", "form"), WEEKDAY_FORMS)
def test_every_weekday_form_reads_as_the_weekday_of_a_date(number: int, form: str) -> None:
    (mention,) = find_mentions(f"The call is on {form}, March 6, 2007 at 9 a.m.")
    assert mention.weekday == number


@pytest.mark.parametrize("word", ["Sepember", "Janu", "Febr", "Thurday"])
def test_a_misspelt_month_or_weekday_is_read_nowhere(word: str) -> None:
    assert not regex.fullmatch(calendar_words.month_pattern(capitals=True), word)
    assert not regex.fullmatch(calendar_words.weekday_pattern(), word)


def test_only_date_mentions_read_full_names_in_capitals() -> None:
    """The one difference between the places, stated by argument, not by a second list."""
    (mention,) = find_mentions("FOR THE YEAR ENDED DECEMBER 31, 2006")
    assert mention.month == 12
    assert not regex.fullmatch(dateline.MONTH, "DECEMBER")
    assert not regex.fullmatch(sec_data.MONTH_DAY_YEAR, "DECEMBER 5, 2007")


def test_the_date_patterns_are_built_from_the_data_file() -> None:
    assert calendar_words.month_pattern() == dateline.MONTH
    assert calendar_words.month_pattern(capitals=True) == date_mentions.MONTH
    assert calendar_words.weekday_pattern() == date_mentions.WEEKDAY
    assert sec_data.MONTH_DAY_YEAR.startswith(calendar_words.month_pattern() + r"\s")
    assert calendar_words.month_numbers() == date_mentions.MONTHS
    assert calendar_words.weekday_numbers() == date_mentions.WEEKDAYS
    months = "|".join(calendar_words.month_names())
    assert months in facts._FISCAL_YEAR_END.pattern
    assert any(months + r"|Jan\.|Feb\." in variable for variable in pack.VARIABLE_PATTERNS)


#: Code that still spells month or weekday names itself, and why (each to move here in time).
KNOWN_COPIES = {
    "checker/document/segments.py",  # abbreviations that do not end a sentence ("Jan", "Sept")
    "checker/analysis/ticker_mentions.py",  # month names that cannot be an exchange's name
}
_NAME_RUN = regex.compile(
    r"(?i)\bjan\w*\W{1,12}feb\w*\W{1,12}mar\w*|\bmon\w*\W{1,12}tue\w*\W{1,12}wed\w*"
)


def test_no_other_module_spells_out_its_own_month_or_weekday_names() -> None:
    """A run of names ("Jan|Feb|Mar", "Monday", "Tuesday", "Wednesday") belongs in calendar.json."""
    spelling = {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "checker").rglob("*.py")
        if _NAME_RUN.search(path.read_text(encoding="utf-8"))
    }
    assert spelling == KNOWN_COPIES


_WORDS = st.lists(st.text(alphabet="aAb.é\\(", min_size=1, max_size=5), min_size=1, max_size=6)


@given(words=_WORDS, probe=st.text(alphabet="aAb.é\\(", max_size=6))
def test_an_alternation_matches_exactly_its_words_the_longest_first(
    words: list[str], probe: str
) -> None:
    pattern = regex.compile(calendar_words.alternation(words))
    assert bool(pattern.fullmatch(probe)) == (probe in words)
    prefixes = [word for word in words if probe.startswith(word)]
    match = pattern.match(probe)
    assert (match.end() if match else None) == (max(map(len, prefixes)) if prefixes else None)


def test_the_month_style_rule_lists_the_ap_forms_of_the_data_file() -> None:
    """rules/dates.json still carries its own ap_months (its kind reads them); they must not drift."""
    pack = json.loads((REPO / "rules" / "dates.json").read_text(encoding="utf-8"))
    (rule,) = [rule for rule in pack["rules"] if rule["id"] == "dates.dateline-month-style"]
    expected = {str(month.number): month.ap for month in calendar_words.months()}
    assert rule["check"]["ap_months"] == expected
