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


def test_per_file_ignores_match_relative_to_the_config_folder(tmp_path) -> None:
    from checker.config.selection import ignored_in_file
    from checker.config.settings import Settings

    settings = Settings(
        per_file_ignores=(
            ("archive/2007/*", ("sec.exchange-name-retired",)),
            ("./notes/*.md", ("core",)),
            ("legacy-*.txt", ("style",)),
        ),
        source=tmp_path / "prlint.cfg",
    )
    assert ignored_in_file(str(tmp_path / "archive/2007/a.txt"), settings) == (
        "sec.exchange-name-retired",
    )
    assert ignored_in_file(str(tmp_path / "archive/2007/q1/a.txt"), settings)  # * crosses /
    assert ignored_in_file(str(tmp_path / "archive/2008/a.txt"), settings) == ()
    assert ignored_in_file(str(tmp_path / "notes/n.md"), settings) == ("core",)
    assert ignored_in_file(str(tmp_path / "deep/er/legacy-1.txt"), settings) == ("style",)
    assert ignored_in_file("<stdin>", settings) == ()
    assert ignored_in_file(str(tmp_path / "archive/2007/a.txt"), Settings()) == ()


def test_drop_ignored_uses_ids_prefixes_and_categories() -> None:
    from checker.config.selection import drop_ignored
    from checker.model import Finding

    rules = {r.id: r for r in (rule("core.a"), rule("core.b", "style"), rule("sec.c"))}
    found = [
        Finding("d", 1, n, 1, n + 1, rule_id, rules[rule_id].category, Severity.ERROR, "m")
        for n, rule_id in enumerate(rules, start=1)
    ]
    assert [f.rule for f in drop_ignored(found, ("style",), rules)] == ["core.a", "sec.c"]
    assert [f.rule for f in drop_ignored(found, ("core",), rules)] == ["sec.c"]
    assert drop_ignored(found, (), rules) == found
