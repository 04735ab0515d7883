"""Near misses found without a name list: against the release's own words, English, places.

Each function answers for one candidate word (lowercase, used once) and
returns the word it is a slip of, or None. The ``release``, ``place`` and
``english`` reports of the lexicon kind call them in that order of trust,
and each later report stays quiet where an earlier one has an answer, so a
slip is reported once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from checker.analysis import vocabulary
from checker.analysis.words import WORD, Words, has_digit
from checker.cache.answers import remembered
from checker.data import calendar_words
from checker.kinds.lexicon.match import (
    Tolerance,
    distance,
    nearest,
    nearest_same_initial,
    variant_of,
    within,
)
from checker.matching import pattern_cache

_NOT_DIGIT = pattern_cache.compile(r"\D")
#: Roman numerals ("xiii", "xviii"): different numbers, not slips of each other.
_ROMAN = pattern_cache.compile(r"[ivxlcdm]+")
_NOT_LETTER = pattern_cache.compile(r"[^\p{L}]")

#: The edits of a short word that are slips rather than other words: a
#: transposition ("Oivd") or one letter dropped ("Zenra").
SHORT_LENGTH = 6


def own_lexicon(words: Words) -> dict[int, list[str]]:
    """Return the words the release writes twice or more, by length: its own lexicon.

    Names with a digit are compared on their own (:func:`code_slip`).
    """
    grouped: dict[int, list[str]] = {}
    for lower, spans in words.spans.items():
        if len(spans) >= 2 and not has_digit(lower):
            grouped.setdefault(len(lower), []).append(lower)
    return grouped


def own_slip(
    lower: str, lexicon: Mapping[int, Sequence[str]], words: Words, tolerance: Tolerance
) -> str | None:
    """Return the word of the release's own lexicon that *lower* (used once) is a slip of.

    Six letters or more: the edits *tolerance* allows. Under six, only a
    transposition or a dropped letter of a name used three times or more:
    at four or five letters one changed letter makes another word too often.
    A plural, a possessive or a prefixed form is a variant, not a slip.
    A word the release uses once counts too when something outside the
    release vouches for its spelling and not for *lower*'s (:func:`vouched`):
    "Shaprio" beside one "Shapiro", a surname of the Census lists. A real
    name itself ("Marian" beside "Marion") is never a slip.
    """
    if len(lower) < 4 or _ROMAN.fullmatch(lower):
        return None
    if vocabulary.is_known_name(lower):
        return _coined_slip(lower, lexicon, words)
    prefix = _prefix_slip(lower, words)
    if prefix is not None:
        return prefix
    if len(lower) >= SHORT_LENGTH or not words.usual_form(lower).isupper():  # "CDMO", "CRDMO"
        single = (
            [
                name
                for name, _score in nearest(lower, once, 1)
                if words.count(name) == 1
                and not _compound(lower, name)
                and (_dropped_or_doubled(lower, name) or _swapped_later(lower, name, words))
            ]
            if (once := _used_once(words))
            else []
        )
        if len(single) == 1:
            return single[0]
    known = _vouched_slip(lower, words, tolerance)
    if known is not None:
        return known
    if len(lower) >= SHORT_LENGTH:
        edits = tolerance.edits(len(lower))
        found = [
            name
            for name, _score in nearest(lower, lexicon, edits)
            if not _compound(lower, name)
            and distance(lower, name) <= tolerance.edits(max(len(name), len(lower)))
        ]
        if not found and edits == 1:
            found = _moved_letter_slips(lower, lexicon, words)
        return found[0] if len(found) == 1 else None
    titled = after_title(words.text, words.spans[lower][0][0])
    found = [
        name
        for name, _score in nearest(lower, lexicon, 1)
        if len(name) >= 4
        and words.count(name) >= (2 if titled else 3)  # "Dr. Saiw" beside Siaw x2
        and _short_slip(lower, name)
    ]
    if found and words.usual_form(lower).isupper() and not words.usual_form(found[0]).isupper():
        return None  # "CSCO" beside Cisco: a ticker or an acronym, not a slip
    return found[0] if len(found) == 1 else None


def _coined_slip(lower: str, lexicon: Mapping[int, Sequence[str]], words: Words) -> str | None:
    """Return the coined name, used three times or more, that a real name or word *lower* is a slip of.

    "Quon Pharmaceuticals" beside Quoin x5: a surname of the lists, but a
    dropped letter or a swap of the issuer's name, which no list knows. A
    real name beside another ("Bruns" beside Burns) stays quiet.
    """
    found = [
        name
        for name, _score in nearest(lower, lexicon, 1)
        if name[0] == lower[0]
        and words.count(name) >= 3
        and not vocabulary.is_known_name(name)
        and _short_slip(lower, name)
        and not words.usual_form(name).isupper()
    ]
    return found[0] if len(found) == 1 else None


def _prefix_slip(lower: str, words: Words) -> str | None:
    """Return the prefix of the trade that *lower*, written only before a hyphen, is a slip of.

    "mullti-country", "neruo-oncology", "mluti-orbit": the head of a
    compound one slip from "multi" or "neuro".
    """
    if not all(words.text[end : end + 1] == "-" for _start, end in words.spans[lower]):
        return None
    found = [
        name
        for name, _score in nearest(lower, _prefixes_by_length(), 1)
        if name[0] == lower[0] and _short_slip(lower, name)
    ]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=8192)
def prefix_slip_candidate(lower: str) -> bool:
    """Tell whether *lower* is one slip from a prefix of the trade ("mullti", "neruo").

    Cached: asked of every candidate word of every draft, and it depends on the word alone.
    """
    return any(
        name[0] == lower[0] and _short_slip(lower, name)
        for name, _score in nearest(lower, _prefixes_by_length(), 1)
    )


@lru_cache(maxsize=1)
def _prefixes_by_length() -> dict[int, tuple[str, ...]]:
    """Return :data:`PREFIXES_OF_ART` by length, for :func:`nearest`."""
    grouped: dict[int, list[str]] = {}
    for prefix in PREFIXES_OF_ART:
        grouped.setdefault(len(prefix), []).append(prefix)
    return {length: tuple(group) for length, group in grouped.items()}


def _vouched_slip(lower: str, words: Words, tolerance: Tolerance) -> str | None:
    """Return the vouched-for word of the release that *lower* is one slip of, if just one.

    Under six letters the slip must be a transposition, a dropped or a
    doubled letter (:func:`_short_slip`); from six, one edit of any kind.
    """
    found = [
        name
        for name, _score in nearest(lower, _vouched_words(words), 1)
        if name[0] == lower[0]
        and not _compound(lower, name)
        and (len(lower) >= SHORT_LENGTH or _short_slip(lower, name))
    ]
    if found and words.usual_form(lower).isupper() and not words.usual_form(found[0]).isupper():
        return None
    return found[0] if len(found) == 1 else None


def _vouched_words(words: Words) -> dict[int, list[str]]:
    """Return the release's words, of four letters or more, whose spelling a list vouches for, by length."""
    if "vouched" not in words.derived:
        grouped: dict[int, list[str]] = {}
        for lower in words.spans:
            if (
                len(lower) >= 4
                and not has_digit(lower)
                and (lower in words.marked or vouched(lower))
            ):
                grouped.setdefault(len(lower), []).append(lower)
        words.derived["vouched"] = grouped
    return words.derived["vouched"]


#: Prefixes of the trade run onto a word: "biopharmaceutical", "microparticles", "neurotech".
PREFIXES_OF_ART = (
    "bio",
    "micro",
    "nano",
    "neuro",
    "immuno",
    "onco",
    "cardio",
    "multi",
    "pharma",
    "geo",
    "tele",
    "cyber",
    "crypto",
    "hydro",
    "thermo",
    "electro",
    "opto",
    "endo",
    "macro",
    "mega",
    "poly",
    "mono",
    "agri",
    "aero",
    "auto",
)


@lru_cache(maxsize=32768)
@remembered
def vouched(lower: str) -> bool:
    """Tell whether a list outside the release vouches for a name's spelling.

    A surname or first name of the Census lists, a word of a place name, or
    a compound of common English words or of a prefix of the trade and one
    ("Deltawave", "biopharmaceutical", "foodservice"). Cached: it depends
    on the word alone, and a draft asks it of each of its words.
    """
    if vocabulary.is_known_name(lower):
        return True
    counts = vocabulary.common_english(VOUCHING_COUNT)
    for index in range(3, len(lower) - 2):
        head, tail = lower[:index], lower[index:]
        if (head in counts or head in PREFIXES_OF_ART) and (
            tail in counts or (tail.endswith("s") and tail[:-1] in counts)
        ):
            return True
    return False


#: How common (pyspellchecker's count) each part of a compound must be to vouch for it.
VOUCHING_COUNT = 200


def _used_once(words: Words) -> dict[int, list[str]]:
    """Return the English or known words the release uses once, by length (kept on its word index)."""
    if "used-once" not in words.derived:
        grouped: dict[int, list[str]] = {}
        unknown = set(words.unknown)
        for lower, spans in words.spans.items():
            if len(spans) == 1 and len(lower) >= 4 and not has_digit(lower):
                grouped.setdefault(len(lower), []).append(lower)
        words.derived["used-once"] = (grouped, unknown)
    return words.derived["used-once"][0]


def _swapped_later(word: str, name: str, words: Words) -> bool:
    """Tell whether *word* is *name*, written earlier, with two inner neighbours swapped.

    A swap says nothing by itself of which form is right, but a name spelled
    two ways is a defect either way. The form whose rarest pair of letters
    is rarer in English is taken as the slip ("Fgima" beside Figma: "fg";
    "Saiw" beside Siaw: "iw"); on a tie, the later form. Neither may be
    vouched for by a list.
    """
    if not (
        len(word) >= 4
        and word[0] == name[0]
        and word[-1] == name[-1]
        and _swapped(word, name)
        and not vouched(name)
        and not vouched(word)
        and words.usual_form(word)[:1].isupper() == words.usual_form(name)[:1].isupper()
    ):
        return False
    word_score, name_score = rarest_pair(word), rarest_pair(name)
    if word_score != name_score:
        return word_score < name_score
    return words.spans[name][0][0] < words.spans[word][0][0]


def rarest_pair(word: str) -> int:
    """Return how many common English words hold the rarest letter pair of *word* (its ends marked)."""
    pairs = vocabulary.letter_pair_counts(VOUCHING_COUNT)
    marked = f"^{word}$"
    return min(pairs.get(marked[index : index + 2], 0) for index in range(len(marked) - 1))


def _dropped_or_doubled(word: str, name: str) -> bool:
    """Tell whether *word* is *name* with an inner letter dropped or doubled: a slip one way only.

    Between two forms each used once, only these say which is the slip:
    "Lwry" and "Lowwry" are "Lowry" mistyped, but "Lowry" is not "Lwry" mistyped.
    """
    if word[0] != name[0] or word[-1] != name[-1]:
        return False
    if len(word) + 1 == len(name):
        return any(name[:index] + name[index + 1 :] == word for index in range(1, len(name) - 1))
    return len(word) == len(name) + 1 and any(
        word[index] == word[index + 1] and word[:index] + word[index + 1 :] == name
        for index in range(1, len(word) - 1)
    )


def _moved_letter_slips(
    lower: str, lexicon: Mapping[int, Sequence[str]], words: Words
) -> list[str]:
    """Return the names used three times or more that *lower* is with one letter moved.

    "Qullion" beside Quillon x5: the "i" typed two places late. That is two
    edits by distance, past what a word of six to nine letters is allowed,
    but one slip of the hand. Only a name of the same letters, the same
    first letter and the same length qualifies, one the release repeats.
    """
    return [
        name
        for name, _score in nearest(lower, lexicon, 2)
        if len(name) == len(lower)
        and name[0] == lower[0]
        and words.count(name) >= 3
        and _one_letter_moved(lower, name)
    ]


def _one_letter_moved(word: str, name: str) -> bool:
    """Tell whether *word* is *name* with one letter taken out and put back elsewhere."""
    if word == name or sorted(word) != sorted(name):
        return False
    first = next(index for index, (a, b) in enumerate(zip(word, name)) if a != b)
    last = max(index for index, (a, b) in enumerate(zip(word, name)) if a != b)
    inner, other = word[first : last + 1], name[first : last + 1]
    return inner[1:] == other[:-1] or inner[:-1] == other[1:]


def _compound(word: str, name: str) -> bool:
    """Tell whether *word* is *name* with a prefix or suffix run on: "iGaming" and "gaming"."""
    return word.endswith(name) or name.endswith(word) or variant_of(word, name)


def _short_slip(word: str, name: str) -> bool:
    """Tell whether *word* is *name* with two neighbours swapped, one inner letter dropped or one doubled."""
    if word[0] != name[0] or variant_of(word, name):
        return False
    if len(word) == len(name):
        return sorted(word) == sorted(name)
    if len(word) + 1 == len(name):
        return True
    return len(word) == len(name) + 1 and any(
        word[index] == word[index + 1] and word[:index] + word[index + 1 :] == name
        for index in range(1, len(word) - 1)
    )


def compound_name_slip(lower: str, words: Words) -> str | None:
    """Return the capitalised compound the release repeats that *lower*, written once, is a slip of.

    "Hoffman-La Roche" once beside "Hoffmann-La Roche" twice: one part a
    letter doubled or single, the others the same. Both spellings are
    surnames, so no word test reports either, and two people may well be
    "Hoffman" and "Hoffmann"; but one hyphenated name with the same partner
    word is one name, written two ways.
    """
    if words.count(lower) != 1 or not words.usual_form(lower)[:1].isupper():
        return None
    parts = lower.split("-")
    for other in _repeated_compounds(words).get(_undoubled(lower), ()):
        differing = [(one, two) for one, two in zip(parts, other.split("-")) if one != two]
        if len(differing) == 1 and _doubling_apart(*differing[0]):
            return other
    return None


def _repeated_compounds(words: Words) -> dict[str, list[str]]:
    """Map the capitalised compounds the draft writes twice or more by their letters undoubled.

    A slip that doubles or drops a letter leaves that key as it is, so each
    compound written once is compared with a handful, not with every
    compound of the draft (built once per draft).
    """
    if "repeated-compounds" not in words.derived:
        found: dict[str, list[str]] = {}
        for compound in sorted(words.compounds):
            if words.count(compound) >= 2 and words.usual_form(compound)[:1].isupper():
                found.setdefault(_undoubled(compound), []).append(compound)
        words.derived["repeated-compounds"] = found
    return words.derived["repeated-compounds"]


def _undoubled(word: str) -> str:
    """Return *word* with each run of one letter written once: "hoffmann-la" → "hofman-la"."""
    return "".join(letter for index, letter in enumerate(word) if word[index - 1 : index] != letter)


def _doubling_apart(one: str, other: str) -> bool:
    """Tell whether two words of four letters or more differ by one doubled letter ("Hoffman", "Hoffmann")."""
    short, long = sorted((one, other), key=len)
    if len(short) < 4 or len(long) != len(short) + 1:
        return False
    return any(
        long[index] == long[index + 1] and long[:index] + long[index + 1 :] == short
        for index in range(len(long) - 1)
    )


def code_slip(lower: str, words: Words) -> str | None:
    """Return the code name (with digits) the release uses that *lower*, used once, is a slip of.

    When the digits agree, the letters are compared: "zrovex-1" beside
    "zorvex-1". When the letters agree, the digits count only as two
    neighbours swapped ("zx-410" beside "zx-401"), of three digits or more,
    and only against a form the release uses twice or more: "Q2" and "Q3",
    or "Phase 1" and "Phase 2", are different things, not slips.
    """
    letters, digits = _NOT_LETTER.sub("", lower), _NOT_DIGIT.sub("", lower)
    found: list[str] = []
    for name, spans in words.spans.items():
        if name == lower or not has_digit(name):
            continue
        if len(spans) < 2:
            if _letters_swapped_once(lower, name, words) or _segment_swapped(lower, name, words):
                found.append(name)  # "BCIX104" beside BICX104 and BICX; "GLP-1-H42-1" beside H24 x2
            continue
        name_letters, name_digits = _NOT_LETTER.sub("", name), _NOT_DIGIT.sub("", name)
        if name_digits == digits and name_letters != letters:
            if (
                min(len(letters), len(name_letters)) >= 3
                and len(letters) == len(name_letters)
                and distance(letters, name_letters) == 1
            ):
                found.append(name)
        elif name_letters == letters and len(digits) >= 3 and _swapped(digits, name_digits):
            if _swapped(lower, name):
                found.append(name)
    return found[0] if len(found) == 1 else None


def _letters_swapped_once(lower: str, name: str, words: Words) -> bool:
    """Tell whether two code names each used once differ by a swap of letters only, *name* the likelier.

    The digits agree and the letters of *name* are a word the release writes
    on its own ("BICX" beside BICX104), or pair more usually (:func:`rarest_pair`).
    """
    letters, name_letters = _NOT_LETTER.sub("", lower), _NOT_LETTER.sub("", name)
    if _NOT_DIGIT.sub("", lower) != _NOT_DIGIT.sub("", name) or len(letters) < 3:
        return False
    if not _swapped(letters, name_letters) or not _swapped(lower, name):
        return False
    if words.count(letters):
        return False  # *lower*'s own letters are a word of the release: it is the likelier one
    return words.count(name_letters) > 0 or rarest_pair(letters) < rarest_pair(name_letters)


def _segment_swapped(lower: str, name: str, words: Words) -> bool:
    """Tell whether *lower* is *name* with two digits swapped in a part the release uses in other codes.

    "GLP-1-H42-1" beside GLP-1-H24-1 and GLP-1-H24-2: the part "H24" is
    written in two code names, "H42" in this one only.
    """
    parts, name_parts = lower.split("-"), name.split("-")
    if len(parts) != len(name_parts) or len(parts) < 2:
        return False
    differ = [index for index in range(len(parts)) if parts[index] != name_parts[index]]
    if len(differ) != 1:
        return False
    part, name_part = parts[differ[0]], name_parts[differ[0]]
    if not (_swapped(part, name_part) and has_digit(part)):
        return False
    holding = Counter(
        piece for word in words.spans if has_digit(word) for piece in set(word.split("-"))
    )
    return holding[name_part] >= 2 and holding[part] == 1


def _swapped(first: str, second: str) -> bool:
    """Tell whether two strings differ by one swap of neighbours."""
    if len(first) != len(second) or first == second:
        return False
    differ = [index for index in range(len(first)) if first[index] != second[index]]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and first[differ[0]] == second[differ[1]]
        and first[differ[1]] == second[differ[0]]
    )


@lru_cache(maxsize=8192)
@remembered
def place_slip(
    lower: str, in_dateline: bool, tolerance: Tolerance, in_dateline_place: bool = False
) -> str | None:
    """Return the place-name word *lower* is a slip of: "cincinatti" → "cincinnati".

    Cached: the answer depends on its arguments alone, and the same capitalised
    non-words (a company's name, its product's) recur across an archive's drafts.

    A dateline is checked against every city of 15,000 people or more; the
    body against countries, states, provinces and large cities, as smaller
    places' names are too many and too like company and people names, and
    against any city only for a doubled or a swapped letter ("Marburrg").
    Under six letters only a swap, a dropped or doubled letter, or (from five)
    one vowel for another counts: "Jaapn", "Taxas". Four letters count only
    in the dateline's place ("SOTH ORANGE, NJ"): elsewhere they are tickers
    and names ("CSCO", "Luca") more often than slips.
    """
    if len(lower) < 4 or (len(lower) == 4 and not in_dateline_place):
        return None
    if vocabulary.is_place_word(lower):
        return None  # Marburg is a place, though Harburg is one letter away
    if calendar_slip(lower):
        return None  # "Monay" is Monday, not Moray
    targets = vocabulary.place_words(not in_dateline)
    initials = vocabulary.place_words_by_initial(not in_dateline)
    if len(lower) < SHORT_LENGTH:
        found = [
            name
            for name, _score in nearest_same_initial(lower, targets, initials, 1)
            if _short_slip(lower, name) or (len(lower) >= 5 and _vowel_for_vowel(lower, name))
        ]
        return found[0] if len(found) == 1 else None
    edits = tolerance.edits(len(lower))
    found = [
        name
        for name, _score in nearest_same_initial(lower, targets, initials, edits)
        if not variant_of(lower, name)
    ]
    if not found and not in_dateline:
        found = [
            name
            for name, _score in nearest_same_initial(
                lower, vocabulary.place_words(False), vocabulary.place_words_by_initial(False), 1
            )
            if edit_rank(lower, name) <= 1
        ]
    return found[0] if len(found) == 1 else None


_VOWELS = frozenset("aeiouy")


def _vowel_for_vowel(word: str, name: str) -> bool:
    """Tell whether *word* is *name* with one inner vowel written as another: "taxas", "marbarg"."""
    if len(word) != len(name):
        return False
    differ = [index for index in range(len(word)) if word[index] != name[index]]
    return (
        len(differ) == 1
        and 0 < differ[0] < len(word) - 1
        and word[differ[0]] in _VOWELS
        and name[differ[0]] in _VOWELS
    )


def english_slip(lower: str, min_count: int, tolerance: Tolerance) -> str | None:
    """Return the common English word *lower* is one edit from: "devlopment" → "development".

    A tie goes to the far more frequent word ("recieved": "received"), and
    is no answer when the candidates are about as common.
    """
    return _english_slip(lower, min_count, tolerance.edits(len(lower)))


@lru_cache(maxsize=8192)
@remembered
def _english_slip(lower: str, min_count: int, edits: int) -> str | None:
    """Cached :func:`english_slip`: the same non-words recur across the drafts of an archive."""
    if edits <= 0:
        return None
    calendar = calendar_slip(lower)
    if calendar:
        return calendar
    if lower.endswith(DERIVATIONS) or _british(lower):
        return None
    counts = vocabulary.common_english(min_count)
    found = [
        name
        for name, _score in nearest_same_initial(
            lower,
            vocabulary.common_english_by_length(min_count),
            vocabulary.common_english_by_initial(min_count),
            1,
        )
        if not variant_of(lower, name) or len(name) == len(lower)
    ]
    if _compound_of_words(lower, min_count) and not any(
        edit_rank(lower, name) <= 2 and len(name) > len(lower) for name in found
    ):
        return None  # "uplisting", but "comission" is commission with an m dropped
    if len(lower) == 4 and found:  # four letters: a dropped letter or a swap of a very common word
        found = [name for name in found if _short_slip(lower, name) and len(name) >= len(lower)]
        found = [name for name in found if counts[name] >= 5 * min_count]
    if not found:
        return None
    best = min(edit_rank(lower, name) for name in found)
    found = [name for name in found if edit_rank(lower, name) == best]
    found.sort(key=lambda name: counts[name], reverse=True)
    if len(found) > 1 and counts[found[1]] * 10 > counts[found[0]]:
        return None
    return found[0]


def edit_rank(word: str, name: str) -> int:
    """Rank how likely a typist's slip turns *name* into *word* (one edit apart): lower is likelier.

    A letter doubled ("includde") comes first, then two neighbours swapped
    ("roubst"), then a letter dropped ("leadr"), then one added, then one changed:
    "ragne" is range, not rage; "tracton" is traction, not tractor.
    """
    if len(word) == len(name):
        return 1 if sorted(word) == sorted(name) else 4
    if len(word) == len(name) + 1:
        doubled = any(
            word[index] == word[index - 1] and word[:index] + word[index + 1 :] == name
            for index in range(1, len(word))
        )
        return 0 if doubled else 3
    return 2


#: Endings that make a word no list holds from one it does: "resectable", "druggability".
#: Such a word is a term of art more often than a typo of a word one letter away.
DERIVATIONS = ("able", "ability", "ibility", "ness", "ization", "izations", "ity", "ization")

#: British spellings and the American ones they are one edit from: "centre", "labour", "organise".
_BRITISH = (
    ("re", "er"),
    ("our", "or"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
)


def _british(lower: str) -> bool:
    """Tell whether *lower* is the British spelling of an English word."""
    english = vocabulary.is_english
    for british, american in _BRITISH:
        if lower.endswith(british) and english(lower[: -len(british)] + american):
            return True
    return (
        lower.startswith(("ae", "oe"))
        and english(lower[1:])
        or "ae" in lower
        and english(lower.replace("ae", "e"))
    )


#: Short prefixes run onto words in business English: "uplisting", "cobranded".
_PREFIXES = frozenset({"up", "co", "re", "un", "bi", "ex", "de", "pre", "non", "sub", "mid"})


def _compound_of_words(lower: str, min_count: int) -> bool:
    """Tell whether *lower* is two common words run together: "uplisting", "counterparty"."""
    counts = vocabulary.common_english(min_count)
    return any(
        lower[:index] in counts or lower[:index] in _PREFIXES
        for index in range(2, len(lower) - 2)
        if lower[index:] in counts
    )


def calendar_slip(lower: str) -> str | None:
    """Return the month or weekday name *lower* is one edit from, if just one."""
    found = [name for name, _score in nearest(lower, _calendar_by_length(), 1)]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1)
def _calendar_by_length() -> dict[int, tuple[str, ...]]:
    """Return the month and weekday names by length: common in releases, rarer in subtitles.

    pyspellchecker counts "january" 457 times: under any useful threshold,
    though every release has a date. They are searched first, and win.
    """
    names = [month.name.lower() for month in calendar_words.months()]
    names += [day.name.lower() for day in calendar_words.weekdays()]
    by_length: dict[int, list[str]] = {}
    for name in names:
        by_length.setdefault(len(name), []).append(name)
    return {length: tuple(group) for length, group in by_length.items()}


def is_calendar(lower: str) -> bool:
    """Tell whether *lower* is a month or weekday name."""
    return lower in _calendar_by_length().get(len(lower), ())


_SENTENCE_START = pattern_cache.compile(r"(?:^|[.!?:;\"“‘(\[•*-])\s*$")
_LINE_WORD = pattern_cache.compile(r"\p{L}[\p{L}']*")


def where_words_are_capitalised(text: str, start: int) -> bool:
    """Tell whether a capital at *start* is one any word would have: a sentence's start or a title.

    Elsewhere a capitalised non-word is a name far more often than a typo.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if _SENTENCE_START.search(text, line_start, start) is not None:
        return True
    line_end = text.find("\n", start)
    line = _LINE_WORD.findall(text, line_start, line_end if line_end >= 0 else len(text))
    long_words = [word for word in line if len(word) > 3]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) * 10 >= 8 * len(
        long_words
    )


#: Short words a title-case name runs through: "Department of Health", "Fund Holdings".
_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "&", "in", "on", "to", "de"})


def in_title_phrase(text: str, start: int, end: int) -> bool:
    """Tell whether the word at *start*:*end* stands in a title-case phrase of English words.

    "OTC Markets Gorup", "Credit Fund Hldings LP", "U.S. Deprtment of Health":
    a capitalised non-word beside a capitalised English word (not a person's
    name) is a slip inside a name made of words, where a surname would
    stand beside a first name.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = [
        w for w in _LINE_WORD.findall(text, line_start, start) if w.lower() not in _FUNCTION_WORDS
    ]
    after = [w for w in _LINE_WORD.findall(text, end, line_end) if w.lower() not in _FUNCTION_WORDS]
    neighbours = before[-1:] + after[:1]
    return any(
        word[:1].isupper()
        and len(word) > 2
        and not word.isupper()
        and vocabulary.is_english(word)
        and (
            not vocabulary.is_person_name(word) or vocabulary.english_count(word.lower(), 5000) > 0
        )
        for word in neighbours
    )


_TITLE_BEFORE = pattern_cache.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame)\.?|\bProfessor)\s+$")


#: A capitalised word and white space just before a name: "Maria " in "Maria Gonzales".
_FIRST_NAME_BEFORE = pattern_cache.compile(r"(?<![\p{L}\p{N}.])\p{Lu}\p{Ll}+[ \t]+\Z")


#: A courtesy or academic title before a capitalised word: where a surname is referred back to.
_TITLE = pattern_cache.compile(
    r"(?<![\p{L}\p{N}])(?:Mr|Ms|Mrs|Dr|Prof|Sir|Dame|Professor)\.?[ \t]+(?=\p{Lu})"
)


def titled_words(words: Words) -> list[str]:
    """Return the lowercase words written after a title ("Ms. Gonzalez"), in text order, once each."""
    text = words.text
    found: dict[str, None] = {}
    for title in _TITLE.finditer(text):
        word = WORD.match(text, title.end())
        if word is not None:
            found[word.group().lower()] = None
    return list(found)


def title_reference_slip(lower: str, words: Words) -> str | None:
    """Return the surname of a person named in full that a titled surname, used once, is one slip of.

    "said Maria Gonzales ... Ms. Gonzalez": both are surnames of the lists,
    so neither is a slip by its spelling alone. But a surname after a
    courtesy title refers back to someone the release names; when no one
    else in it has that surname and exactly one person named in full has a
    surname one edit from it (at four letters: a swap, a dropped or a
    doubled letter), the reference misspells that person's name: "Dr. Patel"
    with "Uttam Patil", "Dr. Sngh" with "Harpreet Singh". Being the only use
    of the surname is what makes it a slip: a Dr. Patel of the release's
    own would be named in full somewhere. Two people named in full a letter
    apart ("Dean Burns", "Carl Bruns") are not asked.
    """
    if len(lower) < 4 or words.count(lower) != 1:
        return None
    start, end = words.spans[lower][0]
    form = words.text[start:end]
    if not form[:1].isupper() or form.isupper():
        return None
    nearby = [
        name
        for name in words.spans
        if abs(len(name) - len(lower)) <= 1 and name[:1] == lower[:1] and name != lower
    ]
    found = [
        name
        for name, edits in within(lower, nearby, 1)
        if edits == 1
        and (len(lower) >= 5 or _short_slip(lower, name))
        and not variant_of(lower, name)
        and _named_in_full(name, words)
    ]
    return found[0] if len(found) == 1 else None


def _named_in_full(lower: str, words: Words) -> bool:
    """Tell whether the release writes *lower*, capitalised, after a first name ("Maria Gonzales")."""
    text = words.text
    return any(
        text[start : start + 1].isupper()
        and not text[start:end].isupper()
        and _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start) is not None
        for start, end in words.spans[lower]
    )


def after_title(text: str, start: int) -> bool:
    """Tell whether the word at *start* follows a courtesy or academic title: "Ms. Mirit"."""
    return _TITLE_BEFORE.search(text, max(0, start - 12), start) is not None
