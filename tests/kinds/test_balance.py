"""The ``balance`` kind: one stack pass gives the findings the old recursive patterns gave.

The three balance rules were ``forbid`` rules with recursive ``(?(DEFINE))``
patterns, whose cost grew with the square of a paragraph of unclosed marks.
The patterns are kept here as the reference: on generated drafts full of
marks, breaks, list markers and web addresses, the kind must report exactly
what they report, stretch by stretch.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document.model import Document
from checker.kinds import balance
from checker.kinds.base import Context
from checker.model import Scope
from tests.helpers import rule_hits

REFERENCE = {
    "parentheses": r"(?(DEFINE)(?P<inner>(?:[^()\n]|\n(?![ \t]*\n)|(?<=[;,\w])\n[ \t]*\n(?=[ \t]*[a-z0-9]))))(?(DEFINE)(?P<balanced>\((?:(?&inner)|(?&balanced))*\)))(?=[()h])(?:https?://\S+(*SKIP)(*FAIL)|(?&balanced)(*SKIP)(*FAIL)|\)(?<=(?:^|[\s(\[])(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{2,4})\))(*SKIP)(*FAIL)|[()])",
    # quotes: the old pattern, with one rule added since (a quotation the next paragraph closes
    # without reopening goes on there: the missing reopening mark is reported, not the opener)
    "quotes": r"(?(DEFINE)(?P<c>(?:[^“”\"\n]|\n(?![ \t]*\n))))(?:[“\"](?&c)*[”\"](*SKIP)(*FAIL)|[“\"](?&c)*(?=\n[ \t]*\n[ \t]*[“\"])(*SKIP)(*FAIL)|[“\"](?&c)*(?=\n[ \t]*\n(?&c)*(?:”|(?<=\S)\"))(*SKIP)(*FAIL)|[“”\"])",
    "mixed-quotes": r"(?(DEFINE)(?P<c>(?:[^“”\"\n]|\n(?![ \t]*\n))))(?:(?P<open>\")(?&c)*(?P<close>”)|(?P<open>“)(?&c)*(?P<close>\"))",
}
PIECES = [
    "(",
    ")",
    "((",
    "))",
    "“",
    "”",
    '"',
    "\n",
    "\n\n",
    "\n \n",
    "\n\t\n ",
    "\n\n\n",
    " ",
    "a",
    "A",
    "é",
    "1",
    "12",
    "iv",
    "x)",
    "[",
    ";",
    ",",
    ".",
    "-",
    "http://a.b/(c",
    "https://x.y)",
    "http://",
    "h",
    "\u00a0",
]
drafts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def reference_hits(marks: str, text: str, start: int, end: int) -> list[tuple]:
    """What the old pattern reported in ``text[start:end]``, as the forbid kind reported it."""
    pattern = regex.compile("(?-f)" + REFERENCE[marks], regex.VERSION1)
    return [
        (
            match.start(),
            match.end(),
            {
                "match": match.group(),
                **{k: v for k, v in match.groupdict().items() if v is not None},
            },
        )
        for match in pattern.finditer(text, start, end)
    ]


def kind_hits(marks: str, text: str, start: int, end: int) -> list[tuple]:
    judge = {
        "parentheses": balance._unbalanced_parentheses,
        "quotes": balance._unbalanced_quotes,
        "mixed-quotes": balance._mixed_quotes,
    }[marks]
    return [
        (found_start, found_end, dict(fields))
        for found_start, found_end, fields in judge(text, start, end)
    ]


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(drafts, st.sampled_from(list(REFERENCE)))
def test_the_stack_pass_reports_what_the_recursive_pattern_did(text: str, marks: str) -> None:
    assert kind_hits(marks, text, 0, len(text)) == reference_hits(marks, text, 0, len(text))


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(drafts, st.sampled_from(list(REFERENCE)), st.integers(0, 60), st.integers(0, 60))
def test_it_does_so_within_any_stretch_of_a_draft(
    text: str, marks: str, one: int, other: int
) -> None:
    start, end = sorted((min(one, len(text)), min(other, len(text))))
    assert kind_hits(marks, text, start, end) == reference_hits(marks, text, start, end)


def test_a_paragraph_of_unclosed_parentheses_is_judged_in_one_pass() -> None:
    text = "NEW YORK, May 5, 2024 /PRNewswire/ -- Acme. " + "(a " * 1800
    hits = list(
        balance.find(balance.Balance("parentheses"), Document.from_text(text), Scope(), Context())
    )
    assert len(hits) == 1800 and {hit.fields["match"] for hit in hits} == {"("}


def test_the_three_rules_run_on_the_kind() -> None:
    assert [
        f.line
        for f in rule_hits("Acme (Nasdaq: ACME announced.\n\nOK.", "core.unbalanced-parenthesis")
    ] == [1]
    quotes = rule_hits("“We are pleased, said he. “Again.\n\nFine.", "core.unbalanced-quotes")
    assert [(f.line, f.column) for f in quotes] == [(1, 1)]  # once per paragraph
    mixed = rule_hits('He said, "we are ready.” Then he left.', "core.mixed-quote-marks")
    assert [f.message for f in mixed] == [
        'Quotation opened with " and closed with ”: use one style of quotation marks'
    ]


def test_a_quotation_closed_in_the_next_paragraph_reports_only_the_missing_reopening_mark() -> None:
    """PetVivo: a two-paragraph quote whose second paragraph lacks its opening mark."""
    text = (
        'NEW YORK, May 5, 2026 /PRNewswire/ -- John Lowry stated, "Our conference marks 17 years.'
        '\n\nThe Pierre is an ideal venue." Then he left.'
    )
    [hit] = rule_hits(text, "core.unbalanced-quotes")
    assert (hit.line, hit.column) == (3, len("The Pierre is an ideal venue.") + 1)
