"""Golden files: prlint's text output on each corpus draft, compared exactly.

Regenerate deliberately, after checking the difference, with
``python -m pytest tests/test_corpus.py --update-golden``.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.helpers import REPO

CORPUS = REPO / "corpus"
DRAFTS = sorted(
    path for path in CORPUS.iterdir() if path.suffix in (".txt", ".md") and path.stem != "README"
)


@pytest.mark.parametrize("draft", DRAFTS, ids=[path.name for path in DRAFTS])
def test_output_matches_the_expected_findings(draft, monkeypatch, request) -> None:
    monkeypatch.chdir(REPO)
    # The goldens are the report as it reads off a terminal, 100 columns wide, whatever the
    # runner's own COLUMNS (pytest-xdist workers inherit a narrower one).
    monkeypatch.setenv("COLUMNS", "100")
    result = CliRunner().invoke(main, ["--no-color", f"corpus/{draft.name}"])
    assert result.exit_code in (0, 1), result.output + result.stderr
    expected_file = draft.with_name(draft.name + ".expected")
    if request.config.getoption("--update-golden"):
        expected_file.write_text(result.output, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file.name}: run pytest with --update-golden once"
    assert result.output == expected_file.read_text(encoding="utf-8")


def test_every_draft_has_expected_findings_and_nothing_stale() -> None:
    expected = {path.name for path in CORPUS.glob("*.expected")}
    assert expected == {draft.name + ".expected" for draft in DRAFTS}
