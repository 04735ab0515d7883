"""Rule packs: loading, extends and overrides, and every broken pack's errors."""

from __future__ import annotations

import json

import jsonschema
import pytest

from checker.errors import RulePackError
from checker.model import Severity
from checker.packs.loader import builtin_pack_paths, load_packs, schema_text
from tests.helpers import DATA

PACKS = DATA / "packs"


def problems_of(name: str) -> list[str]:
    """Load a fixture pack after the built-ins and return its problems."""
    with pytest.raises(RulePackError) as error:
        load_packs([*builtin_pack_paths(), PACKS / name])
    return error.value.problems


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_kind_has_a_schema_branch_and_back() -> None:
    from checker.kinds import KINDS

    schema = json.loads(schema_text())
    assert set(schema["$defs"]["check"]["properties"]["kind"]["enum"]) == set(KINDS)
    for kind in KINDS:
        assert f"kind-{kind}" in schema["$defs"], kind


def test_built_in_packs_validate_and_load() -> None:
    ruleset = load_packs(builtin_pack_paths())
    assert "core" in {pack.id for pack in ruleset.packs}
    assert all(len(pack.sha256) == 64 for pack in ruleset.packs)


def test_good_pack_loads_with_its_rules() -> None:
    ruleset = load_packs([PACKS / "good.json"])
    assert [rule.id for rule in ruleset.rules] == ["house.no-hype", "house.ticker-style"]
    assert ruleset.get("house.no-hype").severity == Severity.WARNING


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "bad-severity.json",
            ["$.rules[1].severity: 'fatal' is not one of ['error', 'warning', 'info']"],
        ),
        (
            "unknown-key.json",
            ["$.rules[0]: Additional properties are not allowed ('colour' was unexpected)"],
        ),
        ("unknown-kind.json", ["$.rules[0].check.kind: 'telepathy' is not one of"]),
        (
            "bad-regex.json",
            ["$.rules[0].check.patterns[0]: invalid regular expression '(unclosed'"],
        ),
        ("duplicate-id.json", ["$.rules[1].id: duplicate rule id 'house.no-hype'"]),
        (
            "wrong-prefix.json",
            ["$.rules[0].id: rule id 'other.no-hype' must start with the pack id 'house.'"],
        ),
        ("not-json.json", ["line 2 column 13: invalid JSON: Expecting value"]),
        ("extends-missing.json", ["$.extends[0]: no pack 'no-such-pack'"]),
        ("override-unknown.json", ["$.overrides['core.no-such-rule']: no loaded rule matches"]),
        (
            "wrong-type.json",
            [
                "$.rules[0].examples: 'none' is not of type 'object'",
                "$.rules[0].severity: 3 is not one of",
            ],
        ),
    ],
)
def test_broken_packs_name_file_json_path_and_reason(name: str, expected: list[str]) -> None:
    problems = problems_of(name)
    assert len(problems) == len(expected)
    for problem, fragment in zip(problems, expected):
        assert problem.startswith(str(PACKS / name)) or name in problem
        assert fragment in problem


def test_extends_overrides_severity_and_disables() -> None:
    ruleset = load_packs([*builtin_pack_paths(), PACKS / "extends-core.json"])
    assert ruleset.get("core.doubled-word").severity == Severity.ERROR
    assert ruleset.get("core.mojibake") is None
    assert ruleset.get("house.no-hype") is not None


def test_a_pack_file_loaded_twice_is_loaded_once() -> None:
    ruleset = load_packs([PACKS / "good.json", PACKS / "good.json"])
    assert len(ruleset.rules) == 2


def test_huge_or_deep_json_is_refused_cleanly(tmp_path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(RulePackError) as error:
        load_packs([deep])
    assert "deep.json" in error.value.problems[0]


def test_validation_is_remembered_and_a_changed_pack_is_validated_again(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack = tmp_path / "p.json"
    good = json.loads((PACKS / "good.json").read_text(encoding="utf-8"))
    pack.write_text(json.dumps(good), encoding="utf-8")
    load_packs([pack])
    assert len(list((tmp_path / "cache" / "prlint" / "valid-packs").iterdir())) == 1
    good["rules"][0]["severity"] = "fatal"
    pack.write_text(json.dumps(good), encoding="utf-8")
    with pytest.raises(RulePackError):
        load_packs([pack])  # new bytes, new key: validated again, and rejected
