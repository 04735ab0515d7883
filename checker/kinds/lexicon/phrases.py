"""A real word slipped into a name the release repeats: "Orlen Medial Systems" beside "Orlen Medical Systems" x4.

Every word of such a slip is English ("medial" is a word), so no check of
single words can see it; only the name around it shows it. Names are read
as runs of capitalised words joined by single spaces, and compared as runs
of two and three words: a run written once that differs from a run the
release writes twice or more in one word, by one edit, is a slip of it.

Not a slip when the two words differ at the end only ("Holding" and
"Holdings", "America" and "American", "Officer" and "OfficerB"): inflections,
demonyms and footnote marks, not misspellings. Both words must be four
letters or more and known words (a non-word is the single-word reports'),
and not both names of people or places ("Mark Jones" and "Mary Jones").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from checker.analysis import vocabulary
from checker.analysis.words import Words, is_unknown
from checker.kinds.lexicon.match import distance
from checker.matching import pattern_cache

Span = tuple[int, int]

#: Runs of this many words are compared: two ("Orlen Medial") and three ("Orlen Medial Systems").
_RUN_LENGTHS = (2, 3)
#: The shortest word compared: at three letters one edit makes another word too often.
_MIN_LETTERS = 4


class PhraseSlip(NamedTuple):
    """One occurrence of a word that breaks a name the release repeats."""

    start: int
    end: int
    expected: str  # the word as the repeated name writes it


def phrase_slips(words: Words) -> Iterator[PhraseSlip]:
    """Yield each word written once inside a name the release repeats otherwise, by one edit."""
    grams = _grams(words)
    repeated = _repeated_by_gap(grams)
    reported: set[int] = set()
    for key, places in grams.items():
        if len(places) != 1:
            continue
        for index, word in enumerate(key):
            for other in repeated.get(_gap(key, index), ()):
                start, end = places[0][index]
                if start in reported or not _in_scope(words, word, start):
                    continue
                if _slip_of(word, other):
                    reported.add(start)
                    yield PhraseSlip(start, end, other)


def _in_scope(words: Words, word: str, start: int) -> bool:
    """Tell whether the rule reads the word at *start*: its words hold it (not a URL's or the legend's)."""
    return any(low == start for low, _high in words.spans.get(word.lower(), ()))


def _grams(words: Words) -> dict[tuple[str, ...], list[tuple[Span, ...]]]:
    """Return every run of two and three capitalised words, by its words, with where each stands.

    Runs are found by one pattern over the text and split at their spaces:
    a Python pass over the draft's ~1,500 word occurrences cost 0.4 ms a
    release. A word glued to a letter, digit or hyphen before or after it
    ("iPhone", "Form S-3") is no word of a name.
    """
    text = words.text
    grams: dict[tuple[str, ...], list[tuple[Span, ...]]] = defaultdict(list)
    for run in _RUN.finditer(text):
        spans = _word_spans(text, run.start(), run.group())
        if run.start() > 0 and _GLUED.match(text, run.start() - 1):
            spans = spans[1:]
        if _GLUED.match(text, run.end()):
            spans = spans[:-1]
        said = [text[low:high] for low, high in spans]
        for length in _RUN_LENGTHS:
            for first in range(len(spans) - length + 1):
                last = first + length
                grams[tuple(said[first:last])].append(tuple(spans[first:last]))
    return grams


def _word_spans(text: str, start: int, run: str) -> list[Span]:
    """Return the spans of a run's words, found by splitting at its single spaces."""
    spans = []
    for word in run.split(" "):
        end = start + len(word)
        spans.append(_stem(text, (start, end)) if word[-1] in "'’s" else (start, end))
        start = end + 1
    return spans


#: Two or more capitalised words one space apart (possessive repeats: a word never gives back
#: a letter, so the engine keeps no backtracking state).
_RUN = pattern_cache.compile(r"\p{Lu}[\p{L}'’]*+(?: \p{Lu}[\p{L}'’]*+)+")
#: What a name's word cannot touch: a letter, a digit or a hyphen.
_GLUED = pattern_cache.compile(r"[\p{L}\p{N}-]")


def _stem(text: str, span: Span) -> Span:
    """Return the span of a word without its possessive ("Medical’s"): names compare so, fixes keep it."""
    start, end = span
    if text[end - 2 : end] in ("'s", "’s"):
        return start, end - 2
    if text[end - 1 : end] in ("'", "’"):
        return start, end - 1
    return span


def _repeated_by_gap(
    grams: dict[tuple[str, ...], list[tuple[Span, ...]]],
) -> dict[tuple[str, ...], list[str]]:
    """Map each repeated run, one word blanked, to the words that fill the blank."""
    by_gap: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, places in grams.items():
        if len(places) >= 2:
            for index, word in enumerate(key):
                by_gap[_gap(key, index)].append(word)
    return by_gap


def _gap(key: tuple[str, ...], index: int) -> tuple[str, ...]:
    """Return a run's words with the one at *index* blanked: what a slip and its name share."""
    return key[:index] + ("",) + key[index + 1 :]


def _slip_of(word: str, other: str) -> bool:
    """Tell whether *word* is a one-edit slip of *other*, both known words, not a variant of it."""
    lower, other_lower = word.lower(), other.lower()
    if min(len(lower), len(other_lower)) < _MIN_LETTERS or lower == other_lower:
        return False
    if lower.startswith(other_lower) or other_lower.startswith(lower):
        return False  # "Holding" and "Holdings", "America" and "American"
    if is_unknown(lower) or is_unknown(other_lower):
        return False  # a non-word is the single-word reports'
    if vocabulary.is_known_name(lower) and vocabulary.is_known_name(other_lower):
        return False  # "Mark Jones" and "Mary Jones": two people; "North Dakota" and "South ...": places
    return distance(lower, other_lower) == 1
