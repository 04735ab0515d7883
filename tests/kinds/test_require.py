"""``require``: text a draft must hold, alone or when a trigger appears."""

from __future__ import annotations

from tests.helpers import run_rules


def test_require_with_trigger_and_part(tmp_path) -> None:
    rule = {
        "id": "t.legend",
        "message": "FLS without legend: '{match}'",
        "check": {
            "kind": "require",
            "patterns": ["forward-looking"],
            "within": ["legend"],
            "when": [r"\bexpects to\b"],
        },
    }
    text = "Headline Here\n\nNEW YORK, May 5, 2026 -- Acme expects to file an NDA.\n"
    [finding] = run_rules(tmp_path, text, rule)
    assert (finding.line, finding.message) == (3, "FLS without legend: 'expects to'")
    with_legend = (
        text
        + "\nForward-Looking Statements\n\nThese forward-looking statements may differ materially.\n"
    )
    assert run_rules(tmp_path, with_legend, rule) == []
    assert run_rules(tmp_path, "Acme filed an NDA.\n", rule) == []


def test_require_without_trigger_points_at_the_lead(tmp_path) -> None:
    rule = {
        "id": "t.contact",
        "message": "no contacts",
        "check": {"kind": "require", "patterns": ["\\S"], "within": ["contacts"]},
    }
    [finding] = run_rules(tmp_path, "Big News Today\n\nAcme did a thing.\n", rule)
    assert (finding.line, finding.column) == (3, 1)
