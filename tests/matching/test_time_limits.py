"""Time limits: a user's patterns carry their own, built-in ones run free under the draft's.

Issue 18: ``timeout=`` on every built-in call cost a fifth of a lint, so
built-in patterns run without it and one CPU limit per draft bounds them.
Issue 19 section 3: every pattern of a user's pack (``unless`` and
``variants`` included) runs under the per-pattern limit.
"""

from __future__ import annotations

import copy
import pickle
import threading

import pytest
import regex

from checker import engine, kinds
from checker.analysis import legend
from checker.api import default_config, load_config
from checker.config.settings import Settings
from checker.document.model import Document
from checker.errors import PatternTimeout
from checker.kinds import filings
from checker.kinds.base import Context
from checker.matching import watchdog
from checker.matching.patterns import (
    USER_PATTERN_TIMEOUT,
    BoundedPattern,
    builtin_patterns,
    compile_pattern,
)
from tests.helpers import check_values, test_pack

CATASTROPHIC = "(a|aa)+b"
BACKTRACKS = "a" * 40 + "!"


def patterns_of(check: object) -> list:
    """Every compiled pattern a check holds (lists, tuples of labels and patterns, fields)."""
    found = []
    for value in check_values(check):
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            item = item[1] if isinstance(item, tuple) and len(item) == 2 else item
            if isinstance(item, (regex.Pattern, BoundedPattern)):
                found.append(item)
    return found


def test_built_in_patterns_run_without_a_per_call_timeout() -> None:
    rules = [rule for rule in default_config().rules if rule.kind in ("forbid", "claim", "require")]
    compiled = [pattern for rule in rules for pattern in patterns_of(rule.check)]
    assert len(compiled) > 100
    assert not [p for p in compiled if isinstance(p, BoundedPattern)]


def test_the_data_files_patterns_run_without_a_per_call_timeout_whoever_compiles_them() -> None:
    legend.vocabulary.cache_clear()  # compiled now, outside any pack's loading, as on a draft's first check
    try:
        compiled = patterns_of(legend.vocabulary())
    finally:
        legend.vocabulary.cache_clear()
    params = {"report": "form-unknown", "filer_category": None, "fiscal_year_end": None}
    compiled += patterns_of(filings.compile(params, "a user's pack"))
    assert len(compiled) > 50
    assert not [p for p in compiled if isinstance(p, BoundedPattern)]


def test_every_pattern_of_a_user_pack_is_bounded(tmp_path) -> None:
    pack = test_pack(
        tmp_path,
        {
            "id": "t.f",
            "message": "m",
            "check": {"kind": "forbid", "patterns": ["a"], "unless": ["b"]},
        },
        {
            "id": "t.c",
            "message": "m",
            "check": {"kind": "claim", "patterns": ["a"], "unless": ["b"], "when": ["c"]},
        },
        {
            "id": "t.r",
            "message": "m",
            "check": {"kind": "require", "patterns": ["a"], "when": ["b"]},
        },
        {
            "id": "t.v",
            "message": "m",
            "check": {"kind": "consistency", "pattern": "(?P<value>a)", "variants": {"x": "b"}},
        },
    )
    config = load_config(Settings(packs=pack))
    for rule in config.rules:
        if rule.pack == "t":
            compiled = patterns_of(rule.check)
            assert compiled and all(isinstance(p, BoundedPattern) for p in compiled), rule.id
            assert {p.timeout for p in compiled} == {USER_PATTERN_TIMEOUT}


def test_a_bounded_pattern_keeps_its_limit_whatever_the_caller_passes() -> None:
    pattern = BoundedPattern(regex.compile(CATASTROPHIC), 0.05)
    with pytest.raises(TimeoutError):
        pattern.fullmatch(BACKTRACKS, timeout=None)
    with pytest.raises(TimeoutError):
        list(pattern.finditer(BACKTRACKS, 0, len(BACKTRACKS)))
    assert pattern.search("xab").span() == (1, 3) and pattern.groups == 1


def test_a_bounded_pattern_compares_copies_and_pickles_as_its_pattern() -> None:
    one = compile_pattern("a+", "$.x")
    other = compile_pattern("a+", "$.y")
    assert isinstance(one, BoundedPattern) and one == other and hash(one) == hash(other)
    assert one != compile_pattern("b+", "$.z")
    for copied in (copy.deepcopy(one), pickle.loads(pickle.dumps(one))):
        assert copied == one and copied.timeout == one.timeout
    with builtin_patterns():
        assert isinstance(compile_pattern("a+", "$.x"), regex.Pattern)
    assert isinstance(compile_pattern("a+", "$.x"), BoundedPattern)  # the block is over


def built_in_rule(source: str):
    """A rule whose pattern is compiled as a built-in pack's: no per-call timeout."""
    template = next(rule for rule in default_config().rules if rule.id == "core.doubled-word")
    with builtin_patterns():
        check = kinds.compile_check({"kind": "forbid", "patterns": [source]}, "$.check")
    return template._replace(id="core.slow", check=check, once=None)


def test_the_draft_time_limit_stops_a_built_in_pattern_and_names_it(monkeypatch) -> None:
    monkeypatch.setattr(watchdog, "DRAFT_CPU_SECONDS", 0.2)
    rule = built_in_rule(CATASTROPHIC)
    document = Document.from_text("a" * 60 + "!", "slow.txt")
    with pytest.raises(
        PatternTimeout, match=r"rule core\.slow ran past the limit of 0\.2 CPU seconds .* slow\.txt"
    ):
        engine.lint(document, [rule], Context())
    # the timer is off again, and the next draft is checked as usual
    assert watchdog.signal.getitimer(watchdog.signal.ITIMER_PROF) == (0.0, 0.0)
    assert [f.rule for f in engine.lint(Document.from_text("x ab"), [rule], Context())] == [
        "core.slow"
    ]


def test_without_the_main_thread_the_checks_run_without_the_timer(monkeypatch) -> None:
    monkeypatch.setattr(watchdog, "DRAFT_CPU_SECONDS", 0.01)
    rule = built_in_rule("a+b")
    results = []
    worker = threading.Thread(
        target=lambda: results.append(engine.lint(Document.from_text("x ab"), [rule], Context()))
    )
    worker.start()
    worker.join()
    assert [f.rule for f in results[0]] == ["core.slow"]
