"""``lexicon``: drug, product and company names spelled as they should be.

Parameters: ``report`` says what to look for:

* ``near-miss``: a word a few edits away from one of the rule's ``terms``
  or, with ``drug_names`` (UNII name types, e.g. ``["of"]``), from a name
  in the shipped FDA UNII list: "metfromin" → "metformin".
* ``draft``: a word a few edits away from a product or drug name that the
  same draft uses more often: "L-Annamcyin" beside "L-Annamycin" ×14. A
  name counts as a product when it is in the UNII list, ends with one of
  the rule's ``stems``, or carries ® or ™ in the draft.
* ``split``: a hyphenated name split after its hyphen ("L- Annamycin"),
  when the draft or the ``terms`` spell it joined.
* ``case``: a term written in a case it is not written in ("Abbvie").
* ``release``: a word used once that is a slip of a word the release itself
  writes twice or more, which is neither English nor a known name: "Nehpros"
  beside Nephros ×8, "Oivd" beside Ovid ×3 (under six letters, a transposition
  or a dropped letter of a name used three times), "Zrovex-1" beside Zorvex-1.
  Product names (as ``draft`` tells them) are left to ``draft``. A word the
  release writes once counts as well where a list vouches for its spelling
  and not for the slip's: "Shaprio" beside one "Shapiro" (US Census names),
  "micorparticles" beside "microparticles" (two common words). Real names
  a letter apart ("Marion", "Marian") are never slips of each other.
* ``place``: a capitalised word one or two edits from a place name in the
  shipped gazetteer (GeoNames): "CINCINATTI", "Saskatchwan".
* ``english``: a word in no dictionary one edit from an English word used at
  least ``min_count`` times in pyspellchecker's frequency list: "devlopment";
  and, however often and however far, a lowercase inflection spelled against
  a rule the word list attests: "occured", "arguement", "basicly"; and a
  rare listed word one letter from a very common one: "untill", "brough".

The last three check each part of a hyphenated word as a word ("Nuvada-based"),
and stay quiet where an earlier one of them, or a drug-name or
product near miss, has an answer, so that a slip is reported once.

``terms`` are objects: ``term`` (the canonical form), ``variants`` (other
accepted forms; ALL CAPS is always accepted), and ``never_autofix`` (a
reason: the finding then offers no fix). ``marked_only`` limits UNII near
misses to words marked as brands (® or ™, or an official drug name in
brackets after them: "Keytrdua® (pembrolizumab)"). ``stems`` is a list of name endings, or
``"drug_stems"`` for the USAN/INN stems of ``checker/data/drug_stems.json``. ``allow`` lists words never
reported; ``tolerance`` scales the edits allowed by word length;
``max_occurrences`` skips a word used more often than that, as intended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from checker import data
from checker.analysis import vocabulary
from checker.analysis import words as word_index
from checker.analysis.words import Words, has_digit, has_inner_capital, match_case
from checker.cache.answers import remembered
from checker.document.model import Document, per_document
from checker.kinds.base import Context
from checker.kinds.lexicon import own, phrases
from checker.kinds.lexicon.match import (
    Tolerance,
    distance,
    nearest,
    nearest_same_initial,
    variant_of,
    within,
)
from checker.matching import engine, pattern_cache, prefilter
from checker.matching.patterns import search_spans
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_SPLIT = pattern_cache.compile(
    r"(?<![\p{L}\p{N}_-])(?P<head>\p{L}[\p{L}\p{N}]*)-(?P<gap>[ \t]+|[ \t]*\n[ \t]*)"
    r"(?P<tail>[\p{L}\p{N}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)(?![\p{L}\p{N}_])"
)

#: What every split name holds: a letter or digit, its hyphen, then a space, tab or line break.
#: Few drafts have one, and this finds out a hundred times faster than a search for _SPLIT.
_SPLIT_HINT = pattern_cache.compile(r"(?<=[\p{L}\p{N}])-[ \t\n]")


class Term(NamedTuple):
    """A canonical name, the forms accepted for it, and whether to fix it."""

    term: str
    accepted: frozenset[str]
    never_autofix: str | None = None


class Lexicon(NamedTuple):
    """A compiled ``lexicon`` check."""

    report: str
    terms: dict[str, Term]
    term_lengths: dict[int, list[str]]
    term_pattern: regex.Pattern | None
    #: The terms case-folded: a draft holding none of them cannot match :attr:`term_pattern`.
    term_folds: frozenset[str]
    drug_types: str
    allow: frozenset[str]
    tolerance: Tolerance
    stems: tuple[str, ...]
    max_occurrences: int
    marked_only: bool = False
    min_count: int = 1000


#: A report's search: the compiled check, the draft, the rule's scope, the context.
Report = Callable[[Lexicon, Document, Scope, Context], Iterator[Hit]]


def compile(params: dict[str, Any], where: str) -> Lexicon:
    """Compile a ``lexicon`` check's parameters."""
    terms: dict[str, Term] = {}
    for raw in params["terms"]:
        term = Term(
            raw["term"],
            frozenset([raw["term"], raw["term"].upper(), *raw.get("variants", [])]),
            raw.get("never_autofix"),
        )
        for form in term.accepted:
            terms[form.lower()] = term
    pattern = None
    if terms:
        names = sorted({term.term for term in terms.values()}, key=len, reverse=True)
        pattern = pattern_cache.compile(
            r"(?<![\p{L}\p{N}_-])\L<names>(?![\p{L}\p{N}_]|-\p{L})",
            engine.VERSION1 | engine.IGNORECASE,
            names=names,
        )
    return Lexicon(
        report=params["report"],
        terms=terms,
        term_lengths=_by_length({term.term.lower() for term in terms.values()}),
        term_pattern=pattern,
        term_folds=frozenset(term.term.casefold() for term in terms.values()),
        drug_types=",".join(params["drug_names"]),
        allow=frozenset(word.lower() for word in params["allow"]),
        tolerance=Tolerance(**params["tolerance"]),
        stems=_stems(params["stems"]),
        max_occurrences=params["max_occurrences"],
        marked_only=params["marked_only"],
        min_count=params["min_count"],
    )


def _stems(given: list[str] | str) -> tuple[str, ...]:
    """Return a rule's drug-name stems: its own list, or the data file it names ("drug_stems")."""
    if isinstance(given, str):
        return tuple(data.load(given)["stems"])
    return tuple(given)


def find(check: Lexicon, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield the hits of the check's report on the draft."""
    yield from REPORTS[check.report](check, document, scope, context)


def _near_miss_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report words a few edits from a listed term or drug name ("L-Annumycin": its parts)."""
    yield from _near_misses(check, word_index.with_parts(word_index.collect(document, scope)))


def _draft_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report words a few edits from a name the draft itself uses more often."""
    yield from _draft_misses(check, word_index.collect(document, scope))


def _split_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report hyphenated names split after the hyphen."""
    yield from _splits(check, document, scope, word_index.collect(document, scope))


def _case_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report terms written in a case none of their forms has."""
    yield from _wrong_case(check, document, scope)


def _candidates(check: Lexicon, words: Words) -> Iterator[str]:
    """Yield the words that may be misspellings at all, in order of first use.

    Not when it holds a digit (code names), is English or a UNII name (all
    three asked once per draft: :attr:`Words.unknown`), nor when it is
    short, allowed, a known form of a term, or used often enough to be meant.
    """
    for lower in words.unknown:
        if len(lower) < check.tolerance.min_length or lower in check.allow or lower in check.terms:
            continue
        if _combining_form(lower, words):
            continue  # "immuno-", "neuro-": not words of their own
        if words.count(lower) <= check.max_occurrences:
            yield lower


def _near_misses(check: Lexicon, words: Words) -> Iterator[Hit]:
    """Report words one or two edits from a term or a UNII name.

    A hyphenated word is asked first as a whole ("L-Annamyicn" for the term
    L-Annamycin), then, where the whole has no answer, by its parts.
    """
    reported: list[tuple[int, int]] = []
    candidates = list(_candidates(check, words))
    for lower in sorted(candidates, key=lambda word: word not in words.compounds):
        if any(s <= start < e for start, _end in words.spans[lower] for s, e in reported):
            continue  # a part of a compound reported whole
        if _part_of_draft_name(check, lower, words):
            continue  # "L-Annamcyin" beside L-Annamycin x14: the draft report's
        hits = list(_near_miss_hits(check, lower, words))
        reported.extend((hit.start, hit.end) for hit in hits)
        yield from hits


def _near_miss_hits(check: Lexicon, lower: str, words: Words) -> Iterator[Hit]:
    """Yield the hits of one candidate word: a near miss of a term, else of a UNII name."""
    spans = words.spans[lower]
    edits = check.tolerance.edits(len(lower))
    found = nearest(lower, check.term_lengths, edits) if check.term_lengths else []
    if len(found) == 1:
        term = check.terms[found[0][0]]
        yield from _hits(words.text, spans, term.term, term.never_autofix, keep_case=False)
        return
    if found or not check.drug_types:
        return
    if check.marked_only and lower not in words.marked and not _listed_with_drug(words, lower):
        return
    form = words.usual_form(lower)
    if has_inner_capital(form):
        return
    if not check.marked_only and form.isupper():
        return  # unmarked capitals are acronyms far more often than drugs
    drugs = _nearest_of_types(check, lower, edits)
    if len(drugs) == 1:
        yield from _hits(words.text, spans, drugs[0][0], None, keep_case=True)


def _nearest_of_types(check: Lexicon, lower: str, edits: int) -> tuple[tuple[str, int], ...]:
    """Return the nearest UNII names of the rule's types, official names first.

    Common names ("cn") count only when they look like a substance's name,
    ending with a drug stem or twelve letters long ("dihydroorotate"): the
    list's short common names ("pimentos", "paskin") are near too many
    words and names. A longer form of the word ("annamycinol") is a
    metabolite or a salt, not a slip.
    """
    for kind in check.drug_types.split(","):
        found = _nearest_drug(lower, kind, edits)
        if kind == "cn":
            found = tuple(
                (name, score)
                for name, score in found
                if (name.endswith(check.stems) or len(name) >= 12) and not variant_of(lower, name)
            )
        if found:
            return found
    return ()


@lru_cache(maxsize=8192)
@remembered
def _nearest_drug(lower: str, types: str, edits: int) -> tuple[tuple[str, int], ...]:
    """Return the nearest UNII names; kept, in a run and across runs, as words recur across drafts.

    Both tables are searched: the names no word list knows, and those that
    are English words too, which are the commonest drugs ("ibuprofen").
    Among names equally near, those with the word's first letter win: a
    typist keeps it, so "metotrexate" is methotrexate, not ketotrexate.
    """
    found = nearest(lower, vocabulary.drug_targets(types), edits)
    found += nearest_same_initial(  # "Lycogen" is a company's name, not a slip of glycogen
        lower,
        vocabulary.english_drug_targets(types),
        vocabulary.english_drug_targets_by_initial(types),
        edits,
    )
    if not found:
        return ()
    best = min(score for _name, score in found)
    found = [(name, score) for name, score in found if score == best]
    same_start = [(name, score) for name, score in found if name[0] == lower[0]]
    return tuple(same_start or found)


_LIST_BEFORE = pattern_cache.compile(r"(?P<drug>\p{L}+)(?:,\s*|\s+(?:and|or)\s+)$")


def _listed_with_drug(words: Words, lower: str) -> bool:
    """Tell whether every use of *lower* follows a drug name in a list: "Lipitor, Cresstor".

    A word listed with a drug is a drug too: its brand-name near miss counts
    though it carries no ® or ™.
    """
    for start, _end in words.spans[lower]:
        match = _LIST_BEFORE.search(words.text, max(0, start - 40), start)
        if match is None:
            return False
        drug = match.group("drug")
        if not vocabulary.is_drug_name(drug) or vocabulary.is_english(drug):
            return False
    return True


def _part_of_draft_name(check: Lexicon, lower: str, words: Words) -> bool:
    """Tell whether *lower* occurs only inside compounds that are near misses of the draft's own names."""
    wholes = [
        compound
        for compound in words.compounds
        if lower in compound.split("-") and words.count(compound) <= check.max_occurrences
    ]
    return bool(wholes) and any(
        _drug_or_product(check, whole, words) or _draft_name_near(check, whole, words)
        for whole in wholes
    )


def _draft_name_near(check: Lexicon, lower: str, words: Words) -> bool:
    """Tell whether the draft uses a word a few edits from *lower* at least twice as often."""
    edits = max(1, check.tolerance.edits(len(lower)))
    return any(
        words.count(name) >= 2 * words.count(lower)
        and not variant_of(lower, name)
        and distance(lower, name) <= edits
        for name in words.repeated_near_length(len(lower), edits)
        if name != lower
    )


def _draft_misses(check: Lexicon, words: Words) -> Iterator[Hit]:
    """Report words a few edits from a product name the draft uses more often."""
    products = [
        lower
        for lower, spans in words.spans.items()
        if len(spans) >= 2 and _product(check, lower, words)
    ]
    if not products:
        return
    for lower in _candidates(check, words):
        spans = words.spans[lower]
        edits = check.tolerance.edits(len(lower))
        frequent = [name for name in products if words.count(name) >= 2 * len(spans)]
        close = [
            name
            for name, found in within(lower, frequent, edits)
            if found <= check.tolerance.edits(len(name)) and not variant_of(lower, name)
        ]
        if len(close) != 1:
            continue
        for start, end in spans:
            expected = words.form_like(close[0], words.text[start:end])
            yield Hit(
                start,
                end,
                {
                    "match": words.text[start:end],
                    "expected": expected,
                    "count": str(words.count(close[0])),
                    "times": times(words.count(close[0])),
                    "note": "",
                },
                expected,
            )


def _release_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report one-off slips of words the release itself uses twice or more."""
    words = word_index.with_parts(word_index.collect(document, scope))
    lexicon = _own_lexicon(check, words)
    reported: list[tuple[int, int]] = []
    for lower in [*sorted(words.compounds & set(words.unknown)), *_once(check, words, 4)]:
        if words.count(lower) > check.max_occurrences or lower in check.allow:
            continue
        if any(s <= start < e for start, _end in words.spans[lower] for s, e in reported):
            continue  # a compound reported whole ("Mbile-health"): its parts are not reported again
        expected = own.own_slip(lower, lexicon, words, check.tolerance)
        if expected is not None and not _drug_or_product(check, lower, words):
            reported.extend(words.spans[lower])
            yield from _slip_hits(words, lower, expected)
    for lower, spans in words.spans.items():
        if len(spans) == 1 and has_digit(lower) and lower not in check.allow:
            expected = own.code_slip(lower, words)
            if expected is not None:
                yield from _slip_hits(words, lower, expected)
    for lower in sorted(words.compounds):
        if lower not in check.allow and not _reported(lower, words, reported):
            expected = own.compound_name_slip(lower, words)
            if expected is not None:
                yield from _slip_hits(words, lower, expected)
    for lower in own.titled_words(words):
        if (
            lower in words.spans
            and lower not in check.allow
            and not _reported(lower, words, reported)
        ):
            expected = own.title_reference_slip(lower, words)
            if expected is not None:
                yield from _slip_hits(words, lower, expected)
    for slip in phrases.phrase_slips(words):
        if not any(low <= slip.start < high for low, high in reported):
            yield _phrase_hit(words, slip)


def _phrase_hit(words: Words, slip: phrases.PhraseSlip) -> Hit:
    """Build the hit for a real word that breaks a name the release repeats ("Orlen Medial Systems")."""
    form = words.text[slip.start : slip.end]
    fix = match_case(form, slip.expected)
    count = words.count(slip.expected.lower())
    fields = {
        "match": form,
        "expected": fix,
        "count": str(count),
        "times": times(count),
        "note": "",
    }
    return Hit(slip.start, slip.end, fields, fix)


def _reported(lower: str, words: Words, reported: list[tuple[int, int]]) -> bool:
    """Tell whether a word's first use lies in a span an earlier pass of the report has reported."""
    start, _end = words.spans[lower][0]
    return any(low <= start < high for low, high in reported)


def _place_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report one-off capitalised words a few edits from a place name."""
    words = word_index.with_parts(word_index.collect(document, scope))
    for lower in _once(check, words, 4):
        start, _end = words.spans[lower][0]
        expected = _place(
            check, lower, words, _in_dateline(document, start), _in_dateline_place(document, start)
        )
        if expected is not None:
            yield from _slip_hits(words, lower, expected)
    for lower in _words_in_place_slots(check, document, words):
        # against states, countries and large cities, in the dateline too: the names a slot holds
        expected = own.place_slip(lower, False, check.tolerance)
        if expected is not None and distance(lower, expected) == 1:
            yield from _slip_hits(words, lower, expected)


#: ", " before a capitalised word of six letters or more: where "Boston, Massachusets" names a state.
_PLACE_SLOT = pattern_cache.compile(r"(?<=\p{L}),[ \t]+(?=\p{Lu}\p{Ll}{5})")
#: The word that ends where a search stops: the place before the comma of a slot.
_WORD_AT_END = pattern_cache.compile(r"(?<![\p{L}\p{N}])\p{L}+\Z")
#: How far back from a slot's comma the place before it is looked for: its last word only.
_PLACE_WORD_REACH = 40


def _words_in_place_slots(check: Lexicon, document: Document, words: Words) -> Iterator[str]:
    """Yield the one-off English words the draft writes where a state or country goes.

    The word lists hold rare words and proper names of every kind: web2
    lists "Massachuset", a people, so "Massachusets" is English by its
    plural and :func:`_once` never offers it. After a place and a comma
    ("Boston, Massachusets") a word names a place, and one letter from a
    state or a country it is a slip of that name (the caller asks for one
    edit only). Words the place report already considers are not offered.
    """
    text = document.text
    for slot in _PLACE_SLOT.finditer(text):
        word = word_index.WORD.match(text, slot.end())
        if word is None:
            continue
        lower = word.group().lower()
        if (
            lower not in words.spans
            or words.count(lower) > check.max_occurrences
            or lower in check.allow
            or word_index.is_unknown(lower)
            or vocabulary.is_place_word(lower)
        ):
            continue
        before = _WORD_AT_END.search(text, max(0, slot.start() - _PLACE_WORD_REACH), slot.start())
        if before is not None and vocabulary.is_place_word(before.group().lower()):
            yield lower


def _english_report(
    check: Lexicon, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report one-off non-words one edit from a common English word, and the lists' own slips."""
    words = word_index.with_parts(word_index.collect(document, scope))
    respelled = dict(_english_slips(check, words))
    for lower, spelling in respelled.items():
        if not own.own_slip(lower, _own_lexicon(check, words), words, check.tolerance):
            yield from _slip_hits(words, lower, spelling)
    for lower in _once(check, words, 4):
        if lower in respelled:
            continue
        form = words.usual_form(lower)
        if has_inner_capital(form) or (form.isupper() and len(form) < 6):
            continue  # BioCorRx, tickers and acronyms
        expected = own.english_slip(lower, check.min_count, check.tolerance)
        if expected is None:
            continue  # a slip of a drug name is left to the drug-name report (below)
        start, end = words.spans[lower][0]
        # A month's slip ("Marhc 5") is a slip wherever it stands, but not after a title:
        # "Dr. Marsch" is a name (the release report asks it against the people named).
        calendar = own.is_calendar(expected) and not own.after_title(words.text, start)
        if form[:1].isupper() and not calendar:
            if vocabulary.is_known_name(lower) or own.after_title(words.text, start):
                continue  # a real name ("Warnock", "Ms. Mirit"), not a slip of a word
            if lower in _address_words(document):
                continue  # "Mirit" beside mirit@silexion.com: the release spells it so twice
            if own.where_words_are_capitalised(words.text, start):
                pass  # a sentence's start or a title: any word has a capital there
            elif not own.in_title_phrase(words.text, start, end):
                continue  # a capitalised non-word alone is a name more often than a typo
            elif vocabulary.english_count(expected, check.min_count) < 5 * check.min_count:
                continue  # inside a name ("Maixm Group"), only a slip of a common word counts
        if form[:1].isupper() and _place(check, lower, words, _in_dateline(document, start)):
            continue  # the place report's
        if own.own_slip(lower, _own_lexicon(check, words), words, check.tolerance):
            continue  # the release report's
        if _drug_or_product(check, lower, words):
            continue
        yield from _slip_hits(words, lower, expected)


def _english_slips(check: Lexicon, words: Words) -> Iterator[tuple[str, str]]:
    """Yield each lowercase slip the word lists themselves show, with its spelling.

    A misspelled inflection ("occured": "occurred") and a rare listed word
    one letter from a very common one ("untill": "until"). Unlike other
    non-words, these are reported however often the draft writes them (a
    writer who spells "occured" once spells it so each time) and however
    far the spelling is ("basicly", "basically"): the word list holds the
    right form. A word written with a capital anywhere may be a name
    ("Bader" is "bad" + "er", "Brough" a surname), and is left to the
    one-edit test.
    """
    unknown = set(words.unknown)
    for lower in words.unknown:
        if _lowercase_word(check, words, lower):
            expected = vocabulary.misspelled_inflection(lower)
            if expected is not None:
                yield lower, expected
    answers = _rare_slip_answers(check.min_count)
    for lower in words.spans:
        if len(lower) < 4 or lower in unknown:
            continue
        # asked first: answered from memory for nearly every word, where the form test is not
        if lower in answers:
            expected = answers[lower]
        else:
            if len(answers) >= _MAX_RARE_SLIP_ANSWERS:
                answers.clear()
            expected = answers[lower] = vocabulary.rare_slip_of(
                lower, check.min_count, _RARE_SLIP_COMMONNESS * check.min_count
            )
        if expected is not None and _lowercase_word(check, words, lower):
            yield lower, expected


#: At most this many answers are kept in memory, for a long run over an archive.
_MAX_RARE_SLIP_ANSWERS = 65536


@lru_cache(maxsize=4)
def _rare_slip_answers(min_count: int) -> dict[str, str | None]:
    """Return this process's answers of :func:`vocabulary.rare_slip_of` at one count, by word.

    Asked of every word of every draft: a dictionary lookup costs a tenth of
    a call through the cache decorators, and nearly every answer is None.
    """
    return {}


#: How many times more often pyspellchecker must count a word than ``min_count`` for a rare
#: listed word one letter from it to be its typo ("untill", "brough").
_RARE_SLIP_COMMONNESS = 500


def _lowercase_word(check: Lexicon, words: Words, lower: str) -> bool:
    """Tell whether a word the draft writes only in lowercase may be a slip of an English word."""
    return (
        len(lower) >= 4
        and lower not in check.allow
        and lower not in words.compounds
        and words.forms(lower).keys() == {lower}
        and not vocabulary.is_drug_name(lower)
    )


def _in_dateline(document: Document, offset: int) -> bool:
    """Tell whether *offset* lies in the draft's dateline."""
    dateline = document.dateline
    return dateline is not None and dateline.start <= offset < dateline.end


@per_document
def _address_words(document: Document) -> frozenset[str]:
    """Return the lowercase letter runs of the draft's web and e-mail addresses (once per draft)."""
    text = document.text
    return frozenset(
        run.lower()
        for start, end in word_index.blocked_spans(document)
        for run in _LETTERS.findall(text, start, end)
    )


_LETTERS = pattern_cache.compile(r"\p{L}{4,}")


def _in_dateline_place(document: Document, offset: int) -> bool:
    """Tell whether *offset* lies in the place the dateline opens with ("SAN DIEGO, CA")."""
    dateline = document.dateline
    if dateline is None or not dateline.start <= offset < dateline.end:
        return False
    head = document.text[dateline.start : dateline.end]
    place_end = head.find(dateline.date_text) if dateline.date_text else -1
    return offset < dateline.start + (place_end if place_end > 0 else len(head))


def _once(check: Lexicon, words: Words, min_length: int) -> Iterator[str]:
    """Yield the words no dictionary knows that the draft uses at most ``max_occurrences`` times."""
    for lower in words.unknown:
        if (
            len(lower) >= min_length
            and lower not in words.compounds  # its parts are checked instead
            and not _combining_form(lower, words)
            and lower not in check.allow
            and words.count(lower) <= check.max_occurrences
        ):
            yield lower


def _combining_form(lower: str, words: Words) -> bool:
    """Tell whether a word is only ever the head of a compound, as "immuno-" and "neuro-" are.

    Such heads ending in -o or -i are combining forms ("immuno-oncology",
    "semi-annual"), which no word list holds: they are not slips of "immune".
    A head ending otherwise is a word ("Nuvada-based" is a slip of Nevada).
    """
    if lower in own.PREFIXES_OF_ART:
        return True
    if own.prefix_slip_candidate(lower):
        return False  # "mullti-", "neruo-": the release report's
    return lower[-1] in "oi" and all(
        words.text[end : end + 1] == "-" for _start, end in words.spans[lower]
    )


def _place(
    check: Lexicon, lower: str, words: Words, in_dateline: bool, in_dateline_place: bool = False
) -> str | None:
    """Return the place name a capitalised one-off word is a slip of, unless the release's own words explain it."""
    if not words.usual_form(lower)[:1].isupper():
        return None
    if own.own_slip(lower, _own_lexicon(check, words), words, check.tolerance):
        return None  # the release report's
    if _drug_or_product(check, lower, words):
        return None
    return own.place_slip(lower, in_dateline, check.tolerance, in_dateline_place)


def _own_lexicon(check: Lexicon, words: Words) -> dict[int, list[str]]:
    """Return the release's own lexicon, built once per draft (kept on its word index)."""
    key = "own-lexicon"
    cache = words.derived
    if key not in cache:
        cache[key] = own.own_lexicon(words)
    return cache[key]


def _drug_or_product(check: Lexicon, lower: str, words: Words) -> bool:
    """Tell whether the drug-name or product reports answer for this word: they come first."""
    edits = check.tolerance.edits(len(lower))
    if edits and _nearest_drug(lower, "of", edits):
        return True
    if edits == 0 or words.count(lower) > 2:
        return False
    least = 2 * words.count(lower)
    frequent = [
        name for name in words.repeated_near_length(len(lower), edits) if words.count(name) >= least
    ]
    return any(
        found <= check.tolerance.edits(len(name))
        and _product(check, name, words)
        and not variant_of(lower, name)
        for name, found in within(lower, frequent, edits)  # the distance first: few names pass
    )


def _slip_hits(words: Words, lower: str, expected: str) -> Iterator[Hit]:
    """Yield one hit per occurrence of a slip, the fix in the case the draft writes the word."""
    for start, end in words.spans[lower]:
        form = words.text[start:end]
        if words.count(expected):
            fix = words.form_like(expected, form)
            if form.islower() and fix[:1].isupper() and expected.lower() in words.forms(expected):
                fix = (
                    expected.lower()
                )  # "acqusition" is "acquisition", though the headline has "Acquisition"
        else:
            fix = match_case(form, expected)
        fields = {
            "match": form,
            "expected": fix,
            "count": str(words.count(expected)),
            "times": times(words.count(expected)),
            "note": "",
        }
        yield Hit(start, end, fields, fix)


def times(count: int) -> str:
    """Say how often the release uses a word: "once", "twice", "3 times" (never "1 times")."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _product(check: Lexicon, lower: str, words: Words) -> bool:
    """Tell whether the draft uses a word it writes twice or more as a product name."""
    if has_digit(lower) or lower in check.allow:
        return False
    if lower in words.marked or lower.endswith(check.stems):
        return True
    if vocabulary.is_english(lower):
        return False
    return vocabulary.is_drug_name(lower) or words.count(lower) >= 3


def _splits(check: Lexicon, document: Document, scope: Scope, words: Words) -> Iterator[Hit]:
    """Report hyphenated names split after the hyphen by a space or line break."""
    if _SPLIT_HINT.search(document.text) is None:
        return
    wrapped = word_index.hard_wrapped(document.text)
    for match in search_spans(_SPLIT, document.text, document.scope_spans(scope)):
        if not document.in_scope(match.start(), scope) or (wrapped and "\n" in match.group("gap")):
            continue
        joined = f"{match.group('head')}-{match.group('tail')}".lower()
        if joined in check.terms:
            expected = check.terms[joined].term
        elif words.count(joined):
            expected = words.usual_form(joined)
        else:
            continue
        fields = {"match": match.group(), "expected": expected, "note": ""}
        yield Hit(match.start(), match.end(), fields, expected)


def _wrong_case(check: Lexicon, document: Document, scope: Scope) -> Iterator[Hit]:
    """Report terms written in a case none of their accepted forms has."""
    if check.term_pattern is None or not prefilter.holds_any(document, check.term_folds):
        return  # the named list scans every position of the draft: most drafts name no term
    blocked = word_index.blocked_spans(document)
    for match in search_spans(check.term_pattern, document.text, document.scope_spans(scope)):
        start, end = match.span()
        if not document.in_scope(start, scope) or any(s <= start < e for s, e in blocked):
            continue
        term = check.terms[match.group().lower()]
        if match.group() not in term.accepted:
            yield from _hits(
                document.text, [(start, end)], term.term, term.never_autofix, keep_case=False
            )


def _hits(
    text: str, spans, expected: str, never_autofix: str | None, keep_case: bool
) -> Iterator[Hit]:
    """Yield one hit per occurrence, with the fix unless the term forbids it."""
    note = f" (not fixed automatically: {never_autofix})" if never_autofix else ""
    for start, end in spans:
        form = text[start:end]
        suggestion = match_case(form, expected) if keep_case else expected
        fields = {"match": form, "expected": suggestion, "note": note}
        yield Hit(start, end, fields, None if never_autofix else suggestion)


def _by_length(names: set[str]) -> dict[int, list[str]]:
    """Group names by length, for :func:`nearest`."""
    grouped: dict[int, list[str]] = {}
    for name in names:
        grouped.setdefault(len(name), []).append(name)
    return grouped


#: What a rule's ``report`` can ask for, and the function that looks for it.
REPORTS: dict[str, Report] = {
    "near-miss": _near_miss_report,
    "draft": _draft_report,
    "split": _split_report,
    "case": _case_report,
    "release": _release_report,
    "place": _place_report,
    "english": _english_report,
}

#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"count", "expected", "match", "note", "times"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "report"],
    "description": "Drug, product and company names: near misses, splits after a hyphen, wrong case.",
    "properties": {
        "kind": True,
        "report": {
            "enum": list(REPORTS),
            "description": "near-miss: of terms or UNII names; draft: of a product name the draft uses more often; split: 'L- Annamycin'; case: a term in the wrong case; release: of any word the release uses twice or more; place: of a place name; english: of a common English word.",
        },
        "terms": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["term"],
                "properties": {
                    "term": {
                        "type": "string",
                        "minLength": 2,
                        "description": "The canonical form, used as the fix.",
                    },
                    "variants": {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "description": "Other accepted forms (ALL CAPS is always accepted).",
                    },
                    "never_autofix": {
                        "type": "string",
                        "minLength": 1,
                        "description": "Why a near miss of this term must not be fixed automatically.",
                    },
                    "source": {
                        "type": "string",
                        "minLength": 1,
                        "description": "Where the canonical form comes from.",
                    },
                },
            },
            "default": [],
        },
        "drug_names": {
            "type": "array",
            "items": {"enum": ["of", "bn", "cn"]},
            "description": "UNII name types to check near misses against (of: INN/USAN, bn: brand, cn: common).",
            "default": [],
        },
        "stems": {
            "anyOf": [
                {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
                {"enum": ["drug_stems"]},
            ],
            "description": "Name endings that mark a word as a drug name: a list, or 'drug_stems' for the USAN/INN stems in checker/data/drug_stems.json.",
            "default": [],
        },
        "allow": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "description": "Words never reported.",
            "default": [],
        },
        "tolerance": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "min_length": {"type": "integer", "minimum": 3},
                "letters_per_edit": {"type": "integer", "minimum": 2},
                "max_edits": {"type": "integer", "minimum": 1, "maximum": 3},
            },
            "description": "Edits allowed: none under min_length letters, then one per letters_per_edit letters, at most max_edits.",
            "default": {},
        },
        "max_occurrences": {
            "type": "integer",
            "minimum": 1,
            "description": "A word used more often than this is taken as meant.",
            "default": 2,
        },
        "min_count": {
            "type": "integer",
            "minimum": 1,
            "description": "english: how often pyspellchecker's frequency list must count a word for a one-edit non-word to be its typo.",
            "default": 1000,
        },
        "marked_only": {
            "type": "boolean",
            "description": "near-miss: check UNII names only for words marked as brands (® or ™, or an official drug name in brackets after them).",
            "default": False,
        },
    },
}
