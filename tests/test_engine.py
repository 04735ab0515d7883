"""What the engine does with the kinds' hits: opt-in notes, once per draft, no echoes of an error."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import engine
from checker.document.suppressions import Directive
from checker.model import Finding, Severity
from tests.helpers import findings, run_rules

DATELINE = "NEW YORK, January 4, 2007 /PRNewswire/ -- Acme announced results.\n"


def _rules(found) -> list[str]:
    return [finding.rule for finding in found]


def test_an_opt_in_style_note_is_off_unless_named_by_id() -> None:
    assert "dates.dateline-month-style" not in _rules(findings(DATELINE))
    assert "dates.dateline-month-style" not in _rules(findings(DATELINE, extend="dates"))
    named = findings(DATELINE, extend="dates.dateline-month-style")
    assert "dates.dateline-month-style" in _rules(named)
    assert "dates.dateline-month-style" in _rules(
        findings(DATELINE, select="dates.dateline-month-style")
    )


def test_extend_select_adds_to_select_instead_of_replacing_it() -> None:
    text = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme said the the drug works (see below.\n"
    rules = _rules(findings(text, select="core.doubled-word", extend="core.unbalanced-parenthesis"))
    assert set(rules) == {"core.doubled-word", "core.unbalanced-parenthesis"}


def test_a_once_rule_reports_only_its_first_finding(tmp_path) -> None:
    rule = {"id": "t.word", "message": "m", "once": "draft",
            "check": {"kind": "forbid", "patterns": ["Frankfurt"]}}  # fmt: skip
    text = "Frankfurt here.\n\nAnd Frankfurt there.\n"
    [finding] = run_rules(tmp_path, text, rule)
    assert finding.line == 1
    every = {key: value for key, value in rule.items() if key != "once"}
    assert len(run_rules(tmp_path, text, {**every, "id": "t.every"})) == 2


def test_a_note_on_an_error_span_is_dropped_but_a_warning_stays(tmp_path) -> None:
    error = {"id": "t.error", "message": "e", "severity": "error",
             "check": {"kind": "forbid", "patterns": ["bad thing"]}}  # fmt: skip
    note = {"id": "t.note", "message": "n", "severity": "info",
            "check": {"kind": "forbid", "patterns": ["thing"]}}  # fmt: skip
    warning = {**note, "id": "t.warning", "severity": "warning"}
    text = "A bad thing. Another thing.\n"
    found = run_rules(tmp_path, text, error, note, warning)
    assert [(f.rule, f.column) for f in found] == [
        ("t.error", 3),
        ("t.warning", 7),
        ("t.note", 22),
        ("t.warning", 22),
    ]


def test_one_stray_mark_is_one_finding_per_paragraph() -> None:
    text = (
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme filed with the Commission (the ”SEC”) today.\n\n"
        "“We are pleased, said the CEO.\n"
    )
    hits = [f for f in findings(text) if f.rule == "core.unbalanced-quotes"]
    assert [f.line for f in hits] == [1, 3]


def test_a_well_formed_link_in_plain_text_is_one_warning_and_a_trailing_tag_end_is_residue() -> (
    None
):
    link = 'NEW YORK, May 5, 2026 /PRNewswire/ -- See <a href="https://x.com">our site</a> today.\n'
    assert [(f.rule, f.severity.name) for f in findings(link)] == [("core.html-tag", "WARNING")]
    tail = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme said the results will report. ”>\n"
    assert "core.html-attribute-residue" in [f.rule for f in findings(tail)]


# --- suppression and echoes in n log n: the same answers as the plain pairwise loops ---------


def _pairwise_unsuppressed(found, directives):
    """The engine's first implementation: every finding against every directive."""
    kept = []
    for finding in found:
        for directive in directives:
            token = directive.covers(finding.rule, finding.line)
            if token is not None:
                directive.used.add(token)
                break
        else:
            kept.append(finding)
    return kept


def _pairwise_without_echoes(found):
    """The engine's first implementation: every note against every error."""

    def overlap(one, other):
        one_start, one_end = (one.line, one.column), (one.end_line, one.end_column)
        other_start, other_end = (other.line, other.column), (other.end_line, other.end_column)
        one_end = max(one_end, (one_start[0], one_start[1] + 1))
        other_end = max(other_end, (other_start[0], other_start[1] + 1))
        return one_start < other_end and other_start < one_end

    errors = [f for f in found if f.severity is Severity.ERROR]
    return [
        f
        for f in found
        if f.severity is not Severity.INFO
        or not any(e.rule != f.rule and overlap(e, f) for e in errors)
    ]


RULE_IDS = ["a.x", "a.y", "a.y.z", "b.x", "ab.x"]
TOKENS = ["a", "a.y", "a.y.z", "b", "b.x", "ab", "a.", "x"]
finding_strategy = st.builds(
    lambda line, column, length, rule, severity: Finding(
        "d.txt", line, column, line + length // 5, column + length % 5, rule, "style", severity, "m"
    ),
    st.integers(1, 12),
    st.integers(1, 6),
    st.integers(0, 9),
    st.sampled_from(RULE_IDS),
    st.sampled_from(list(Severity)),
)
directive_strategy = st.builds(
    lambda tokens, first, length: Directive(
        "disable", tuple(tokens), "", 0, 0, first, first, first + length
    ),
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3),
    st.integers(0, 12),
    st.integers(-1, 6),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(finding_strategy, max_size=25), st.lists(directive_strategy, max_size=8))
def test_suppression_keeps_and_marks_what_the_pairwise_loop_did(found, directives) -> None:
    copies = copy.deepcopy(directives)
    assert engine._unsuppressed(found, directives) == _pairwise_unsuppressed(found, copies)
    assert [d.used for d in directives] == [d.used for d in copies]


@settings(max_examples=400, deadline=None)
@given(st.lists(finding_strategy, max_size=30))
def test_echoes_are_dropped_as_the_pairwise_loop_dropped_them(found) -> None:
    assert engine._without_echoes(found) == _pairwise_without_echoes(found)
