"""Tell how a sentence speaks of a date: as done (past), as planned (future), or neither.

"The Company reported data at the June 2026 meeting" tells of a done
event; "we expect to report data by June 2026" of a plan. The word that
governs a date is the nearest tense marker before it in its clause; a
sentence that opens with the date ("On March 3, 2007, Callisto completed
...") is governed by the first marker after it. Words that set a deadline
or an effective date ("by", "until", "effective") between the marker and
the date make the reading unsure, and unsure readings are never reported.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from checker.document.model import Document, per_document
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT

if TYPE_CHECKING:
    import regex

PAST = "past"
FUTURE = "future"

# Completed-action verbs (rule dates.past-event-after-release). "was",
# "were" and "had" are left out: "was scheduled", "had planned".
_PAST = (
    r"announced|reported|presented|completed|received|closed|held|dosed|enrolled|"
    r"initiated|launched|submitted|filed|published|hosted|signed|achieved|began|"
    r"started|commenced|concluded|randomi[sz]ed|acquired|raised|issued|granted|"
    r"approved|cleared|opened|released|delivered|became|joined|appointed|named|"
    r"elected|occurred|took\s+place|finished|treated|met|attended|showed|demonstrated|"
    r"entered\s+into"
)
# Plans and expectations, modal verbs, and words that look ahead.
_FUTURE = (
    r"will|shall|would|could|(?-i:may)|might|should|plans?|planned|planning|expects?|"
    r"expected|expecting|anticipates?|anticipated|intends?|intended|scheduled|"
    r"upcoming|aims?|targets?|targeted|guidance|outlook|"
    r"hopes?|seeks?|goals?|next|to\s+be|on\s+track|"
    r"remains?|continues?|prepar(?:es|ing)|looks?\s+forward|tomorrow"
)
# Deadline, period and effective-date words: the date is not the event's.
_UNSURE = (
    r"by|until|through|thru|ending|ended|before|after|following|within|since|"
    r"effective|as\s+of|expir\w*|due|payable|record|beginning|starting|from|"
    r"compared|versus|vs|prior|previous(?:ly)?|last|same|original(?:ly)?|"
    r"than|as\s+early\s+as|no\s+later|deadline|anniversary|inception|close\s+of\s+business|"
    r"outstanding|valid|vest(?:s|ing)?|estimate[sd]?|forecasts?|projected|projects|valued|"
    r"market|sales|revenues?"
)
# A deadline right before the date, after a plan, still looks ahead:
# "expects to complete by the end of June 2006".
_DEADLINE = pattern_cache.compile(r"(?i)by|until|before|no\s+later")
_DEADLINE_TAIL = pattern_cache.compile(
    r"(?i)\s*(?:than\s+)?(?:the\s+)?(?:(?:end|close|middle|start|beginning)\s+of\s+(?:the\s+)?)?\Z"
)
# A date names when something happens only after a preposition of time
# ("in June 2026", "at the June 2026 meeting"); "its fourth quarter 2025
# results" names what is reported, not when.
_TIME_PREPOSITION = pattern_cache.compile(
    r"(?i)\b(?:in|during|on|by|at|before|until|through|from|since|within|as\s+of)\s+"
    r"(?:(?:the|its|our|their)\s+)?"
    r"(?:(?:end|close|middle|start|beginning|course|first\s+half|second\s+half)\s+of\s+(?:the\s+)?)?\Z"
)
# "data from the trial on September 28": "from" names where data come from, not when a
# period starts (a trial is not a day), so the verb before it governs the date.
_SOURCE = pattern_cache.compile(
    r"(?i)from\s+(?:the|its|our|their|this|that|these|both|each)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:trials?|study|studies|cohorts?|analys[ie]s)\b"
)
# A plan told as past ("were expected in 2006", "as previously planned") is
# history, not a plan: the date is neither a lapsed plan nor a done event.
_PAST_PLAN = (
    r"(?:was|were|had(?:\s+been)?|as(?:\s+(?:previously|originally))?|previously|originally|initially)\s+"
    r"(?:expected|anticipated|planned|scheduled|intended|targeted|guided|projected)"
)
_MARKER = pattern_cache.compile(
    rf"(?i)\b(?:(?P<unsure>{_PAST_PLAN})|(?P<future>(?:to|will|would|shall|may|can|could|must|should)\s+(?:be|have\s+been)\s+(?:{_PAST}))|"
    rf"(?P<past>{_PAST})|(?P<future>{_FUTURE})|(?P<unsure>{_UNSURE}))\b"
)
# A relative clause ("..., under which Orion will provide") tells of the noun
# before it, not of the date before it: it ends the date's clause both ways.
_RELATIVE = r"(?:(?:under|pursuant\s+to|in|by|through|with|for|of)\s+)?(?:which|whom)|whereby|wherein|who|while|and|whereas"
_CLAUSE_BREAK = pattern_cache.compile(
    rf"[;:]|--|[.!?]\s*\n|\n\s*[*•●▪·-]\s|\s[—–]\s|\(|\)|\bbut\b|,\s+(?:{_RELATIVE})\b"
)
# A closed parenthesis before the date ("Orion Chemicals Holdings (NYSE: ORCH)
# on June 12, 2025") is an aside inside the clause, not the clause's start.
_PARENTHETICAL = pattern_cache.compile(r"\([^()]*\)")
_PHRASE_WORD = pattern_cache.compile(r"[\w$%.,'’-]+")  # a word of an event's phrase
_DETERMINER = pattern_cache.compile(
    r"(?i)\b(?:a|an|the|its|our|their|his|her|this|these|those|each|any|all|other|newly|recently|"
    r"first|second|two|three|\d+)\s+\Z"
)
#: How far before a participle its determiner ends: "recently " is the longest word.
_DETERMINER_REACH = 24
_PASSIVE_LINKS = frozenset(
    ["with", "to", "by", "at", "in", "on", "for", "from", "of", "as", "into", "under"]
)
#: How far back from a date its governing verb is looked for: about 15 words,
#: the reach of one clause in release prose ("initiated a Phase I trial of
#: L-Annamycin in ..."); a verb further back governs something else.
_LOOKBACK = 90
#: How far after a date that opens a sentence its verb is looked for ("On
#: March 3, 2007, Callisto completed ..."): the same one clause.
_LOOKAHEAD = 90
#: How far before a date its preposition of time must end ("in", "at the
#: start of"): the longest such phrase, "at the beginning of the second half
#: of the" with spacing, is under 60 characters.
_PREPOSITION_REACH = 60


def sentence_of(document: Document, offset: int) -> tuple[int, int]:
    """Return the span of the sentence holding *offset* (the paragraph's when none).

    A bisection over the sentence starts, which are listed once per draft:
    the date checks ask for the sentence of every mention.
    """
    sentences = document.sentences
    index = bisect.bisect_right(_sentence_starts(document), offset) - 1
    if index >= 0 and offset < sentences[index][1]:
        return sentences[index]
    return (offset, offset)


@per_document
def _sentence_starts(document: Document) -> list[int]:
    """Return where each sentence of the draft starts, in order, once per draft."""
    return [start for start, _end in document.sentences]


def tense_of(text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """Return PAST or FUTURE for the date at ``text[start:end]``, or None when unsure."""
    before = _clause_before(text, sentence, start)
    if not _TIME_PREPOSITION.search(before[-_PREPOSITION_REACH:]):
        return None
    found = _last_marker(before)
    if found is not None:
        return found
    if before.strip(' ,\n"“').lower() in ("on", "in", "at", "during"):
        return _first_marker(text[end : min(sentence[1], end + _LOOKAHEAD)])
    return None


def future_context(text: str, sentence: tuple[int, int], start: int) -> bool:
    """Tell whether any planning or modal word comes before *start* in its sentence."""
    before = text[sentence[0] : start]
    for match in _MARKER.finditer(before, timeout=PATTERN_TIMEOUT):
        if match.group("future"):
            return True
    return False


def sentence_readings(text: str, sentence: tuple[int, int]) -> frozenset[str]:
    """Return the tenses the markers of a whole sentence read as (PAST, FUTURE, both or none).

    A period "ending" on a day is guidance's phrase ("revenue for the year
    ending December 31 is expected to ...") and, in many releases, a looser
    "ended" ("During the periods ending September 30, the Company
    reported ..."). Which one it is shows anywhere in the sentence, after the
    date as well as before it. A past participle used as an adjective ("a
    randomized trial") is no marker.
    """
    readings = set()
    for marker in _MARKER.finditer(text, sentence[0], sentence[1], timeout=PATTERN_TIMEOUT):
        reading = _reading(marker)
        if reading is None:
            continue
        floor = max(sentence[0], marker.start() - _DETERMINER_REACH)
        determined = _DETERMINER.search(text, floor, marker.start(), timeout=PATTERN_TIMEOUT)
        if not (marker.group("past") and determined):
            readings.add(reading)
    return frozenset(readings)


def _clause_before(text: str, sentence: tuple[int, int], start: int) -> str:
    """Return the words of the date's clause before *start*, asides blanked out.

    A closed parenthesis ("(NYSE: ORCH)", "(the “Agreement”)") is blanked
    with spaces of its length, so that neither its colon nor its brackets
    end the clause: otherwise the clause would seem to open with the date,
    and a verb after it ("under which Orion will provide") would be taken
    for the date's.
    """
    floor = max(sentence[0], start - _LOOKBACK)
    window = _PARENTHETICAL.sub(lambda match: " " * len(match.group()), text[floor:start])
    begin = 0
    for match in _CLAUSE_BREAK.finditer(window, timeout=PATTERN_TIMEOUT):
        begin = match.end()
    return window[begin:]


def _last_marker(before: str) -> str | None:
    """Return the tense of the last marker in *before* (None if unsure or none)."""
    markers = list(_MARKER.finditer(before, timeout=PATTERN_TIMEOUT))
    if not markers:
        return None
    markers = [
        marker
        for marker in markers
        if not _adjective(before, marker) and not _SOURCE.match(before, marker.start())
    ]
    if not markers:
        return None
    last = markers[-1]
    if last.group("past") and any(_reading(marker) == FUTURE for marker in markers[:-1]):
        return None  # "plans to begin a trial that enrolled ...": the plan frames the date
    tail = before[last.end() :]
    deadline = (
        last.group("unsure")
        and _DEADLINE.fullmatch(last.group())
        and _DEADLINE_TAIL.fullmatch(tail)
    )
    if deadline and len(markers) > 1 and _reading(markers[-2]) == FUTURE:
        return FUTURE
    return _reading(last)


def _adjective(text: str, marker: regex.Match) -> bool:
    """Tell whether a past participle is used as an adjective ("a randomized trial")."""
    return bool(
        marker.group("past")
        and _DETERMINER.search(text, 0, marker.start(), timeout=PATTERN_TIMEOUT)
    )


def _first_marker(after: str) -> str | None:
    """Return the tense of the first marker in *after*, up to the clause's end."""
    cut = _CLAUSE_BREAK.search(after, timeout=PATTERN_TIMEOUT)
    segment = after[: cut.start()] if cut else after
    return _reading(_MARKER.search(segment, timeout=PATTERN_TIMEOUT))


def _reading(match: regex.Match | None) -> str | None:
    """Map a marker match to PAST, FUTURE or None."""
    if match is None or match.group("unsure"):
        return None
    return PAST if match.group("past") else FUTURE


def event_phrase(text: str, sentence: tuple[int, int], start: int) -> str | None:
    """Return the words from the verb that governs a date up to its preposition.

    "Callisto initiated a Phase I trial of L-Annamycin in December 2005"
    gives "initiated a phase i trial of l-annamycin". None when no tense
    marker governs the date or the phrase is too short to name an event.
    """
    before = _clause_before(text, sentence, start)
    preposition = _TIME_PREPOSITION.search(before)
    if not preposition:
        return None
    markers = list(_MARKER.finditer(before, 0, preposition.start(), timeout=PATTERN_TIMEOUT))
    if not markers or _reading(markers[-1]) is None:
        return None
    words = _PHRASE_WORD.findall(before[markers[-1].start() : preposition.start()].lower())
    words = [word.strip(".,") for word in words if word.strip(".,")]
    if len(words) < 4 or words[1] in _PASSIVE_LINKS:
        return None  # "filed with the SEC": the event's object came before the verb
    return " ".join(words)
