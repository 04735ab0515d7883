"""The contract every kind keeps, and that a new kind needs nothing outside checker/kinds."""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from checker import kinds
from checker.model import Hit
from checker.packs import loader
from tests.helpers import TEST_RULE


@pytest.mark.parametrize("name", list(kinds.KINDS))
def test_kind_declares_schema_reports_and_order(name: str) -> None:
    kind = kinds.get(name)
    assert kind.SCHEMA["type"] == "object" and "kind" in kind.SCHEMA["properties"]
    assert isinstance(kind.RUNS_LAST, bool)
    report = kind.SCHEMA["properties"].get("report")
    if report is not None:  # the reports a rule may ask for are the ones the kind implements
        assert report["enum"] == list(kind.REPORTS)
        assert callable(kind.REPORTS[report["enum"][0]])


@pytest.mark.parametrize("name", list(kinds.KINDS))
def test_every_default_is_a_valid_value_of_its_parameter(name: str) -> None:
    full = json.loads(loader.schema_text())
    for declared in kinds.get(name).SCHEMA["properties"].values():
        if isinstance(declared, dict) and declared.get("default") is not None:
            jsonschema.validate(declared["default"], {**declared, "$defs": full["$defs"]})


def test_the_schema_offers_every_kind_and_only_those() -> None:
    full = json.loads(loader.schema_text())
    assert full["$defs"]["check"]["properties"]["kind"]["enum"] == list(kinds.KINDS)
    branches = [
        rule["if"]["properties"]["kind"]["const"] for rule in full["$defs"]["check"]["allOf"]
    ]
    assert branches == list(kinds.KINDS)


def _shout_module() -> types.ModuleType:
    """A kind written the way a contributor would write one: a module of declarations."""
    shout = types.ModuleType("shout")

    def compile(params: dict[str, Any], where: str) -> str:
        return params["word"]

    def find(check: str, document, scope, context) -> Iterator[Hit]:
        start = document.text.find(check)
        if start >= 0:
            yield Hit(start, start + len(check), {"match": check})

    shout.compile = compile
    shout.find = find
    shout.RUNS_LAST = False
    shout.FIELDS = frozenset({"match"})
    shout.SCHEMA = {
        "type": "object",
        "additionalProperties": False,
        "required": ["kind"],
        "properties": {"kind": True, "word": {"type": "string", "default": "URGENT"}},
    }
    return shout


def test_a_new_kind_needs_only_its_module_and_an_entry_in_kinds(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PRLINT_NO_CACHE", "1")
    monkeypatch.setitem(kinds.KINDS, "shout", _shout_module())
    loader.schema_text.cache_clear()
    loader._validator.cache_clear()
    try:
        pack = tmp_path / "t.json"
        rule = {**TEST_RULE, "id": "t.shout", "message": "'{match}'", "check": {"kind": "shout"}}
        body = {"id": "t", "version": "1.0.0", "description": "Test.", "rules": [rule]}
        pack.write_text(json.dumps(body), encoding="utf-8")
        ruleset = loader.load_packs([pack])
        [loaded] = ruleset.rules
        assert loaded.check == "URGENT"  # the default came from the kind's own schema
        bad = {**rule, "check": {"kind": "shout", "word": 3}}
        pack.write_text(json.dumps({**body, "rules": [bad]}), encoding="utf-8")
        with pytest.raises(Exception, match="word"):
            loader.load_packs([pack])
    finally:
        loader.schema_text.cache_clear()
        loader._validator.cache_clear()
