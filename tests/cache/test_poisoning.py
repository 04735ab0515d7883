"""A poisoned cache must not silence, alter or crash a lint.

Each test plays someone who can write prlint's cache folder but not read the
user's secret: a CI cache restored from an untrusted pull request, or a
shared folder. The attacker knows the file layout, so he keeps whatever
precedes the stored value (a header, a tag) and replaces only the value: his
best chance. Runs that must start a fresh process (the pattern cache and word
tables are read once per process; a bad pattern can kill it) go through a
subprocess, on a copy of caches warmed once for the module. Entries planted
bare (no seal at all) are tried too.
"""

from __future__ import annotations

import bisect
import copyreg
import json
import marshal
import os
import shutil
import subprocess
import sys
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from checker.analysis.vocabulary import word_hash
from checker.api import load_config
from checker.cache import results as findings_cache
from checker.cache import store
from checker.cache.store import validation_key
from checker.cli import main
from checker.config.settings import Settings
from checker.packs.loader import schema_text
from tests.helpers import REPO

#: Each test runs prlint in fresh processes against a warmed cache: tens of seconds in all.
pytestmark = pytest.mark.slow

#: A draft with a doubled word (a safe fix) and a misspelt drug name, both warnings.
DRAFT = (
    "NEW YORK, May 5, 2024 /PRNewswire/ -- Acme Corp. said patients on metfromin will"
    " continue, and we plan to to file an IND.\n"
)
#: The corpus draft that exits 1 (an error finding).
FAILING = (REPO / "corpus" / "pellmont-phase1-complete.txt").read_text(encoding="utf-8")
#: The source of core.doubled-word's first pattern, as the pattern cache keys it.
DOUBLED = next(
    rule["check"]["patterns"][0]
    for rule in json.loads((REPO / "rules" / "core.json").read_text(encoding="utf-8"))["rules"]
    if rule["id"] == "core.doubled-word"
)


@pytest.fixture(scope="module")
def warmed(tmp_path_factory) -> Path:
    """A cache and secret filled by one ordinary run (copied by each test that needs it)."""
    home = tmp_path_factory.mktemp("warmed")
    (home / "draft.txt").write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, **_locations(home)}
    env.pop("PRLINT_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--fail-on", "warning", str(home / "draft.txt")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    return home


def _locations(home: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state")}


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty cache and secret of this test's own (also for subprocesses)."""
    for name, value in _locations(tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PRLINT_NO_CACHE", raising=False)
    return tmp_path


@pytest.fixture
def warm(warmed, home) -> Path:
    """This test's copy of the warmed cache and secret."""
    for name in ("cache", "state"):
        if (warmed / name).exists():
            shutil.copytree(warmed / name, home / name)
    return home


def _prlint(*args: str) -> subprocess.CompletedProcess:
    """Run prlint in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _draft(home: Path, text: str = DRAFT) -> str:
    path = home / "release.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def _rewrite(path: Path, wanted: Callable[[object], bool], change: Callable) -> None:
    """Replace the marshalled value in *path*, keeping the seal before it (if the layout has one).

    The attacker has read the source, so he knows where the value starts; he
    cannot compute a new seal, so he keeps the old one: his best chance.
    """
    data = path.read_bytes()
    offset = getattr(store, "TAG_BYTES", 0)
    value = marshal.loads(data[offset:])
    assert wanted(value), f"not the value expected in {path}"
    path.write_bytes(data[:offset] + marshal.dumps(change(value)))


def _is_outcome(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], list)


def _is_patterns(value: object) -> bool:
    return isinstance(value, dict) and any(_is_doubled(key) for key in value)


def _is_doubled(key: object) -> bool:
    return isinstance(key, tuple) and isinstance(key[0], str) and key[0].endswith(DOUBLED)


def _is_hashes(value: object) -> bool:
    return isinstance(value, bytes) and len(value) > 100_000 and len(value) % 8 == 0


def _rules(output: str) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in output.splitlines() if "] " in line]


# -- the findings cache ----------------------------------------------------------


def test_emptied_findings_entries_do_not_hide_findings(home) -> None:
    path = _draft(home, FAILING)
    first = CliRunner().invoke(main, [path])
    assert first.exit_code == 1
    entries = _files(home / "cache" / "prlint" / "results")
    assert entries
    for entry in entries:
        _rewrite(entry, _is_outcome, lambda _value: ([], None, []))
    again = CliRunner().invoke(main, [path])
    assert again.exit_code == 1 and again.output == first.output


def test_an_entry_planted_for_a_draft_never_linted_is_not_used(home) -> None:
    path = _draft(home, FAILING)
    # the key is computable from public inputs: plant "no findings" before the first run
    config = load_config(Settings())
    key = findings_cache.draft_key(findings_cache.config_fingerprint(config), path, "text", FAILING)
    planted = home / "cache" / "prlint" / "results" / key[:2] / key[2:]
    planted.parent.mkdir(parents=True)
    planted.write_bytes(marshal.dumps(([], None, [])))
    result = CliRunner().invoke(main, [path])
    assert result.exit_code == 1 and "sec.fls-without-legend" in result.output


@pytest.mark.parametrize("seal", ["none", "zeros"])
def test_a_forged_safe_fix_is_never_written_into_the_draft(home, seal) -> None:
    text = DRAFT + "The trial (NCT 01234567) is enrolling.\n"  # one safe fix of its own
    path = _draft(home, text)
    config = load_config(Settings())
    key = findings_cache.draft_key(findings_cache.config_fingerprint(config), path, "text", text)
    forged = (1, 1, 1, 9, "core.doubled-word", "style", 2, "Doubled word")
    fix = ("ATTACKER TEXT", 1, 1, 1, 9, True)  # replace "NEW YORK", marked safe
    planted = home / "cache" / "prlint" / "results" / key[:2] / key[2:]
    planted.parent.mkdir(parents=True)
    tag = bytes(getattr(store, "TAG_BYTES", 0)) if seal == "zeros" else b""
    planted.write_bytes(tag + marshal.dumps(([(*forged, fix)], None, [])))
    CliRunner().invoke(main, ["--fix", path])
    fixed = Path(path).read_text(encoding="utf-8")
    assert "ATTACKER" not in fixed
    assert "(NCT01234567)" in fixed  # the real fix was made


def test_a_flipped_byte_in_a_findings_entry_changes_nothing(home) -> None:
    path = _draft(home, FAILING)
    first = CliRunner().invoke(main, [path])
    for entry in _files(home / "cache" / "prlint" / "results"):
        data = entry.read_bytes()
        assert b"Doubled word" in data
        entry.write_bytes(data.replace(b"Doubled word", b"Doubled wore"))
    again = CliRunner().invoke(main, [path])
    assert again.output == first.output and "Doubled wore" not in again.output


# -- the validation cache ----------------------------------------------------------


def test_a_touched_validation_key_does_not_let_an_invalid_pack_through(home) -> None:
    path = _draft(home)
    assert CliRunner().invoke(main, [path]).exit_code == 0  # genuine entries exist
    pack = home / "bad.json"
    pack.write_text(
        '{"id": "bad", "rules": [{"id": "bad.x", "severity": "fatal"}]}\n', encoding="utf-8"
    )
    folder = home / "cache" / "prlint" / "valid-packs"
    genuine = _files(folder)[0]
    key = validation_key(pack.read_bytes(), schema_text())
    (folder / key).touch()
    touched = CliRunner().invoke(main, ["--pack", str(pack), path])
    assert touched.exit_code == 2 and "bad.json" in touched.output
    shutil.copyfile(genuine, folder / key)  # another pack's genuine entry, renamed
    copied = CliRunner().invoke(main, ["--pack", str(pack), path])
    assert copied.exit_code == 2 and "bad.json" in copied.output


# -- the pattern cache ---------------------------------------------------------------


def _patterns_file(home: Path) -> Path:
    [path] = (home / "cache" / "prlint" / "data").glob("patterns-*.marshal")
    return path


def _swap_doubled(home: Path, arguments: Callable[[tuple, tuple], tuple]) -> None:
    """Replace the stored compiled form of core.doubled-word's pattern."""

    def change(stored: dict) -> dict:
        for key, value in stored.items():
            if _is_doubled(key):
                stored[key] = arguments(key, value)
        return stored

    _rewrite(_patterns_file(home), _is_patterns, change)


def _compiled_arguments(source: str, flags: int) -> tuple:
    pattern = regex.compile(source, flags)
    _function, arguments = copyreg.dispatch_table[type(pattern)](pattern)
    return tuple(int(item) if isinstance(item, regex.RegexFlag) else item for item in arguments)


def test_a_swapped_compiled_pattern_does_not_disable_a_rule(warm) -> None:
    _swap_doubled(warm, lambda key, _value: _compiled_arguments("(?!)", key[1]))
    done = _prlint("--quiet", "--fail-on", "warning", _draft(warm))
    assert done.returncode == 1, done.stderr
    assert "core.doubled-word" in _rules(done.stdout)


def test_crafted_compiled_code_never_reaches_the_regex_engine(warm) -> None:
    # all-zero code makes regex's C engine read out of bounds: the process dies (SIGSEGV)
    _swap_doubled(warm, lambda _key, value: (*value[:2], bytes(len(value[2])), *value[3:]))
    done = _prlint("--quiet", "--fail-on", "warning", _draft(warm))
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "core.doubled-word" in _rules(done.stdout)


# -- the word tables ------------------------------------------------------------------


def _english_file(home: Path) -> Path:
    """Return the English table's file, with the kept word answers deleted.

    With them, a run on the warmed draft never reads the tables: every word
    is answered already. The tests of the tables must make it read them.
    """
    for answers in (home / "cache" / "prlint" / "data").glob("answers-*.marshal"):
        answers.unlink()
    [path] = (home / "cache" / "prlint" / "data").glob("english-hashes-*.marshal")
    return path


def _answers_file(home: Path) -> Path:
    [path] = (home / "cache" / "prlint" / "data").glob("answers-*.marshal")
    return path


def _is_answers(value: object) -> bool:
    return isinstance(value, dict) and any(
        key[0].endswith(".is_english") and key[1:] == ("metfromin",) for key in value
    )


def test_an_answer_that_calls_a_misspelt_drug_english_does_not_hide_it(warm) -> None:
    def english_metfromin(answers: dict) -> dict:
        return {
            key: (True if key[0].endswith(".is_english") else value)
            for key, value in answers.items()
        }

    _rewrite(_answers_file(warm), _is_answers, english_metfromin)
    done = _prlint("--quiet", "--fail-on", "warning", _draft(warm))
    assert sorted(_rules(done.stdout)) == ["core.doubled-word", "spelling.drug-name"], done.stderr


def test_answers_of_the_wrong_type_are_worked_out_again_not_a_traceback(warm) -> None:
    _rewrite(_answers_file(warm), _is_answers, lambda _answers: [42])
    done = _prlint("--quiet", "--fail-on", "warning", _draft(warm))
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr
    assert sorted(_rules(done.stdout)) == ["core.doubled-word", "spelling.drug-name"]


def test_a_hash_added_to_the_english_table_does_not_hide_a_misspelt_drug(warm) -> None:
    def add_metfromin(hashes: bytes) -> bytes:
        table = array("Q", hashes)
        bisect.insort(table, word_hash("metfromin"))
        return table.tobytes()

    _rewrite(_english_file(warm), _is_hashes, add_metfromin)
    done = _prlint("--quiet", "--fail-on", "warning", _draft(warm))
    assert "spelling.drug-name" in _rules(done.stdout), done.stderr


def test_word_tables_of_the_wrong_type_are_rebuilt_not_a_traceback(warm) -> None:
    _rewrite(_english_file(warm), _is_hashes, lambda _hashes: 42)
    for path in (warm / "cache" / "prlint" / "data").glob("drug-targets-*.marshal"):
        _rewrite(path, lambda stored: isinstance(stored, dict) and bool(stored), lambda _t: "x")
    done = _prlint("--quiet", "--fail-on", "warning", _draft(warm))
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr
    assert sorted(_rules(done.stdout)) == ["core.doubled-word", "spelling.drug-name"]


# -- --no-cache ------------------------------------------------------------------------


def test_no_cache_protects_from_a_poisoned_cache(warm) -> None:
    _swap_doubled(warm, lambda key, _value: _compiled_arguments("(?!)", key[1]))
    _rewrite(_english_file(warm), _is_hashes, lambda _hashes: 42)
    done = _prlint("--no-cache", "--quiet", "--fail-on", "warning", _draft(warm))
    assert "Traceback" not in done.stderr and done.returncode == 1, done.stderr
    assert sorted(_rules(done.stdout)) == ["core.doubled-word", "spelling.drug-name"]
