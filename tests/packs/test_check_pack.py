"""``prlint check-pack FILE``: a pack author learns which of the pack's examples fail."""

from __future__ import annotations

import json

from click.testing import CliRunner

from checker.cli import main
from tests.helpers import DATA, REPO


def test_a_pack_whose_rules_keep_their_examples_passes() -> None:
    result = CliRunner().invoke(main, ["check-pack", str(DATA / "packs" / "good.json")])
    assert result.exit_code == 0, result.output
    assert "0 failing" in result.output


def test_a_fail_example_the_rule_misses_is_named_and_exits_1(tmp_path) -> None:
    pack = json.loads((DATA / "packs" / "good.json").read_text(encoding="utf-8"))
    rule = pack["rules"][0]
    rule["examples"]["fail"].append("Nothing here is wrong.")
    rule["examples"]["pass"].append(rule["examples"]["fail"][0])
    path = tmp_path / "house.json"
    path.write_text(json.dumps(pack), encoding="utf-8")
    result = CliRunner().invoke(main, ["check-pack", str(path)])
    assert result.exit_code == 1
    assert (
        f"{rule['id']}: not reported on its fail example 'Nothing here is wrong.'" in result.output
    )
    assert f"{rule['id']}: reported on its pass example" in result.output
    assert "2 failing" in result.output


def test_a_built_in_pack_is_checked_as_itself_and_a_missing_one_exits_2(tmp_path) -> None:
    result = CliRunner().invoke(main, ["check-pack", str(REPO / "rules" / "dates.json")])
    assert result.exit_code == 0 and "0 failing" in result.output
    assert result.output.split(" rules")[0].strip() != "0"
    missing = CliRunner().invoke(main, ["check-pack", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "cannot read rule pack" in missing.stderr
