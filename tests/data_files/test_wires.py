"""Wire tags: one data file (checker/data/wires.json) for the dateline and the wire-tag rule."""

from __future__ import annotations

import json

import pytest
import regex

from checker.data import load
from checker.document.dateline import find_dateline
from tests.helpers import REPO

WIRES = load("wires")["wires"]
TAGS = [tag for wire in WIRES for tag in wire["tags"]]
#: Tags the wire-tag rule knows but no dateline pattern reads yet (ACCESSWIRE's 2024 name).
NOT_READ = {"ACCESS Newswire"}


def test_every_wire_has_a_name_dateline_patterns_and_tags() -> None:
    for wire in WIRES:
        assert set(wire) == {"wire", "dateline", "tags"}
        assert wire["wire"] and wire["dateline"]
        for pattern in wire["dateline"]:
            regex.compile(pattern.replace("{date}", "(?P<date>x)"), regex.IGNORECASE)
    assert len(TAGS) == len(set(TAGS))


def test_the_wire_tag_rule_lists_the_tags_of_the_data_file() -> None:
    """rules/dates.json still carries its own list (its kind reads it); it must not drift."""
    pack = json.loads((REPO / "rules" / "dates.json").read_text(encoding="utf-8"))
    (rule,) = [rule for rule in pack["rules"] if rule["id"] == "dates.dateline-wire-tag"]
    assert rule["check"]["wire_tags"] == TAGS


@pytest.mark.parametrize("tag", [tag for tag in TAGS if tag not in NOT_READ])
def test_every_tag_as_the_wire_stamps_it_is_read_in_a_dateline(tag: str) -> None:
    read = set()
    for bracketed in (f"/{tag}/", f"({tag})"):
        found = find_dateline(f"NEW YORK, Jan. 4, 2007 {bracketed} -- Acme Corp. today said", 0)
        read.add(found.wire if found else None)
    assert tag in read


def test_a_date_inside_a_tag_is_the_datelines_date_not_part_of_the_wire() -> None:
    found = find_dateline("LONDON, ONTARIO--(Marketwired - April 4, 2014) - Acme Corp.", 0)
    assert found is not None
    assert (found.wire, found.date_text) == ("Marketwired", "April 4, 2014")
