"""Output formats: text, json, sarif (validated against SARIF 2.1.0), github."""

from __future__ import annotations

import json

import jsonschema

from checker.api import default_config, lint_text, load_config
from checker.config.settings import Settings
from checker.formatters import Report, render
from tests.helpers import DATA

DRAFT = (
    "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme (AMEX: KAL)(Frankfurt”>CA4) had the the 50% gain.\n"
)
COL = DRAFT.index("(Frankfurt") + 1
END = COL + len("(Frankfurt”>CA4)")
SARIF_SCHEMA = DATA / "sarif-2.1.0.json"


def core_only():
    """The core pack and the ticker-markup rule, so these tests do not move when other packs change."""
    return load_config(Settings(select=("core", "sec.ticker-broken-markup")))


def report() -> Report:
    found = lint_text(DRAFT, core_only(), path="drafts/a.txt")
    rules = {rule.id: rule for rule in default_config().ruleset.rules}
    return Report(tuple(found), 1, "0.0-test", rules, {"drafts/a.txt": DRAFT.split("\n")})


def test_text_shows_location_excerpt_caret_fix_and_summary() -> None:
    lines = render(report(), "text").splitlines()
    assert lines[0].startswith(
        f"drafts/a.txt:1:{COL}: error [sec.ticker-broken-markup] Broken markup inside a ticker"
    )
    assert lines[1] == "    1 | " + DRAFT.rstrip("\n")
    assert lines[2] == "      | " + " " * (COL - 1) + "^" * len("(Frankfurt”>CA4)")
    assert lines[3] == "     = fix: replace with '(FWB: CA4)'"
    assert lines[-1] == "Found 1 error, 2 warnings, 0 info in 1 file."


def test_text_colours_only_when_asked() -> None:
    assert "\x1b[" not in render(report(), "text", color=False)
    assert "\x1b[31m" in render(report(), "text", color=True)


def test_text_trims_long_lines_around_the_span() -> None:
    long_line = "alpha beta " * 50 + "the the " + "alpha beta " * 50
    found = lint_text(long_line, core_only(), path="x")
    text = render(
        Report(
            tuple(f for f in found if f.rule == "core.doubled-word"), 1, "t", {}, {"x": [long_line]}
        ),
        "text",
    )
    excerpt, caret = text.splitlines()[1:3]
    assert excerpt.startswith("    1 | …") and excerpt.endswith("…")
    assert excerpt[caret.index("^") :].startswith("the the")


def test_json_has_exactly_the_documented_keys() -> None:
    data = json.loads(render(report(), "json"))
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "category",
        "severity",
        "message",
        "fix",
    }
    assert all(set(item) == keys for item in data)
    ticker = data[0]
    assert ticker["fix"] == {
        "replacement": "(FWB: CA4)",
        "line": 1,
        "column": COL,
        "end_line": 1,
        "end_column": END,
    }
    assert next(item for item in data if item["rule"] == "core.unbalanced-quotes")["fix"] is None
    assert {item["severity"] for item in data} <= {"error", "warning", "info"}


def test_sarif_validates_against_the_official_schema() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(render(report(), "sarif"))
    validator_class = jsonschema.validators.validator_for(schema)
    errors = sorted(validator_class(schema).iter_errors(log), key=lambda e: e.json_path)
    assert errors == [], [f"{e.json_path}: {e.message}" for e in errors]
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "sec.ticker-broken-markup" in rule_ids
    result = run["results"][0]
    assert rule_ids[result["ruleIndex"]] == result["ruleId"] == "sec.ticker-broken-markup"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": COL,
        "endLine": 1,
        "endColumn": END,
    }
    assert (
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
        == "(FWB: CA4)"
    )
    described = next(
        rule for rule in run["tool"]["driver"]["rules"] if rule["id"] == "core.mojibake"
    )
    assert "Source:" in described["help"]["text"]


def test_github_workflow_commands_escape_their_values() -> None:
    lines = render(report(), "github").splitlines()
    assert lines[0].startswith(
        f"::error file=drafts/a.txt,line=1,col={COL},endLine=1,endColumn={END},title=sec.ticker-broken-markup::"
    )
    assert any(line.startswith("::warning ") for line in lines)
    from checker.formatters.github import _data, _property

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"
