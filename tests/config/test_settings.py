"""Config discovery, reading, and precedence (defaults < config < CLI)."""

from __future__ import annotations

import pytest

from checker.config.settings import (
    Settings,
    find_config,
    parse_severity_options,
    read_config,
    run_settings,
)
from checker.errors import ConfigError
from checker.model import Severity


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_with_a_prlint_section_wins(tmp_path) -> None:
    write(tmp_path / "setup.cfg", "[prlint]\nfail-on = info\n")
    write(tmp_path / "a" / "setup.cfg", "[metadata]\nname = x\n")  # no [prlint]: skipped
    write(tmp_path / "a" / "b" / ".prlint.cfg", "[prlint]\nfail-on = warning\n")
    assert find_config(tmp_path / "a" / "b" / "c") == tmp_path / "a" / "b" / ".prlint.cfg"
    assert find_config(tmp_path / "a") == tmp_path / "setup.cfg"


def test_prlint_cfg_is_preferred_to_setup_cfg_in_one_folder(tmp_path) -> None:
    write(tmp_path / "setup.cfg", "[prlint]\nfail-on = info\n")
    write(tmp_path / "prlint.cfg", "[prlint]\nfail-on = warning\n")
    assert find_config(tmp_path) == tmp_path / "prlint.cfg"


def test_read_config_values_and_relative_pack_paths(tmp_path) -> None:
    path = write(
        tmp_path / "cfg" / "setup.cfg",
        "[prlint]\npacks = packs/house.json, ../shared.json\nselect = core, sec\nignore = core.doubled-word\n"
        "severity =\n    core.mojibake: warning\n    core.html-tag = info\nfail-on = warning\nformat = json\ndate = 2007-02-22\n",
    )
    settings = read_config(path)
    assert settings.packs == (
        tmp_path / "cfg" / "packs/house.json",
        tmp_path / "cfg" / "../shared.json",
    )
    assert settings.select == ("core", "sec")
    assert settings.ignore == ("core.doubled-word",)
    assert settings.severities == {
        "core.mojibake": Severity.WARNING,
        "core.html-tag": Severity.INFO,
    }
    assert (settings.fail_on, settings.format, settings.date) == (
        Severity.WARNING,
        "json",
        "2007-02-22",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[prlint]\ncolour = red\n", "unknown option 'colour'"),
        ("[prlint]\nfail-on = fatal\n", "fail-on: 'fatal' is not one of error, warning, info"),
        ("[prlint]\nformat = xml\n", "format: 'xml' is not one of text, json, sarif, github"),
        ("[prlint]\ndate = 2007-02-30\n", "date: '2007-02-30' is not a date as YYYY-MM-DD"),
        ("[prlint]\nseverity = core.mojibake\n", "expected 'rule-id: level'"),
        ("[prlint\nfail-on = x\n", "cannot parse config"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_the_file(tmp_path, body: str, message: str) -> None:
    path = write(tmp_path / "prlint.cfg", body)
    with pytest.raises(ConfigError) as error:
        read_config(path)
    assert str(path) in str(error.value) and message in str(error.value)
    assert "\n" not in str(error.value)


def test_cli_values_replace_config_values_and_severities_merge() -> None:
    config = Settings(select=("core",), fail_on=Severity.INFO, severities={"core.a": Severity.INFO})
    merged = config.merged_with(
        select=("sec",), fail_on=None, format=None, severities={"core.b": Severity.ERROR}
    )
    assert merged.select == ("sec",)
    assert merged.fail_on == Severity.INFO
    assert merged.format is None  # not chosen: text, or github under GitHub Actions
    assert merged.severities == {"core.a": Severity.INFO, "core.b": Severity.ERROR}


def test_per_file_ignores_and_min_severity_are_read(tmp_path) -> None:
    path = write(
        tmp_path / "prlint.cfg",
        "[prlint]\nmin-severity = warning\nper-file-ignores =\n"
        "    archive/2007/*: sec.exchange-name-retired\n"
        "    drafts/old*.txt: core.doubled-word, style\n",
    )
    settings = read_config(path)
    assert settings.min_severity == Severity.WARNING
    assert settings.per_file_ignores == (
        ("archive/2007/*", ("sec.exchange-name-retired",)),
        ("drafts/old*.txt", ("core.doubled-word", "style")),
    )
    assert settings.format is None  # not set: the CLI picks text or github


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[other]\nx = 1\n", "no [prlint] section"),
        ("[prlint]\nper-file-ignores = archive/*\n", "expected 'GLOB: rule-ids'"),
        ("[prlint]\nper-file-ignores = archive/*:\n", "expected 'GLOB: rule-ids'"),
        ("[prlint]\nmin-severity = loud\n", "min-severity: 'loud' is not one of"),
    ],
)
def test_more_bad_configs_are_one_line_errors(tmp_path, body: str, message: str) -> None:
    path = write(tmp_path / "o.cfg", body)
    with pytest.raises(ConfigError) as error:
        read_config(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)
    assert "\n" not in str(error.value)


def test_run_settings_come_from_config_option_else_the_current_folder(
    tmp_path, monkeypatch
) -> None:
    write(tmp_path / "prlint.cfg", "[prlint]\nfail-on = warning\nformat = json\n")
    other = write(tmp_path / "elsewhere" / "x.cfg", "[prlint]\nfail-on = info\n")
    monkeypatch.chdir(tmp_path)
    here = run_settings(None, {"format": None})
    assert (here.fail_on, here.format) == (Severity.WARNING, "json")
    assert run_settings(None, {"format": "sarif"}).format == "sarif"
    assert run_settings(other, {}).fail_on == Severity.INFO
    with pytest.raises(ConfigError, match="no such config file"):
        run_settings(tmp_path / "missing.cfg", {})


def test_severity_options_parse_and_later_ones_win() -> None:
    assert parse_severity_options(("core.a=info", "style: error", "core.a = warning")) == {
        "core.a": Severity.WARNING,
        "style": Severity.ERROR,
    }
    with pytest.raises(ConfigError, match="--severity core.a: 'loud' is not one of"):
        parse_severity_options(("core.a=loud",))
