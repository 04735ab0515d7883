"""The prefilter leaves a pattern out only where it cannot match: findings never change.

Every pattern of the built-in packs is tried on drafts made of its own
required strings in mixed case, pieces of the rules' examples and noise:
wherever the filter says "cannot match", the pattern must find nothing.
And every real release, seed and corpus draft gives the same findings with
the filter as without it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.api import default_config, lint_text, load_config
from checker.config.settings import Settings
from checker.document.model import Document
from checker.matching import prefilter
from tests.helpers import REALWORLD, REPO, SEEDS, check_values, needs_shared


def built_in_patterns() -> list[regex.Pattern]:
    found = {}
    for rule in default_config().rules:
        for value in check_values(rule.check):
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, regex.Pattern):
                    found[(item.pattern, item.flags)] = item
    return list(found.values())


PATTERNS = built_in_patterns()
EXAMPLES = [text for rule in default_config().rules for text in rule.examples_fail]


def needed(source: str, flags: int = regex.VERSION1) -> frozenset[str] | None:
    return prefilter.required_strings(source, flags)


@pytest.mark.parametrize(
    ("source", "strings"),
    [
        (r"\bcur(?:e|es|ed|ing)\b", {"cur"}),
        (r"(?i)Safe\s+and\s+effective", {"effective"}),
        (r"\b(?:approved|cleared)\s+by\b", {"approved", "cleared"}),
        (r"(?:Nasdaq|NYSE)(?=:\s*[A-Z]{2,5})", {"nasdaq", "nyse"}),
        (r"ab(?=cdef)", {"cdef"}),  # what a look-ahead needs is in the draft too
        (r"https?://\S+(*SKIP)(*FAIL)|\bsee\s+above\b", {"above"}),  # a branch that never matches
        (r"(*FAIL)", set()),  # never matches anything: never run
    ],
)
def test_the_strings_a_match_needs(source: str, strings: set[str]) -> None:
    assert needed(source) == frozenset(strings)


@pytest.mark.parametrize(
    "source",
    [
        r"(?:cure)?\w+",  # optional: not needed
        r"(?:cure){0,3}x",
        r"(?!cure)\w+",  # a negative look-around needs nothing
        r"[Cc]u[Rr]e",  # classes are not followed, and one letter is no filter
        r"(?:cure){e<=1}",  # fuzzy: the text may differ
        r"\L<words>",  # a named list
        r"(?P<w>[a-z]+) (?P=w)",
        r"(?(DEFINE)(?P<c>cure))(?&c)",  # a call: not followed
        r"a|bc",  # one character is in every draft
    ],
)
def test_patterns_it_cannot_vouch_for_always_run(source: str) -> None:
    assert needed(source) is None


def test_a_parser_that_changed_means_no_filter(monkeypatch) -> None:
    from regex import _regex_core

    def changed(*args):
        raise AttributeError("no such thing in this regex version")

    monkeypatch.setattr(_regex_core, "_parse_pattern", changed)
    assert prefilter._worked_out(r"\bcure\b", regex.VERSION1) is None


def test_most_built_in_patterns_have_strings_to_look_for() -> None:
    # if a regex release changes its parser, the filter falls back to running every
    # pattern (correct, slower): this says so instead of letting it pass unnoticed
    with_strings = [p for p in PATTERNS if needed(p.pattern, int(p.flags))]
    assert len(PATTERNS) > 150 and len(with_strings) > 0.8 * len(PATTERNS)


def _mixed_case(text: str, flips: list[bool]) -> str:
    return "".join(
        char.upper() if flips[index % len(flips)] else char for index, char in enumerate(text)
    )


@st.composite
def draft_near(draw, pattern: regex.Pattern) -> str:
    """A draft made of the pattern's own strings (some cut short), examples and noise."""
    strings = sorted(needed(pattern.pattern, int(pattern.flags)) or {"x"})
    pieces = st.one_of(
        st.sampled_from(strings),
        st.sampled_from(strings).map(lambda s: s[: max(1, len(s) - 1)]),
        st.sampled_from(EXAMPLES),
        st.sampled_from([" ", "\n", "\n\n", ":", "-", "(", ")", "“", "”", "10-K", "2024"]),
        st.text(max_size=4),
    )
    text = "".join(draw(st.lists(pieces, max_size=12)))
    return _mixed_case(text, draw(st.lists(st.booleans(), min_size=1, max_size=5)))


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(st.data())
def test_where_the_filter_says_no_the_pattern_finds_nothing(data) -> None:
    pattern = data.draw(st.sampled_from(PATTERNS))
    text = data.draw(draft_near(pattern))
    if not prefilter.may_match(pattern, Document.from_text(text)):
        assert pattern.search(Document.from_text(text).text) is None, (pattern.pattern, text)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Astrazeneca said so.", 1),
        ("ASTRAZENECA SIGNS", 0),
        ("Glaxosmithkline and Abbvie", 2),
        ("The ſ iphone", 1),
    ],
)
def test_a_draft_holding_a_term_in_any_case_still_runs_the_case_check(
    text: str, reported: int
) -> None:
    config = load_config(Settings(select=("spelling.name-case",)))
    filtered = lint_text(text, config)
    assert len(filtered) == reported
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prefilter, "holds_any", lambda document, strings: True)
        assert lint_text(text, config) == filtered


def _drafts() -> list[Path]:
    corpus = sorted(path for path in (REPO / "corpus").iterdir() if path.suffix in (".txt", ".md"))
    return corpus + sorted(REALWORLD.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


@pytest.mark.slow
@needs_shared
def test_every_real_release_gives_the_same_findings_without_the_filter(monkeypatch) -> None:
    config = load_config(Settings(extend_select=("core.mixed-quote-marks",)))
    texts = [path.read_text("utf-8", errors="replace") for path in _drafts()]
    assert len(texts) > 100
    filtered = [lint_text(text, config) for text in texts]
    monkeypatch.setattr(prefilter, "may_match", lambda pattern, document: True)
    monkeypatch.setattr(prefilter, "holds_any", lambda document, strings: True)
    monkeypatch.setattr(prefilter, "may_match_within", lambda pattern, folded: True)
    assert [lint_text(text, config) for text in texts] == filtered


def test_within_a_span_a_pattern_runs_only_where_the_span_holds_a_string_it_needs() -> None:
    plan = regex.compile(r"\bplan(?:s|ned)?\b", regex.IGNORECASE)
    assert prefilter.may_match_within(plan, "we PLANNED it.".casefold())
    assert not prefilter.may_match_within(plan, "we will file it.")
    behind = regex.compile(r"(?<=we )will")
    assert prefilter.may_match_within(behind, "will")  # a look-behind reads before the span
    assert behind.search("we will", 3) is not None


def test_the_signal_patterns_find_nothing_in_a_sentence_the_filter_passes_over() -> None:
    from checker.analysis.legend import vocabulary

    vocab = vocabulary()
    patterns = [*vocab.strong, *vocab.generic]
    skipped = 0
    for path in _drafts()[:40]:
        document = Document.from_text(path.read_text("utf-8", errors="replace"))
        text = document.text
        for start, end in document.sentences:
            folded = text[start:end].casefold()
            for pattern in patterns:
                if not prefilter.may_match_within(pattern, folded):
                    skipped += 1
                    assert pattern.search(text, start, end) is None, (pattern.pattern, folded)
    assert skipped > 1000  # the filter passed over most pairs, so the test tested something


def test_the_strings_are_kept_sealed_between_runs_and_a_bad_entry_is_rebuilt(monkeypatch) -> None:
    from checker.cache import store

    source = r"\bkept\s+between\s+runs\b"
    monkeypatch.setattr(prefilter, "_table", None)
    assert prefilter.required_strings(source, regex.VERSION1) == {"between"}
    prefilter.save()
    monkeypatch.setattr(prefilter, "_table", None)  # as a new process
    assert (source, int(regex.VERSION1)) in prefilter._known()
    # an entry of the wrong shape (sealed by this user, but not a table) is ignored
    store.write_value("data", prefilter._entry_name(), {(source, int(regex.VERSION1)): ["x"]})
    monkeypatch.setattr(prefilter, "_table", None)
    assert prefilter._known() == {}
    assert prefilter.required_strings(source, regex.VERSION1) == {"between"}


def test_a_patterns_strings_are_worked_out_once_not_once_per_draft(monkeypatch) -> None:
    """Every rule asks for each of its patterns on every draft: the answer is kept per pattern."""
    pattern = regex.compile(r"\bonce\s+per\s+pattern\b", regex.VERSION1)
    asked: list[str] = []
    real = prefilter.required_strings
    monkeypatch.setattr(prefilter, "_by_pattern", {})
    monkeypatch.setattr(
        prefilter,
        "required_strings",
        lambda source, flags: asked.append(source) or real(source, flags),
    )
    drafts = ["Asked once per pattern.", "Nothing to find here.", "A PATTERN, in capitals."]
    assert [prefilter.may_match(pattern, Document.from_text(text)) for text in drafts] == [
        True,
        False,
        True,  # "pattern" is there, case folded: the filter may say yes where no match is
    ]
    assert asked == [pattern.pattern]


def _without_automaton(monkeypatch) -> None:
    """Look every string up with ``in``, as on a platform with no pyahocorasick wheel."""
    monkeypatch.setattr(prefilter, "_built", lambda strings: (None, strings))
    _fresh_automaton(monkeypatch)


def _fresh_automaton(monkeypatch) -> None:
    """Start from a process that has built no automaton and been asked about no string."""
    monkeypatch.setattr(prefilter, "_automaton", None)
    monkeypatch.setattr(prefilter, "_automaton_strings", frozenset())
    monkeypatch.setattr(prefilter, "_asked", set())


def test_the_automaton_answers_as_in_does_on_the_first_drafts_and_after(monkeypatch) -> None:
    _fresh_automaton(monkeypatch)
    texts = [path.read_text("utf-8") for path in _drafts()[:6]]
    rng = random.Random(7)
    strings = {
        string for needed in map(prefilter._needed_by, PATTERNS) if needed for string in needed
    }
    for text in texts:  # substrings of the drafts, cut anywhere, and strings they lack
        folded = text.casefold()
        for _ in range(40):
            start = rng.randrange(len(folded) - 12)
            strings.add(folded[start : start + rng.randrange(2, 12)])
        strings.update({"zzqx", "ſ", "straße", ""})
    asked = sorted(strings)
    assert len(asked) > 300
    for round_ in range(2):  # the first drafts ask strings no automaton covers yet; then it does
        for text in texts:
            lookups = prefilter._Lookups(text)
            folded = text.casefold()
            for string in asked:
                assert lookups.holds_any(frozenset([string])) == (string in folded), string
        assert round_ == 0 or set(asked) - {""} <= prefilter._automaton_strings


def test_the_corpus_gives_the_same_findings_with_the_automaton_and_without(monkeypatch) -> None:
    config = load_config(Settings(extend_select=("core.mixed-quote-marks",)))
    drafts = [path.read_text("utf-8") for path in _drafts() if path.parent.name == "corpus"]
    _fresh_automaton(monkeypatch)
    scanned = [lint_text(text, config) for text in drafts]
    assert prefilter._automaton is not None  # the wheel is a dependency where CPython runs
    _without_automaton(monkeypatch)
    assert [lint_text(text, config) for text in drafts] == scanned


@pytest.mark.slow
@needs_shared
def test_every_real_release_gives_the_same_findings_with_the_automaton_and_without(
    monkeypatch,
) -> None:
    config = load_config(Settings(extend_select=("core.mixed-quote-marks",)))
    texts = [path.read_text("utf-8", errors="replace") for path in _drafts()]
    _fresh_automaton(monkeypatch)
    scanned = [lint_text(text, config) for text in texts]
    _without_automaton(monkeypatch)
    assert [lint_text(text, config) for text in texts] == scanned
