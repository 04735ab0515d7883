"""Find the forward-looking-statements legend and forward-looking language.

A helper of the ``safe-harbor`` and ``filings`` kinds, not a kind. The
legend is the part the document model marks ``legend`` plus any paragraph
that reads as one wherever it stands (identification and caution, or a bare
"actual results could differ" caution). Forward-looking language is found
by future-verb syntax, not bare keywords, so "May 2007", "Will Smith" and
"the 2005 Stock Option Plan" do not count. Patterns: checker/data/safe_harbor.json.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.analysis.sec_data import SpanSet, compile_list, load
from checker.document.model import Document, per_document
from checker.document.segments import Span
from checker.matching import pattern_cache, prefilter
from checker.matching.patterns import PATTERN_TIMEOUT

if TYPE_CHECKING:
    import regex


class Vocabulary(NamedTuple):
    """The compiled patterns of ``checker/data/safe_harbor.json``."""

    strong: list[regex.Pattern]
    generic: list[regex.Pattern]
    not_signals: list[regex.Pattern]
    markers: list[regex.Pattern]
    cautions: list[regex.Pattern]
    identification: list[regex.Pattern]
    factors: list[regex.Pattern]
    factor_lists: list[regex.Pattern]
    pointers: list[regex.Pattern]
    no_update: list[regex.Pattern]
    update_promise: list[regex.Pattern]
    update_excused: list[regex.Pattern]
    logistics: list[regex.Pattern]
    subjects: list[regex.Pattern]
    factor_boilerplate: list[regex.Pattern]
    generic_filing: list[regex.Pattern]
    disclaimer_cues: list[regex.Pattern]
    triggers: tuple[str, ...]
    """Lowercase words one of which every signal pattern needs (plain substrings, not patterns)."""


class Signal(NamedTuple):
    """A forward-looking phrase outside the legend.

    ``strong`` phrases (expects to, NDA submission, cash runway) are
    forward-looking on their own; a modal verb counts as the company's
    forward-looking statement only with the company as subject
    (``company``), so "the Panel will consider" does not. ``logistics``
    marks phrases about calls, webcasts and conferences (such a word within
    about a clause of the phrase).
    """

    start: int
    end: int
    strong: bool
    logistics: bool
    company: bool


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Compile the safe-harbor patterns once."""
    data = load("safe_harbor")
    where = "checker/data/safe_harbor.json"
    names = (
        "strong_signals",
        "generic_signals",
        "not_signals",
        "legend_markers",
        "cautions",
        "identification",
        "factors",
        "factor_lists",
        "pointers",
        "no_update",
        "update_promise",
        "update_promise_excused",
        "logistics",
        "company_subjects",
        "factor_boilerplate",
        "generic_filing",
        "disclaimer_cues",
    )
    fields = list(Vocabulary._fields)
    compiled: dict[str, Any] = {
        field: compile_list(data[name], f"{where}: {name}")
        for field, name in zip(fields[:-1], names, strict=True)
    }
    compiled["triggers"] = tuple(word.lower() for word in data["signal_triggers"])
    return Vocabulary(**compiled)


def any_match(
    patterns: list[regex.Pattern], text: str, start: int = 0, end: int | None = None
) -> regex.Match | None:
    """Return the first match of any pattern in text[start:end], or None."""
    end = len(text) if end is None else end
    for pattern in patterns:
        match = pattern.search(text, start, end, timeout=PATTERN_TIMEOUT)
        if match:
            return match
    return None


@per_document
def legend_spans(document: Document) -> list[Span]:
    """Return the legend's paragraphs: the marked part and paragraphs that read as a legend."""
    vocab = vocabulary()
    spans = list(document.part_spans("legend"))
    marked = SpanSet(spans)  # paragraphs do not overlap: only the marked part can hold a start
    for start, end in document.paragraphs:
        if marked.holds(start) or document.part_at(start) in ("headline", "subheadline"):
            continue
        if _reads_as_legend(vocab, document.text, start, end):
            spans.append((start, end))
    return sorted(spans)


def _reads_as_legend(vocab: Vocabulary, text: str, start: int, end: int) -> bool:
    """Tell whether a paragraph reads as a legend: a bare caution, or a marker and any caution.

    The first caution ("actual results could differ") is enough on its own,
    so it is tried first. When it fails, the other cautions matter only in a
    paragraph with a marker, which is rare: three searches instead of eight
    for most paragraphs.
    """
    if vocab.cautions[0].search(text, start, end, timeout=PATTERN_TIMEOUT):
        return True
    return bool(
        any_match(vocab.markers, text, start, end)
        and any_match(vocab.cautions[1:], text, start, end)
    )


def legend_text(document: Document, spans: list[Span]) -> str:
    """Return the legend's paragraphs joined, for element checks."""
    return "\n\n".join(document.text[start:end] for start, end in spans)


@per_document
def signals(document: Document, spans: list[Span]) -> list[Signal]:
    """Return forward-looking phrases in sentences outside the legend.

    Contacts and trailer are searched too: they rarely hold a modal verb, and
    part detection sometimes takes a whole release for contacts.
    """
    vocab = vocabulary()
    found: list[Signal] = []
    issuer = document.company.split()[0].rstrip(",.") if document.company else None
    legend = SpanSet(spans)
    with_trigger = _sentences_with_trigger(document)
    for index, (start, end) in enumerate(document.sentences):
        if index in with_trigger and not legend.holds(start):
            found.extend(_sentence_signals(vocab, document.text, start, end, issuer))
    return sorted(found, key=lambda signal: signal.start)


@per_document
def _sentences_with_trigger(document: Document) -> frozenset[int]:
    """Return the indexes of the sentences that hold a trigger word (see :func:`holds_trigger`).

    Each trigger word is looked for once in the whole lowercased draft, and
    a sentence is skipped once it holds one: a few hundred plain searches
    for a release, instead of some forty substring tests on every sentence.
    When lowercasing changes the text's length ("İ"), offsets would not
    match and each sentence is tested on its own.
    """
    text, sentences = document.text, document.sentences
    lowered = text.lower()
    if len(lowered) != len(text):
        vocab = vocabulary()
        return frozenset(
            index
            for index, (start, end) in enumerate(sentences)
            if holds_trigger(vocab, text[start:end])
        )
    starts = [start for start, _end in sentences]
    found: set[int] = set()
    for word in vocabulary().triggers:
        at = lowered.find(word)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            if index < 0 or at >= sentences[index][1]:
                at = lowered.find(word, at + 1)  # between sentences
                continue
            if at + len(word) <= sentences[index][1]:
                found.add(index)
            at = lowered.find(word, sentences[index][1])  # the next sentence's
    return frozenset(found)


def holds_trigger(vocab: Vocabulary, sentence: str) -> bool:
    """Tell whether a sentence holds a trigger word, without which no signal pattern can match.

    Plain substring tests on the lowercased sentence: a superset of the
    patterns' word-initial, case-insensitive needs, and about three times
    cheaper than one alternation pattern.
    """
    lowered = sentence.lower()
    return any(word in lowered for word in vocab.triggers)


def _sentence_signals(
    vocab: Vocabulary, text: str, start: int, end: int, issuer: str | None
) -> list[Signal]:
    """Return the forward-looking phrases of one sentence.

    Only sentences with a trigger word come here (expect, plan, will, may,
    guidance, quarter ...: every signal pattern needs one of them; see
    :func:`_sentences_with_trigger`). The signal patterns run first: most
    sentences have none, and then the marker, logistics and excuse patterns
    (together a third of the searching time) need not run at all.
    """
    folded = text[start:end].casefold()
    matches = [
        (strong, match)
        for strong, patterns in ((True, vocab.strong), (False, vocab.generic))
        for pattern in patterns
        if prefilter.may_match_within(pattern, folded)  # most need a word this sentence lacks
        for match in pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT)
    ]
    if not matches or any_match(vocab.markers, text, start, end):
        return []  # "see the forward-looking statements below" points at the legend
    excused = SpanSet(
        match.span()
        for pattern in vocab.not_signals
        for match in pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT)
    )
    return [
        Signal(
            match.start(),
            match.end(),
            strong,
            _about_logistics(vocab, text, start, end, match),
            strong or _company_subject(text, start, match.start(), issuer),
        )
        for strong, match in matches
        if not excused.holds(match.start())
    ]


#: How far either side of a forward-looking phrase a call, webcast or presentation word
#: makes it logistics: about a clause, so that a bulleted run the sentence splitter
#: took for one sentence ("* plans for a Phase 2 trial ... * a conference call ...")
#: does not turn every plan in it into logistics.
_LOGISTICS_REACH = 100


def _about_logistics(
    vocab: Vocabulary, text: str, start: int, end: int, match: regex.Match
) -> bool:
    """Tell whether the phrase is about a call, webcast or presentation (a word near it says so)."""
    near = (max(start, match.start() - _LOGISTICS_REACH), min(end, match.end() + _LOGISTICS_REACH))
    return any_match(vocab.logistics, text, *near) is not None


def _company_subject(text: str, sentence_start: int, at: int, issuer: str | None) -> bool:
    """Tell whether the company (we, the Company, its name) comes shortly before *at*.

    *issuer* is the first word of the company's name. A whole-word match
    needs the word itself in the window, and that plain test spares
    compiling a pattern for each company's name (a regex cache miss,
    about 0.1 ms) when the name is not there, which is nearly always.
    """
    window_start = max(sentence_start, at - 80)
    if any_match(vocabulary().subjects, text, window_start, at):
        return True
    window = text[window_start:at]
    if issuer is None or issuer not in window:
        return False
    return _holds_whole_word(window, issuer)


#: A word boundary (``\b``): matched at a position, it tests the characters on both sides of it.
_WORD_BOUNDARY = pattern_cache.compile(r"\b")


def _holds_whole_word(text: str, word: str) -> bool:
    """Tell whether *word* occurs in *text* between word boundaries, as ``\\bword\\b`` would find.

    The name differs from company to company; a pattern made of it would be
    parsed for each one (importing ``regex``'s parser, and growing the pattern
    cache by one entry per company).
    """
    start = text.find(word)
    while start != -1:
        if _WORD_BOUNDARY.match(text, start) and _WORD_BOUNDARY.match(text, start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


#: How many forward-looking phrases of the company's own a release needs before the
#: quality of its legend matters: one real plan, goal or projection is enough to protect.
MATERIAL_SIGNALS = 1


@per_document
def company_signals(document: Document) -> list[Signal]:
    """Return the forward-looking phrases the company itself makes, outside calls and webcasts.

    Left out: phrases whose subject is not the company ("the Panel will
    consider") and the logistics of a call, webcast or presentation.
    """
    return [
        signal
        for signal in signals(document, legend_spans(document))
        if signal.company and not signal.logistics
    ]


@per_document
def material_signals(document: Document) -> list[Signal]:
    """Return the company's forward-looking phrases outside the About paragraph.

    The About paragraph's "plans to expand" is boilerplate repeated in every
    release: it does not make a board appointment forward-looking.
    """
    about = SpanSet(document.part_spans("about"))
    return [signal for signal in company_signals(document) if not about.holds(signal.start)]


def makes_material_fls(document: Document) -> bool:
    """Tell whether the release makes forward-looking statements that a legend must cover.

    A board appointment or a conference notice does not: a warning about its
    legend's factors or filing reference would be noise.
    """
    return len(material_signals(document)) >= MATERIAL_SIGNALS


@lru_cache(maxsize=64)
def names_factors(text: str) -> bool:
    """Tell whether a legend names important factors of its own (a factor word or a list of risks).

    The boilerplate is blanked first: the name of the Act ("Litigation Reform"),
    "financial condition", what the statements are about ("statements regarding
    our clinical trials" identifies them, it does not caution), the list of
    forward-looking words and the pointers to filings. A factor is a risk
    specific to the business: trial results, FDA approval, financing,
    competition, a customer, a market; "risks and uncertainties" and "various
    factors" are not.
    """
    vocab = vocabulary()
    cleaned = _blank(text, vocab.factor_boilerplate)
    return (
        any_match(vocab.factors, cleaned) is not None
        or any_match(vocab.factor_lists, cleaned) is not None
    )


def _blank(text: str, patterns: list[regex.Pattern]) -> str:
    """Return *text* with every match of *patterns* replaced by spaces (offsets kept)."""
    for pattern in patterns:
        text = pattern.sub(lambda match: " " * len(match.group()), text, timeout=PATTERN_TIMEOUT)
    return text


def cites_generic_filing(text: str) -> bool:
    """Tell whether *text* points to filings in general ("our filings with the SEC", EDGAR)."""
    return any_match(vocabulary().generic_filing, text) is not None


def legend_and_disclaimer(document: Document, spans: list[Span]) -> str:
    """Return the legend's text and the risk paragraphs of the body right after it (a disclaimer).

    Some releases put the pointer to the risk factors in a disclaimer that
    follows the legend, before the contacts ("Prospective investors are urged
    to review all risk factors ... in the Company's SEC filings"): it cautions
    the same statements. Only paragraphs that speak of risk count, so financial
    tables or a merger's proxy notice after the legend do not.
    """
    cues = vocabulary().disclaimer_cues
    parts = [document.text[start:end] for start, end in spans]
    last = spans[-1][1]
    for start, end in document.paragraphs:
        if start < last:
            continue
        if document.part_at(start) != "body":
            break
        if any_match(cues, document.text, start, end):
            parts.append(document.text[start:end])
    return "\n\n".join(parts)
