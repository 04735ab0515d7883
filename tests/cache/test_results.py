"""Findings kept between runs: reused only while draft, configuration and prlint are unchanged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import runner as runner_module
from checker.cache import results as findings_cache
from checker.cli import main
from checker.inputs import Source
from checker.runner import Runner
from tests.helpers import REPO, run_listing_modules

DRAFT = (REPO / "corpus" / "pellmont-phase1-complete.txt").read_text(encoding="utf-8")


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PRLINT_NO_CACHE", raising=False)
    return tmp_path / "cache" / "prlint" / "results"


def _draft(tmp_path: Path, text: str = DRAFT) -> str:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _no_checks(monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("the checks ran although the findings were cached")

    monkeypatch.setattr(runner_module, "_checked", refuse)


def _summary(result) -> list:
    return [
        (f.path, f.line, f.column, f.end_line, f.end_column, f.rule, f.severity, f.message, f.fix)
        for f in result.findings
    ]


@pytest.mark.slow
def test_a_second_run_reuses_the_findings_exactly(tmp_path, cache_home, monkeypatch) -> None:
    path = _draft(tmp_path)
    first = Runner({}).lint_one(path)
    assert first.findings and any(cache_home.rglob("*"))
    _no_checks(monkeypatch)
    second = Runner({}).lint_one(path)
    assert _summary(second) == _summary(first)
    assert second.release_date == first.release_date and second.suppressions == first.suppressions
    assert second.lines == first.lines


def test_an_edited_draft_is_checked_again(tmp_path, cache_home) -> None:
    path = _draft(tmp_path)
    before = Runner({}).lint_one(path)
    assert not [f for f in before.findings if f.rule == "core.doubled-word" and f.line == 1]
    Path(path).write_text("The the headline\n" + DRAFT, encoding="utf-8")
    after = Runner({}).lint_one(path)
    assert [f for f in after.findings if f.rule == "core.doubled-word" and f.line == 1]


def test_another_configuration_is_checked_again(tmp_path, cache_home) -> None:
    path = _draft(tmp_path)
    everything = Runner({}).lint_one(path)
    only_core = Runner({"select": ("core",)}).lint_one(path)
    assert {f.rule.split(".")[0] for f in everything.findings} - {"core"}
    assert {f.rule.split(".")[0] for f in only_core.findings} == {"core"}
    dated = Runner({"date": "2031-01-05"}).lint_one(
        _draft(tmp_path, "Callisto will report on March 3.\n")
    )
    undated = Runner({}).lint_one(_draft(tmp_path, "Callisto will report on March 3.\n"))
    assert dated.release_date == ("2031-01-05", "option") and undated.release_date is None


def test_a_new_prlint_does_not_reuse_old_findings(monkeypatch) -> None:
    key = findings_cache.draft_key("config", "a.txt", "text", "text")
    monkeypatch.setattr(findings_cache, "code_fingerprint", lambda: "another build")
    assert findings_cache.draft_key("config", "a.txt", "text", "text") != key


@pytest.mark.parametrize("package", findings_cache.FINDING_DEPENDENCIES)
def test_an_upgraded_word_list_or_engine_does_not_reuse_old_findings(package, monkeypatch) -> None:
    findings_cache.dependency_stamp.cache_clear()
    key = findings_cache.draft_key("config", "a.txt", "text", "text")
    stamp = findings_cache.package_stamp
    monkeypatch.setattr(
        findings_cache,
        "package_stamp",
        lambda name: stamp(name) + (";new-file.py:1" if name == package else ""),
    )
    findings_cache.dependency_stamp.cache_clear()
    assert findings_cache.draft_key("config", "a.txt", "text", "text") != key
    findings_cache.dependency_stamp.cache_clear()


def test_a_package_stamp_names_every_file_with_its_size_and_times_only_when_asked() -> None:
    plain = findings_cache.package_stamp("english_words")
    timed = findings_cache.package_stamp("english_words", times=True)
    assert "__init__.py:" in plain and "__pycache__" not in plain
    assert len(timed) > len(plain) and timed.count(";") == plain.count(";")
    assert findings_cache.package_stamp("no_such_package_here") == "missing"


def test_a_damaged_entry_is_checked_again(tmp_path, cache_home) -> None:
    path = _draft(tmp_path)
    first = Runner({}).lint_one(path)
    for entry in cache_home.rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\x00not marshal")
    assert _summary(Runner({}).lint_one(path)) == _summary(first)


def test_no_cache_checks_afresh_and_keeps_nothing(tmp_path, cache_home, monkeypatch) -> None:
    path = _draft(tmp_path)
    Runner({}).lint_one(path)
    monkeypatch.setattr(runner_module, "_checked", _counting(runner_module._checked, calls := []))
    result = CliRunner().invoke(main, ["--no-cache", "--quiet", path])
    assert result.exit_code == 1 and "core.doubled-word" in result.output
    assert len(calls) == 1  # checked afresh although a cached entry existed
    (tmp_path / "elsewhere").mkdir()
    other = _draft(tmp_path / "elsewhere")
    before = sorted(cache_home.rglob("*"))
    assert CliRunner().invoke(main, ["--no-cache", "--quiet", other]).exit_code == 1
    assert sorted(cache_home.rglob("*")) == before  # nothing kept for the new draft


def _counting(function, calls: list):
    def counted(*args):
        calls.append(1)
        return function(*args)

    return counted


def test_a_fresh_install_of_the_same_prlint_keeps_its_key_and_an_edit_changes_it(tmp_path) -> None:
    package = Path(findings_cache.__file__).parent.parent  # the checker package
    copy = tmp_path / "checker"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.rglob("*"):
        os.utime(path, (1_900_000_000, 1_900_000_000))  # as pip would: every file a new time
    assert findings_cache.folder_digest(str(copy)) == findings_cache.folder_digest(str(package))
    engine = copy / "engine.py"
    engine.write_text(
        engine.read_text(encoding="utf-8").replace("def ", "def  ", 1), encoding="utf-8"
    )
    assert findings_cache.folder_digest(str(copy)) != findings_cache.folder_digest(str(package))


def test_the_code_hash_is_kept_and_a_kept_one_is_not_read_again(cache_home, monkeypatch) -> None:
    package = Path(findings_cache.__file__).parent.parent  # the checker package
    expected = findings_cache.folder_digest(str(package))
    monkeypatch.setattr(findings_cache, "_SETTLED_NS", 0)  # a checkout made just now, too
    findings_cache.code_fingerprint.cache_clear()
    assert findings_cache.code_fingerprint() == expected
    assert list((cache_home.parent / "data").glob("code-*"))
    monkeypatch.setattr(findings_cache, "_digest", None)  # reading the files would fail now
    findings_cache.code_fingerprint.cache_clear()
    assert findings_cache.code_fingerprint() == expected
    findings_cache.code_fingerprint.cache_clear()


def test_a_file_changed_just_now_or_rewritten_is_not_vouched_for_by_its_stamp(
    tmp_path, monkeypatch
) -> None:
    package = Path(findings_cache.__file__).parent.parent
    copy = tmp_path / "checker"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert findings_cache._stamp(findings_cache._code_files(str(copy))) is None  # just written
    monkeypatch.setattr(findings_cache, "_SETTLED_NS", 0)
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    before = findings_cache._stamp(findings_cache._code_files(str(copy)))
    engine = copy / "engine.py"
    engine.write_text(engine.read_text(encoding="utf-8").replace("def ", "fed ", 1))
    os.utime(engine, (1_000_000_001, 1_000_000_001))  # same size, restored-looking times
    assert findings_cache._stamp(findings_cache._code_files(str(copy))) not in (None, before)


def test_a_kept_draft_is_neither_extracted_nor_given_compiled_rules(
    tmp_path, cache_home, monkeypatch
) -> None:
    path = _draft(tmp_path)
    first = Runner({}).lint_one(path)
    _no_checks(monkeypatch)
    monkeypatch.setattr(Source, "document", _refuse_extracting)
    runner = Runner({})
    second = runner.lint_one(path)
    assert _summary(second) == _summary(first) and second.lines == first.lines
    [outline] = runner.configs()
    assert outline.rules and all(rule.check is None for rule in outline.rules)


def _refuse_extracting(self):
    raise AssertionError("a draft whose findings are kept was extracted")


def test_the_safe_fixes_of_a_kept_draft_are_still_planned(tmp_path, cache_home) -> None:
    path = _draft(tmp_path, "NEW YORK -- Acme said the trial (NCT 01234567) is enrolling.\n")
    first = Runner({}, keep_drafts=True).lint_one(path)
    second = Runner({}, keep_drafts=True).lint_one(path)
    assert first.edits and second.edits == first.edits


def test_a_draft_not_kept_is_checked_with_the_whole_configuration(tmp_path, cache_home) -> None:
    Runner({}).lint_one(_draft(tmp_path))  # keeps the outline of the default configuration
    runner = Runner({})
    (tmp_path / "other").mkdir()
    result = runner.lint_one(_draft(tmp_path / "other", "We plan to to file.\n"))
    assert "core.doubled-word" in {finding.rule for finding in result.findings}
    [config] = runner.configs()
    assert all(rule.check is not None for rule in config.rules)


@pytest.mark.slow
def test_a_run_of_kept_drafts_imports_no_check_kind_nor_regex(tmp_path, cache_home) -> None:
    path = _draft(tmp_path)
    prefixes = ("checker.kinds", "checker.engine", "checker.document", "regex")
    first = run_listing_modules(prefixes, "--quiet", path)
    assert "'checker.engine'" in first.stderr  # checked: the engine and the kinds were loaded
    second = run_listing_modules(prefixes, "--quiet", path)
    assert second.stderr.strip() == "[]" and second.stdout == first.stdout
