"""Near misses: Damerau-Levenshtein distance, allowed edits scaled by length.

A transposition ("Annamcyin"), a dropped, doubled or changed letter each
count one edit. Short words get no edits (too many real words lie one
letter apart), longer ones one edit per ``letters_per_edit`` letters, up
to ``max_edits``. The distance runs in rapidfuzz's C++ code, over names of
compatible length only, and in two passes: plain Levenshtein distance, which
rapidfuzz computes bit-parallel, is at most twice the Damerau-Levenshtein
distance (a transposition is two plain edits), so it cheaply narrows 10,000
names to a handful before the exact, eight times slower, measure runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein


class Tolerance(NamedTuple):
    """How many edits a word of a given length may be away from a name."""

    min_length: int = 6
    letters_per_edit: int = 5
    max_edits: int = 2

    def edits(self, length: int) -> int:
        """Return the edits allowed for a word of *length* letters (0: none)."""
        if length < self.min_length:
            return 0
        return max(1, min(self.max_edits, length // self.letters_per_edit))


def distance(first: str, second: str) -> int:
    """Return the Damerau-Levenshtein distance of two strings."""
    return DamerauLevenshtein.distance(first, second)


def within(word: str, names: list[str], edits: int) -> list[tuple[str, int]]:
    """Return the names within *edits* of *word*, each with its distance, in one search.

    One call into rapidfuzz for the whole list: asking the distance of each
    name in turn cost a Python call per name, for the few dozen names a
    draft repeats near a word's length.
    """
    if edits <= 0 or not names:
        return []
    return [
        (name, int(score))
        for name, score, _index in process.extract(
            word, names, scorer=DamerauLevenshtein.distance, score_cutoff=edits, limit=None
        )
    ]


def nearest(word: str, by_length: Mapping[int, Iterable[str]], edits: int) -> list[tuple[str, int]]:
    """Return the names within *edits* of *word* that are nearest to it.

    Several names come back only when they tie; callers treat a tie as no
    answer rather than guess.
    """
    if edits <= 0:
        return []
    candidates: list[str] = []
    for length in range(len(word) - edits, len(word) + edits + 1):
        candidates.extend(by_length.get(length, ()))
    within_reach = [
        name
        for name, _score, _index in process.extract(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=2 * edits, limit=None
        )
    ]
    found = process.extract(
        word, within_reach, scorer=DamerauLevenshtein.distance, score_cutoff=edits, limit=None
    )
    found = [item for item in found if item[1] > 0]  # the word itself, when the names hold it
    if not found:
        return []
    best = min(score for _name, score, _index in found)
    return [(name, int(score)) for name, score, _index in found if score == best]


def nearest_same_initial(
    word: str,
    by_length: Mapping[int, Iterable[str]],
    by_initial: Mapping[str, Mapping[int, Iterable[str]]],
    edits: int,
) -> list[tuple[str, int]]:
    """Return the names of :func:`nearest` that start with *word*'s first letter.

    The same answer as filtering ``nearest(word, by_length, edits)`` on the
    first letter, from a search of those names only (*by_initial* is
    *by_length* split by first letter). A name of another first letter
    changes that answer only by being nearer than every name of this one:
    the nearest win, and the filter then leaves nothing. That can only
    happen when the best of this letter is two or more edits away, and
    only then is the whole table asked, for names that much nearer.
    """
    same = nearest(word, by_initial.get(word[:1], {}), edits)
    if not same or same[0][1] <= 1:
        return same
    nearer = nearest(word, by_length, same[0][1] - 1)
    return [] if nearer else same


def variant_of(word: str, name: str) -> bool:
    """Tell whether *word* is a legitimate variant of *name*, not a misspelling.

    Covers hyphenation ("pre-clinical"/"preclinical"), a prefix added with
    a hyphen ("annamycin"/"L-Annamycin"), and inflection ("assay"/"assays"),
    where one word starts with the other.
    """
    if word.replace("-", "") == name.replace("-", ""):
        return True
    if word.endswith("-" + name) or name.endswith("-" + word):
        return True
    return word.startswith(name) or name.startswith(word)
