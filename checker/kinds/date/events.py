"""Date check: the same event dated differently in two places of one release.

Kept narrow on purpose (false alarms are costly): two dates count as the
same event only when the words from the governing verb to the date are the
same ("initiated a Phase I trial of L-Annamycin in ..."), and they conflict
only when the periods they name do not overlap ("December 2005" and "4Q
2005" agree; "December 2005" and "1Q 2006" do not).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis.date_mentions import DateMention
from checker.analysis.tense import event_phrase, sentence_of
from checker.kinds.date.common import DateCheck, DateFacts, mention_hit
from checker.model import Hit


def conflicting_dates(check: DateCheck, facts: DateFacts) -> Iterator[Hit]:
    """Report a date that disagrees with an earlier date of the same event."""
    seen: dict[str, DateMention] = {}
    for mention in facts.mentions:
        if mention.first is None or mention.fiscal or not mention.year_given:
            continue
        phrase = event_phrase(facts.text, sentence_of(facts.document, mention.start), mention.start)
        if phrase is None:
            continue
        earlier = seen.get(phrase)
        if earlier is None:
            seen[phrase] = mention
        elif mention.first > earlier.last or mention.last < earlier.first:
            yield mention_hit(mention, other=earlier.text, event=phrase)


REPORTS = {"conflicting-dates": conflicting_dates}
