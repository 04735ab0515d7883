"""The command line: the only place that reads files, prints or exits.

Exit codes: 0, nothing at or above ``--fail-on``; 1, findings at or above
it; 2, a usage, configuration, rule-pack or input error.
"""

from __future__ import annotations

import difflib
import enum
import os
import sys
from pathlib import Path

import click

from checker import __version__
from checker.api import LintConfig, lint_document, load_config
from checker.config import FORMATS, Settings, find_config, parse_date, read_config
from checker.discovery import expand_paths
from checker.document import Document
from checker.errors import ConfigError, PrlintError, RulePackError
from checker.formatters import Report, render
from checker.model import Finding, Severity
from checker.packs import schema_text
from checker.reading import read_draft
from checker.suppressions import blank_directives


class ExitCode(enum.IntEnum):
    """What the process exit status means."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class _DefaultToLint(click.Group):
    """A group whose default command is ``lint``: ``prlint draft.txt`` works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
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


@click.group(cls=_DefaultToLint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="prlint", message="%(prog)s %(version)s")
def main() -> None:
    """prlint: lint press-release drafts before they go to the wire.

    Run `prlint DRAFT...` to lint drafts (files, folders, or - for stdin).
    """


@main.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories.")
@click.option("--pack", "packs", multiple=True, type=click.Path(dir_okay=False), help="Load an extra rule pack (repeatable).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that fails the run [default: error].")
@click.option("--format", "output_format", type=click.Choice(FORMATS), help="Output format [default: text].")
@click.option("--date", metavar="YYYY-MM-DD", help="Release date, when the dateline gives none.")
@click.option("--encoding", metavar="NAME", help="Encoding of the drafts [default: UTF-8].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this config file instead of searching.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the finding lines.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
def lint_command(paths, select, ignore, packs, fail_on, output_format, date, encoding, config_file, quiet, no_color):
    """Lint drafts: files, folders (.txt, .md, .html) or - for stdin."""
    try:
        cli = dict(
            select=_split(select),
            ignore=_split(ignore),
            packs=tuple(Path(pack) for pack in packs),
            fail_on=Severity.parse(fail_on) if fail_on else None,
            format=output_format,
            date=parse_date(date, "--date"),
            encoding=encoding,
        )
        drafts = expand_paths(list(paths))
        run = _Run(cli, Path(config_file) if config_file else None)
        for draft in drafts:
            run.lint(draft)
    except RulePackError as error:
        for problem in error.problems:
            click.echo(f"prlint: error: {problem}", err=True)
        sys.exit(ExitCode.ERROR)
    except PrlintError as error:
        _fail(str(error))
    settings = run.first_settings or Settings().merged_with(**cli)
    color = not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
    report = Report(tuple(run.findings), run.files, __version__, run.rules, run.lines)
    output = _quiet_lines(report) if quiet and settings.format == "text" else render(report, settings.format, color)
    click.echo(output, nl=False)
    if run.input_errors:
        sys.exit(ExitCode.ERROR)
    failing = any(finding.severity >= settings.fail_on for finding in run.findings)
    sys.exit(ExitCode.FINDINGS if failing else ExitCode.CLEAN)


class _Run:
    """One lint run over many drafts, each with its nearest configuration."""

    def __init__(self, cli: dict, config_file: Path | None) -> None:
        self.cli = cli
        self.config_file = config_file
        self.findings: list[Finding] = []
        self.rules: dict = {}
        self.lines: dict[str, list[str]] = {}
        self.files = 0
        self.input_errors = 0
        self.first_settings: Settings | None = None
        self._configs: dict[Path | None, LintConfig] = {}

    def lint(self, path: str) -> None:
        """Lint one draft; an unreadable draft is reported and skipped."""
        config = self._config_for(path)
        try:
            raw = read_draft(path, config.settings.encoding)
        except PrlintError as error:
            click.echo(f"prlint: error: {error}", err=True)
            self.input_errors += 1
            return
        document = Document(path=raw.path, source=raw.text, text=blank_directives(raw.text))
        self.findings.extend(lint_document(document, config))
        self.lines[raw.path] = raw.text.split("\n")
        self.files += 1

    def _config_for(self, path: str) -> LintConfig:
        """Return the configuration for a draft, loading each config file once."""
        if self.config_file is not None:
            source = self.config_file
            if not source.is_file():
                raise ConfigError(f"{source}: no such config file")
        else:
            source = find_config(Path.cwd() if path == "-" else Path(path).parent)
        if source not in self._configs:
            settings = read_config(source) if source else Settings()
            settings = settings.merged_with(**self.cli)
            config = load_config(settings)
            self._configs[source] = config
            self.rules.update({rule.id: rule for rule in config.ruleset.rules})
            if self.first_settings is None:
                self.first_settings = settings
        return self._configs[source]


def _quiet_lines(report: Report) -> str:
    """Return one line per finding, without excerpts or summary."""
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}\n" for f in report.findings
    )


@main.command("rules")
@click.option("--pack", "packs", multiple=True, type=click.Path(dir_okay=False), help="Load an extra rule pack.")
def rules_command(packs):
    """List the rules with their category and default severity."""
    config = _config_or_exit(packs)
    width = max(len(rule.id) for rule in config.ruleset.rules)
    for pack in config.ruleset.packs:
        click.echo(f"# {pack.id} {pack.version}: {pack.description}")
        for rule in config.ruleset.rules:
            if rule.pack == pack.id:
                click.echo(f"{rule.id:<{width}}  {rule.category:<12} {str(rule.severity):<8} {rule.kind}")


@main.command("explain")
@click.argument("rule_id")
@click.option("--pack", "packs", multiple=True, type=click.Path(dir_okay=False), help="Load an extra rule pack.")
def explain_command(rule_id, packs):
    """Explain a rule: why it matters, its source and examples."""
    config = _config_or_exit(packs)
    rule = config.ruleset.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, [r.id for r in config.ruleset.rules], n=1)
        _fail(f"unknown rule {rule_id!r}" + (f"; did you mean {close[0]!r}?" if close else ""))
    fix = {"safe": "applied by --fix", "suggest": "suggested, applied by hand", "none": "none"}[rule.fix]
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


@main.command("schema")
def schema_command():
    """Print the JSON Schema that rule packs are validated against."""
    click.echo(schema_text(), nl=False)


def _config_or_exit(packs: tuple[str, ...]) -> LintConfig:
    """Load the configuration for the current folder plus *packs*, or exit 2."""
    try:
        source = find_config(Path.cwd())
        settings = read_config(source) if source else Settings()
        return load_config(settings.merged_with(packs=tuple(Path(pack) for pack in packs)))
    except RulePackError as error:
        for problem in error.problems:
            click.echo(f"prlint: error: {problem}", err=True)
        sys.exit(ExitCode.ERROR)
    except PrlintError as error:
        _fail(str(error))
