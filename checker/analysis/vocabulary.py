"""Word lists for the ``lexicon`` kind, each loaded lazily and only once.

* English: the union of pyspellchecker's English frequency dictionary
  (160,000 forms from subtitles, inflections included: "patients") and the
  ``web2`` list of english-words (Webster's Second International, public
  domain: 234,000 headwords and many proper names). Both are MIT-licensed
  pip packages. Together they keep ordinary words and common names quiet.
* Drugs: ``checker/data/unii_drug_names.tsv``, derived from the FDA UNII
  Names list by ``scripts/build_drug_lexicon.py`` (provenance in its header).

Nothing is read until a rule asks, so linting with the spelling pack off
costs nothing. Building the tables takes about half a second, so they are
built once and kept in prlint's cache (:mod:`checker.cache.store`: sealed
entries, each checked for its shape when read back, rebuilt otherwise). The English
vocabulary is kept as a sorted array of 64-bit word hashes rather than a
set of 330,000 strings: it loads in a millisecond instead of 65 and takes
2.6 MB instead of 40, and a lookup is a binary search. The hash is 64 bits
of BLAKE2b: a false "is English" needs a collision, about one chance in
5 x 10^13 per word looked up.

The answers about single words (:func:`is_english`, :func:`is_drug_name` and
the like) are kept across runs too (:mod:`checker.cache.answers`): a run whose
words were all answered before never loads a table.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import compress, groupby
from operator import itemgetter
from pathlib import Path

from checker.cache.answers import remembered
from checker.cache.digest import blake2b, hex_digest
from checker.cache.store import built_data, package_stamp

#: Suffixes stripped to find an English stem: "delisting" → "delist".
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "al", "ation", "ations", "ment")
#: The suffixes before which English doubles a stressed final consonant: "occurred", "beginning".
_DOUBLING_SUFFIXES = ("ed", "ing", "er", "ers")
DRUG_FILE = "data/unii_drug_names.tsv"
DRUG_PATH = Path(__file__).resolve().parent.parent / DRUG_FILE


class Vocabulary:
    """A set of lowercase words that answers ``word in vocabulary``, stored as sorted hashes."""

    def __init__(self, hashes: array) -> None:
        self._hashes = hashes
        self._answers: dict[str, bool] = {}

    @classmethod
    def of(cls, words: Iterable[str]) -> Vocabulary:
        """Build the vocabulary of *words*."""
        return cls(array("Q", sorted({word_hash(word) for word in words})))

    def __contains__(self, word: object) -> bool:
        """Tell whether *word* is in the set; each answer is kept, as words recur within and across drafts.

        A hash and a bisection cost about 1.5 microseconds, a kept answer a
        dictionary lookup; the lexicon asks each draft's words several times.
        The answers kept are bounded (:data:`ANSWERS_KEPT`): past the bound
        they are dropped and asked again, so an archive of any size holds
        no more memory than that.
        """
        if not isinstance(word, str):
            return False
        known = self._answers.get(word)
        if known is None:
            wanted = word_hash(word)
            index = bisect.bisect_left(self._hashes, wanted)
            known = index < len(self._hashes) and self._hashes[index] == wanted
            if len(word) <= KEPT_WORD_LENGTH:
                if len(self._answers) >= ANSWERS_KEPT:
                    self._answers.clear()
                self._answers[word] = known
        return known

    def __len__(self) -> int:
        return len(self._hashes)


#: How many answers each vocabulary keeps (:meth:`Vocabulary.__contains__`): the words of a few
#: hundred releases, a few MB. Longer words are answered but not kept.
ANSWERS_KEPT = 50_000
KEPT_WORD_LENGTH = 40


def word_hash(word: str) -> int:
    """Return a stable 64-bit hash of *word* (Python's own ``hash`` changes per process).

    Not two CRCs: a CRC is linear, so a second one with another seed adds
    nothing but the length, and 32 bits would make a false "is English" as
    likely as one lookup in 140,000.
    """
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


#: Names the hash, so that tables built with another one are rebuilt, not misread.
_HASH_SCHEME = "blake2b-64"
#: Bytes of one stored hash (an ``array("Q")`` item).
_HASH_BYTES = array("Q").itemsize


@lru_cache(maxsize=1)
def english_words() -> Vocabulary:
    """Return the lowercase English vocabulary (both pip word lists), cached between runs."""
    return _hashes("english-hashes", _english_sources(), _build_english_words)


@lru_cache(maxsize=1)
def _english_sources() -> str:
    """Return a stamp of the installed word-list packages the vocabulary is built from."""
    return f"pyspellchecker {package_stamp('spellchecker')}; english-words {package_stamp('english_words')}"


def _build_english_words() -> set[str]:
    """Build the vocabulary from pyspellchecker's English list and english-words' web2."""
    from english_words import get_english_words_set
    from spellchecker import SpellChecker

    words = set(SpellChecker(language="en").word_frequency.keys())
    words.update(get_english_words_set(["web2"], lower=True, alpha=True))
    return words


@lru_cache(maxsize=1)
def drug_name_set() -> Vocabulary:
    """Return every UNII one-word name, lowercase."""
    return _hashes("drug-name-hashes", _drug_file_digest(), lambda: set(drug_names()))


@lru_cache(maxsize=1)
def official_drug_names() -> Vocabulary:
    """Return the UNII names of type "of" (official names: INN, USAN), lowercase."""
    return _hashes(
        "official-drug-hashes",
        _drug_file_digest(),
        lambda: {name for name, kinds in drug_names().items() if "of" in kinds.split(",")},
    )


@lru_cache(maxsize=65536)
@remembered
def is_official_drug_name(word: str) -> bool:
    """Tell whether *word* (lowercase) is a UNII name of type "of" (kept across runs)."""
    return word in official_drug_names()


def drug_names() -> Mapping[str, str]:
    """Return the UNII one-word names, lowercase, mapped to their name types (read each call).

    Only the builders of the cached tables read it: loading 45,000 names
    as a dictionary costs more than linting a draft.
    """
    names: dict[str, str] = {}
    for line in DRUG_PATH.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _tab, types = line.partition("\t")
            names[name] = types
    return names


@lru_cache(maxsize=4)
def drug_targets(types: str) -> dict[int, tuple[str, ...]]:
    """Return the drug names of the given types (comma-separated) by length.

    Names that are English words are left out: a near miss of "ethanol"
    is a matter for a general spell checker, not for this lexicon.
    """
    return built_data(
        f"drug-targets-{types}",
        f"{_drug_file_digest()}; {_english_sources()}",
        lambda: _build_drug_targets(types),
        _targets_well_formed,
    )


def _targets_well_formed(stored: object) -> bool:
    """Tell whether a stored table has the shape of ``_build_drug_targets``'s."""
    return isinstance(stored, dict) and all(
        type(length) is int
        and type(names) is tuple
        and _all_of_type(names, str)
        and set(map(len, names)) <= {length}
        for length, names in stored.items()
    )


def _all_of_type(values: Iterable[object], kind: type) -> bool:
    """Tell whether every value is exactly of *kind*: asked of every name of a stored table, so in C.

    Checking 35,000 names one by one in Python cost as much as loading them.
    """
    return set(map(type, values)) <= {kind}


def _build_drug_targets(types: str) -> dict[int, tuple[str, ...]]:
    wanted = set(types.split(","))
    english = english_words()
    by_length: dict[int, list[str]] = {}
    for name, kinds in drug_names().items():
        if wanted & set(kinds.split(",")) and name not in english:
            by_length.setdefault(len(name), []).append(name)
    return {length: tuple(names) for length, names in by_length.items()}


def _hashes(name: str, sources: str, build: Callable[[], Iterable[str]]) -> Vocabulary:
    """Return the vocabulary *build* gives, kept in prlint's cache as its hash array."""
    hashes = array("Q")
    hashes.frombytes(
        built_data(
            name,
            f"{_HASH_SCHEME}; {sources}",
            lambda: Vocabulary.of(build())._hashes.tobytes(),
            _hashes_well_formed,
        )
    )
    return Vocabulary(hashes)


def _hashes_well_formed(stored: object) -> bool:
    """Tell whether a stored table is a whole number of 64-bit hashes."""
    return isinstance(stored, bytes) and len(stored) % _HASH_BYTES == 0


@lru_cache(maxsize=1)
def _drug_file_digest() -> str:
    """Return the hash of the drug list's contents: what keys the tables built from it."""
    return hex_digest(DRUG_PATH.read_bytes())


@lru_cache(maxsize=65536)
@remembered
def is_english(word: str) -> bool:
    """Tell whether *word* (any case, maybe hyphenated) is ordinary English.

    A hyphenated word is English when every part of two or more letters
    is; a part is English when it, or its stem without a common suffix, is
    in the vocabulary. Answers are remembered: a draft asks about the same
    words many times, and an archive about the same words in every draft;
    and kept across runs (:mod:`checker.cache.answers`).
    """
    parts = [part for part in word.lower().split("-") if len(part) > 1]
    return bool(parts) and all(_english_part(part) for part in parts)


def _english_part(part: str) -> bool:
    """Tell whether one hyphen-free part is an English word or inflection."""
    english = english_words()
    if part in english:
        return True
    for suffix in _SUFFIXES:
        if part.endswith(suffix):
            stem = part[: -len(suffix)]
            if stem in english and _respelled(stem, suffix, english) is None:
                return True
    return False


@lru_cache(maxsize=8192)
@remembered
def misspelled_inflection(word: str) -> str | None:
    """Return the spelling of the inflection *word* gets wrong ("occured" → "occurred"), or None.

    Only for a word no list holds, made of an English stem and a suffix
    against a spelling rule the list attests (:func:`_respelled`).
    """
    lower = word.lower()
    if is_english(lower):
        return None
    english = english_words()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and lower[: -len(suffix)] in english:
            respelled = _respelled(lower[: -len(suffix)], suffix, english)
            if respelled is not None:
                return respelled
    return None


@lru_cache(maxsize=8192)
@remembered
def rare_slip_of(word: str, min_count: int, common_count: int) -> str | None:
    """Return the very common word a rare listed word is one added or dropped letter from.

    web2, one of the two word lists, holds archaic and rare spellings that
    are also the typos of very common words: "untill" (until), "brough"
    (brought). A word pyspellchecker counts fewer than *min_count* times,
    one letter added or dropped from a word it counts *common_count* times
    or more, and not an inflection of a counted word ("showings"), is
    answered with that word. On the real releases, at 500 times the
    english-word rule's count, the only such words are two typos.
    """
    lower = word.lower()
    if english_count(lower, min_count):
        return None
    counts = common_english(min_count)
    if any(stem in counts for stem in _stems(lower)):
        return None
    best, best_count = None, common_count - 1
    for neighbour in _one_letter_added_or_dropped(lower):
        count = counts.get(neighbour, 0)
        if count > best_count:
            best, best_count = neighbour, count
    return best


def _stems(word: str) -> Iterator[str]:
    """Yield the stems *word* may be an inflection of: "showings" (showing), "halving" (halve).

    The suffix stripped, and then the stem with its silent e back, its
    doubled consonant single, or its i a y ("studies", "study").
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            yield stem
            yield stem + "e"
            if stem[-1] == stem[-2]:
                yield stem[:-1]
            if stem.endswith("i"):
                yield stem[:-1] + "y"


def _one_letter_added_or_dropped(word: str) -> set[str]:
    """Return the words one letter longer or shorter than *word* at any position."""
    dropped = {word[:index] + word[index + 1 :] for index in range(len(word))}
    added = {
        word[:index] + letter + word[index:]
        for index in range(len(word) + 1)
        for letter in "abcdefghijklmnopqrstuvwxyz"
    }
    return dropped | added


def _respelled(stem: str, suffix: str, english: Vocabulary) -> str | None:
    """Return how the list spells *stem* + *suffix* when a spelling rule changes it, else None.

    Stripping a suffix would accept the commonest misspellings of all,
    because their stems are words: "occured" (occur), "begining" (begin),
    "arguement" (argue), "basicly" (basic). Each breaks a rule the list
    itself attests: it holds the form that doubles the final consonant
    ("occurred"), drops the silent e ("argument") or adds "al"
    ("basically"). A form the list holds is accepted before this is asked,
    so a word with two accepted spellings ("benefited", "benefitted") is
    never refused.
    """
    respellings = []
    if suffix in _DOUBLING_SUFFIXES and _ends_consonant_after_vowel(stem):
        respellings.append(stem + stem[-1] + suffix)
    if stem.endswith("e") and suffix[0] in "aeioum":
        respellings.append(stem[:-1] + suffix)
    if suffix == "ly" and stem.endswith("ic"):
        respellings.append(stem + "ally")
    return next((form for form in respellings if form in english), None)


def _ends_consonant_after_vowel(stem: str) -> bool:
    """Tell whether *stem* ends in one vowel and a consonant English may double ("occur", "stop")."""
    return len(stem) >= 2 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou"


@lru_cache(maxsize=65536)
@remembered
def is_drug_name(word: str) -> bool:
    """Tell whether *word* or its last hyphen part is a UNII name of any type (kept across runs)."""
    lower = word.lower()
    names = drug_name_set()
    return lower in names or lower.rsplit("-", 1)[-1] in names


GAZETTEER_FILE = "data/gazetteer.tsv"
GAZETTEER_PATH = Path(__file__).resolve().parent.parent / GAZETTEER_FILE


@lru_cache(maxsize=4)
def english_drug_targets(types: str) -> dict[int, tuple[str, ...]]:
    """Return the drug names of the given types that *are* English words, by length.

    :func:`drug_targets` leaves them out, and with them the commonest drugs
    ("ibuprofen", "amoxicillin", "acetaminophen" are in the word lists):
    that is why their misspellings went unreported. A near miss of one is
    still a misspelling of a drug, so the near-miss search asks both tables.
    """
    return built_data(
        f"english-drug-targets-{types}",
        f"{_drug_file_digest()}; {_english_sources()}",
        lambda: _build_english_drug_targets(types),
        _targets_well_formed,
    )


def _build_english_drug_targets(types: str) -> dict[int, tuple[str, ...]]:
    wanted = set(types.split(","))
    english = english_words()
    by_length: dict[int, list[str]] = {}
    for name, kinds in drug_names().items():
        if wanted & set(kinds.split(",")) and name in english:
            by_length.setdefault(len(name), []).append(name)
    return {length: tuple(names) for length, names in by_length.items()}


#: A table of names grouped by length, and the same split by first letter (see :func:`by_initial`).
ByLength = dict[int, tuple[str, ...]]
ByInitial = dict[str, dict[int, tuple[str, ...]]]


@lru_cache(maxsize=4)  # asked for on every word checked: one lookup
def common_english(min_count: int) -> dict[str, int]:
    """Return the English words (letters only) pyspellchecker counts *min_count* times or more, with the count.

    The frequency is what tells a common word ("development") from a rare
    one ("devilment"): a one-off non-word one edit from a common word is a
    typo of it. Kept in prlint's cache: reading pyspellchecker's list costs
    a quarter of a second.
    """
    return _common_english_tables(min_count)[0]


@lru_cache(maxsize=65536)
@remembered
def english_count(word: str, min_count: int) -> int:
    """Return pyspellchecker's count of *word* (lowercase) if it is *min_count* or more, else 0.

    What :func:`common_english` says of one word, kept across runs: a run
    whose words are all answered this way never loads the table.
    """
    return common_english(min_count).get(word, 0)


@lru_cache(maxsize=4)  # asked for on every word checked: one lookup
def common_english_by_length(min_count: int) -> ByLength:
    """Return :func:`common_english` grouped by length, for the near-miss search."""
    return _common_english_tables(min_count)[1]


@lru_cache(maxsize=4)  # asked for on every word checked: one lookup
def common_english_by_initial(min_count: int) -> ByInitial:
    """Return :func:`common_english_by_length` split by first letter (see :func:`by_initial`)."""
    return _common_english_tables(min_count)[2]


@lru_cache(maxsize=4)
def _common_english_tables(min_count: int) -> tuple[dict[str, int], ByLength, ByInitial]:
    """Return the common words with their counts, by length, and by first letter, as one entry.

    Kept together because they hold the same strings: ``marshal`` writes
    each word once and the groups as references to it, so loading all three
    (6 ms) costs less than loading the counts and sorting them into the two
    groupings in every run (14 ms of a one-draft run's 230).
    """
    return built_data(
        f"common-english-tables-{min_count}",
        _english_sources(),
        lambda: _with_groupings(_build_common(min_count)),
        _common_tables_well_formed,
    )


def _with_groupings(counts: dict[str, int]) -> tuple[dict[str, int], ByLength, ByInitial]:
    """Return *counts* with its words grouped by length and by first letter."""
    by_length = group_by_length(counts)
    return counts, by_length, by_initial(by_length)


def _common_tables_well_formed(stored: object) -> bool:
    """Tell whether a stored value has the shape of ``_with_groupings``'s."""
    return (
        type(stored) is tuple
        and len(stored) == 3
        and _counts_well_formed(stored[0])
        and _by_length_well_formed(stored[1])
        and isinstance(stored[2], dict)
        and _all_of_type(stored[2], str)
        and all(_by_length_well_formed(table) for table in stored[2].values())
    )


def _by_length_well_formed(table: object) -> bool:
    """Tell whether *table* maps lengths to tuples of names (the type of each checked in C)."""
    return (
        isinstance(table, dict)
        and _all_of_type(table, int)
        and all(type(names) is tuple and _all_of_type(names, str) for names in table.values())
    )


def _counts_well_formed(stored: object) -> bool:
    """Tell whether a stored table has the shape of ``_build_common``'s: word to count."""
    return (
        isinstance(stored, dict)
        and _all_of_type(stored, str)
        and _all_of_type(stored.values(), int)
    )


def _build_common(min_count: int) -> dict[str, int]:
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language="en").word_frequency.dictionary
    return {
        word: int(count)
        for word, count in frequencies.items()
        if count >= min_count and word.isalpha() and word.isascii() and len(word) >= 4
    }


@lru_cache(maxsize=2)
def letter_pair_counts(min_count: int) -> dict[str, int]:
    """Return, for each letter pair (``^`` and ``$`` marking the ends), how many common English words hold it.

    What tells which of two spellings a swap made ("Fgima" beside Figma:
    no common word holds "fg"). Kept in prlint's cache: counting the pairs
    of 35,000 words cost 60 ms, more than linting a draft.
    """
    return built_data(
        f"letter-pairs-{min_count}",
        _english_sources(),
        lambda: _count_letter_pairs(min_count),
        _counts_well_formed,
    )


def _count_letter_pairs(min_count: int) -> dict[str, int]:
    """Count, for each letter pair, the common English words that hold it (once per word)."""
    counts: Counter[str] = Counter()
    for word in common_english(min_count):
        marked = f"^{word}$"
        counts.update({marked[index : index + 2] for index in range(len(marked) - 1)})
    return dict(counts)


def group_by_length(names: Iterable[str]) -> dict[int, tuple[str, ...]]:
    """Group names by length, each group in the names' order (which :func:`nearest`'s ties follow).

    A stable sort and ``groupby`` do in C what a loop did in Python: these
    tables are built once per run, and at 35,000 words the loop was a tenth
    of a one-draft run.
    """
    return {length: tuple(group) for length, group in groupby(sorted(names, key=len), len)}


def by_initial(by_length: Mapping[int, Sequence[str]]) -> dict[str, dict[int, tuple[str, ...]]]:
    """Split a table of names by length into one table per first letter.

    The place and English slip searches keep only names with the word's
    own first letter (a typist keeps it), so searching those alone is a
    twentieth of the work: see ``match.nearest_same_initial``.
    """
    split: dict[str, dict[int, tuple[str, ...]]] = {}
    first = itemgetter(0)
    for length, names in by_length.items():
        # a stable sort keeps each letter's names in the table's order, and so nearest()'s ties
        for initial, group in groupby(sorted(names, key=first), first):
            split.setdefault(initial, {})[length] = tuple(group)
    return split


@lru_cache(maxsize=2)
def place_words_by_initial(major_only: bool) -> ByInitial:
    """Return :func:`place_words` split by first letter (see :func:`by_initial`)."""
    tables = _place_tables()
    return tables[4] if major_only else tables[5]


@lru_cache(maxsize=4)
def english_drug_targets_by_initial(types: str) -> dict[str, dict[int, tuple[str, ...]]]:
    """Return :func:`english_drug_targets` split by first letter (see :func:`by_initial`)."""
    return by_initial(english_drug_targets(types))


@lru_cache(maxsize=2)
def place_words(major_only: bool) -> ByLength:
    """Return the words of place names (``checker/data/gazetteer.tsv``), lowercase, by length.

    *major_only* keeps countries, states, provinces and cities of 100,000 or
    more: the places a release names in its body. Datelines also name
    smaller cities, so they are checked against the whole list.
    """
    tables = _place_tables()
    return tables[2] if major_only else tables[3]


def _gazetteer() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the gazetteer's word and kind columns."""
    words, kinds, *_tables = _place_tables()
    return words, kinds


#: The gazetteer's word and kind columns, then its place words by length (the major places',
#: then all) and the same two by first letter.
PlaceTables = tuple[tuple[str, ...], tuple[str, ...], ByLength, ByLength, ByInitial, ByInitial]


@lru_cache(maxsize=1)
def _place_tables() -> PlaceTables:
    """Return the gazetteer's columns and the four place-word tables made from them, read once.

    Kept in prlint's cache under the file's digest, as one entry: parsing
    the 25,000 lines cost 10 ms of every run, and grouping the words four
    ways another 8 ms. ``marshal`` writes each word once and the tables as
    references to it, so loading them all costs about what the columns alone did.
    """
    return built_data(
        "place-tables",
        hex_digest(GAZETTEER_PATH.read_bytes()),
        lambda: _with_place_groupings(_read_gazetteer()),
        _place_tables_well_formed,
    )


def _with_place_groupings(columns: tuple[tuple[str, ...], tuple[str, ...]]) -> PlaceTables:
    """Return the columns with the major places' words and all words, by length and by initial."""
    words, word_kinds = columns
    major = group_by_length(compress(words, [kind == "major" for kind in word_kinds]))
    every = group_by_length(compress(words, [kind in ("major", "city") for kind in word_kinds]))
    return words, word_kinds, major, every, by_initial(major), by_initial(every)


def _place_tables_well_formed(stored: object) -> bool:
    """Tell whether a stored value has the shape of ``_with_place_groupings``'s."""
    return (
        type(stored) is tuple
        and len(stored) == 6
        and _columns_well_formed(stored[:2])
        and all(_by_length_well_formed(table) for table in stored[2:4])
        and all(
            isinstance(table, dict)
            and _all_of_type(table, str)
            and all(_by_length_well_formed(group) for group in table.values())
            for table in stored[4:]
        )
    )


def _read_gazetteer() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Parse the gazetteer into its word and kind columns."""
    rows = [
        line.partition("\t")
        for line in GAZETTEER_PATH.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return tuple(row[0] for row in rows), tuple(row[2] for row in rows)


def _columns_well_formed(stored: object) -> bool:
    """Tell whether a stored value has the shape of ``_read_gazetteer``'s: two string columns."""
    return (
        type(stored) is tuple
        and len(stored) == 2
        and all(type(column) is tuple and _all_of_type(column, str) for column in stored)
        and len(stored[0]) == len(stored[1])
    )


@lru_cache(maxsize=1)
def _place_set() -> frozenset[str]:
    """Return every word of the gazetteer, the four-letter ones ("boca", "palm") included."""
    return frozenset(_gazetteer()[0])


@lru_cache(maxsize=65536)
@remembered
def is_place_word(word: str) -> bool:
    """Tell whether *word* (lowercase) is a word of a place name in the gazetteer (kept across runs)."""
    return word in _place_set()


PERSON_FILE = "data/person_names.tsv"
PERSON_PATH = Path(__file__).resolve().parent.parent / PERSON_FILE


@lru_cache(maxsize=1)
def _person_file_digest() -> str:
    """Return the hash of the person-name list's contents: what keys the table built from it."""
    return hex_digest(PERSON_PATH.read_bytes())


@lru_cache(maxsize=1)
def person_names() -> Vocabulary:
    """Return the US Census surnames and first names (``checker/data/person_names.tsv``), lowercase."""
    return _hashes(
        "person-name-hashes",
        _person_file_digest(),
        lambda: {
            line.strip()
            for line in PERSON_PATH.read_text("utf-8").splitlines()
            if line and not line.startswith("#")
        },
    )


@lru_cache(maxsize=65536)
@remembered
def is_person_name(word: str) -> bool:
    """Tell whether *word* (any case) is a surname or first name of the US Census lists.

    Real names a letter apart ("Marion" and "Marian", "Burns" and "Bruns")
    are different people, not slips: a spelling check must know both.
    Kept across runs, like the other answers about one word.
    """
    return word.lower() in person_names()


def is_known_name(word: str) -> bool:
    """Tell whether *word* (lowercase) is a person's name or a word of a place name."""
    return is_person_name(word) or is_place_word(word)
