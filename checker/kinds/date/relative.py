"""Date checks about what a date can be: real days, right weekdays, and the release's past or future.

Each check is a function ``(check, facts) -> Iterator[Hit]`` registered in
:data:`REPORTS` under the name a rule's ``report`` parameter uses.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.analysis.date_mentions import WEEKDAY, WEEKDAYS, DateMention
from checker.analysis.release_date import earliest_release, in_period_row, latest_release
from checker.analysis.tense import (
    FUTURE,
    PAST,
    future_context,
    sentence_of,
    sentence_readings,
    tense_of,
)
from checker.data import calendar_words
from checker.kinds.date.common import DateCheck, DateFacts, list_head, mention_hit
from checker.matching import pattern_cache, prefilter
from checker.matching.patterns import PATTERN_TIMEOUT
from checker.model import Hit

if TYPE_CHECKING:
    import regex

#: The weekdays' names, Monday first as ``date.weekday()`` counts (checker/data/calendar.json).
_DAY_NAMES = tuple(day.name for day in calendar_words.weekdays())
_ENDED = pattern_cache.compile(r"(?i)\bended\s*\Z")
#: "ended" must stand right before the date: "quarter ended  December 30" with
#: spacing fits in 20 characters, and a farther "ended" ends another phrase.
_ENDED_REACH = 20
#: A reporting period "ending" on the date: "quarter ending", "three months ending". A term
#: that runs to the date is no such period: "a program through the period ending ...".
_ENDING = pattern_cache.compile(
    r"(?i)(?<!\b(?:through|thru|until|till|by|to|expir\w*|terminat\w*)\s+(?:the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3})\b(?:quarters?|years?|months|weeks|periods?)\s+ending\s*\Z"
)
#: "quarter ending" and the spaces before the date.
_ENDING_REACH = 30
#: Results of a period, not a forecast of them, up to "ending": "results for
#: its fiscal 2027 first quarter ending" is about 45 characters.
_RESULTS_ENDING = pattern_cache.compile(
    r"(?i)(?<!\b(?:expected|anticipated|projected|estimated|forecast|guided)\s+(?:financial\s+)?)"
    r"\bresults\s+(?:for|of)\b[^.;:]{0,60}?\bending\s*\Z"
)
_RESULTS_REACH = 90
#: How far "filed ... on" may stretch: "filed with the Securities and Exchange
#: Commission on" is about 55 characters; 80 leaves room for "(the SEC)" and
#: stops before the next clause.
_FILED_GAP = 80
_FILED = pattern_cache.compile(
    rf"(?i)(?<!\bbe\s)(?<!\bbeen\s)\b(?:filed|furnished)\b[^.;]{{0,{_FILED_GAP}}}?\bon\s*\Z"
)
#: The whole "filed ... on" phrase and the spaces before the date.
_FILED_REACH = 100
# A figure "as of" a date states what was so on that day: "cash of $12 million
# as of December 31, 2026". A record, effective or expiry date may lie ahead.
_AS_OF = pattern_cache.compile(
    r"(?i)(?<!\b(?:record|effective|payable|expir\w*|valid|due|vest\w*)\s(?:[\w,]+\s){0,2})"
    r"\bas\s+(?:of|at)\s*\Z"
)
#: "as of" stands right before its date ("as of  December 31, 2026").
_AS_OF_REACH = 12
#: "today, " or "today (" stands right before its date.
_TODAY_REACH = 14
_TODAY_BEFORE = pattern_cache.compile(r"(?i)\b(?P<word>today|yesterday|tomorrow)\s*[,(]?\s*\Z")
_TODAY_WEEKDAY = pattern_cache.compile(
    rf"(?i)\b(?P<word>today|yesterday|tomorrow)\s*[,(]\s*(?P<weekday>{WEEKDAY})(?!,?\s+[A-Z][a-z]*\.?\s+\d)"
)
_THIS_MONTH = pattern_cache.compile(r"(?i)\b(?:earlier|later)\s+this\s+month\b")
_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1}


def impossible(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report days the month does not have: "June 31, 2007", "Feb. 29, 2007"."""
    for mention in facts.mentions:
        if not mention.valid and (mention.year_given or mention.weekday is not None):
            yield mention_hit(mention, year=str(mention.year) if mention.year_given else "any year")


def weekday(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a weekday that the date does not fall on ("Monday, March 6, 2007")."""
    for mention in facts.mentions:
        if mention.weekday is None or mention.first is None:
            continue
        actual = mention.first.weekday()
        if actual != mention.weekday:
            yield mention_hit(
                mention, actual=_DAY_NAMES[actual], written=_DAY_NAMES[mention.weekday]
            )


def _against_release(facts: DateFacts, wrong, bounded: bool = False) -> Iterator[Hit]:
    """Report each dated mention for which ``wrong(mention, release)`` holds.

    With no release date, a check of something that cannot be after the
    release (*bounded*) compares with the latest day the rest of the text
    allows (:func:`latest_release`), and only a mention strictly after it.
    """
    if facts.release is None:
        if bounded:
            yield from _against_bound(facts, wrong)
        return
    release = facts.release.date
    for mention in _dated(facts):
        if wrong(mention, release):
            yield mention_hit(mention, release=release.isoformat())


def _against_bound(facts: DateFacts, wrong) -> Iterator[Hit]:
    """Report a mention after the latest day the text allows the release, when ``wrong``."""
    for mention in _dated(facts):
        bound = latest_release(facts.document, mention)
        if bound is not None and mention.first > bound.date and wrong(mention, bound.date):
            yield mention_hit(mention, release=bound.describe())


def past_after_release(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report an event told as done but dated after the release."""
    return _against_release(
        facts, lambda m, release: m.first > release and _tense(facts, m) == PAST, bounded=True
    )


def future_before_release(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a plan told in the future tense but dated before the release."""
    if facts.release is None:
        return _plans_before_done(facts)
    return _against_release(
        facts, lambda m, release: m.last < release and _tense(facts, m) == FUTURE
    )


def _plans_before_done(facts: DateFacts) -> Iterator[Hit]:
    """With no release date: report a plan dated before an event the text tells as done."""
    for mention in _dated(facts):
        if _tense(facts, mention) != FUTURE:
            continue
        bound = earliest_release(facts.document, mention)
        if bound is not None and mention.last < bound.date:
            yield mention_hit(mention, release=bound.describe())


def period_not_ended(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a period said to have "ended" on or after the release date."""
    ending = _EndingReader(facts)
    return _against_release(
        facts,
        lambda m, release: (
            m.kind == "date"
            and m.first >= release
            and (
                _before(facts, m, _ENDED, _ENDED_REACH)
                or in_period_row(facts.text, m)
                or ending.told_as_ended(m, release)
            )
        ),
        bounded=True,
    )


class _EndingReader:
    """Tell whether a period "ending" on a date is told as over, not forecast.

    "ending" is guidance's word ("revenue for the year ending December 31 is
    expected to ...") but also, in many releases, a looser "ended" ("During
    the periods ending September 30, the Company reported ..."). It reads as
    "ended" when its sentence tells of results or of something done and of
    no plan or expectation; and when the results are discussed on a day the
    same sentence names, after the release, before the period ends ("a
    call on November 12, 2026 to discuss results for the quarter ending
    March 31, 2027"). The dateline's own date is no such day.

    What a sentence says is worked out once per sentence, not once per date
    in it: a run-on sentence of many dates would otherwise be read again for
    each (quadratic).
    """

    def __init__(self, facts: DateFacts) -> None:
        self.facts = facts
        self.days: list[DateMention] = []
        self.starts: list[int] = []
        self.readings: dict[tuple[int, int], frozenset[str]] = {}
        self.earliest: dict[tuple[tuple[int, int], datetime.date], datetime.date | None] = {}

    def told_as_ended(self, mention: DateMention, release: datetime.date) -> bool:
        """Tell whether *mention*, after "ending", is a period its sentence tells as over."""
        facts = self.facts
        if not _before(facts, mention, _ENDING, _ENDING_REACH):
            return False
        sentence = sentence_of(facts.document, mention.start)
        results = _before(facts, mention, _RESULTS_ENDING, _RESULTS_REACH)
        if sentence not in self.readings:
            self.readings[sentence] = sentence_readings(facts.text, sentence)
        readings = self.readings[sentence]
        if FUTURE not in readings and (results or PAST in readings):
            return True
        if results is None:
            return False
        earliest = self._earliest_end_after(sentence, release)
        return earliest is not None and earliest < mention.first

    def _earliest_end_after(
        self, sentence: tuple[int, int], release: datetime.date
    ) -> datetime.date | None:
        """Return the earliest last day of a date in the sentence that is after the release."""
        key = (sentence, release)
        if not self.earliest:  # first asked: the draft's days in order, once
            self.days = sorted(
                (mention for mention in _dated(self.facts) if mention.kind == "date"),
                key=lambda mention: mention.start,
            )
            self.starts = [mention.start for mention in self.days]
        if key not in self.earliest:
            low = bisect_left(self.starts, sentence[0])
            high = bisect_left(self.starts, sentence[1])
            ends = [day.last for day in self.days[low:high] if day.first > release]
            self.earliest[key] = min(ends) if ends else None
        return self.earliest[key]


def filed_after_release(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a filing said to have been filed or furnished on a date after the release."""
    return _against_release(
        facts,
        lambda m, release: (
            m.kind == "date" and m.first > release and _before(facts, m, _FILED, _FILED_REACH)
        ),
        bounded=True,
    )


def as_of_after_release(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a figure stated "as of" a day after the release: "cash as of December 31, 2026".

    A balance or a count as of a day can only be known once the day is past,
    so the date is a wrong year, unless the sentence looks ahead ("is
    expected to have ... as of") or the date is a record or effective date.
    """

    def wrong(mention: DateMention, release: datetime.date) -> bool:
        if mention.kind != "date" or mention.first <= release:
            return False
        head = list_head(facts, mention)
        if not _before(facts, head, _AS_OF, _AS_OF_REACH):
            return False
        return not future_context(facts.text, sentence_of(facts.document, head.start), head.start)

    return _against_release(facts, wrong, bounded=True)


def letter_after_release(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a letter or statement whose own date line is after the release date."""
    if facts.release is None:
        return
    paragraphs = set(facts.document.paragraphs)
    for mention in _dated(facts):
        if (mention.start, mention.end) in paragraphs and mention.first > facts.release.date:
            yield mention_hit(mention, release=facts.release.date.isoformat())


def today_mismatch(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report "today, March 5, 2007" or "today (Monday)" that disagree with the release date."""
    if facts.release is None:
        return
    release = facts.release.date
    for mention in _dated(facts, yearless=True):
        said = _before(facts, mention, _TODAY_BEFORE, _TODAY_REACH)
        if (
            said
            and mention.kind == "date"
            and mention.first != _shifted(release, said.group("word"))
        ):
            yield mention_hit(mention, release=release.isoformat(), word=said.group("word"))
    for match in _whole_text_matches(_TODAY_WEEKDAY, facts):
        expected = _shifted(release, match.group("word"))
        if WEEKDAYS[match.group("weekday")[:3].lower()] != expected.weekday():
            fields = {
                "match": match.group(),
                "release": release.isoformat(),
                "word": match.group("word"),
            }
            yield Hit(match.start(), match.end(), fields)
    yield from _this_month(facts, release)


def _this_month(facts: DateFacts, release: datetime.date) -> Iterator[Hit]:
    """Report "earlier this month, on <date>" where the date is in another month.

    Only a date right next to the phrase is its date: "Earlier this month,
    Acme said it would present on April 10" is about a later event. The
    dates beside each phrase are found by bisection, not by a scan of every
    date: a long draft has many of both.
    """
    phrases = list(_whole_text_matches(_THIS_MONTH, facts))
    if not phrases:
        return
    dated = list(_dated(facts, yearless=True))
    by_start = sorted(dated, key=lambda mention: mention.start)
    by_end = sorted(dated, key=lambda mention: mention.end)
    starts = [mention.start for mention in by_start]
    ends = [mention.end for mention in by_end]
    order = {id(mention): place for place, mention in enumerate(dated)}
    for match in phrases:
        after = by_start[bisect_left(starts, match.end()) : bisect_right(starts, match.end() + 6)]
        before = by_end[bisect_left(ends, match.start() - 3) : bisect_right(ends, match.start())]
        for mention in sorted(after + before, key=lambda mention: order[id(mention)]):
            other_month = (mention.first.year, mention.first.month) != (release.year, release.month)
            if mention.kind == "date" and other_month:
                fields = {
                    "match": match.group(),
                    "release": release.isoformat(),
                    "word": match.group(),
                }
                yield Hit(match.start(), match.end(), fields)
                break


def _whole_text_matches(pattern: regex.Pattern, facts: DateFacts) -> Iterator[regex.Match]:
    """Yield the matches of *pattern* in the whole draft, skipping drafts it cannot match.

    "today (Monday)" and "earlier this month" are rare, but a case-insensitive
    alternation of words is tried at every word of the draft; the strings a
    match needs ("today", "month": :mod:`checker.matching.prefilter`) are
    looked up in the draft first, in C.
    """
    if prefilter.may_match(pattern, facts.document):
        yield from pattern.finditer(facts.text, timeout=PATTERN_TIMEOUT)


def _shifted(release: datetime.date, word: str) -> datetime.date:
    """Return the day "today", "yesterday" or "tomorrow" means for the release."""
    return release + datetime.timedelta(days=_SHIFT[word.lower()])


def _dated(facts: DateFacts, yearless: bool = False) -> Iterator[DateMention]:
    """Yield the mentions with a calendar interval (no fiscal periods).

    Dates without a year are left out unless *yearless*: "On July 20, Acme
    completed ..." in a January release may be last July or this one, and
    a guess is no ground for an error.
    """
    for mention in facts.mentions:
        if mention.first is not None and not mention.fiscal and (mention.year_given or yearless):
            yield mention


def _tense(facts: DateFacts, mention: DateMention) -> str | None:
    """Return how the mention's sentence tells of it (PAST, FUTURE or None)."""
    head = list_head(facts, mention)
    sentence = sentence_of(facts.document, head.start)
    return tense_of(facts.text, sentence, head.start, mention.end)


def _before(
    facts: DateFacts, mention: DateMention, pattern: regex.Pattern, reach: int
) -> regex.Match | None:
    """Return the match of *pattern* ending right before the mention, within *reach*."""
    start = max(0, mention.start - reach)
    return pattern.search(facts.text, start, mention.start, timeout=PATTERN_TIMEOUT)


REPORTS = {
    "impossible": impossible,
    "weekday": weekday,
    "past-after-release": past_after_release,
    "future-before-release": future_before_release,
    "period-not-ended": period_not_ended,
    "filed-after-release": filed_after_release,
    "as-of-after-release": as_of_after_release,
    "letter-after-release": letter_after_release,
    "today-mismatch": today_mismatch,
}
