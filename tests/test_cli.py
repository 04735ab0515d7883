"""The command line: exit codes, inputs, options, config and subcommands."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.helpers import REPO

CLEAN = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (Nasdaq: ACME) today announced news.\n"
DOUBLED = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (Nasdaq: ACME) today announced the the news.\n"
MOJIBAKE = "NEW YORK, May 5, 2026 /PRNewswire/ -- The Companyâ€™s news.\n"


def invoke(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(main, [str(arg) for arg in args], input=input)
    assert "Traceback" not in result.output + result.stderr
    return result


def draft(tmp_path: Path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_draft_exits_0(tmp_path) -> None:
    result = invoke(draft(tmp_path, CLEAN))
    assert result.exit_code == 0
    assert result.output.strip() == "No problems found in 1 file."


def test_warning_passes_by_default_and_fails_with_fail_on_warning(tmp_path) -> None:
    path = draft(tmp_path, DOUBLED)
    assert invoke(path).exit_code == 0
    assert invoke("--fail-on", "warning", path).exit_code == 1


def test_error_exits_1(tmp_path) -> None:
    result = invoke(draft(tmp_path, MOJIBAKE))
    assert result.exit_code == 1
    assert "error [core.mojibake]" in result.output


def test_stdin_and_json(tmp_path) -> None:
    result = invoke("--format", "json", "-", input=DOUBLED)
    [finding] = json.loads(result.output)
    assert (finding["path"], finding["rule"]) == ("<stdin>", "core.doubled-word")


def test_folders_are_searched_for_drafts_in_order(tmp_path) -> None:
    draft(tmp_path, DOUBLED, "b.md")
    draft(tmp_path, MOJIBAKE, "a.txt")
    draft(tmp_path, DOUBLED, "README.md")  # a project file, not a draft
    (tmp_path / ".git").mkdir()
    draft(tmp_path / ".git", DOUBLED, "x.txt")  # hidden folders are skipped
    draft(tmp_path, DOUBLED, "notes.csv")
    result = invoke("--format", "json", tmp_path)
    assert [Path(f["path"]).name for f in json.loads(result.output)] == ["a.txt", "b.md"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the draft is empty"),
        (b"\x00\x01\x02binary", "looks like a binary file"),
        ("Café".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_inputs_exit_2_with_one_line(tmp_path, content, message) -> None:
    path = tmp_path / "draft.txt"
    if content is not None:
        path.write_bytes(content)
    result = invoke(path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bad_draft_does_not_stop_the_others(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = invoke(tmp_path / "empty.txt", draft(tmp_path, MOJIBAKE))
    assert result.exit_code == 2
    assert "core.mojibake" in result.output


def test_folder_without_drafts(tmp_path) -> None:
    result = invoke(tmp_path)
    assert result.exit_code == 2
    assert "no drafts" in result.stderr


def test_encoding_option(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(CLEAN.replace("news", "café news").encode("cp1252"))
    assert invoke("--encoding", "cp1252", path).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "nosuch"], "select: 'nosuch' is not a rule id, id prefix or category"),
        (["--date", "2026-13-01"], "--date: '2026-13-01' is not a date"),
        (["--format", "xml"], "Invalid value for '--format'"),
        (["--pack", "missing.json"], "cannot read rule pack"),
    ],
)
def test_bad_options_exit_2(tmp_path, args, message) -> None:
    result = invoke(*args, draft(tmp_path, CLEAN))
    assert result.exit_code == 2
    assert message in result.stderr


def test_broken_pack_lists_every_error(tmp_path) -> None:
    result = invoke("--pack", REPO / "tests/data/packs/wrong-type.json", draft(tmp_path, CLEAN))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all("wrong-type.json: $.rules[0]." in line for line in lines)


def test_config_is_found_from_the_drafts_folder_and_cli_overrides_it(tmp_path) -> None:
    (tmp_path / "setup.cfg").write_text(
        "[prlint]\nfail-on = warning\nformat = json\n", encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    path = draft(tmp_path / "sub", DOUBLED)
    result = invoke(path)
    assert result.exit_code == 1 and json.loads(result.output)[0]["rule"] == "core.doubled-word"
    result = invoke("--fail-on", "error", "--format", "text", path)
    assert result.exit_code == 0 and "warning [core.doubled-word]" in result.output


def test_config_severity_and_ignore(tmp_path) -> None:
    (tmp_path / "prlint.cfg").write_text(
        "[prlint]\nseverity = core.doubled-word: error\n", encoding="utf-8"
    )
    path = draft(tmp_path, DOUBLED)
    assert invoke(path).exit_code == 1
    assert invoke("--ignore", "core.doubled-word", path).exit_code == 0
    assert invoke("--ignore", "style", path).exit_code == 0


def test_quiet_prints_only_finding_lines(tmp_path) -> None:
    result = invoke("--quiet", draft(tmp_path, DOUBLED))
    assert result.output.strip().splitlines() == [
        f"{tmp_path / 'draft.txt'}:1:{DOUBLED.index('the the') + 1}: warning [core.doubled-word] Doubled word 'the the'"
    ]


def test_rules_explain_schema_version() -> None:
    listing = invoke("rules").output
    assert "core.mojibake" in listing and "markup" in listing
    explained = invoke("explain", "core.mojibake")
    assert explained.exit_code == 0
    for heading in ("Why:", "Source:", "Reported (bad):", "Accepted (good):"):
        assert heading in explained.output
    unknown = invoke("explain", "core.mojibak")
    assert unknown.exit_code == 2 and "did you mean 'core.mojibake'" in unknown.stderr
    schema = json.loads(invoke("schema").output)
    assert schema["title"] == "prlint rule pack"
    assert invoke("--version").output.startswith("prlint ")


def test_catastrophic_pattern_ends_quickly_with_a_clear_error(tmp_path) -> None:
    path = draft(tmp_path, "NEW YORK, May 5, 2026 -- " + "a" * 5000 + "!\n")
    started = time.monotonic()
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "--pack",
            str(REPO / "tests/data/packs/catastrophic.json"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert time.monotonic() - started < 20
    assert process.returncode == 2
    assert "house.no-hype ran over" in process.stderr and "Traceback" not in process.stderr


def test_jobs_gives_the_same_output_as_a_serial_run(tmp_path) -> None:
    for index in range(6):
        draft(tmp_path, DOUBLED if index % 2 else MOJIBAKE, f"d{index}.txt")
    serial = invoke("--no-cache", "--format", "json", tmp_path)
    parallel = invoke(
        "--no-cache", "--jobs", "2", "--format", "json", tmp_path
    )  # checked afresh, in workers
    assert parallel.output == serial.output and len(json.loads(serial.output)) == 6
    invoke("--format", "json", tmp_path)  # keeps the findings
    assert (
        invoke("--jobs", "2", "--format", "json", tmp_path).output == serial.output
    )  # workers reuse them
    assert invoke("--jobs", "0", tmp_path).exit_code == 2


def test_a_plain_run_keeps_only_the_lines_findings_quote(tmp_path) -> None:
    from checker.runner import Runner

    path = draft(tmp_path, "Filler line one.\n" * 50 + DOUBLED + "Filler line two.\n" * 50)
    full = Runner({}, reuse=False).lint_one(str(path))
    lean = Runner({}, reuse=False, keep_drafts=False).lint_one(str(path))
    assert full.raw is not None and lean.raw is None
    assert len(lean.lines) == len(full.lines) and lean.findings == full.findings
    quoted = {finding.line for finding in lean.findings}
    assert quoted and all(
        (line == full.lines[n - 1]) == (n in quoted or not full.lines[n - 1])
        for n, line in enumerate(lean.lines, start=1)
    )
    assert "the the news" in invoke(str(path)).output  # the excerpt is still there


def test_github_format_is_chosen_under_github_actions(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = invoke(draft(tmp_path, MOJIBAKE))
    assert result.output.startswith("::error file=")
    assert invoke("--format", "text", draft(tmp_path, MOJIBAKE)).output.startswith(str(tmp_path))


def test_a_closed_output_pipe_ends_quietly(monkeypatch, capfd) -> None:
    import checker.cli as cli

    def closed_pipe():
        raise BrokenPipeError

    monkeypatch.setattr(cli, "main", closed_pipe)
    monkeypatch.setattr(cli.os, "dup2", lambda fd, target: None)
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 1
    assert capfd.readouterr().err == ""


def test_no_summary_when_no_draft_could_be_read(tmp_path) -> None:
    result = invoke(tmp_path / "missing.txt")
    assert result.exit_code == 2 and result.stdout == ""
    assert json.loads(invoke("--format", "json", tmp_path / "missing.txt").stdout) == []
