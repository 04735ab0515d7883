"""Selecting rules by id, prefix and category; the most specific token wins."""

from __future__ import annotations

import pytest

from checker.config.selection import check_tokens, is_selected
from checker.errors import ConfigError
from checker.model import Rule, Severity


def rule(rule_id: str, category: str = "markup") -> Rule:
    return Rule(
        rule_id,
        rule_id.split(".")[0],
        category,
        Severity.ERROR,
        "m",
        "w",
        "s",
        ("f",),
        ("p",),
        "forbid",
        None,
    )


@pytest.mark.parametrize(
    ("rule_id", "category", "select", "ignore", "selected"),
    [
        ("core.mojibake", "markup", [], [], True),
        ("core.mojibake", "markup", ["core"], [], True),
        ("core.mojibake", "markup", ["sec"], [], False),
        ("core.mojibake", "markup", [], ["core"], False),
        ("core.mojibake", "markup", ["core.mojibake"], ["core"], True),
        ("core.mojibake", "markup", ["core"], ["core.mojibake"], False),
        ("core.mojibake", "markup", ["markup"], [], True),
        ("core.mojibake", "markup", ["markup"], ["core"], False),
        ("core.mojibake", "markup", ["core"], ["markup"], True),
        ("core.mojibake", "markup", ["core"], ["core"], False),
        ("core.mojibake", "markup", ["core.moji"], [], False),
    ],
)
def test_select_and_ignore(rule_id, category, select, ignore, selected) -> None:
    assert is_selected(rule(rule_id, category), select, ignore) is selected


def test_unknown_tokens_are_config_errors() -> None:
    rules = [rule("core.mojibake")]
    check_tokens(["core", "core.mojibake", "claim"], rules, "--select")
    with pytest.raises(
        ConfigError, match="--select: 'cor' is not a rule id, id prefix or category"
    ):
        check_tokens(["cor"], rules, "--select")
