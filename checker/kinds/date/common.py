"""What every date check shares: the compiled check and the facts it reads.

The facts (release date and date mentions) are worked out once per
document and kept on it, because every rule of the ``dates`` pack reads
the same ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.analysis.date_mentions import DateMention, find_mentions
from checker.analysis.release_date import ReleaseDate, resolve_release_date
from checker.document.model import Document, per_document
from checker.matching import pattern_cache
from checker.model import Hit

if TYPE_CHECKING:
    import regex


class DateCheck(NamedTuple):
    """A compiled ``date`` check: which report, its excuses and its data."""

    report: str
    unless: tuple[regex.Pattern, ...]
    data: dict[str, Any]


@dataclass
class DateFacts:
    """What every date check reads: the document, its release date and its mentions."""

    document: Any
    release: ReleaseDate | None
    mentions: list[DateMention]
    #: Where each mention stands in :attr:`mentions`, by its span: list_head walks back from it.
    positions: dict[tuple[int, int], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.positions = {}
        for index, mention in enumerate(self.mentions):
            self.positions.setdefault((mention.start, mention.end), index)

    @property
    def text(self) -> str:
        """Return the text the checks read."""
        return self.document.text


@per_document
def facts_of(document: Document, given: str | None) -> DateFacts:
    """Return the release date and the date mentions of *document*, once per draft."""
    release = resolve_release_date(document, given)
    mentions = find_mentions(document.text, near=release.date if release else None)
    return DateFacts(document, release, mentions)


_LIST_GAP = pattern_cache.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and|or)\s*")


def list_head(facts: DateFacts, mention: DateMention) -> DateMention:
    """Return the first date of the list a mention ends ("August 2022, May 2023 and June 2024").

    The words before a list govern every date in it.
    """
    index = facts.positions[(mention.start, mention.end)]
    head = mention
    while index > 0:
        previous = facts.mentions[index - 1]
        if not _LIST_GAP.fullmatch(facts.text, previous.end, head.start):
            break
        head, index = previous, index - 1
    return head


def mention_hit(mention: DateMention, **fields: str) -> Hit:
    """Return a hit on a mention, with its text as ``{match}``."""
    return Hit(mention.start, mention.end, {"match": mention.text, **fields})
