"""When a cited 10-K, 10-Q or 20-F has been overtaken by a later report.

A helper of the ``filings`` kind, not a kind. Deadlines by filer category
and fiscal period come from ``checker/data/sec_forms.json`` (SEC Releases
33-8128, 33-8507, 33-8644, 33-8959); a due date on a weekend rolls to the
Monday (Exchange Act Rule 0-3), the Rule 12b-25 extension is always granted,
and a few days of margin stand in for federal holidays, so that the check
errs towards silence. The default filer category is the most lenient one.
"""

from __future__ import annotations

import calendar
import datetime

from checker.analysis.sec_data import iso, load

DAY = datetime.timedelta(days=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Add months, keeping month ends at month ends (June 30 + 3 months = Sept. 30)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return datetime.date(year, month, last if at_end else min(day.day, last))


def _roll(day: datetime.date) -> datetime.date:
    """Move a due date off a weekend to the next Monday (Rule 0-3)."""
    while day.weekday() >= 5:
        day += DAY
    return day


def _deadline_days(kind: str, category: str, period_end: datetime.date) -> int:
    """Return the days allowed after *period_end* for a report of *kind* (annual/quarterly)."""
    table = load("sec_forms")["deadlines"][kind][category]
    days = table[0][1]
    for since, allowed in table:
        start = iso(since)
        if start is not None and period_end >= start:
            days = allowed
    return days


def latest_due(kind: str, category: str, period_end: datetime.date) -> datetime.date:
    """Return the last day a report for *period_end* can be filed, extension and margin included."""
    rules = load("sec_forms")["deadlines"]
    due = _roll(period_end + datetime.timedelta(days=_deadline_days(kind, category, period_end)))
    due = _roll(due + datetime.timedelta(days=rules["late_filing_grace_days"][kind]))
    return due + datetime.timedelta(days=rules["holiday_margin_days"])


def superseded_annual(
    period_end: datetime.date, category: str, release: datetime.date
) -> datetime.date | None:
    """Return the next fiscal year's end when its annual report was due before *release*."""
    following = add_months(period_end, 12)
    return following if latest_due("annual", category, following) < release else None


def superseded_quarterly(
    period_end: datetime.date,
    category: str,
    release: datetime.date,
    fiscal_year_end: tuple[int, int] | None,
) -> datetime.date | None:
    """Return a later quarter whose 10-Q was due before *release*, or None.

    There is no 10-Q for a fiscal fourth quarter; when the fiscal year end is
    not known, the quarter six months on is used, which has a 10-Q whatever
    the fiscal year.
    """
    following = add_months(period_end, 3)
    if fiscal_year_end is None or is_fiscal_year_end(following, fiscal_year_end):
        following = add_months(period_end, 6)
    category = "non-accelerated" if category == "foreign-private" else category
    return following if latest_due("quarterly", category, following) < release else None


def is_fiscal_year_end(day: datetime.date, fiscal_year_end: tuple[int, int]) -> bool:
    """Tell whether *day* is (within a week of) the fiscal year end (52/53-week years)."""
    month, month_day = fiscal_year_end
    try:
        anchor = datetime.date(
            day.year, month, min(month_day, calendar.monthrange(day.year, month)[1])
        )
    except ValueError:
        return False
    return abs((day - anchor).days) <= 7
