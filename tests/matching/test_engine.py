"""The regex engine without its parser: same flags, same escapes, same patterns, parser left out."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from checker.analysis import legend
from checker.matching import engine
from tests.helpers import REPO, run_listing_modules

#: A draft of the project's own with many findings (22 in its expected file).
DRAFT = REPO / "corpus" / "corvane-ravolitide-phase2.txt"


@pytest.mark.parametrize(
    "name", ["IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "VERSION0", "VERSION1"]
)
def test_the_flags_are_regex_s_own(name: str) -> None:
    assert getattr(engine, name) == int(getattr(regex, name))


def test_escape_gives_what_regex_escape_gives_for_every_character_of_the_first_planes() -> None:
    characters = [chr(code) for code in range(0x3100) if not 0xD800 <= code < 0xE000]
    assert [engine.escape(char) for char in characters] == [
        regex.escape(char) for char in characters
    ]
    for text in [
        "Acme Corp.",
        "L-Annamycin (ZX-1)",
        "Nasdaq: ACME",
        "a+b*c?",
        "tab\there",
        "#1 & ~x",
    ]:
        assert engine.escape(text) == regex.escape(text)


def test_the_extension_is_the_one_regex_itself_uses() -> None:
    assert engine.c_module() is sys.modules["regex._regex"]
    assert type(regex.compile("a")) is type(engine.build(_arguments_of(regex.compile("b"))))


def test_a_pattern_built_from_its_arguments_matches_as_the_compiled_one() -> None:
    source = r"(?i)\b(?P<form>10-[KQ])(?:/A)?\b"
    compiled = regex.compile(source)
    built = engine.build(_arguments_of(compiled))
    text = "our Form 10-K/A and form 10-q, not 10-KQ"
    assert [m.span() for m in built.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert built.pattern == source and built.groupindex == compiled.groupindex


def test_a_pattern_pickles_as_a_call_of_build_and_comes_back_the_same() -> None:
    pattern = engine.build(_arguments_of(regex.compile(r"\bACME\b", regex.IGNORECASE)))
    data = pickle.dumps(pattern)
    assert b"checker.matching.engine" in data and b"regex._regex" not in data
    again = pickle.loads(data)
    assert again.findall("Acme and acme, not acmes") == ["Acme", "acme"]


def test_a_pickled_pattern_is_read_without_importing_regex_s_parser() -> None:
    data = pickle.dumps(engine.build(_arguments_of(regex.compile(r"\d+"))))
    script = (
        "import pickle, sys\n"
        f"pattern = pickle.loads({data!r})\n"
        "print(pattern.findall('10 and 20'))\n"
        "print(sorted(name for name in sys.modules if name.startswith('regex')))\n"
    )
    done = _python(script, REPO)
    assert done.stdout.splitlines() == ["['10', '20']", "['regex._regex']"], done.stderr


def test_regex_imported_after_the_extension_uses_it_and_its_patterns_pickle_through_build() -> None:
    script = (
        "import pickle, sys\n"
        "from checker.matching import engine\n"
        "alone = engine.c_module()\n"
        "import regex\n"
        "print(sys.modules['regex._regex'] is alone, regex.compile('a').search('cat').start())\n"
        "print(b'checker.matching.engine' in pickle.dumps(engine.full().compile('x')))\n"
    )
    done = _python(script, REPO)
    assert done.stdout.splitlines() == ["True 1", "True"], done.stderr


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("said Acme today", "Acme"),
        ("said Acmes today", "Acme"),
        ("Acme", "Acme"),
        ("the AcmeCo and Acme.", "Acme"),
        ("xAcme Acmex", "Acme"),
        ("by Acme Corp.", "Corp."),
        ("by Acme Corp.x", "Corp."),
        ("(Acme)", "(Acme"),
        ("ab", ""),
        ("  ", ""),
        ("Zürich-based Zür", "Zür"),
    ],
)
def test_a_whole_word_is_found_where_the_pattern_of_it_would_be(text: str, word: str) -> None:
    expected = regex.search(rf"\b{regex.escape(word)}\b", text) is not None
    assert legend._holds_whole_word(text, word) is expected


def test_a_cold_run_on_warm_caches_never_imports_regex_s_parser_and_finds_the_same(
    tmp_path, monkeypatch
) -> None:
    """The second run, on a new copy, is a cold start: every pattern comes from the caches."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("PRLINT_NO_CACHE", raising=False)
    findings, loaded = [], []
    for run in ("first", "second"):
        draft = tmp_path / run / "draft.txt"
        draft.parent.mkdir()
        shutil.copy(DRAFT, draft)
        done = run_listing_modules(("regex",), "--format", "json", "--exit-zero", str(draft))
        assert done.returncode == 0, done.stderr
        findings.append(done.stdout.replace(str(draft.parent), "DIR"))
        loaded.append(done.stderr.splitlines()[-1])
    assert "'regex._regex_core'" in loaded[0]  # the caches were empty: patterns were parsed
    assert loaded[1] == "['regex._regex']"
    assert findings[0] == findings[1] and '"rule"' in findings[1]


def _arguments_of(pattern: regex.Pattern) -> tuple:
    return pattern._pickled_data  # what regex pickles a pattern as


def _python(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=cwd
    )
