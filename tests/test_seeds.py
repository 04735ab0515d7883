"""The three seed releases: every defect in seeds/README.md, and no false error or warning.

This is the project's acceptance test: the user's own examples, end to end
with every built-in pack.
"""

from __future__ import annotations

import pytest

from checker.api import default_config, lint_text
from checker.model import Severity
from tests.helpers import SEEDS, needs_shared

pytestmark = needs_shared

# (seed, line, rule) for every error and warning a careful editor would want.
EXPECTED = {
    ("000", 9, "spelling.split-name"),  # "L- Annamycin", twice on the line
    ("001", 1, "editorial.count-mismatch"),  # headline "Ten Institutions", eleven listed
    ("001", 3, "sec.ticker-broken-markup"),  # (Frankfurt”>CA4)
    ("001", 3, "core.unbalanced-quotes"),  # the stray ” the broken markup leaves
    ("001", 5, "editorial.count-mismatch"),  # "ten-member group includes", eleven listed
    ("001", 5, "editorial.entity-spelling"),  # MD Anderson vs M.D. Anderson
    ("001", 13, "spelling.inconsistent-name"),  # L-Annamcyin
    ("001", 21, "spelling.split-name"),  # L- Annamycin
    ("001", 21, "editorial.disease-name-variant"),  # lymphoblastic vs lymphocytic
}


def findings_by_seed() -> dict[str, list]:
    config = default_config()
    return {
        path.name[:3]: lint_text(path.read_text(encoding="utf-8"), config)
        for path in sorted(SEEDS.glob("*.txt"))
    }


def test_every_seed_defect_and_no_other_error_or_warning() -> None:
    found = set()
    for seed, findings in findings_by_seed().items():
        found |= {(seed, f.line, f.rule) for f in findings if f.severity >= Severity.WARNING}
    assert found == EXPECTED


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_every_seed_gets_the_inferred_year_and_the_no_update_note(seed: str) -> None:
    rules = {f.rule: f for f in findings_by_seed()[seed] if f.severity == Severity.INFO}
    assert "inferred as 2007" in rules["dates.year-inferred"].message
    assert "sec.legend-no-update-clause" in rules


def test_the_fixes_are_the_right_ones() -> None:
    fixes = {
        (seed, f.line, f.fix.replacement)
        for seed, fs in findings_by_seed().items()
        for f in fs
        if f.fix and f.fix.safe
    }
    assert ("001", 3, "(FWB: CA4)") in fixes
    assert ("001", 13, "L-Annamycin") in fixes
    assert {("000", 9, "L-Annamycin"), ("001", 21, "L-Annamycin")} <= fixes
