"""A real word slipped into a name the release repeats: "Orlen Medial Systems" beside "Orlen Medical Systems" x4.

Every word of such a slip is English ("medial" is a word), so no check of
single words can see it; only the name around it shows it. Names are read
as runs of capitalised words joined by single spaces, and compared as pairs
of neighbouring words: a pair written once that differs from a pair the
release writes twice or more in one word, by one edit, is a slip of it.

Not a slip when the two words differ at the end only ("Holding" and
"Holdings", "America" and "American", "Officer" and "OfficerB"): inflections,
demonyms and footnote marks, not misspellings. Both words must be four
letters or more and known words (a non-word is the single-word reports'),
and not both names of people or places ("Mark Jones" and "Mary Jones").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import chain
from typing import NamedTuple

from checker.analysis import vocabulary
from checker.analysis.words import Words, is_unknown
from checker.kinds.lexicon.match import distance
from checker.matching import pattern_cache

#: The shortest word compared: at three letters one edit makes another word too often.
_MIN_LETTERS = 4


class PhraseSlip(NamedTuple):
    """One occurrence of a word that breaks a name the release repeats."""

    start: int
    end: int
    expected: str  # the word as the repeated name writes it


def phrase_slips(words: Words) -> Iterator[PhraseSlip]:
    """Yield each word written once inside a name the release repeats otherwise, by one edit.

    Names are compared as pairs of neighbouring words: a slip in a longer
    name ("Orlen Medial Systems") is also a slip in a pair ("Orlen Medial"
    beside "Orlen Medical"), and a repeated longer name repeats its pairs.
    """
    runs = _runs(words.text)
    pairs = Counter(chain.from_iterable(zip(said, said[1:]) for _offset, _written, said in runs))
    after: dict[str, list[str]] = defaultdict(list)  # "Orlen" -> ["Medical"]: what follows it
    before: dict[str, list[str]] = defaultdict(list)  # "Systems" -> ["Medical"]: what precedes it
    for (left, right), count in pairs.items():
        if count >= 2:
            after[left].append(right)
            before[right].append(left)
    if not after:
        return
    reported: set[int] = set()
    for offset, written, said in runs:
        for index, (left, right) in enumerate(zip(said, said[1:])):
            if pairs[left, right] != 1:
                continue
            for place, word, others in (
                (index + 1, right, after.get(left, ())),
                (index, left, before.get(right, ())),
            ):
                for other in others:
                    if _slip_of(word, other):
                        start = offset + sum(len(part) + 1 for part in written[:place])
                        if start not in reported and _in_scope(words, word, start):
                            reported.add(start)
                            yield PhraseSlip(start, start + len(word), other)


#: A run of capitalised words: where it starts, its words as written, and as compared.
Run = tuple[int, list[str], list[str]]


def _runs(text: str) -> list[Run]:
    """Return the runs of two or more capitalised words one space apart.

    Found by one pattern over the text and split at their spaces; a word is
    compared without its possessive ("Medical’s"). A word glued to a letter,
    digit or hyphen before or after the run ("iPhone", "Form S-3") is no word
    of a name. A Python pass building every word's span cost most of the
    check's time: spans are worked out only for the slips.
    """
    runs: list[Run] = []
    for run in _RUN.finditer(text):
        written = run.group().split(" ")
        offset = run.start()
        if offset > 0 and _glued(text[offset - 1]):
            offset += len(written[0]) + 1
            written = written[1:]
        if _glued(text[run.end() : run.end() + 1]):
            written = written[:-1]
        if len(written) < 2:
            continue
        possessive = "'" in run.group() or "’" in run.group()
        said = [_without_possessive(word) for word in written] if possessive else written
        runs.append((offset, written, said))
    return runs


def _glued(char: str) -> bool:
    """Tell whether a character next to a run makes its end word part of another ("iPhone", "S-3")."""
    return bool(char) and (char.isalnum() or char == "-")


def _without_possessive(word: str) -> str:
    """Return a word without its possessive ("Medical’s", "Systems’"): names compare so, fixes keep it."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’")


#: Two or more capitalised words one space apart (possessive repeats: a word never gives back
#: a letter, so the engine keeps no backtracking state).
_RUN = pattern_cache.compile(r"\p{Lu}[\p{L}'’]*+(?: \p{Lu}[\p{L}'’]*+)+")


def _in_scope(words: Words, word: str, start: int) -> bool:
    """Tell whether the rule reads the word at *start*: its words hold it (not a URL's or the legend's)."""
    return any(low == start for low, _high in words.spans.get(word.lower(), ()))


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
