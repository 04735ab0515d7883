"""prlint's cache: built data is reused, rebuilt when damaged, and can be turned off."""

from __future__ import annotations

import marshal
import os
import pickle
import random
import shutil
import stat
import subprocess
import sys
from itertools import compress

import pytest
import regex
from click.testing import CliRunner

from checker.analysis import vocabulary
from checker.analysis.vocabulary import Vocabulary, english_words
from checker.cache import results as findings_cache
from checker.cache import store
from checker.cache.store import built_data
from checker.cli import main
from checker.matching import pattern_cache
from checker.model import Severity
from tests.helpers import REPO


def test_built_data_is_reused_then_rebuilt_when_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return frozenset({"alpha", "beta"})

    assert built_data("words", "v1", build, _frozen) == frozenset({"alpha", "beta"})
    assert built_data("words", "v1", build, _frozen) == frozenset({"alpha", "beta"})
    assert len(calls) == 1  # the second call loaded the cache
    [cached] = (tmp_path / "prlint" / "data").glob("words-*.marshal")
    cached.write_bytes(b"\x00garbage")
    assert built_data("words", "v1", build, _frozen) == frozenset({"alpha", "beta"})
    assert len(calls) == 2  # damaged: rebuilt
    built_data("words", "v2", build, _frozen)
    assert len(calls) == 3  # another package version: rebuilt


def _frozen(value: object) -> bool:
    return isinstance(value, frozenset)


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("PRLINT_NO_CACHE", "1")
    assert built_data("words", "v1", lambda: {"x": 1}, _frozen) == {"x": 1}
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
    monkeypatch.setattr(regex, "compile", _must_not_compile)
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
    monkeypatch.setattr(regex, "compile", _must_not_compile)
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
    path = tmp_path / "prlint" / "data" / pattern_cache._entry_name()
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


def test_a_vocabulary_answers_the_same_once_its_answers_are_kept_or_dropped(monkeypatch) -> None:
    monkeypatch.setattr(vocabulary, "ANSWERS_KEPT", 3)
    words = ["patients", "annual", "délisting"]
    kept = Vocabulary.of(words)
    asked = [*words, "patient", "anual", "x" * 50, *words, "patient"] * 3
    answers = [word in kept for word in asked]
    assert answers == [word in words for word in asked]
    assert len(kept._answers) <= 3  # bounded: dropped past the bound, then asked again
    assert "x" * 50 not in kept._answers  # long words are answered, not kept


def test_the_english_vocabulary_knows_english_and_not_drug_names() -> None:
    english = english_words()
    assert all(word in english for word in ("patients", "quarterly", "investigational", "the"))
    assert all(word not in english for word in ("annamycin", "annamcyin", "pembrolizumab"))


@pytest.mark.slow
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


# -- sealed entries and the secret ---------------------------------------------------


def test_the_secret_is_created_once_private_and_outside_the_cache(cache, tmp_path) -> None:
    store.write_entry("data", "x", b"value")
    key = tmp_path / "state" / "prlint" / "cache-key"
    assert store.secret_path() == key and cache not in key.parents
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert len(key.read_bytes()) == store.SECRET_BYTES
    first = key.read_bytes()
    store.write_entry("data", "y", b"other")
    assert key.read_bytes() == first and not list(key.parent.glob(".tmp-*"))
    assert store.read_entry("data", "x") == b"value"


def test_a_cache_restored_without_its_secret_verifies_nothing(cache, tmp_path) -> None:
    store.write_entry("data", "x", b"value")
    shutil.rmtree(tmp_path / "state")  # a CI job restores the cache folder only
    store._secrets.clear()  # as a new process would start
    assert store.read_entry("data", "x") is None
    store.write_entry("data", "x", b"rebuilt")  # under a new secret
    assert store.read_entry("data", "x") == b"rebuilt"


def test_a_secret_others_could_read_or_a_linked_one_is_not_used(cache, tmp_path) -> None:
    store.write_entry("data", "x", b"value")
    key = store.secret_path()
    store._secrets.clear()
    key.chmod(0o644)
    assert store.read_entry("data", "x") is None
    key.chmod(0o600)
    moved = tmp_path / "elsewhere"
    key.rename(moved)
    key.symlink_to(moved)
    store._secrets.clear()
    assert store.read_entry("data", "x") is None


def test_a_secret_kept_inside_the_cache_folder_is_refused(cache, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(cache))  # would travel with a restored cache
    store.write_entry("data", "x", b"value")
    assert store.read_entry("data", "x") is None and not store.secret_path().exists()


def test_an_entry_moved_to_another_name_or_kind_does_not_verify(cache) -> None:
    store.write_entry("results", "ab/one", b"findings of one draft")
    shutil.copyfile(cache / "results" / "ab" / "one", cache / "results" / "ab" / "two")
    (cache / "valid-packs").mkdir()
    shutil.copyfile(cache / "results" / "ab" / "one", cache / "valid-packs" / "ab")
    assert store.read_entry("results", "ab/one") == b"findings of one draft"
    assert store.read_entry("results", "ab/two") is None
    assert store.read_entry("valid-packs", "ab") is None


def test_entries_that_are_not_regular_files_are_not_read(cache, tmp_path) -> None:
    store.write_entry("data", "x", b"value")
    folder = cache / "data"
    os.mkfifo(folder / "fifo")  # opening it for reading would wait for a writer forever
    (folder / "zero").symlink_to("/dev/zero")
    (folder / "linked").symlink_to(folder / "x")
    assert store.read_entry("data", "fifo") is None
    assert store.read_entry("data", "zero") is None
    assert store.read_entry("data", "linked") is None


def test_a_linked_folder_in_the_cache_is_not_written_through(cache, tmp_path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (cache / "results").mkdir(parents=True)
    (cache / "results" / "ab").symlink_to(outside)
    store.write_entry("results", "ab/cdef", b"value")
    assert not list(outside.iterdir())


def test_a_verified_value_of_the_wrong_shape_is_rebuilt(cache) -> None:
    calls = []

    def build():
        calls.append(1)
        return frozenset({"alpha"})

    key = built_data("words", "v1", build, _frozen)
    [cached] = (cache / "data").glob("words-*.marshal")
    store.write_value("data", cached.name, ["a", "list"])  # sealed: as an older layout would be
    assert built_data("words", "v1", build, _frozen) == key and len(calls) == 2
    assert built_data("words", "v1", build, _frozen) == key and len(calls) == 2  # rewritten


def test_sealed_findings_of_the_wrong_shape_are_checked_afresh(cache, tmp_path) -> None:
    key = "ab" + "0" * 62
    outcome = findings_cache.Outcome([], ("2024-05-05", "dateline"), [])
    findings_cache.store(key, outcome)
    assert findings_cache.lookup(key, "a.txt") == outcome
    good = (1, 1, 1, 5, "core.x", "style", 2, "m", None)
    for stored in (
        ([(1, 1, 1, 5, "core.x", "style", 9, "m", None)], None, []),  # no such severity
        ([(True, 1, 1, 5, "core.x", "style", 2, "m", None)], None, []),  # a bool for a line
        ([good[:8] + (("x", 1, 1, 1, 2, "yes"),)], None, []),  # a fix that is not a Fix
        ([good], ("2024-05-05",), []),
        ([good], None, [{"line": 1}]),
        ([good], None),
        "text",
    ):
        store.write_value("results", f"{key[:2]}/{key[2:]}", stored)
        assert findings_cache.lookup(key, "a.txt") is None, stored
    store.write_value("results", f"{key[:2]}/{key[2:]}", ([good], None, []))
    [finding] = findings_cache.lookup(key, "a.txt").findings
    assert (finding.path, finding.rule, finding.severity) == ("a.txt", "core.x", Severity.WARNING)


def test_the_word_tables_are_checked_for_their_shape() -> None:
    assert vocabulary._hashes_well_formed(bytes(16))
    assert not vocabulary._hashes_well_formed(bytes(15))
    assert not vocabulary._hashes_well_formed(42)
    assert vocabulary._targets_well_formed({4: ("abcd", "efgh")})
    assert not vocabulary._targets_well_formed({4: ("abc",)})
    assert not vocabulary._targets_well_formed({4: ["abcd"]})
    assert not vocabulary._targets_well_formed({"4": ("abcd",)})
    assert not vocabulary._targets_well_formed({4: ("abcd", 1234)})
    assert vocabulary._counts_well_formed({"word": 3})
    assert not vocabulary._counts_well_formed({"word": True})
    assert not vocabulary._counts_well_formed({"word": "3"})
    assert vocabulary._columns_well_formed((("paris", "texas"), ("major", "major")))
    assert not vocabulary._columns_well_formed((("paris", "texas"), ("major",)))
    assert not vocabulary._columns_well_formed((("paris",), (1,)))
    assert not vocabulary._columns_well_formed([("paris",), ("major",)])


def test_the_place_tables_kept_in_the_cache_are_those_the_gazetteer_gives(cache) -> None:
    vocabulary._place_tables.cache_clear()
    built = vocabulary._place_tables()  # parsed and grouped, then written
    vocabulary._place_tables.cache_clear()
    loaded = vocabulary._place_tables()  # read back
    assert loaded is not built and loaded == built
    words, kinds, major, every, major_initials, initials = loaded
    assert (words, kinds) == vocabulary._read_gazetteer()
    assert "cincinnati" in words and set(kinds) <= {"major", "city", "short"}
    # each table is what grouping the columns gives, in the same order (nearest()'s ties follow it)
    wanted = [kind == "major" for kind in kinds], [kind in ("major", "city") for kind in kinds]
    assert major == vocabulary.group_by_length(compress(words, wanted[0]))
    assert every == vocabulary.group_by_length(compress(words, wanted[1]))
    assert major_initials == vocabulary.by_initial(major)
    assert initials == vocabulary.by_initial(every)
    vocabulary._place_tables.cache_clear()


def test_the_common_english_tables_kept_in_the_cache_are_those_its_counts_give(cache) -> None:
    vocabulary._common_english_tables.cache_clear()
    built = vocabulary._common_english_tables(200)
    vocabulary._common_english_tables.cache_clear()
    loaded = vocabulary._common_english_tables(200)
    assert loaded is not built and loaded == built
    counts, by_length, initials = loaded
    assert counts == vocabulary._build_common(200) and list(counts) == list(built[0])
    assert by_length == vocabulary.group_by_length(counts)
    assert initials == vocabulary.by_initial(by_length)
    assert "development" in by_length[11] and "development" in initials["d"][11]
    vocabulary._common_english_tables.cache_clear()


def test_grouped_tables_of_the_right_shape_are_believed() -> None:
    stored = ({"word": 3}, {4: ("word",)}, {"w": {4: ("word",)}})
    assert vocabulary._common_tables_well_formed(stored)
    columns = (("word",), ("major",))
    assert vocabulary._place_tables_well_formed((*columns, stored[1], stored[1], *[stored[2]] * 2))


@pytest.mark.parametrize(
    "stored",
    [
        [{"word": 3}, {4: ("word",)}, {"w": {4: ("word",)}}],  # a list, not a tuple
        ({"word": 3}, {4: ("word",)}),  # a table missing
        ({"word": 3}, {"4": ("word",)}, {"w": {4: ("word",)}}),  # a length that is no number
        ({"word": 3}, {4: ["word"]}, {"w": {4: ("word",)}}),  # a group that is a list
        ({"word": 3}, {4: ("word",)}, {"w": {4: ("word", 4)}}),  # a name that is no string
        ({"word": 3}, {4: ("word",)}, {1: {4: ("word",)}}),  # an initial that is no string
        ({"word": "3"}, {4: ("word",)}, {"w": {4: ("word",)}}),  # a count that is no number
    ],
)
def test_grouped_tables_of_another_shape_are_rebuilt(stored) -> None:
    assert not vocabulary._common_tables_well_formed(stored)
    if len(stored) == 3 and isinstance(stored, tuple) and vocabulary._counts_well_formed(stored[0]):
        columns = (("word",), ("major",))
        assert not vocabulary._place_tables_well_formed(
            (*columns, stored[1], stored[1], *[stored[2]] * 2)
        )


def test_a_verified_pattern_file_of_the_wrong_shape_is_ignored(cache, monkeypatch) -> None:
    monkeypatch.setattr(pattern_cache, "_known", None)
    name = pattern_cache._entry_name()
    for stored in (
        {("x", 0, ()): ("y", 0)},  # arguments of another source
        {("x", "0", ()): ("x", 0)},
        {("x", 0, (("names", ("a",)),)): ("x", 0)},
        [("x", 0, ())],
    ):
        store.write_value("data", name, stored)
        assert pattern_cache._read_cache() == {}, stored
    store.write_value("data", name, {("x", 0, (("names", frozenset({"a"})),)): ("x", 0)})
    assert len(pattern_cache._read_cache()) == 1


def test_a_touched_or_copied_validation_entry_is_not_believed(cache) -> None:
    assert not store.known_valid("k1")
    store.remember_valid("k1")
    assert store.known_valid("k1")
    (cache / "valid-packs" / "k2").touch()
    shutil.copyfile(cache / "valid-packs" / "k1", cache / "valid-packs" / "k3")
    assert not store.known_valid("k2") and not store.known_valid("k3")


# -- --no-cache and saving -----------------------------------------------------------


def test_disable_stops_every_read_and_write(cache, monkeypatch) -> None:
    store.write_entry("data", "x", b"value")
    before = sorted(cache.rglob("*"))
    store.disable()
    monkeypatch.setattr(store, "_read_regular", _must_not_read)
    assert store.read_entry("data", "x") is None
    store.write_entry("data", "y", b"value")
    store.remember_valid("k")
    assert built_data("words", "v1", lambda: frozenset({"a"}), _frozen) == frozenset({"a"})
    monkeypatch.setattr(pattern_cache, "_known", {(r"\d", 0, ()): ("other code",)})
    assert pattern_cache.compile(r"\d").fullmatch("7")  # compiled afresh, not from the file
    pattern_cache.save()
    assert sorted(cache.rglob("*")) == before


def _must_not_read(*_args):
    raise AssertionError("a cache file was read although caching is off")


def test_no_cache_on_the_command_line_reads_and_writes_no_cache(cache, tmp_path, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text("We plan to to file an IND with metfromin.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["--quiet", str(draft)]).exit_code == 0
    before = {path: path.read_bytes() for path in cache.rglob("*") if path.is_file()}
    draft.write_text("Another draft: the the trial.\n", encoding="utf-8")
    monkeypatch.setattr(store, "_read_regular", _must_not_read)
    result = CliRunner().invoke(main, ["--no-cache", "--quiet", str(draft)])
    assert result.exit_code == 0 and "core.doubled-word" in result.output
    assert {path: path.read_bytes() for path in cache.rglob("*") if path.is_file()} == before


@pytest.mark.slow
def test_a_library_call_writes_nothing_at_exit_and_a_run_saves_its_patterns(cache) -> None:
    script = (
        "import os, sys\n"
        "from checker.api import lint_text\n"
        "lint_text('We plan to to file.')\n"
        "print(sorted(os.path.relpath(os.path.join(d, f), sys.argv[1])"
        " for d, _, fs in os.walk(sys.argv[1]) for f in fs))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(cache)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    at_the_end = eval(done.stdout)  # the listing the library call left before exit
    after_exit = sorted(str(path.relative_to(cache)) for path in cache.rglob("*") if path.is_file())
    assert after_exit == at_the_end
    assert not [name for name in after_exit if "patterns-" in name]
    draft = cache.parent / "draft.txt"
    draft.write_text("We plan to to file.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "checker", "--quiet", str(draft)], capture_output=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    pattern_cache_file = cache / "data" / pattern_cache._entry_name()
    # the code's own patterns, over 200; the packs' come back compiled with their rule set
    assert len(marshal.loads(pattern_cache_file.read_bytes()[store.TAG_BYTES :])) > 200


def test_a_secret_from_the_environment_replaces_the_file(cache, monkeypatch) -> None:
    monkeypatch.setenv("PRLINT_CACHE_SECRET", "ab" * store.SECRET_BYTES)
    store.write_entry("data", "x", b"value")
    assert store.read_entry("data", "x") == b"value"
    assert not store.secret_path().exists()
    monkeypatch.setenv("PRLINT_CACHE_SECRET", "cd" * store.SECRET_BYTES)  # another job's secret
    assert store.read_entry("data", "x") is None
    monkeypatch.setenv("PRLINT_CACHE_SECRET", "too short")
    store.write_entry("data", "y", b"value")
    assert store.read_entry("data", "y") is None and not (cache / "data" / "y").exists()


def test_the_letter_pair_counts_kept_in_the_cache_are_those_of_the_words(cache) -> None:
    vocabulary.letter_pair_counts.cache_clear()
    kept = vocabulary.letter_pair_counts(200)  # counted, then written
    vocabulary.letter_pair_counts.cache_clear()
    assert vocabulary.letter_pair_counts(200) == kept == vocabulary._count_letter_pairs(200)
    words_with_th = sum("th" in word for word in vocabulary.common_english(200))
    assert kept["th"] == words_with_th and kept["^t"] > kept.get("fg", 0)
    vocabulary.letter_pair_counts.cache_clear()


@pytest.mark.slow
def test_no_cache_opens_no_cache_file_even_while_prlint_starts(cache, tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("We plan to to file.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "watched = tuple(sys.argv.pop(1).split('|'))\n"
        "def hook(event, args):\n"
        "    if event == 'open' and str(args[0]).startswith(watched):\n"
        "        print('opened', args[0], file=sys.stderr)\n"
        "sys.addaudithook(hook)\n"
        "from checker.cli import run\n"
        "run()\n"
    )
    watched = f"{tmp_path / 'cache'}|{tmp_path / 'state'}"  # the cache and its secret
    command = [sys.executable, "-c", script, watched, "--quiet", str(draft)]
    warm = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert warm.returncode == 0 and "opened" in warm.stderr, warm.stderr
    done = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "opened" not in done.stderr, done.stderr


def test_a_temporary_file_is_new_private_and_never_one_already_there(tmp_path, monkeypatch) -> None:
    first, second = b"\x01" * 8, b"\x02" * 8
    (tmp_path / "elsewhere").write_text("kept")
    taken = tmp_path / f".tmp-{first.hex()}"
    taken.symlink_to(tmp_path / "elsewhere")  # a name already there, even a link, is never opened
    draws = iter([first, second])
    monkeypatch.setattr(store.os, "urandom", lambda size: next(draws))
    handle, temporary = store._new_temporary(tmp_path)
    os.close(handle)
    assert temporary == str(tmp_path / f".tmp-{second.hex()}")
    assert stat.S_IMODE(os.stat(temporary).st_mode) == 0o600
    assert (tmp_path / "elsewhere").read_text() == "kept"
    monkeypatch.setattr(store.os, "urandom", lambda size: first)
    with pytest.raises(FileExistsError):
        store._new_temporary(
            tmp_path
        )  # every name it draws is taken: it stops, it does not loop on


def test_past_its_bound_the_pattern_file_keeps_only_the_patterns_a_run_used(
    tmp_path, monkeypatch
) -> None:
    _fresh_pattern_cache(monkeypatch, tmp_path)
    monkeypatch.setattr(pattern_cache, "MAX_KEPT", 3)
    for word in ("alpha", "beta", "gamma"):
        pattern_cache.compile(rf"\b{word}\b")
    pattern_cache.save()
    monkeypatch.setattr(pattern_cache, "_known", None)  # a new process: it uses one, adds one
    assert pattern_cache.compile(r"\bbeta\b").search("a beta test")
    pattern_cache.compile(r"\bdelta\b")
    pattern_cache.save()
    monkeypatch.setattr(pattern_cache, "_known", None)
    assert sorted(key[0] for key in pattern_cache._read_cache()) == [r"\bbeta\b", r"\bdelta\b"]


@pytest.mark.slow
def test_every_pattern_has_one_source_whatever_the_hash_seed(tmp_path, monkeypatch) -> None:
    """A source built from a set changes with the hash seed: it was compiled and kept anew every run."""
    from checker.api import load_config

    ids = ",".join(rule.id for rule in load_config().ruleset.rules)
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    kept = []
    for seed in ("1", "2"):
        drafts = tmp_path / f"drafts-{seed}"  # new paths: no findings kept, every check runs
        shutil.copytree(REPO / "corpus", drafts)
        command = [sys.executable, "-m", "checker", "--quiet", "--exit-zero"]
        subprocess.run(
            [*command, "--extend-select", ids, str(drafts)],
            env={**environment, "PYTHONHASHSEED": seed},
            cwd=tmp_path,
            capture_output=True,
            check=True,
            timeout=600,
        )
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        monkeypatch.setattr(pattern_cache, "_known", None)
        kept.append(sorted(key[0] for key in pattern_cache._read_cache()))
    assert len(kept[0]) > 400 and kept[1] == kept[0]
