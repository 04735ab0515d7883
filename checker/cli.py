"""The command line: the only place that reads files, prints or exits.

Exit codes: 0, nothing at or above ``--fail-on``; 1, findings at or above
it; 2, a usage, configuration, rule-pack or input error.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
from pathlib import Path

import click

from checker import __version__
from checker.api import LintConfig, load_config
from checker.config.discovery import expand_paths
from checker.config.settings import FORMATS, Settings, find_config, parse_date, read_config
from checker.errors import ConfigError, PrlintError, RulePackError
from checker.formatters import Report, render
from checker.inputs import INPUT_FORMATS, detect_format
from checker.model import Severity
from checker.packs.loader import schema_text
from checker.runner import Runner


class ExitCode(enum.IntEnum):
    """What the process exit status means."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class _DefaultToLint(click.Group):
    """A group whose default command is ``lint``: ``prlint draft.txt`` works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert ``lint`` when the first argument is not a subcommand."""
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Split repeated, comma-separated option values."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _fail(message: str) -> None:
    """Print an error for the user and exit with code 2."""
    click.echo(f"prlint: error: {message}", err=True)
    sys.exit(ExitCode.ERROR)


@contextlib.contextmanager
def _errors_exit_2():
    """Turn prlint's errors into one line each on stderr and exit code 2, never a traceback."""
    try:
        yield
    except RulePackError as error:
        for problem in error.problems:
            click.echo(f"prlint: error: {problem}", err=True)
        sys.exit(ExitCode.ERROR)
    except PrlintError as error:
        _fail(str(error))


@click.group(cls=_DefaultToLint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="prlint", message="%(prog)s %(version)s")
def main() -> None:
    """prlint: lint press-release drafts before they go to the wire.

    Run `prlint DRAFT...` to lint drafts (files, folders, or - for stdin);
    `prlint lint --help` lists the options (--fix, --format, --select ...).
    """


@main.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories."
)
@click.option(
    "--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories."
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
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that fails the run [default: error].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help="Output format [default: text; github under GitHub Actions].",
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
    "--diff",
    "show_diff",
    is_flag=True,
    help="Show the safe fixes as a unified diff; write nothing.",
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
    "--no-cache", is_flag=True, help="Check every draft afresh: neither reuse nor keep findings."
)
def lint_command(
    paths,
    select,
    ignore,
    packs,
    fail_on,
    output_format,
    input_format,
    date,
    encoding,
    config_file,
    fix,
    show_diff,
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
            "ignore": _split(ignore),
            "packs": tuple(Path(pack) for pack in packs),
            "fail_on": Severity.parse(fail_on) if fail_on else None,
            "format": output_format,
            "date": parse_date(date, "--date"),
            "encoding": encoding,
        }
        drafts = expand_paths(list(paths))
        if fix or show_diff:
            _refuse_word_fixes(drafts, input_format)
        runner = Runner(
            cli, Path(config_file) if config_file else None, input_format, reuse=not no_cache
        )
        # fixes and audit records need each draft's bytes, the HTML report its whole text
        runner.keep_drafts = (
            bool(fix or show_diff or record)
            or runner.config_for(drafts[0]).settings.format == "html"
        )
        results = runner.lint_all(drafts, _jobs(jobs), _progress(len(drafts)))
        if fix or show_diff:
            from checker.outputs.fixing import fix_drafts  # only --fix and --diff need it

            outcome = fix_drafts(runner, results, write=fix and not show_diff)
            for diff in outcome.diffs:
                click.echo(diff, nl=False)
            for path, count in outcome.fixed:
                click.echo(
                    f"prlint: fixed {count} problem{'s' if count != 1 else ''} in {path}", err=True
                )
            results = outcome.results
    settings = runner.config_for(drafts[0]).settings
    for result in results:
        if result.error:
            click.echo(f"prlint: error: {result.error}", err=True)
    findings = [finding for result in results for finding in result.findings]
    lines = {result.path: result.lines for result in results}
    if record:
        from checker.outputs.record import build_record, dump_record  # only --record needs it

        Path(record).write_text(
            dump_record(build_record(results, runner.configs(), settings)), encoding="utf-8"
        )
    if write_baseline:
        from checker.outputs.baseline import (
            write_baseline as write_baseline_file,  # only baselines need it
        )

        count = write_baseline_file(Path(write_baseline), findings, lines)
        click.echo(f"prlint: wrote {count} findings to the baseline {write_baseline}", err=True)
        sys.exit(ExitCode.CLEAN)
    if baseline:
        from checker.outputs.baseline import new_findings  # only baselines need it

        with _errors_exit_2():
            findings = new_findings(Path(baseline), findings, lines)
    _print_report(findings, results, runner, settings, output_format, quiet, no_color)
    if any(result.error for result in results):
        sys.exit(ExitCode.ERROR)
    failing = any(finding.severity >= settings.fail_on for finding in findings)
    sys.exit(ExitCode.FINDINGS if failing else ExitCode.CLEAN)


def _print_report(findings, results, runner, settings, output_format, quiet, no_color) -> None:
    """Render the findings in the chosen format and print them."""
    rules = {rule.id: rule for config in runner.configs() for rule in config.ruleset.rules}
    lines = {result.path: result.lines for result in results}
    files = sum(1 for result in results if not result.error)
    report = Report(tuple(findings), files, __version__, rules, lines)
    name = settings.format
    if (
        output_format is None
        and settings.source is None
        and os.environ.get("GITHUB_ACTIONS") == "true"
    ):
        name = "github"  # annotations on the pull request, with no flag needed
    if name == "text" and files == 0:
        return  # every draft failed to read: the errors said so; "no problems" would mislead
    if quiet and name == "text":
        click.echo(_quiet_lines(report), nl=False)
        return
    color = not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    click.echo(render(report, name, color), nl=False)


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


def _refuse_word_fixes(drafts: list[str], input_format: str | None) -> None:
    """Stop before linting when --fix or --diff would meet a Word draft."""
    for draft in drafts:
        if detect_format(draft, input_format) == "docx":
            raise ConfigError(
                f"{draft}: --fix and --diff are not offered for Word (.docx) drafts; make the fixes in Word"
            )


def _quiet_lines(report: Report) -> str:
    """Return one line per finding, without excerpts or summary."""
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}\n"
        for f in report.findings
    )


@main.command("rules")
@click.option(
    "--pack",
    "packs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Load an extra rule pack.",
)
def rules_command(packs):
    """List the rules with their category and default severity."""
    config = _config_or_exit(packs)
    width = max(len(rule.id) for rule in config.ruleset.rules)
    for pack in config.ruleset.packs:
        click.echo(f"# {pack.id} {pack.version}: {pack.description}")
        for rule in config.ruleset.rules:
            if rule.pack == pack.id:
                click.echo(
                    f"{rule.id:<{width}}  {rule.category:<12} {str(rule.severity):<8} {rule.kind}"
                )


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


def run() -> None:
    """Console entry point: ``main``, quiet when the reader of our output goes away.

    ``prlint rules | head`` closes the pipe early; that is not an error worth
    a traceback, so stdout is pointed at /dev/null and the exit code is 1.
    """
    try:
        main()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
