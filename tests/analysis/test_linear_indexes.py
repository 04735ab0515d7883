"""The indexes that made safe-harbor, filings, tickers and split names linear answer as the scans they replace.

Each index (spans held by bisection, trigger words found once per draft,
venue symbols searched only around colons, symbols one slip apart through
their one-character-dropped forms) is checked against the plain scan it
stands for: on seeded random inputs built to hit its edges, and on the
real releases and the corpus.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
import regex

from checker.analysis import filing_refs, legend, sec_data, ticker_mentions
from checker.analysis import words as word_index
from checker.document.model import Document
from checker.kinds import tickers
from checker.kinds.tickers import exchange_names
from checker.model import Scope
from tests.helpers import REALWORLD, REPO, SEEDS


def _drafts() -> list[str]:
    """Return the corpus drafts and, where ../shared is beside the checkout, the real releases."""
    paths = sorted((REPO / "corpus").glob("*.txt"))
    paths += sorted(REALWORLD.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


DRAFTS = _drafts()


def test_a_span_set_holds_what_some_span_holds() -> None:
    chance = random.Random(19)
    for _ in range(300):
        spans = []
        for _ in range(chance.randint(0, 8)):
            start = chance.randint(0, 60)
            spans.append((start, start + chance.randint(0, 15)))
        held = sec_data.SpanSet(spans)
        for offset in range(-2, 80):
            assert held.holds(offset) == any(s <= offset < e for s, e in spans), (spans, offset)


@pytest.mark.parametrize("index", range(0, len(DRAFTS), 7))
def test_the_sentence_at_an_offset_is_the_one_a_scan_finds(index: int) -> None:
    document = Document.from_text(DRAFTS[index])
    for offset in range(0, len(document.text) + 2, 13):
        scanned = next((s for s in document.sentences if s[0] <= offset < s[1]), None)
        assert sec_data.sentence_at(document, offset) == scanned


def _trigger_sentences_by_scan(document: Document) -> frozenset[int]:
    vocab = legend.vocabulary()
    return frozenset(
        index
        for index, (start, end) in enumerate(document.sentences)
        if legend.holds_trigger(vocab, document.text[start:end])
    )


@pytest.mark.parametrize(
    "text",
    [
        "We expect growth. Nothing here. Its plan is set.",
        "İstanbul will grow. The Board met. We may list. No.",  # lowercasing lengthens "İ"
        "The meeting was held. It adjourned. Shareholders voted.",
        "Will. May. EXPECTS TO GROW. quarter",
        "We will\n\nexpand. Next.",
    ],
)
def test_trigger_sentences_are_the_ones_holding_a_trigger_word(text: str) -> None:
    document = Document.from_text(text)
    assert legend._sentences_with_trigger(document) == _trigger_sentences_by_scan(document)


def test_trigger_sentences_of_the_real_releases_are_the_ones_a_scan_finds() -> None:
    for text in DRAFTS:
        document = Document.from_text(text)
        assert legend._sentences_with_trigger(document) == _trigger_sentences_by_scan(document)


_TICKER_ATOMS = [
    "Nasdaq",
    "NASDAQ",
    "NYSE",
    "NYSE American",
    "NYSE\n American",
    "TSX",
    "TSXV",
    "OTCQB",
    "Frankfurt",
    "Canadian Securities  Exchange",
    ":",
    "：",
    " ",
    "   ",
    "\n",
    "ABC",
    "ZTNH",
    "“",
    "X.A",
    "-",
    "(",
    ")",
    "a",
    "Inc.",
    "on",
    ",",
    "NYSE:ABC",
]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.span("alias"), m.span("sym"), m.group("sym")) for m in matches]


def test_venue_symbols_around_colons_are_the_ones_a_whole_scan_finds() -> None:
    pattern = ticker_mentions._venue_symbol()
    chance = random.Random(3)
    for _ in range(3000):
        text = "".join(chance.choice(_TICKER_ATOMS) for _ in range(chance.randint(1, 25)))
        assert _spans(ticker_mentions.venue_symbols(text)) == _spans(pattern.finditer(text)), text
    for text in DRAFTS:
        assert _spans(ticker_mentions.venue_symbols(text)) == _spans(pattern.finditer(text))


_FILING_ATOMS = [
    "Form",
    "form",
    "Forms",
    "FORM",
    " ",
    "  ",
    "\n",
    "10-K",
    "10-Q",
    "S-1",
    "and",
    "or",
    ",",
    "annual",
    "semiannual",
    "report",
    "reports",
    "on",
    "of",
    "transition",
    "Annual Report on ",
    "x",
    ".",
]


def _references(matches) -> list[tuple]:
    return [(m.span(), m.group("title"), m.captures("form"), m.starts("form")) for m in matches]


def test_form_references_tried_at_each_form_are_the_ones_a_whole_scan_finds() -> None:
    pattern = filing_refs._REFERENCE
    chance = random.Random(2)
    for _ in range(3000):
        text = "".join(
            chance.choice(_FILING_ATOMS) + chance.choice(["", " "])
            for _ in range(chance.randint(1, 20))
        )
        found = _references(filing_refs.reference_matches(text))
        assert found == _references(pattern.finditer(text)), text
    for text in DRAFTS:
        found = _references(filing_refs.reference_matches(text))
        assert found == _references(pattern.finditer(text))


def test_symbols_one_slip_apart_are_the_near_misses_of_a_pairwise_scan() -> None:
    chance = random.Random(7)
    keys = sorted(
        {"".join(chance.choice("ABCZ1") for _ in range(chance.randint(1, 6))) for _ in range(400)}
    )
    found = tickers._one_slip_apart(keys)
    for key in keys:
        assert found[key] == {o for o in keys if o != key and tickers.near_miss(key, o)}, key


def _majority_by_scan(keys: list[str], symbols: list[str]) -> dict[str, str]:
    """The verdicts as each mention's own cluster decided them before (quadratic)."""
    verdicts = {}
    for key in keys:
        cluster = [i for i, k in enumerate(keys) if k == key or tickers.near_miss(k, key)]
        counts = Counter(keys[i] for i in cluster)
        first = {k: next(i for i in cluster if keys[i] == k) for k in counts}
        best = max(counts, key=lambda k: (counts[k], -first[k]))
        if best != key and tickers.near_miss(key, best):
            verdicts[key] = symbols[first[best]]
    return verdicts


def test_majority_symbols_are_the_ones_each_mention_s_cluster_chose() -> None:
    chance = random.Random(11)
    for _ in range(300):
        symbols = [
            chance.choice(["ZNTH", "ZTNH", "ZNT", "ZNTHW", "ABCD", "ABDC", "BRK.A", "BRKA", "ZNXH"])
            for _ in range(chance.randint(1, 9))
        ]
        keys = [tickers._key(symbol) for symbol in symbols]
        assert tickers._majority_forms(keys, symbols) == _majority_by_scan(keys, symbols), symbols


def _in_parentheses_by_scan(text: str, start: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return before.rfind("(") > before.rfind(")")


def test_inside_parentheses_by_bisection_is_what_the_line_says() -> None:
    chance = random.Random(5)
    for _ in range(300):
        text = "".join(chance.choice("(()) a\n") for _ in range(chance.randint(0, 30)))
        document = Document.from_text(text)
        for start in range(len(document.text) + 1):
            assert exchange_names._in_parentheses(document, start) == _in_parentheses_by_scan(
                document.text, start
            ), (text, start)


def test_the_forms_kept_per_word_are_those_a_fresh_count_gives() -> None:
    for text in DRAFTS:
        document = Document.from_text(text)
        words = word_index.collect(document, Scope())
        for lower in list(words.spans)[:200]:
            fresh = Counter(text[start:end] for start, end in words.spans[lower])
            assert words.forms(lower) == fresh
            assert words.forms(lower) is words.forms(lower)  # counted once, then kept
            assert words.usual_form(lower) == fresh.most_common(1)[0][0]


_TOKEN = regex.compile(r"(?<!\S)\S*?[.@#:/]\S*")


def _addresses_by_every_token(text: str) -> list[tuple[int, int]]:
    """The address search it replaced: the pattern over every space-free stretch with . @ # : or /."""
    return [
        match.span()
        for token in _TOKEN.finditer(text)
        for match in word_index._ADDRESS.finditer(text, *token.span())
    ]


def test_addresses_are_found_as_by_a_search_of_every_stretch() -> None:
    chance = random.Random(18)
    pieces = ["a", "B", ".", "@", "#", ":", "/", " ", "\n", "com", "www.", "http://", "x.io"]
    pieces += ["\u00a0", "\u2003", "\x1c", "-", "_", "+", ".Health", "é"]
    texts = ["".join(chance.choices(pieces, k=chance.randint(0, 40))) for _ in range(5000)]
    for text in [*texts, *DRAFTS]:
        assert word_index.address_spans(text) == _addresses_by_every_token(text), text


#: The pattern :func:`~checker.analysis.words._mark_ends` replaced: a run of white space, then a mark.
_MARK_AFTER_SPACE = regex.compile(r"(?<!\s)\s*[®™(]")


def test_mark_ends_are_where_the_former_pattern_matched() -> None:
    chance = random.Random(21)
    pieces = ["a", "®", "™", "(", "((", " ", "  ", "\n", "\t", ")", "x®"]
    pieces += ["\u00a0", "\u2003", "\x1c", "\x85"]
    texts = ["".join(chance.choices(pieces, k=chance.randint(0, 30))) for _ in range(5000)]
    for text in [*texts, *DRAFTS]:
        expected = {match.start() for match in _MARK_AFTER_SPACE.finditer(text)}
        assert word_index._mark_ends(text) == expected, text


#: The address hint before its look-ahead: the case-insensitive alternation alone.
_PLAIN_HINT = regex.compile(r"(?i)://|www\.|[@#]|\.(?:com|org|net|io|ai|gov|edu|co|us|bio|health)")


def test_the_address_hint_matches_where_its_alternation_alone_does() -> None:
    chance = random.Random(22)
    pieces = ["w", "W", "ww", "www", ".", ".COM", ".Io", ":", "/", "://", "@", "#", " "]
    pieces += ["ẘ", "ŵ", ".ſ", "k"]
    texts = ["".join(chance.choices(pieces, k=chance.randint(0, 30))) for _ in range(5000)]
    for text in [*texts, *DRAFTS]:
        expected = [match.span() for match in _PLAIN_HINT.finditer(text)]
        assert [match.span() for match in word_index._ADDRESS_HINT.finditer(text)] == expected, text
    first_letters = [chr(point) for point in range(0x110000) if regex.match(r"(?i)w", chr(point))]
    assert sorted(first_letters) == ["W", "w"]  # what the look-ahead names for "www."


def _words_by_loop(document: Document, scope: Scope) -> tuple[dict, set]:
    """The word collection it replaced: one Python step per word, each tested against every address."""
    text = document.text
    blocked = word_index.blocked_spans(document)
    spans: dict[str, list[tuple[int, int]]] = {}
    marked = set()
    marks = word_index._mark_ends(text)
    for start, end in document.scope_spans(scope):
        for match in word_index.WORD.finditer(text, start, end):
            start_of, end_of = match.span()
            if any(low <= start_of < high for low, high in blocked):
                continue
            if not document.in_scope(start_of, scope):
                continue
            lower = text[start_of:end_of].lower()
            spans.setdefault(lower, []).append((start_of, end_of))
            if end_of in marks and word_index._branded(text, end_of):
                marked.add(lower)
    return spans, marked


def test_words_are_collected_as_by_a_step_per_word() -> None:
    chance = random.Random(20)
    pieces = ["Keytruda", "a", "B-2", "-", "--", " ", "\n", "®", "™", " (", "imatinib)", "(R)"]
    pieces += ["www.", "x.com", "@ab", "#tag", "İstanbul", "ǅ", "ß", "Ⅻ", "\u0345", "é", "_", "'s"]
    texts = ["".join(chance.choices(pieces, k=chance.randint(0, 60))) for _ in range(3000)]
    scopes = [
        Scope(),
        Scope(quotes="exclude"),
        Scope(parts=("body",)),
        Scope(exclude_parts=("about",)),
    ]
    for text in [*texts, *DRAFTS]:
        document = Document.from_text(text)
        for scope in scopes if len(text) > 2000 else scopes[:2]:
            words = word_index._collect(document, scope)
            spans, marked = _words_by_loop(document, scope)
            assert dict(words.spans) == spans, text
            assert list(words.spans) == list(spans), text  # the same order of first use
            assert words.marked == marked, text


#: The word pattern as first written, its look-behind first: slower, and the reference.
_WORD_AS_WRITTEN = regex.compile(
    r"(?<![\p{L}\p{N}_]|(?<!-)-)\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}_])"
)


def test_the_word_pattern_finds_the_words_of_the_pattern_as_first_written() -> None:
    chance = random.Random(22)
    pieces = ["a", "B", "-", "--", "_", "1", " ", "é", "\n", "x-", "-y", "ǅ", "Ⅻ", "'s", "\u0301"]
    texts = ["".join(chance.choices(pieces, k=chance.randint(0, 40))) for _ in range(20000)]
    for text in [*texts, *DRAFTS]:
        found = [match.span() for match in word_index.WORD.finditer(text)]
        assert found == [match.span() for match in _WORD_AS_WRITTEN.finditer(text)], text


def _parts_by_copying(words: word_index.Words) -> dict[str, list[tuple[int, int]]]:
    """The parts view it replaced: every word's spans copied, parts appended, every list sorted."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for lower, found in words.spans.items():
        spans.setdefault(lower, []).extend(found)
        if "-" not in lower or word_index.has_digit(lower):
            continue
        for start, _end in found:
            offset = start
            for part in lower.split("-"):
                if len(part) >= 2:
                    spans.setdefault(part, []).append((offset, offset + len(part)))
                offset += len(part) + 1
    return {lower: sorted(found) for lower, found in spans.items()}


def test_words_with_parts_are_those_a_copy_of_every_list_gives() -> None:
    chance = random.Random(24)
    pieces = ["Nevada", "nevada-based", "Nuvada-based", "based", "Russia-Ukraine", "ukraine"]
    pieces += ["a-b", "x-ray", "X-Ray", "-", " ", "\n", "B-2", "co-founded", "co"]
    texts = [" ".join(chance.choices(pieces, k=chance.randint(0, 40))) for _ in range(2000)]
    for text in [*texts, *DRAFTS]:
        words = word_index._collect(Document.from_text(text), Scope())
        before = {lower: list(found) for lower, found in words.spans.items()}
        view = word_index._counting_parts(words)
        expected = _parts_by_copying(words)
        assert dict(view.spans) == expected, text
        assert list(view.spans) == list(expected), text  # the same order of first use
        assert {lower: list(found) for lower, found in words.spans.items()} == before, text
        assert view.unknown == [lower for lower in expected if word_index.is_unknown(lower)]
