"""The command line: the only place that reads files, prints or exits.

Exit codes: 0, nothing at or above ``--fail-on`` (or ``--exit-zero``); 1,
findings at or above it; 2, a usage, configuration, rule-pack, input or
output error; 130, interrupted (Ctrl-C). Every error is one line on stderr.

The command line is a thin shell: the formatters own every line of the
report, :mod:`checker.config` the settings, :class:`~checker.runner.Runner`
the linting.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

import click

from checker import __version__
from checker.api import LintConfig, example_failures, load_config
from checker.config.discovery import expand_paths
from checker.config.selection import check_per_file_ignores, drop_ignored, ignored_in_file
from checker.config.settings import (
    FORMATS,
    Settings,
    find_config,
    parse_date,
    parse_severity_options,
    read_config,
    run_settings,
)
from checker.errors import ConfigError, PrlintError, RulePackError
from checker.formatters import STATISTICS_FORMATS, Display, Report, render, shown
from checker.formatters.safe_text import visible
from checker.inputs import INPUT_FORMATS, detect_format
from checker.model import Severity
from checker.packs.loader import schema_text
from checker.runner import Runner

_SEVERITY_NAMES = ["error", "warning", "info"]
_NOT_A_TERMINAL_WIDTH = 100  # columns of a report written to a pipe or a file


class ExitCode(enum.IntEnum):
    """What the process exit status means."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class _Interrupted(BaseException):
    """Ctrl-C in the main process: not a KeyboardInterrupt, so click never says "Aborted!"."""


class _DefaultToLint(click.Group):
    """A group whose default command is ``lint``: ``prlint draft.txt`` works.

    Its help lists the lint options too, and every usage error is one line.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert ``lint`` when the first argument is not a subcommand."""
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run the command; usage errors become one line and exit 2, Ctrl-C exits 130."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except _NO_ARGS_IS_HELP as error:  # bare `prlint`: the help is the answer
            error.show()
            sys.exit(ExitCode.ERROR)
        except click.ClickException as error:
            hint = " (see 'prlint --help')" if isinstance(error, click.UsageError) else ""
            _fail(" ".join(error.format_message().split()) + hint)
        except (_Interrupted, KeyboardInterrupt, click.Abort):
            click.echo("prlint: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        sys.exit(code if isinstance(code, int) else ExitCode.CLEAN)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Show both ways to call prlint: drafts directly, or a subcommand."""
        formatter.write_usage(ctx.command_path, "[OPTIONS] PATH...")
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix="       ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the lint options (what `prlint PATH...` takes), then the subcommands."""
        lint = self.commands["lint"]
        lint_ctx = click.Context(lint, info_name="lint", parent=ctx)
        lint_help = lint.get_help_option(lint_ctx)  # the group's own --help is listed below
        records = [
            record
            for param in lint.get_params(lint_ctx)
            if isinstance(param, click.Option)
            and param is not lint_help
            and (record := param.get_help_record(lint_ctx))
        ]
        records += [
            record for param in self.get_params(ctx) if (record := param.get_help_record(ctx))
        ]
        with formatter.section("Options"):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)


# click 8.2+ raises this for a bare group call; older versions print the help themselves
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Split repeated, comma-separated option values."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _fail(message: str) -> NoReturn:
    """Print an error for the user (control characters shown as escapes) and exit with code 2."""
    click.echo(f"prlint: error: {visible(message)}", err=True)
    sys.exit(ExitCode.ERROR)


@contextlib.contextmanager
def _errors_exit_2():
    """Turn prlint's errors into one line each on stderr and exit code 2, never a traceback."""
    try:
        yield
    except RulePackError as error:
        for problem in error.problems:
            click.echo(f"prlint: error: {visible(problem)}", err=True)
        sys.exit(ExitCode.ERROR)
    except PrlintError as error:
        _fail(str(error))


@click.group(cls=_DefaultToLint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="prlint", message="%(prog)s %(version)s")
def main() -> None:
    """prlint: lint press-release drafts before they go to the wire.

    `prlint PATH...` lints drafts (files, folders, or - for stdin) with the
    options below; the commands list, explain and build rules.
    """


@main.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories."
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="IDS",
    help="Add these rules to the selection; opt-in style notes run when named by id.",
)
@click.option(
    "--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories."
)
@click.option(
    "--severity",
    "severity_options",
    multiple=True,
    metavar="RULE=LEVEL",
    help="Report RULE (id, prefix or category) at LEVEL (repeatable; merges with the config).",
)
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Load an extra rule pack (repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITY_NAMES),
    help="Lowest severity that fails the run [default: error].",
)
@click.option(
    "--min-severity",
    type=click.Choice(_SEVERITY_NAMES),
    help="Show only findings at this severity or above [default: info]; --fail-on still counts all.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help="Output format [default: text; github under GitHub Actions].",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE instead of standard output.",
)
@click.option("--statistics", is_flag=True, help="Count the findings by rule after them.")
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on (errors still 2)."
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    help="Format of the drafts [default: by file ending; text for stdin].",
)
@click.option("--date", metavar="YYYY-MM-DD", help="Release date, when the dateline gives none.")
@click.option("--encoding", metavar="NAME", help="Encoding of the drafts [default: UTF-8].")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this config file instead of searching.",
)
@click.option(
    "--fix", is_flag=True, help="Apply the fixes rules mark safe, then report what remains."
)
@click.option(
    "--fix-style",
    is_flag=True,
    help="With --fix or --diff, also make the safe fixes of info-level style notes.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Show the safe fixes as a unified diff; write nothing.",
)
@click.option(
    "--annotate",
    type=click.Path(),
    metavar="OUT",
    help="Write a copy of each Word draft with the findings as comments: OUT.docx, or OUT/<name>.docx.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record today's findings in FILE and exit 0.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, exists=True),
    help="Report only findings not recorded in FILE.",
)
@click.option(
    "--record",
    type=click.Path(dir_okay=False),
    help="Write an audit record of the run (JSON) to FILE.",
)
@click.option(
    "--jobs", "-j", default="1", metavar="N|auto", help="Lint drafts in N processes [default: 1]."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the finding lines.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read and write no cache: every draft checked afresh, word lists and patterns built anew.",
)
def lint_command(
    paths,
    select,
    extend_select,
    ignore,
    severity_options,
    packs,
    fail_on,
    min_severity,
    output_format,
    output_file,
    statistics,
    exit_zero,
    input_format,
    date,
    encoding,
    config_file,
    fix,
    show_diff,
    fix_style,
    annotate,
    write_baseline,
    baseline,
    record,
    jobs,
    quiet,
    no_color,
    no_cache,
):
    """Lint drafts: files, folders (.txt, .md, .html, .docx) or - for stdin."""
    with _errors_exit_2():
        cli = {
            "select": _split(select),
            "extend_select": _split(extend_select),
            "ignore": _split(ignore),
            "severities": parse_severity_options(_split(severity_options)),
            "packs": tuple(Path(pack) for pack in packs),
            "date": parse_date(date, "--date"),
            "encoding": encoding,
        }
        config_path = Path(config_file) if config_file else None
        settings = run_settings(
            config_path,
            {
                **cli,
                "fail_on": Severity.parse(fail_on) if fail_on else None,
                "min_severity": Severity.parse(min_severity) if min_severity else None,
                "format": output_format,
            },
        )
        name = _format_name(settings)
        if statistics and name not in STATISTICS_FORMATS:
            raise ConfigError(f"--statistics goes with --format {' or '.join(STATISTICS_FORMATS)}")
        for target, option in (
            (output_file, "--output-file"),
            (record, "--record"),
            (write_baseline, "--write-baseline"),
        ):
            _check_writable(target, option)
        drafts = expand_paths(list(paths))
        if fix or show_diff:
            _refuse_word_fixes(drafts, input_format)
        if annotate:
            _check_annotatable(drafts, input_format, Path(annotate))
        runner = Runner(cli, config_path, input_format, reuse=not no_cache)
        # fixes and audit records need each draft's bytes, the HTML report its whole text
        runner.keep_drafts = bool(fix or show_diff or record or annotate) or name == "html"
        results = runner.lint_all(drafts, _jobs(jobs), _progress(len(drafts)))
        for config in runner.configs():
            check_per_file_ignores(config.settings, config.ruleset.rules)
        results = _without_per_file_ignores(results, runner)
        if fix or show_diff:
            from checker.outputs.fixing import fix_drafts  # only --fix and --diff need it

            outcome = fix_drafts(runner, results, write=fix and not show_diff, style=fix_style)
            for diff in outcome.diffs:
                click.echo(diff, nl=False)
            for line in outcome.skipped:
                click.echo(f"prlint: {visible(line)}", err=True)
            for path, count in outcome.fixed:
                click.echo(
                    f"prlint: fixed {count} problem{'s' if count != 1 else ''} in {visible(path)}",
                    err=True,
                )
            results = _without_per_file_ignores(outcome.results, runner)
    for result in results:
        if result.error:
            click.echo(f"prlint: error: {visible(result.error)}", err=True)
    findings = [finding for result in results for finding in result.findings]
    lines = {result.path: result.lines for result in results}
    with _errors_exit_2():
        if record:
            from checker.outputs.record import build_record, dump_record  # only --record needs it

            _write(
                record, dump_record(build_record(results, runner.configs(), settings)), "--record"
            )
        if write_baseline:
            from checker.outputs.baseline import (
                write_baseline as write_baseline_file,  # only baselines need it
            )

            try:
                count = write_baseline_file(Path(write_baseline), findings, lines)
            except OSError as error:
                raise ConfigError(
                    _cannot_write(write_baseline, "--write-baseline", error)
                ) from None
            click.echo(
                f"prlint: wrote {count} findings to the baseline {visible(write_baseline)}",
                err=True,
            )
            sys.exit(ExitCode.CLEAN)
        if baseline:
            from checker.outputs.baseline import new_findings  # only baselines need it

            findings = new_findings(Path(baseline), findings, lines)
        display = Display(
            color=not output_file and _use_color(no_color),
            quiet=quiet,
            statistics=statistics,
            width=_width(output_file),
        )
        report = _report(findings, results, runner, settings.min_severity)
        if annotate:
            _write_annotated(Path(annotate), results, report.findings)
        text = render(report, name, display=display)
        if output_file:
            _write(output_file, text, "--output-file")
        else:
            click.echo(text, nl=False)
    sys.exit(_exit_code(results, findings, settings.fail_on, exit_zero))


def _format_name(settings: Settings) -> str:
    """Return the output format: the one chosen, else github under GitHub Actions, else text."""
    if settings.format is not None:
        return settings.format
    # annotations on the pull request, with no flag needed
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _without_per_file_ignores(results: list, runner: Runner) -> list:
    """Drop the findings each draft's config ``per-file-ignores`` for it."""
    if not any(config.settings.per_file_ignores for config in runner.configs()):
        return results  # the usual case: nothing to match, no config to look up again
    kept = []
    for result in results:
        if result.path != "<stdin>":
            config = runner.config_for(result.path)
            tokens = ignored_in_file(result.path, config.settings)
            if tokens:
                rules = {rule.id: rule for rule in config.ruleset.rules}
                findings = drop_ignored(result.findings, tokens, rules)
                result = dataclasses.replace(result, findings=findings)
        kept.append(result)
    return kept


def _report(findings: list, results: list, runner: Runner, min_severity: Severity) -> Report:
    """Return the report of the findings shown (``--min-severity``) and what they need."""
    rules = {rule.id: rule for config in runner.configs() for rule in config.ruleset.rules}
    lines = {result.path: result.lines for result in results}
    files = sum(1 for result in results if not result.error)
    kept, hidden = shown(findings, min_severity)
    return Report(kept, files, __version__, rules, lines, hidden, min_severity)


def _exit_code(results: list, findings: list, fail_on: Severity, exit_zero: bool) -> ExitCode:
    """Return the exit code: errors 2, findings at or above *fail_on* 1 (0 with --exit-zero)."""
    if any(result.error for result in results):
        return ExitCode.ERROR
    if not exit_zero and any(finding.severity >= fail_on for finding in findings):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _use_color(no_color: bool) -> bool:
    """Tell whether to colour: on a terminal, unless --no-color or NO_COLOR says not to."""
    return not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _width(output_file: str | None) -> int:
    """Return the columns the report may use: ``COLUMNS``, else the terminal's, else 100."""
    if output_file:
        return _NOT_A_TERMINAL_WIDTH
    if not os.environ.get("COLUMNS", "").isdigit() and not sys.stdout.isatty():
        return _NOT_A_TERMINAL_WIDTH
    import shutil  # only a report written to a terminal asks its width

    return shutil.get_terminal_size((_NOT_A_TERMINAL_WIDTH, 24)).columns


def _check_writable(target: str | None, option: str) -> None:
    """Refuse, before any work, an output file whose folder is missing or read-only."""
    if not target:
        return
    path = Path(target)
    folder = path.parent
    if path.is_dir():
        raise ConfigError(f"{option} {target}: is a folder, not a file")
    if not folder.is_dir():
        raise ConfigError(f"{option} {target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ConfigError(f"{option} {target}: cannot write there (permission denied)")


def _cannot_write(target: str, option: str, error: OSError) -> str:
    """Return the one-line message for an output file that could not be written."""
    return f"{option} {target}: cannot write: {error.strerror or error}"


def _write(target: str, text: str, option: str) -> None:
    """Write *text* to the file *target* as UTF-8, or raise a one-line ConfigError."""
    try:
        Path(target).write_text(text, encoding="utf-8", errors="backslashreplace")
    except OSError as error:
        raise ConfigError(_cannot_write(target, option, error)) from None


def _jobs(value: str) -> int:
    """Parse ``--jobs``: a positive number, or ``auto`` for one per core."""
    if value == "auto":
        return os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise click.BadParameter(
            f"{value!r} is not a positive number or 'auto'", param_hint="'--jobs'"
        )
    return int(value)


def _progress(count: int):
    """Return a progress-bar wrapper for many drafts on a terminal, else None."""
    if count < 20 or not sys.stderr.isatty():
        return None

    def wrap(iterator, length):
        """Yield from *iterator* while drawing the bar on stderr."""
        with click.progressbar(iterator, length=length, label="Linting", file=sys.stderr) as bar:
            yield from bar

    return wrap


def _check_annotatable(drafts: list[str], input_format: str | None, out: Path) -> None:
    """Stop before linting when --annotate cannot do what it says."""
    for draft in drafts:
        if draft == "-":
            raise ConfigError("--annotate needs a Word draft named as a file, not standard input")
        if detect_format(draft, input_format) != "docx":
            raise ConfigError(
                f"--annotate writes Word comments: {draft} is not a Word (.docx) draft"
            )
    if len(drafts) > 1 and not out.is_dir():
        raise ConfigError(f"--annotate {out}: with several drafts, give an existing folder")
    for draft in drafts:
        target = _annotated_path(out, draft)
        if draft != "-" and target.resolve() == Path(draft).resolve():
            raise ConfigError(f"--annotate {out}: would overwrite the draft itself")
        if not target.parent.is_dir():
            raise ConfigError(f"--annotate {out}: the folder {target.parent} does not exist")


def _annotated_path(out: Path, draft: str) -> Path:
    """Return where the annotated copy of *draft* goes: *out*, or *out*/<name>.docx for a folder."""
    return out / Path(draft).name if out.is_dir() else out


def _write_annotated(out: Path, results: list, shown: tuple) -> None:
    """Write each Word draft's annotated copy with the findings the report shows."""
    from checker.inputs.docx import MAX_WORD_BYTES
    from checker.inputs.reading import read_limited
    from checker.outputs.annotate import annotate  # only --annotate needs python-docx's writer

    for result in results:
        if result.error:
            continue
        findings = [finding for finding in shown if finding.path == result.path]
        target = _annotated_path(out, result.path)
        data, _identity = read_limited(result.path, MAX_WORD_BYTES, "Word file")
        count = annotate(data, findings, target)
        click.echo(
            f"prlint: wrote {count} comment{'s' if count != 1 else ''} to {visible(str(target))}",
            err=True,
        )


def _refuse_word_fixes(drafts: list[str], input_format: str | None) -> None:
    """Stop before linting when --fix or --diff would meet a Word draft."""
    for draft in drafts:
        if detect_format(draft, input_format) == "docx":
            raise ConfigError(
                f"{draft}: --fix and --diff are not offered for Word (.docx) drafts; make the fixes in Word"
            )


@main.command("rules")
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Load an extra rule pack.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="A table per pack, or a JSON array of the rules [default: text].",
)
def rules_command(packs, output_format):
    """List the rules with their category and default severity."""
    config = _config_or_exit(packs)
    from checker.formatters.rules import render_rules  # it imports json: only `prlint rules`

    click.echo(render_rules(config.ruleset, output_format), nl=False)


@main.command("explain")
@click.argument("rule_id")
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Load an extra rule pack.",
)
def explain_command(rule_id, packs):
    """Explain a rule: why it matters, its source and examples."""
    config = _config_or_exit(packs)
    rule = config.ruleset.get(rule_id)
    if rule is None:
        import difflib  # only a mistyped rule id needs it

        close = difflib.get_close_matches(rule_id, [r.id for r in config.ruleset.rules], n=1)
        _fail(f"unknown rule {rule_id!r}" + (f"; did you mean {close[0]!r}?" if close else ""))
    fix = {"safe": "applied by --fix", "suggest": "suggested, applied by hand", "none": "none"}[
        rule.fix
    ]
    lines = [
        f"{rule.id}  ({rule.category}, {rule.severity}, kind {rule.kind})",
        "",
        f"Message: {rule.message}",
        "",
        f"Why: {rule.why}",
        "",
        f"Source: {rule.source}",
        f"Fix: {fix}",
        "",
        "Reported (bad):",
        *(f"  - {example}" for example in rule.examples_fail),
        "Accepted (good):",
        *(f"  - {example}" for example in rule.examples_pass),
    ]
    click.echo("\n".join(lines))


@main.command("init")
@click.option(
    "--from",
    "sources",
    multiple=True,
    required=True,
    metavar="PATH",
    help="Past releases: files or folders (repeatable).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the profile pack.",
)
@click.option(
    "--id", "pack_id", metavar="ID", help="Pack id [default: from the company's short name]."
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def init_command(sources, output, pack_id, force):
    """Build a company profile pack from past releases."""
    from checker.profiles import build_profile, write_profile

    with _errors_exit_2():
        pack, summary = build_profile(list(sources), pack_id)
        write_profile(pack, Path(output), force)
    click.echo(f"Wrote the profile '{pack['id']}' to {output}. Found:")
    for line in summary:
        click.echo(f"  {line}")
    click.echo(f"Use it with: prlint --pack {output} DRAFT (or packs = {output} under [prlint]).")


@main.command("check-pack")
@click.argument("pack_file", type=click.Path(dir_okay=False))
def check_pack_command(pack_file):
    """Load a rule pack and run its rules' examples: each 'fail' must be reported, no 'pass'."""
    with _errors_exit_2():
        pack_path = Path(pack_file)
        ruleset = load_config(Settings(packs=(pack_path,))).ruleset
        named = [info for info in ruleset.packs if Path(info.path).resolve() == pack_path.resolve()]
        pack_id = (named or list(ruleset.packs))[-1].id
        own = [rule for rule in ruleset.rules if rule.id.startswith(f"{pack_id}.")]
        config = load_config(
            Settings(packs=(pack_path,), extend_select=tuple(rule.id for rule in own))
        )
    failures = list(example_failures(own, config))
    for failure in failures:
        click.echo(visible(failure))
    examples = sum(len(rule.examples_fail) + len(rule.examples_pass) for rule in own)
    click.echo(f"{len(own)} rules, {examples} examples, {len(failures)} failing")
    sys.exit(ExitCode.FINDINGS if failures else ExitCode.CLEAN)


@main.command("schema")
def schema_command():
    """Print the JSON Schema that rule packs are validated against."""
    click.echo(schema_text(), nl=False)


def _config_or_exit(packs: tuple[str, ...]) -> LintConfig:
    """Load the configuration for the current folder plus *packs*, or exit 2."""
    with _errors_exit_2():
        source = find_config(Path.cwd())
        settings = read_config(source) if source else Settings()
        return load_config(settings.merged_with(packs=tuple(Path(pack) for pack in packs)))


_MAIN_PID: int | None = None  # the process whose Ctrl-C is reported (not a --jobs worker's)


def _on_interrupt(signum, frame) -> None:
    """Ctrl-C: the main process stops with one line; a worker leaves quietly (the pool ends)."""
    if os.getpid() != _MAIN_PID:
        os._exit(ExitCode.INTERRUPTED)
    raise _Interrupted


def run() -> None:
    """Console entry point: ``main``, with Ctrl-C and a closed output pipe handled.

    Ctrl-C prints "prlint: interrupted" and exits 130, never a traceback nor
    click's "Aborted!" with exit 1 (which would read as "findings found").
    ``prlint rules | head`` closes the pipe early; that is not an error worth
    a traceback, so stdout is pointed at /dev/null and the exit code is 1.
    """
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    previous = signal.signal(signal.SIGINT, _on_interrupt)
    try:
        main()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    finally:
        signal.signal(signal.SIGINT, previous)  # a caller that goes on (a test) keeps its own


def console() -> NoReturn:
    """The ``prlint`` command: :func:`run`, then leave without tearing the interpreter down.

    When :func:`run` is over, every file prlint writes is closed and renamed
    into place and any ``--jobs`` workers have ended. What Python's own exit
    would still do is free the word tables and compiled rules one object at
    a time: a tenth or more of the CPU time of linting one draft (measured
    with farm-bench: 0.84 to 0.89 times the time without it). mypy leaves its command
    line the same way, for the same reason. Only the command does this; a
    library caller or a test calling :func:`run` gets its ``SystemExit``.
    """
    try:
        try:
            run()
            status = int(ExitCode.CLEAN)
        except SystemExit as stop:
            status = _exit_status(stop.code)
        status = _flushed(status)
    except KeyboardInterrupt:  # Ctrl-C after run() gave Python its own handler back
        status = int(ExitCode.INTERRUPTED)
        with contextlib.suppress(OSError):
            os.write(2, b"prlint: interrupted\n")
    os._exit(status)


def _exit_status(code: object) -> int:
    """Return the status ``sys.exit(code)`` would end the process with (a message goes to stderr)."""
    if code is None:
        return int(ExitCode.CLEAN)
    if isinstance(code, int):
        return int(code)
    print(code, file=sys.stderr)
    return int(ExitCode.FINDINGS)


def _flushed(status: int) -> int:
    """Flush stdout and stderr, which ``os._exit`` would drop; return the exit status.

    A reader that has closed the pipe by now is treated as :func:`run` treats
    it: quietly, with exit code 1 (Python's own exit would print "Exception
    ignored" and return 120).
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            status = int(ExitCode.FINDINGS) if status == ExitCode.CLEAN else status
        except (OSError, ValueError):  # a stream already closed or failing has nothing to keep
            pass
    return status
