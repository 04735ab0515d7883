"""What the engine does with the kinds' hits: opt-in notes, once per draft, no echoes of an error."""

from __future__ import annotations

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
    rule = {"id": "t.word", "message": "m", "once": True,
            "check": {"kind": "forbid", "patterns": ["Frankfurt"]}}  # fmt: skip
    text = "Frankfurt here.\n\nAnd Frankfurt there.\n"
    [finding] = run_rules(tmp_path, text, rule)
    assert finding.line == 1
    assert len(run_rules(tmp_path, text, {**rule, "id": "t.every", "once": False})) == 2


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
