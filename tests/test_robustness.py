"""Property-based tests: no input makes prlint raise, and positions stay in the text.

Hypothesis generates drafts from press-release fragments, markup, quotes,
control characters and arbitrary Unicode; every built-in rule runs on each.
The run is bounded (a fixed number of examples, no deadline per example) so
it fits in CI.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import default_config, lint_text
from checker.document.dateline import find_dateline
from checker.document.model import Document
from checker.errors import InputError, RulePackError
from checker.inputs.reading import decode_draft
from checker.packs.loader import load_packs

FRAGMENTS = [
    "NEW YORK, Feb. 22 /PRNewswire-FirstCall/ — ",
    "SAN DIEGO--(BUSINESS WIRE)--May 5, 2025--",
    "Callisto Pharmaceuticals, Inc. (AMEX: KAL)(Frankfurt”>CA4)",
    "(Nasdaq: ACME)",
    "L- Annamycin",
    "L-Annamcyin",
    "“We expect to report data in 2H 2026,” said the CEO.",
    "Forward-Looking Statements\n\n",
    "actual results could differ materially",
    "About Acme Corp.\n\n",
    "Contacts:\n",
    "###",
    "SOURCE Acme",
    "Monday, March 6, 2007",
    "February 30, 2007",
    "Q1 2007",
    "Form 10-K/A for the year ended December 31, 2005",
    "ten institutions: A, B, C and D.",
    "safe and effective",
    "Phase I/IIa",
    "NCT0123456",
    "â€™",
    "&amp;",
    "</p>",
    "<!-- prlint-disable-next-line core -->",
    "<!-- prlint-enable",
    "(((",
    ")))",
    '"',
    "“",
    "”",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\x00",
    "\ufeff",
    "\u200b",
    "é",
    "𝔘",
    "The the",
    "M.D. Anderson",
    "MD Anderson",
    "today",
    "-->",
]
drafts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40).map(
    "".join
)
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_positions_inside(text: str, found: list) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for finding in found:
        assert 1 <= finding.line <= finding.end_line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
        assert 1 <= finding.end_column <= len(lines[finding.end_line - 1]) + 1, finding
        if finding.fix is not None:
            assert 1 <= finding.fix.line <= len(lines), finding


@pytest.mark.slow
@BOUNDED
@given(drafts)
def test_every_rule_survives_any_draft(text: str) -> None:
    found = lint_text(text, default_config())
    assert_positions_inside(text, found)
    assert found == sorted(found)


@BOUNDED
@given(drafts)
def test_document_model_spans_lie_inside_the_text(text: str) -> None:
    document = Document.from_text(text)
    size = len(document.text)
    for start, end in [*document.paragraphs, *document.sentences, *document.quotations]:
        assert 0 <= start < end <= size
    for part in document.parts:
        assert 0 <= part.start <= part.end <= size
    starts = [part.start for part in document.parts]
    assert starts == sorted(starts)


@BOUNDED
@given(st.text(max_size=300))
def test_dateline_parser_never_raises(text: str) -> None:
    found = find_dateline(text, 0)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)


@BOUNDED
@given(st.binary(max_size=400))
def test_decoding_raises_only_input_errors(data: bytes) -> None:
    try:
        draft = decode_draft(data, "x.txt")
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert "\r" not in draft.text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
packish = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["p", "P", ""]),
        "version": st.sampled_from(["1.0.0", "x"]),
        "description": st.text(max_size=5),
    },
    optional={
        "rules": st.lists(
            st.dictionaries(
                st.sampled_from(["id", "check", "severity", "examples", "kind"]), json_values
            ),
            max_size=3,
        ),
        "extends": json_values,
    },
)


@pytest.mark.slow
@BOUNDED
@given(st.one_of(packish, json_values))
def test_pack_loader_reports_problems_never_crashes(tmp_path_factory, value) -> None:
    path = tmp_path_factory.mktemp("packs") / "p.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    try:
        load_packs([path])
    except RulePackError as error:
        assert error.problems and all(str(path.name) in problem for problem in error.problems)
