"""prlint's cache: built data is reused, rebuilt when damaged, and can be turned off."""

from __future__ import annotations

import marshal
import os
import pickle
import random

import regex

from checker.analysis.vocabulary import Vocabulary, english_words
from checker.cache.store import built_data
from checker.matching import pattern_cache


def test_built_data_is_reused_then_rebuilt_when_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return frozenset({"alpha", "beta"})

    assert built_data("words", "v1", build) == frozenset({"alpha", "beta"})
    assert built_data("words", "v1", build) == frozenset({"alpha", "beta"})
    assert len(calls) == 1  # the second call loaded the cache
    [cached] = (tmp_path / "prlint" / "data").glob("words-*.marshal")
    cached.write_bytes(b"\x00garbage")
    assert built_data("words", "v1", build) == frozenset({"alpha", "beta"})
    assert len(calls) == 2  # damaged: rebuilt
    built_data("words", "v2", build)
    assert len(calls) == 3  # another package version: rebuilt


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("PRLINT_NO_CACHE", "1")
    assert built_data("words", "v1", lambda: {"x": 1}) == {"x": 1}
    assert not (tmp_path / "prlint").exists()


# -- compiled patterns ----------------------------------------------------------


def _fresh_pattern_cache(monkeypatch, tmp_path) -> None:
    """Point the pattern cache at *tmp_path* and forget what this process loaded."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pattern_cache, "_known", None)


def test_compiled_patterns_come_back_from_the_cache_without_recompiling(
    tmp_path, monkeypatch
) -> None:
    _fresh_pattern_cache(monkeypatch, tmp_path)
    source = r"(?P<drug>\L<names>)-(?P<n>\d+)"
    first = pattern_cache.compile(
        source, regex.VERSION1 | regex.IGNORECASE, names=["annamycin", "ZX"]
    )
    pattern_cache.save()
    assert list((tmp_path / "prlint" / "data").glob("patterns-*.marshal"))

    monkeypatch.setattr(pattern_cache, "_known", None)  # as a new process would start
    monkeypatch.setattr(pattern_cache.regex, "compile", _must_not_compile)
    again = pattern_cache.compile(
        source, regex.VERSION1 | regex.IGNORECASE, names=["annamycin", "ZX"]
    )
    text = "dosed with ANNAMYCIN-12 and zx-3, not L-Annamycin"
    assert [m.groupdict() for m in again.finditer(text)] == [
        m.groupdict() for m in first.finditer(text)
    ]
    assert [m.group("n") for m in again.finditer(text)] == ["12", "3"]
    assert again.flags == first.flags


def test_a_named_list_given_in_another_order_comes_from_the_cache(tmp_path, monkeypatch) -> None:
    _fresh_pattern_cache(monkeypatch, tmp_path)
    pattern_cache.compile(r"\b\L<names>\b", names=["alpha", "beta", "gamma"])
    pattern_cache.save()
    monkeypatch.setattr(pattern_cache, "_known", None)
    monkeypatch.setattr(pattern_cache.regex, "compile", _must_not_compile)
    again = pattern_cache.compile(r"\b\L<names>\b", names=["gamma", "alpha", "beta"])
    assert again.findall("beta, alpha and gamma") == ["beta", "alpha", "gamma"]


def _must_not_compile(*_args, **_kwargs):
    raise AssertionError("the pattern should have come from the cache")


def test_a_damaged_pattern_cache_is_ignored(tmp_path, monkeypatch) -> None:
    _fresh_pattern_cache(monkeypatch, tmp_path)
    pattern_cache.compile(r"\bForm\s+10-K\b")
    pattern_cache.save()
    [cached] = (tmp_path / "prlint" / "data").glob("patterns-*.marshal")
    cached.write_bytes(cached.read_bytes()[:40])
    monkeypatch.setattr(pattern_cache, "_known", None)
    assert pattern_cache.compile(r"\bForm\s+10-K\b").search("our Form 10-K for 2024")


class _Planted:
    """An object whose unpickling would run a command."""

    def __init__(self, marker) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_pattern_cache_that_would_run_code_is_refused(tmp_path, monkeypatch) -> None:
    _fresh_pattern_cache(monkeypatch, tmp_path)
    marker = tmp_path / "ran"
    path = pattern_cache._cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps({(r"x", 0, ()): _Planted(marker)}))
    assert pattern_cache.compile(r"x").fullmatch("x")
    assert not marker.exists()
    # code stored among a pattern's arguments is never run either
    planted = compile(f"import os; os.system('touch {marker}')", "<planted>", "exec")
    path.write_bytes(marshal.dumps({(r"y", 0, ()): (planted,)}))
    monkeypatch.setattr(pattern_cache, "_known", None)
    assert pattern_cache.compile(r"y").fullmatch("y")
    assert not marker.exists()


# -- word lists -----------------------------------------------------------------


def test_a_vocabulary_answers_membership_exactly() -> None:
    vocabulary = Vocabulary.of(["patients", "annual", "délisting"])
    assert "patients" in vocabulary and "délisting" in vocabulary
    assert "patient" not in vocabulary and "Patients" not in vocabulary and 42 not in vocabulary
    assert len(vocabulary) == 3


def test_the_english_vocabulary_knows_english_and_not_drug_names() -> None:
    english = english_words()
    assert all(word in english for word in ("patients", "quarterly", "investigational", "the"))
    assert all(word not in english for word in ("annamycin", "annamcyin", "pembrolizumab"))


def test_a_vocabulary_does_not_take_unknown_words_for_known_ones() -> None:
    # 100,000 words and 200,000 others of the same length: a 32-bit hash would
    # admit about five of the others, a 64-bit one none.
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choices(letters, k=8)) for _ in range(300_000)}
    known, others = sorted(words)[::3], [w for i, w in enumerate(sorted(words)) if i % 3]
    vocabulary = Vocabulary.of(known)
    assert all(word in vocabulary for word in known[:1000])
    assert not [word for word in others if word in vocabulary]
