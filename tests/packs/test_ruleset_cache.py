"""Rule sets kept in the cache: reused while every pack is unchanged, never believed unsealed."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

from checker import kinds
from checker.api import lint_text, load_config
from checker.cache import store
from checker.config.settings import Settings
from checker.model import Rule
from checker.packs import loader
from checker.packs.loader import RuleSet, builtin_pack_paths, load_packs
from tests.helpers import DATA

GOOD = json.loads((DATA / "packs" / "good.json").read_text(encoding="utf-8"))


def _summary(ruleset: RuleSet) -> list[tuple]:
    return [(rule.id, rule.severity, rule.message, rule.origin) for rule in ruleset.rules]


def _no_compiling(monkeypatch) -> None:
    def refuse(params, where):
        raise AssertionError("a rule was compiled although its rule set was kept")

    monkeypatch.setattr(kinds, "compile_check", refuse)


def _pair(folder: Path, message: str) -> tuple[Path, Path]:
    """Write a pack and a base it extends by relative path; return (pack, base)."""
    base = folder / "base.json"
    base.write_text(json.dumps({**GOOD, "id": "base", "rules": [_rule("base", message)]}))
    pack = folder / "pack.json"
    pack.write_text(json.dumps({**GOOD, "extends": ["base.json"], "rules": [_rule("house", "m")]}))
    return pack, base


def _rule(pack_id: str, message: str) -> dict:
    return {**GOOD["rules"][0], "id": f"{pack_id}.rule", "message": message}


def test_an_unchanged_set_of_packs_comes_back_without_compiling(cache, monkeypatch) -> None:
    first = load_packs(builtin_pack_paths())
    _no_compiling(monkeypatch)
    again = load_packs(builtin_pack_paths())
    assert again is not first and _summary(again) == _summary(first)
    assert again.packs == first.packs and again.profile == first.profile
    assert all(isinstance(rule, Rule) for rule in again.rules)


def test_kept_rules_find_what_compiled_rules_find(cache) -> None:
    settings = Settings(packs=(DATA / "packs" / "extends-core.json",))
    text = "NEW YORK -- Acme's miracle drug works, and we plan to to file an IND.\n"
    fresh = lint_text(text, load_config(settings))
    kept = lint_text(text, load_config(settings))  # from the cache
    assert kept == fresh
    assert {"house.no-hype", "core.doubled-word"} <= {finding.rule for finding in kept}


def test_an_edited_base_pack_is_loaded_afresh(cache, tmp_path) -> None:
    pack, base = _pair(tmp_path, "before")
    assert "before" in [rule.message for rule in load_packs([pack]).rules]
    base.write_text(base.read_text().replace("before", "after!"))
    assert "after!" in [rule.message for rule in load_packs([pack]).rules]


def test_no_cache_keeps_no_rule_set(cache, monkeypatch) -> None:
    monkeypatch.setenv("PRLINT_NO_CACHE", "1")
    load_packs(builtin_pack_paths())
    assert not (cache / "rulesets").exists()


def _tripwire(calls: list) -> None:
    calls.append("unpickled")


class _Planted:
    """What a poisoner pickles: unpickling it calls a function of his choice."""

    calls: list = []

    def __reduce__(self):
        return (_tripwire, (_Planted.calls,))


def test_an_unsealed_rule_set_is_never_unpickled(cache) -> None:
    load_packs(builtin_pack_paths())  # a genuine entry, with a seal the poisoner cannot make
    [entry] = (cache / "rulesets").iterdir()
    entry.write_bytes(entry.read_bytes()[: store.TAG_BYTES] + pickle.dumps(_Planted()))
    assert len(load_packs(builtin_pack_paths()).rules) > 50
    assert _Planted.calls == []


def test_a_sealed_value_that_is_no_rule_set_is_rebuilt(cache) -> None:
    key = loader._ruleset_key(builtin_pack_paths())
    assert key is not None
    store.write_pickled("rulesets", key, {"rules": ()})
    assert len(load_packs(builtin_pack_paths()).rules) > 50


def test_the_regex_stamp_changes_with_a_reinstall_and_needs_no_import(
    tmp_path, monkeypatch
) -> None:
    package = tmp_path / "fakeregex"
    package.mkdir()
    (package / "__init__.py").write_text("raise ImportError('never imported')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = store.package_stamp("fakeregex", times=True)
    plain = store.package_stamp("fakeregex")
    os.utime(package / "__init__.py", ns=(1, 1))  # reinstalled: same bytes, another time
    assert store.package_stamp("fakeregex", times=True) != before
    assert store.package_stamp("fakeregex") == plain  # word tables and findings keep their key
    assert store.package_stamp("no_such_package_here") == "missing"
