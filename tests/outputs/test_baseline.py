"""Baselines: old findings pass, new ones fail, positions may move."""

from __future__ import annotations

import json

from click.testing import CliRunner

from checker.cli import main
from tests.helpers import SEEDS, needs_shared

DRAFT = "NEW YORK, May 5, 2026 /PRNewswire/ -- The Companyâ€™s news.\n"


def invoke(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_baseline_hides_known_findings_and_shows_new_ones(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = invoke("--write-baseline", baseline, draft)
    assert written.exit_code == 0 and "wrote 1 findings" in written.stderr
    assert invoke("--baseline", baseline, draft).exit_code == 0
    draft.write_text("Headline moved things\n\n" + DRAFT + "More Ã© mojibake.\n", encoding="utf-8")
    result = invoke("--format", "json", "--baseline", baseline, draft)
    assert result.exit_code == 1
    [new] = json.loads(result.output)
    assert (new["rule"], new["line"]) == ("core.mojibake", 4)


def test_a_bad_baseline_file_is_a_one_line_error(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad = tmp_path / "baseline.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = invoke("--baseline", bad, draft)
    assert result.exit_code == 2 and "not a prlint baseline" in result.stderr


@needs_shared
def test_baseline_on_the_seeds_then_one_new_misspelling(tmp_path) -> None:
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    baseline = tmp_path / "baseline.json"
    invoke("--write-baseline", baseline, tmp_path)
    assert invoke("--fail-on", "info", "--baseline", baseline, tmp_path).exit_code == 0
    seed = tmp_path / "002_5377c2d7b4a2295d.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace(
            "Dear Shareholders:", "Dear Shareholders:\n\nThe the year."
        ),
        encoding="utf-8",
    )
    result = invoke("--format", "json", "--fail-on", "warning", "--baseline", baseline, tmp_path)
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.output)] == ["core.doubled-word"]
