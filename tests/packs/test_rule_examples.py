"""Every shipped rule's examples: each 'fail' text is reported, each 'pass' is not.

Examples run with every built-in rule loaded, and only the rule under test
is looked at, so rules that depend on others (suppression checks) work too.
"""

from __future__ import annotations

import pytest

from checker.api import default_config, lint_text, load_config
from checker.config.settings import Settings

RULES = default_config().ruleset.rules
#: Every rule on, opt-in style notes too: their examples must hold as much as the others'.
EVERYTHING = load_config(Settings(extend_select=tuple(rule.id for rule in RULES if rule.opt_in)))


def _cases(kind: str):
    for rule in RULES:
        examples = rule.examples_fail if kind == "fail" else rule.examples_pass
        for index, text in enumerate(examples):
            yield pytest.param(rule.id, text, id=f"{rule.id}-{kind}{index}")


@pytest.mark.parametrize(("rule_id", "text"), list(_cases("fail")))
def test_fail_example_is_reported(rule_id: str, text: str) -> None:
    assert any(finding.rule == rule_id for finding in lint_text(text, EVERYTHING)), text


@pytest.mark.parametrize(("rule_id", "text"), list(_cases("pass")))
def test_pass_example_is_not_reported(rule_id: str, text: str) -> None:
    reported = [
        finding.message for finding in lint_text(text, EVERYTHING) if finding.rule == rule_id
    ]
    assert reported == [], text


def test_every_rule_explains_itself() -> None:
    for rule in RULES:
        assert rule.examples_fail and rule.examples_pass, rule.id
        assert rule.why.strip() and rule.source.strip() and rule.message.strip(), rule.id
