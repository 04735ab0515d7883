"""The command line: exit codes, inputs, options, config and subcommands."""

from __future__ import annotations

import json
import os
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


def test_the_drafts_config_chooses_rules_and_the_current_folders_config_shapes_the_run(
    tmp_path, monkeypatch
) -> None:
    """Format and fail-on come from the config of the folder prlint runs in, not the drafts'."""
    (tmp_path / "setup.cfg").write_text(
        "[prlint]\nfail-on = warning\nformat = json\n", encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "prlint.cfg").write_text(
        "[prlint]\nformat = github\nfail-on = info\nignore = core.mojibake\n", encoding="utf-8"
    )
    path = draft(tmp_path / "sub", DOUBLED + MOJIBAKE)
    monkeypatch.chdir(tmp_path)
    result = invoke(path)
    assert result.exit_code == 1  # fail-on = warning, from ./setup.cfg
    assert [f["rule"] for f in json.loads(result.output)] == ["core.doubled-word"]  # sub's ignore
    result = invoke("--fail-on", "error", "--format", "text", path)
    assert result.exit_code == 0 and "warning [core.doubled-word]" in result.output
    monkeypatch.chdir(tmp_path / "sub")  # now sub/prlint.cfg is the run's config too
    assert invoke(path).output.startswith("::warning file=")


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


@pytest.mark.slow
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


# --- display and CI conventions ------------------------------------------------


def test_min_severity_hides_findings_but_fail_on_still_counts_them(tmp_path) -> None:
    path = draft(tmp_path, DOUBLED)  # one warning, made info below
    args = ("--severity", "core.doubled-word=info", "--fail-on", "info")
    shown = invoke(*args, path)
    assert shown.exit_code == 1 and "info [core.doubled-word]" in shown.output
    hidden = invoke(*args, "--min-severity", "warning", path)
    assert hidden.exit_code == 1  # still fails: --fail-on looks at every finding
    assert (
        hidden.output == "No problems at warning or above in 1 file (1 below warning not shown).\n"
    )
    data = invoke(*args, "--min-severity", "warning", "--format", "json", path)
    assert json.loads(data.output) == [] and data.exit_code == 1


def test_min_severity_leaves_the_hidden_severities_out_of_the_summary(tmp_path) -> None:
    result = invoke("--min-severity", "error", draft(tmp_path, DOUBLED + MOJIBAKE))
    assert "core.doubled-word" not in result.output
    assert result.output.splitlines()[-1] == "Found 1 error in 1 file (1 below error not shown)."


def test_min_severity_is_a_config_key(tmp_path, monkeypatch) -> None:
    (tmp_path / "prlint.cfg").write_text("[prlint]\nmin-severity = error\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    path = draft(tmp_path, DOUBLED)
    assert "core.doubled-word" not in invoke(path).output
    assert "core.doubled-word" in invoke("--min-severity", "info", path).output


def test_severity_option_merges_with_the_config_and_wins(tmp_path, monkeypatch) -> None:
    (tmp_path / "prlint.cfg").write_text(
        "[prlint]\nseverity =\n    core.doubled-word: info\n    core.mojibake: warning\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    path = draft(tmp_path, DOUBLED + MOJIBAKE)
    result = invoke("--severity", "core.doubled-word=error", "--format", "json", path)
    severities = {f["rule"]: f["severity"] for f in json.loads(result.output)}
    assert severities == {"core.doubled-word": "error", "core.mojibake": "warning"}
    assert result.exit_code == 1
    bad = invoke("--severity", "core.doubled-word", path)
    assert bad.exit_code == 2 and "expected RULE=LEVEL" in bad.stderr
    unknown = invoke("--severity", "core.nosuch=error", path)
    assert unknown.exit_code == 2 and "'core.nosuch' is not a rule id" in unknown.stderr


def test_statistics_counts_findings_by_rule_after_them(tmp_path) -> None:
    draft(tmp_path, DOUBLED, "a.txt")
    draft(tmp_path, DOUBLED + MOJIBAKE, "b.txt")
    lines = invoke("--statistics", tmp_path).output.splitlines()
    assert lines[-3:] == [
        "    2  core.doubled-word  Doubled word '…'",
        "    1  core.mojibake      Garbled characters '…' (mojibake)",
        "Found 1 error, 2 warnings, 0 info in 2 files.",
    ]
    quiet = invoke("--statistics", "--quiet", tmp_path).output.splitlines()
    assert len(quiet) == 5 and quiet[-1].startswith("    1  core.mojibake")
    machine = invoke("--statistics", "--format", "json", tmp_path)
    assert machine.exit_code == 2
    assert machine.stderr == "prlint: error: --statistics goes with --format text or github\n"


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path) -> None:
    report = tmp_path / "report.json"
    result = invoke("--format", "json", "--output-file", report, draft(tmp_path, MOJIBAKE))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))[0]["rule"] == "core.mojibake"


@pytest.mark.parametrize("option", ["--output-file", "--record", "--write-baseline"])
def test_an_output_into_a_missing_folder_is_one_line_exit_2(tmp_path, option) -> None:
    target = tmp_path / "no" / "such" / "out.json"
    result = invoke(option, target, draft(tmp_path, MOJIBAKE))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"prlint: error: {option} {target}: the folder {target.parent} does not exist"
    ]


def test_exit_zero_passes_findings_but_not_errors(tmp_path) -> None:
    assert invoke("--exit-zero", draft(tmp_path, MOJIBAKE)).exit_code == 0
    assert invoke("--exit-zero", tmp_path / "missing.txt").exit_code == 2
    bad_config = tmp_path / "bad.cfg"
    bad_config.write_text("[prlint]\nfail-on = fatal\n", encoding="utf-8")
    assert invoke("--exit-zero", "--config", bad_config, tmp_path / "draft.txt").exit_code == 2


def test_per_file_ignores_drop_rules_for_matching_drafts(tmp_path) -> None:
    (tmp_path / "prlint.cfg").write_text(
        "[prlint]\nper-file-ignores =\n"
        "    archive/2007/*: core.doubled-word, markup\n"
        "    legacy-*.txt: core.doubled-word\n",
        encoding="utf-8",
    )
    for folder, name in (
        ("archive/2007", "old.txt"),
        ("archive/2008", "new.txt"),
        ("x", "legacy-1.txt"),
    ):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        draft(tmp_path / folder, DOUBLED + MOJIBAKE, name)
    found = json.loads(invoke("--format", "json", tmp_path).output)
    by_file = {}
    for finding in found:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding["rule"])
    assert by_file == {
        "new.txt": ["core.doubled-word", "core.mojibake"],
        "legacy-1.txt": ["core.mojibake"],  # a glob with no / matches the file name
    }


def test_per_file_ignores_with_an_unknown_rule_is_one_line_exit_2(tmp_path) -> None:
    config = tmp_path / "prlint.cfg"
    config.write_text("[prlint]\nper-file-ignores = a/*: core.nosuch\n", encoding="utf-8")
    result = invoke(draft(tmp_path, DOUBLED))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"prlint: error: {config}: [prlint] per-file-ignores a/*: 'core.nosuch' is not a rule id,"
        " id prefix or category"
    ]


def test_per_file_ignored_findings_are_not_fixed(tmp_path) -> None:
    (tmp_path / "prlint.cfg").write_text(
        "[prlint]\nper-file-ignores = kept.txt: sec.ticker-broken-markup\n", encoding="utf-8"
    )
    text = (REPO / "corpus/corvane-ravolitide-phase2.txt").read_text(encoding="utf-8")
    kept, fixed = draft(tmp_path, text, "kept.txt"), draft(tmp_path, text, "fixed.txt")
    invoke("--fix", kept, fixed)
    assert "(Frankfurt”>CV7)" in kept.read_text(encoding="utf-8")  # other rules' fixes applied
    assert "(FWB: CV7)" in fixed.read_text(encoding="utf-8")


def test_rules_as_json() -> None:
    rules = json.loads(invoke("rules", "--format", "json").output)
    keys = ["id", "pack", "category", "severity", "kind", "message", "why", "source", "fix"]
    assert all(list(rule) == keys for rule in rules)
    mojibake = next(rule for rule in rules if rule["id"] == "core.mojibake")
    assert (mojibake["pack"], mojibake["severity"], mojibake["kind"]) == ("core", "error", "forbid")
    assert len(rules) == len({rule["id"] for rule in rules}) > 50


# --- what a new user hit -----------------------------------------------------------


def test_a_config_file_without_a_prlint_section_is_one_line_exit_2(tmp_path) -> None:
    config = tmp_path / "o.cfg"
    config.write_text("[other]\nx=1\n", encoding="utf-8")
    result = invoke("--config", config, draft(tmp_path, CLEAN))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"prlint: error: {config}: no [prlint] section (prlint reads its settings from one)"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], "No such option '--bogus'"),
        (["--format", "xml"], "Invalid value for '--format': 'xml' is not one of"),
        (["--fail-on", "fatal"], "Invalid value for '--fail-on'"),
        (["rules", "--format", "yaml"], "Invalid value for '--format'"),
    ],
)
def test_usage_errors_are_one_line_exit_2(tmp_path, args, message) -> None:
    result = invoke(*args, draft(tmp_path, CLEAN)) if args[0] != "rules" else invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("prlint: error: ") and message in line and "Usage:" not in line


def test_top_level_help_shows_the_lint_options() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for option in ("--select", "--fail-on", "--min-severity", "--format", "--fix", "--output-file"):
        assert option in result.output
    assert "Commands:" in result.output and "explain" in result.output
    assert result.output.count("--help") == 1


def test_ctrl_c_exits_130_with_one_line(tmp_path) -> None:
    """SIGINT during the lint: "prlint: interrupted" and 130, not "Aborted!" and 1."""
    path = draft(tmp_path, CLEAN)
    script = (
        "import os, signal, sys\n"
        "from checker import runner\n"
        "runner.Runner.lint_all = lambda *a, **k: os.kill(os.getpid(), signal.SIGINT)\n"
        "from checker.cli import run\n"
        f"sys.argv = ['prlint', {str(path)!r}]\n"
        "run()\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert (process.returncode, process.stderr, process.stdout) == (
        130,
        "prlint: interrupted\n",
        "",
    )


# --- output a draft cannot hijack (issue 19, section 7) -----------------------------

INJECTED = "x\n::error file=pwn.txt,line=1::INJECTED.txt"
ESCAPES = DOUBLED.replace("news", "news \x1b[2J\x1b]0;title\x07 \x1b]52;c;aGk=\x07")


@pytest.mark.parametrize("output_format", ["text", "github", "html"])
def test_a_file_name_cannot_start_a_workflow_command(tmp_path, output_format) -> None:
    path = draft(tmp_path, MOJIBAKE, INJECTED)
    result = invoke("--format", output_format, path)
    lines = result.output.splitlines()
    assert lines and not any(line.startswith("::error file=pwn.txt") for line in lines)
    assert "\\n::error" in result.output or "\\n%3A%3Aerror" in result.output  # as an escape


def test_an_unreadable_injected_name_cannot_start_a_command_on_stderr(tmp_path) -> None:
    (tmp_path / INJECTED).write_bytes(b"")
    result = invoke(tmp_path / INJECTED)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "\\n::error" in result.stderr


def test_terminal_escapes_in_a_draft_are_shown_not_sent(tmp_path) -> None:
    result = invoke("--no-color", draft(tmp_path, ESCAPES))
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[2J\\x1b]0;title\\x07" in result.output
    heading, excerpt, caret = result.output.splitlines()[:3]
    assert excerpt[caret.index("^") :].startswith("the the")


def test_a_non_utf8_file_name_is_escaped_in_json_and_percent_encoded_in_sarif(tmp_path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9 #1.txt")
    path.write_text(MOJIBAKE, encoding="utf-8")
    as_json = invoke("--format", "json", path)
    as_json.stdout_bytes.decode("utf-8")  # valid UTF-8: no raw byte of the name
    assert json.loads(as_json.stdout)[0]["path"] == str(tmp_path) + "/caf\\xe9 #1.txt"
    sarif = json.loads(invoke("--format", "sarif", path).stdout_bytes.decode("utf-8"))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == Path(tmp_path).as_uri() + "/caf%E9%20%231.txt"
    text = invoke(path)
    text.stdout_bytes.decode("utf-8")
    assert "caf\\xe9 #1.txt" in text.stdout


# --- the console command leaves without tearing the interpreter down ------------------


def _command(*args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    """Start ``python -m checker`` (the console command) on one rule, reading no cache."""
    return subprocess.Popen(
        [sys.executable, "-m", "checker", "--no-cache", "--select", "core.doubled-word", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )


def test_the_command_prints_every_line_and_exits_as_run_does(tmp_path) -> None:
    path = draft(tmp_path, DOUBLED * 4000)  # a report far larger than a pipe's buffer
    expected = invoke("--no-cache", "--select", "core.doubled-word", "--format", "json", path)
    process = _command("--format", "json", "--fail-on", "warning", str(path))
    out, err = process.communicate(timeout=120)
    assert len(out) > 1_000_000 and out.decode() == expected.output
    assert (process.returncode, err) == (1, b"")
    usage = _command("--no-such-option", str(path))
    out, err = usage.communicate(timeout=120)
    assert usage.returncode == 2 and out == b"" and err.decode().count("\n") == 1


@pytest.mark.parametrize("copies", [1, 4000])  # a report inside the pipe's buffer, and past it
def test_the_command_ends_quietly_with_1_when_no_one_reads_its_output(tmp_path, copies) -> None:
    path = draft(tmp_path, DOUBLED * copies)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before prlint writes a byte
    try:
        process = _command("--exit-zero", str(path), stdout=write_end)
    finally:
        os.close(write_end)
    _out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (1, b"")


def test_exit_status_follows_sys_exit(capsys) -> None:
    from checker.cli import _exit_status

    assert [_exit_status(None), _exit_status(0), _exit_status(2), _exit_status(130)] == [
        0,
        0,
        2,
        130,
    ]
    assert _exit_status("prlint: gone") == 1
    assert capsys.readouterr().err == "prlint: gone\n"


def test_flushing_into_a_closed_pipe_gives_1_and_keeps_an_error(monkeypatch) -> None:
    from checker import cli

    class ClosedPipe:
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(cli.sys, "stdout", ClosedPipe())
    assert cli._flushed(0) == 1
    assert cli._flushed(2) == 2
    monkeypatch.setattr(cli.sys, "stdout", None)
    assert cli._flushed(0) == 0


class _Left(Exception):
    """What the test's ``os._exit`` raises instead of ending pytest."""


def _console_status(monkeypatch, run) -> int:
    """Return the status :func:`console` leaves with when :func:`run` does *run*."""
    from checker import cli

    def leave(status: int):
        raise _Left(status)

    monkeypatch.setattr(cli, "run", run)
    monkeypatch.setattr(cli.os, "_exit", leave)
    with pytest.raises(_Left) as left:
        cli.console()
    return left.value.args[0]


def test_the_console_leaves_with_runs_exit_status(monkeypatch, capfd) -> None:
    def findings():
        print("a finding")
        sys.exit(1)

    assert _console_status(monkeypatch, findings) == 1
    assert _console_status(monkeypatch, lambda: None) == 0
    assert capfd.readouterr().out == "a finding\n"


def test_ctrl_c_after_run_leaves_with_130_and_one_line(monkeypatch, capfd) -> None:
    def interrupted():
        raise KeyboardInterrupt

    assert _console_status(monkeypatch, interrupted) == 130
    assert capfd.readouterr().err == "prlint: interrupted\n"
