"""Message and replacement templates are checked when the pack loads, not at the first match."""

from __future__ import annotations

import pytest

from checker.errors import RulePackError
from checker.packs.loader import load_packs
from tests.helpers import test_pack

FORBID = {"id": "t.word", "check": {"kind": "forbid", "patterns": [r"(?P<word>bad)(\w*)"]}}


def _load(tmp_path, **rule) -> None:
    load_packs(list(test_pack(tmp_path, {**FORBID, "message": "m", **rule})))


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("m {0}", "plain name"),
        ("{match", "malformed"),
        ("}", "malformed"),
        ("{match[5]}", "plain name"),
        ("{match.__class__.__mro__}", "plain name"),
        ("{match:>300000000}", "format spec"),
        ("{match!r}", "format spec or conversion"),
        ("{mtch}", "not one this rule provides"),
    ],
)
def test_a_bad_message_is_a_pack_error_naming_rule_and_field(tmp_path, message, reason) -> None:
    with pytest.raises(RulePackError) as problem:
        _load(tmp_path, message=message)
    text = str(problem.value)
    assert "$.rules[0].message" in text and reason in text


@pytest.mark.parametrize("replacement", ["\\g<nosuch>", "\\9", "\\g<3>"])
def test_a_replacement_naming_a_missing_group_is_a_pack_error(tmp_path, replacement) -> None:
    check = {**FORBID["check"], "replacement": replacement}
    with pytest.raises(RulePackError, match=r"\$\.rules\[0\]\.check\.replacement"):
        _load(tmp_path, check=check)


def test_fields_of_the_kind_and_named_groups_are_accepted(tmp_path) -> None:
    check = {**FORBID["check"], "replacement": "\\g<word>\\2"}
    _load(tmp_path, message="'{match}' ({word}): write '{replacement}' {{literally}}", check=check)
