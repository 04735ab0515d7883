"""Words of a draft as the ``lexicon`` kind sees them.

A word is a run of letters and digits, hyphenated parts included
("L-Annamycin", "NWO-217"); an apostrophe ends it, so "Callisto's" counts
as "Callisto". Words inside web addresses, e-mail addresses, handles and
hashtags are left out: "www.abbvie.com" is not a wrong-case "AbbVie".
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any

from checker.analysis import vocabulary
from checker.document.model import Document, per_document
from checker.matching import pattern_cache
from checker.model import Scope

if TYPE_CHECKING:
    import regex

#: A dash written as two hyphens ("California--January 19") starts a word; one hyphen does not.
#: The first letter comes before the look-behind that tests what precedes it: a pattern that
#: opens with a letter class is searched for that class, one opening with a look-behind is
#: tried at every position (0.80 ms a release against 0.46, the pattern timed alone).
WORD = pattern_cache.compile(
    r"\p{L}(?<![\p{L}\p{N}_]\p{L}|(?<!-)-\p{L})[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}_])"
)
_ADDRESS = pattern_cache.compile(
    r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+"
    r"|(?<![\w.-])[\w-]++(?:\.[\w-]++)*\.(?:com|org|net|io|ai|gov|edu|co|us|bio|health)\b\S*"
)
#: What every address holds, and few other stretches of a release do: where to look for one.
#: The look-ahead names, case by case, the characters the alternatives start with: without it the
#: engine tries the case-insensitive alternation at every position (130 microseconds a release
#: against 48, the pattern timed alone), and it changes no match.
_ADDRESS_HINT = pattern_cache.compile(
    r"(?=[:wW@#.])(?i:://|www\.|[@#]|\.(?:com|org|net|io|ai|gov|edu|co|us|bio|health))"
)
_SPACE = pattern_cache.compile(r"\s")
_SPACE_BEFORE = pattern_cache.compile(r"(?r)\s")
#: A trademark sign, or a parenthesised name after a word: "Gleevec® (imatinib)".
_BRAND_CONTEXT = pattern_cache.compile(r"\s?(?:®|™|\((?:R|TM)\))|\s*\(\s*(?P<generic>\p{L}+)")
#: A trademark sign or a bracket: :data:`_BRAND_CONTEXT` may match at the white space before one.
_MARK = pattern_cache.compile(r"[®™(]")
#: The last character before an offset that is not white space, searched backwards.
_NON_SPACE_BEFORE = pattern_cache.compile(r"(?r)\S")
_DIGIT = pattern_cache.compile(r"\d")
_INNER_CAPITAL = pattern_cache.compile(r"\p{L}\p{Lu}")


@dataclass
class Words:
    """The words of a draft in a rule's scope: spans by lowercase form."""

    text: str = ""
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    marked: set[str] = field(default_factory=set)  # brands: with ®/™ or "(generic)"
    #: What rules derive from the words and share within a draft (the release's own lexicon).
    derived: dict[object, Any] = field(default_factory=dict)
    #: Hyphenated words of letters whose parts are counted as words too (:func:`with_parts`).
    compounds: set[str] = field(default_factory=set)
    #: Forms counted so far, by lowercase word: a word repeated through a draft is counted once,
    #: not once per question about it (linear on a draft of one name repeated to the size limit).
    _forms: dict[str, Counter] = field(default_factory=dict, repr=False, compare=False)

    def count(self, lower: str) -> int:
        """Return how often a word occurs, any case."""
        return len(self.spans.get(lower, ()))

    @cached_property
    def unknown(self) -> list[str]:
        """Return the words, in order of first use, that no dictionary vouches for.

        That is: no digit (code names), not English, not a UNII name. Every
        spelling rule asks this of every word, so it is answered once per
        draft; each rule then applies its own length, allow and count limits.
        """
        return list(filter(is_unknown, self.spans))

    @cached_property
    def repeated_by_length(self) -> dict[int, list[str]]:
        """Return the words used twice or more, grouped by length, in order of first use.

        What a word may be a slip of within the draft: asked for every
        candidate, grouped once so that each looks only at lengths within reach.
        """
        grouped: dict[int, list[str]] = {}
        for lower, spans in self.spans.items():
            if len(spans) >= 2:
                grouped.setdefault(len(lower), []).append(lower)
        return grouped

    def repeated_near_length(self, length: int, reach: int) -> Iterator[str]:
        """Yield the words used twice or more whose length is within *reach* of *length*."""
        grouped = self.repeated_by_length
        for near in range(length - reach, length + reach + 1):
            yield from grouped.get(near, ())

    def forms(self, lower: str) -> Counter:
        """Return how often the draft writes a word each way, in order of first use.

        Counted from the spans when asked: only the few words reported or
        compared need it, and a counter for every word of every draft cost
        more than the rest of word collection. Asked only once the words are
        collected, so the count kept for each word stays true. Read it, do not
        change it.
        """
        if lower not in self._forms:
            spans = self.spans.get(lower, ())
            self._forms[lower] = Counter(self.text[start:end] for start, end in spans)
        return self._forms[lower]

    def usual_form(self, lower: str) -> str:
        """Return the most common way the draft writes a word (first on a tie)."""
        return self.forms(lower).most_common(1)[0][0]

    def form_like(self, lower: str, model: str) -> str:
        """Return the draft's form of a word written most like *model*.

        A fix for "Keytrdua" should be "Keytruda" even when the headline's
        "KEYTRUDA" is as common: the same case pattern wins, then any form
        not in ALL CAPS; when the draft writes the word in ALL CAPS only (a
        dateline's "PHILADELPHIA"), the fix takes the case of *model*.
        """
        ranked = [form for form, _count in self.forms(lower).most_common()]
        for form in ranked:
            if match_case(model, form) == form and form.isupper() == model.isupper():
                return form
        for form in ranked:
            if not form.isupper():
                return form
        if model.isupper():
            return ranked[0]
        return match_case(model, ranked[0].lower())  # "Philidelphia" beside a dateline PHILADELPHIA


def with_parts(words: Words) -> Words:
    """Return the words with each part of a hyphenated word of letters counted as a word too.

    "Nuvada-based" is a slip of Nevada, "partnership-foccused" of focused,
    "Russia-Ukrraine" of Ukraine: a whole compound is in no dictionary, but
    each of its parts should be. The whole words stay, as what other words
    are compared with, and are listed in :attr:`Words.compounds`. Built once
    per draft and kept on the word index.
    """
    if "with-parts" not in words.derived:
        words.derived["with-parts"] = _counting_parts(words)
    return words.derived["with-parts"]


def _counting_parts(words: Words) -> Words:
    """Build the view :func:`with_parts` returns, in the order the words are first used.

    A word no compound adds to keeps its list of spans, shared with the
    words it came from rather than copied (both are read, never changed); a
    list is copied only when a part is first added to it, and only those
    lists are sorted again. Copying and sorting every list cost a quarter
    of a millisecond a draft.
    """
    spans: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    view = Words(words.text, spans, words.marked)
    shared: set[str] = set()
    grown: set[str] = set()
    for lower, found in words.spans.items():
        if lower in spans:  # a part of an earlier compound: this word's own spans join it
            spans[lower].extend(found)
        else:
            spans[lower] = found
            shared.add(lower)
        if "-" not in lower or has_digit(lower):
            continue
        view.compounds.add(lower)
        for start, _end in found:
            offset = start
            for part in lower.split("-"):
                if len(part) >= 2:
                    if part in shared:
                        spans[part] = list(spans[part])
                        shared.discard(part)
                    spans[part].append((offset, offset + len(part)))
                    grown.add(part)
                offset += len(part) + 1
    for lower in grown:
        spans[lower].sort()
    return view


@per_document
def collect(document: Document, scope: Scope) -> Words:
    """Return the draft's words in scope, addresses left out (once per draft and scope)."""
    return _collect(document, scope)


def _collect(document: Document, scope: Scope) -> Words:
    """Collect the words in scope and where each occurs.

    This runs over every word of the draft, so the per-word work is done in
    C where it can be: the spans come from one scan, their lowercase forms
    are slices of the draft lowercased once, words in addresses are dropped
    a run at a time, and the brand test runs only on words that end where a
    mark or a bracket may follow (:func:`_mark_ends`). Against a Python loop
    doing each of these per word, a lint takes about 1% fewer instructions.
    """
    text = document.text
    words = Words(text)
    found = [match.span() for match in _words(text, document.scope_spans(scope))]
    found = _outside(found, blocked_spans(document))
    if not (scope.quotes == "include" and not scope.parts and not scope.exclude_parts):
        found = [span for span in found if document.in_scope(span[0], scope)]
    lowers = _lowercase_forms(text, found)
    spans = words.spans
    for span, lower in zip(found, lowers):
        spans[lower].append(span)
    words.marked.update(
        lowers[index]
        for index in _ending_at(found, _mark_ends(text))
        if _branded(text, found[index][1])
    )
    return words


def _outside(found: list[tuple[int, int]], blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the word spans of *found* that do not start inside one of the *blocked* spans.

    Both lists are sorted and neither overlaps itself, so each blocked span
    drops one run of words, found by bisection: a draft has a handful of
    addresses against a thousand words.
    """
    if not blocked:
        return found
    starts = [start for start, _end in found]
    kept: list[tuple[int, int]] = []
    taken = 0
    for start, end in blocked:
        first = bisect.bisect_left(starts, start, taken)
        kept.extend(found[taken:first])
        taken = max(first, bisect.bisect_left(starts, end, first))
    kept.extend(found[taken:])
    return kept


def _lowercase_forms(text: str, found: list[tuple[int, int]]) -> list[str]:
    """Return the lowercase form of each word span, in order.

    Slices of the draft lowercased once, where lowercasing keeps every
    character's length (it lengthens a few, such as "İ"); else each word is
    lowered on its own.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return [lowered[start:end] for start, end in found]
    return [text[start:end].lower() for start, end in found]


def _ending_at(found: list[tuple[int, int]], offsets: set[int]) -> list[int]:
    """Return the indexes, in order, of the word spans that end at one of *offsets*."""
    if not offsets:
        return []
    ends = [end for _start, end in found]
    indexes = []
    for offset in sorted(offsets):
        index = bisect.bisect_left(ends, offset)
        if index < len(ends) and ends[index] == offset:
            indexes.append(index)
    return indexes


def _words(text: str, spans: list[tuple[int, int]]) -> Iterator[regex.Match]:
    """Yield the matches of :data:`WORD` in the spans.

    Without the time limit of :func:`~checker.patterns.search_spans`: WORD
    is fixed and runs in linear time (hyphens keep its repeated parts from
    overlapping), and the limit costs about a microsecond per match: it more than doubled the
    scan of a draft's thousand words.
    """
    return chain.from_iterable(WORD.finditer(text, start, end) for start, end in spans)


def _mark_ends(text: str) -> set[int]:
    """Return the offsets where white space (or none) leads to ®, ™ or "(".

    :func:`_branded` can only hold for a word ending at one of them (both of
    its alternatives start with white space, then one of those characters), and
    a draft has few of them, against a thousand words. Each is where the run
    of white space before a mark starts, found from the mark backwards: one
    pattern for the run and the mark, ``(?<!\\s)\\s*[®™(]``, starts with a
    look-behind the engine tries at every position of the draft (190
    microseconds a release against 40).
    """
    ends = set()
    for mark in _MARK.finditer(text):
        before = _NON_SPACE_BEFORE.search(text, 0, mark.start())
        ends.add(before.end() if before else 0)
    return ends


def _branded(text: str, end: int) -> bool:
    """Tell whether the word ending at *end* carries ® or ™ or an official drug name in brackets."""
    match = _BRAND_CONTEXT.match(text, end, end + 60)
    if match is None:
        return False
    generic = match.group("generic")
    return generic is None or vocabulary.is_official_drug_name(generic.lower())


@per_document
def blocked_spans(document: Document) -> list[tuple[int, int]]:
    """Return the draft's address spans, found once per draft for word collection and the case check."""
    return address_spans(document.text)


def address_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of web and e-mail addresses, handles and hashtags.

    Addresses hold no spaces, so the address pattern is run over whole
    space-free stretches, and only over those holding what every address
    holds (:data:`_ADDRESS_HINT`: "://", "www.", @, # or a dot before a
    domain ending): run over the whole draft, the pattern cost more than the
    rest of word collection together, and over every stretch with a dot
    (each sentence's last word) still half as much.
    """
    found: list[tuple[int, int]] = []
    searched_to = 0
    for hint in _ADDRESS_HINT.finditer(text):
        if hint.start() < searched_to:
            continue  # in the stretch just searched
        start, end = _stretch_around(text, hint.start())
        found.extend(match.span() for match in _ADDRESS.finditer(text, start, end, timeout=2.0))
        searched_to = end
    return found


def _stretch_around(text: str, offset: int) -> tuple[int, int]:
    """Return the span of the space-free stretch that holds the character at *offset*."""
    before = _SPACE_BEFORE.search(text, 0, offset)
    after = _SPACE.search(text, offset)
    return (before.end() if before else 0), (after.start() if after else len(text))


def has_inner_capital(word: str) -> bool:
    """Tell whether a word mixes case inside (BioCorRx, siRNA), unlike KEYTRUDA."""
    return not word.isupper() and bool(_INNER_CAPITAL.search(word))


@lru_cache(maxsize=65536)
def is_unknown(lower: str) -> bool:
    """Tell whether no dictionary vouches for a lowercase word: no digit, not English, not UNII.

    Remembered, like the three answers it joins: a draft's words are asked
    twice, as words and with their compounds' parts (:func:`with_parts`),
    and one remembered answer is a single lookup made in C.
    """
    return (
        not has_digit(lower)
        and not vocabulary.is_english(lower)
        and not vocabulary.is_drug_name(lower)
    )


@lru_cache(maxsize=65536)
def has_digit(word: str) -> bool:
    """Tell whether a word holds a digit: code names are never near misses.

    Remembered: the spelling rules ask it of every word of a draft, about
    2,700 times a release, and a cached answer is a lookup made in C.
    """
    return not word.isalpha() and _DIGIT.search(word) is not None  # letters only: no digit


def hard_wrapped(text: str) -> bool:
    """Tell whether the draft wraps paragraphs over several lines.

    In a hard-wrapped draft a hyphen at the end of a line is ordinary
    wrapping; in a draft with one line per paragraph it splits a word.
    """
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if not filled:
        return False
    continued = sum(1 for index in filled if index + 1 < len(lines) and lines[index + 1].strip())
    return continued * 2 > len(filled)


def match_case(model: str, word: str) -> str:
    """Write *word* in the case pattern of *model* (lower, Title or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
