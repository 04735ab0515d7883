"""Answers about single words kept between runs: served only under the code and word lists they came from."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.analysis import vocabulary
from checker.analysis import words as word_index
from checker.cache import answers, store
from checker.cache import results as findings_cache
from checker.cli import main
from checker.kinds import lexicon
from checker.kinds.lexicon import own
from checker.kinds.lexicon.match import Tolerance
from tests.helpers import REPO

asked: list[tuple] = []


@answers.remembered
def _echo(word: str, tolerance: tuple = ()) -> str:
    """A remembered function that notes each time it is really asked."""
    asked.append((word, tolerance))
    return word.upper()


@pytest.fixture
def fresh(cache):
    """A cache of this test's own, no answers in memory, and no question asked yet."""
    answers.forget()
    asked.clear()
    yield cache
    answers.forget()


def _next_run() -> None:
    """Save as the runner does at the end of a run, then forget, as a new process starts."""
    answers.save()
    answers.forget()


def _answers_file(cache):
    [path] = (cache / "data").glob("answers-*.marshal")
    return path


def test_an_answer_worked_out_in_one_run_is_kept_for_the_next(fresh) -> None:
    assert _echo("alpha") == "ALPHA" and asked == [("alpha", ())]
    _next_run()
    assert _echo("alpha") == "ALPHA"
    assert asked == [("alpha", ())]  # not asked again
    assert _echo("beta") == "BETA" and asked[-1] == ("beta", ())


def test_a_named_tuple_argument_is_kept_as_the_tuple_it_equals(fresh) -> None:
    tolerance = Tolerance(6, 5, 2)
    assert _echo("gamma", tolerance) == "GAMMA"
    _next_run()
    assert _echo("gamma", tolerance) == "GAMMA" and len(asked) == 1
    assert _echo("gamma", Tolerance(6, 4, 2)) == "GAMMA" and len(asked) == 2


def test_nothing_is_written_when_no_answer_is_new(fresh) -> None:
    _echo("alpha")
    _next_run()
    path = _answers_file(fresh)
    before = path.stat().st_mtime_ns, path.read_bytes()
    _echo("alpha")
    _next_run()
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_answers_are_not_served_under_other_code(fresh, monkeypatch) -> None:
    _echo("alpha")
    _next_run()
    monkeypatch.setattr(findings_cache, "code_fingerprint", lambda: "another build")
    assert _echo("alpha") == "ALPHA" and len(asked) == 2


def test_answers_are_not_served_under_other_word_lists(fresh, monkeypatch) -> None:
    _echo("alpha")
    _next_run()
    monkeypatch.setattr(findings_cache, "dependency_stamp", lambda: "english-words 2.0")
    assert _echo("alpha") == "ALPHA" and len(asked) == 2


def test_a_damaged_answers_file_means_the_answers_are_worked_out_again(fresh) -> None:
    _echo("alpha")
    _next_run()
    path = _answers_file(fresh)
    damaged = bytearray(path.read_bytes())
    damaged[-3] ^= 0xFF
    path.write_bytes(bytes(damaged))
    assert _echo("alpha") == "ALPHA" and len(asked) == 2


@pytest.mark.parametrize(
    "stored",
    [
        ["a", "list"],
        {"alpha": True},  # a key that is no tuple
        {(): True},  # an empty key
        {(1, "alpha"): True},  # a key without a function's name
        {("f", "alpha"): ["a", "list"]},  # an answer of a kind never kept
    ],
)
def test_a_sealed_file_of_another_shape_is_not_used(fresh, stored) -> None:
    _echo("alpha")
    _next_run()
    # sealed, as a file of another layout would be: only its shape can tell
    store.write_value("data", _answers_file(fresh).name, stored)
    assert _echo("alpha") == "ALPHA" and len(asked) == 2


def test_only_the_most_recently_used_answers_are_kept(fresh, monkeypatch) -> None:
    monkeypatch.setattr(answers, "MAX_KEPT", 3)
    for word in ("a", "b", "c", "d"):
        _echo(word)
    _next_run()  # kept: b, c, d
    _echo("b")  # used again: now the most recent
    _echo("e")
    _next_run()  # kept: d, b, e
    asked.clear()
    for word in ("b", "d", "e", "c"):
        _echo(word)
    assert asked == [("c", ())]


def test_a_long_run_holds_a_bounded_number_of_answers(fresh, monkeypatch) -> None:
    monkeypatch.setattr(answers, "MAX_KEPT", 5)
    monkeypatch.setattr(answers, "MAX_IN_MEMORY", 20)
    for number in range(200):
        _echo(f"w{number}")
    assert len(answers._loaded() or {}) <= 20
    _next_run()
    asked.clear()
    _echo("w199")
    _echo("w0")
    assert asked == [("w0", ())]


def test_with_the_cache_off_nothing_is_read_or_kept(fresh, monkeypatch) -> None:
    monkeypatch.setattr(store, "_disabled", True)
    _echo("alpha")
    _echo("alpha")
    _next_run()
    assert len(asked) == 2 and not list((fresh / "data").glob("answers-*"))


_REMEMBERED_AND_CACHED = (
    vocabulary.is_english,
    vocabulary.is_drug_name,
    vocabulary.is_official_drug_name,
    vocabulary.is_place_word,
    vocabulary.is_person_name,
    vocabulary.english_count,
    own.vouched,
    own._english_slip,
    own.place_slip,
    lexicon._nearest_drug,
    word_index.is_unknown,
)
_TABLES = (
    vocabulary.english_words,
    vocabulary.drug_name_set,
    vocabulary.official_drug_names,
    vocabulary.drug_targets,
    vocabulary.english_drug_targets,
    vocabulary._common_english_tables,
    vocabulary._place_tables,
    vocabulary._place_set,
    vocabulary.person_names,
)


def _as_a_new_process() -> None:
    """Forget every answer and table this process holds, as a new run would start."""
    answers.forget()
    for cached in (*_REMEMBERED_AND_CACHED, *_TABLES):
        cached.cache_clear()


#: A sentence of slips for the drug-name, place-name and English reports, added to a corpus draft.
_SLIPS = (
    "The company plans further devlopment of metfromin® with partners in Cincinatti and "
    "Saskatchwan, said Dr. Shaprio.\n"
)


def test_a_draft_linted_again_gets_the_same_findings_without_loading_a_word_table(
    fresh, tmp_path
) -> None:
    """An editor's second run on a changed draft: at a new path, so no findings are reused."""
    lines = (REPO / "corpus" / "corvane-ravolitide-phase2.txt").read_text("utf-8").split("\n")
    text = "\n".join([*lines[:10], _SLIPS, *lines[10:]])
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(text, "utf-8")
    second.write_text(text, "utf-8")
    _as_a_new_process()
    before = CliRunner().invoke(main, [str(first)])
    for slip in ("Ravoltide", "devlopment", "metfromin", "Cincinatti", "Saskatchwan"):
        assert f"'{slip}' looks like a misspelling" in before.output
    assert vocabulary.english_words.cache_info().currsize == 1  # the first run needed it
    _as_a_new_process()
    after = CliRunner().invoke(main, [str(second)])
    assert after.output.replace(str(second), str(first)) == before.output
    assert after.exit_code == before.exit_code == 1
    assert [table.cache_info().currsize for table in _TABLES] == [0] * len(_TABLES)
