"""Find and read the ``[prlint]`` configuration, and merge it with the CLI.

Precedence, lowest first:

1. built-in defaults (all built-in packs, every rule, ``fail-on = error``,
   ``format = text``);
2. each pack's own severities and ``overrides``;
3. the ``[prlint]`` section of the nearest ``prlint.cfg``, ``.prlint.cfg``
   or ``setup.cfg`` (checked in that order in each folder), found by walking
   up from the linted file's folder to the root;
4. command-line options, which replace the config's value for that key
   (``--severity`` merges with ``severity``, the command line winning).

Pack paths and ``per-file-ignores`` globs in a config file are relative to
that file's folder.

The keys that shape the whole run's output (``format``, ``fail-on``,
``min-severity``) are read once, from ``--config`` or else the config file
found for the current folder (:func:`run_settings`): each draft may have a
config of its own for its rules, but a run has one report and one exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.errors import ConfigError
from checker.model import Severity

if TYPE_CHECKING:
    import regex

CONFIG_NAMES = ("prlint.cfg", ".prlint.cfg", "setup.cfg")
SECTION = "prlint"
FORMATS = ("text", "json", "sarif", "github", "html")
_KEYS = {
    "packs",
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severity",
    "fail-on",
    "min-severity",
    "format",
    "date",
    "encoding",
}


@dataclass(frozen=True)
class Settings:
    """Everything that shapes one lint run, after merging."""

    packs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    #: Rules added to the selection, opt-in style notes included when named by id.
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)
    #: (glob, rule tokens) pairs; globs are relative to the config file's folder
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: Severity = Severity.ERROR
    min_severity: Severity = Severity.INFO  # findings below it are not shown
    format: str | None = None  # None: text, or github under GitHub Actions
    date: str | None = None
    encoding: str | None = None
    source: Path | None = None  # the config file these came from

    def merged_with(self, **cli: Any) -> Settings:
        """Return these settings with every CLI value that was given replacing ours."""
        given = {key: value for key, value in cli.items() if value not in (None, (), [])}
        if "severities" in given:
            given["severities"] = {**self.severities, **given["severities"]}
        return replace(self, **given)


def find_config(start: Path) -> Path | None:
    """Return the nearest config file with a ``[prlint]`` section above *start*."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and _has_section(candidate):
                return candidate
    return None


def _has_section(path: Path) -> bool:
    """Tell whether *path* parses as INI and has a ``[prlint]`` section."""
    import configparser  # only a folder with a candidate config file needs it

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return True  # let read_config report the problem
    return parser.has_section(SECTION)


def read_config(path: Path) -> Settings:
    """Read the ``[prlint]`` section of *path* into settings."""
    import configparser  # only a run with a config file needs it

    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as stream:
            parser.read_file(stream)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    except (configparser.Error, UnicodeDecodeError) as error:
        first_line = str(error).splitlines()[0]
        raise ConfigError(f"{path}: cannot parse config: {first_line}") from None
    if not parser.has_section(SECTION):
        raise ConfigError(f"{path}: no [{SECTION}] section (prlint reads its settings from one)")
    section = parser[SECTION]
    unknown = sorted(set(section) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: [prlint] unknown option {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    where = f"{path}: [prlint]"
    return Settings(
        packs=tuple(path.parent / item for item in split_list(section.get("packs", ""))),
        select=tuple(split_list(section.get("select", ""))),
        extend_select=tuple(split_list(section.get("extend-select", ""))),
        ignore=tuple(split_list(section.get("ignore", ""))),
        severities=parse_severities(section.get("severity", ""), where),
        per_file_ignores=parse_per_file_ignores(section.get("per-file-ignores", ""), where),
        fail_on=parse_severity(section.get("fail-on", "error"), f"{where} fail-on"),
        min_severity=parse_severity(section.get("min-severity", "info"), f"{where} min-severity"),
        format=parse_format(section["format"], f"{where} format") if "format" in section else None,
        date=parse_date(section.get("date"), f"{where} date"),
        encoding=section.get("encoding") or None,
        source=path,
    )


def split_list(value: str) -> list[str]:
    """Split a config list on commas and white space."""
    return [item for item in _regex_split(r"[\s,]+", value) if item]


def _regex_split(pattern: str, text: str, maxsplit: int = 0) -> list[str]:
    """Return ``regex.split(pattern, text, maxsplit)``.

    ``regex`` is imported here, on first use: a run with no config file and
    no option to parse (every run whose findings are kept) never loads it,
    and loading it is a tenth of such a run.
    """
    import regex

    return regex.split(pattern, text, maxsplit=maxsplit)


@lru_cache(maxsize=1)
def _date_pattern() -> regex.Pattern:
    """Return the pattern of a YYYY-MM-DD date (compiled on first use, as :func:`_regex_split`)."""
    from checker.matching import pattern_cache

    return pattern_cache.compile(r"\d{4}-\d{2}-\d{2}")


def parse_severity(value: str, where: str) -> Severity:
    """Parse ``error``, ``warning`` or ``info``."""
    try:
        return Severity.parse(value)
    except KeyError:
        raise ConfigError(f"{where}: {value!r} is not one of error, warning, info") from None


def parse_severities(value: str, where: str) -> dict[str, Severity]:
    """Parse lines of ``rule-id: level`` (or ``rule-id = level``)."""
    severities: dict[str, Severity] = {}
    for line in value.splitlines():
        if not line.strip():
            continue
        parts = _regex_split(r"\s*[:=]\s*", line.strip(), maxsplit=1)
        if len(parts) != 2 or not parts[0]:
            raise ConfigError(f"{where} severity: expected 'rule-id: level', got {line.strip()!r}")
        severities[parts[0]] = parse_severity(parts[1], f"{where} severity {parts[0]}")
    return severities


def parse_severity_options(items: tuple[str, ...]) -> dict[str, Severity]:
    """Parse ``--severity RULE=LEVEL`` values (``RULE:LEVEL`` works too), later ones winning."""
    severities: dict[str, Severity] = {}
    for item in items:
        parts = _regex_split(r"\s*[:=]\s*", item.strip(), maxsplit=1)
        if len(parts) != 2 or not parts[0]:
            raise ConfigError(f"--severity: expected RULE=LEVEL, got {item.strip()!r}")
        severities[parts[0]] = parse_severity(parts[1], f"--severity {parts[0]}")
    return severities


def parse_per_file_ignores(value: str, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Parse lines of ``GLOB: ids`` (ids comma-separated), as flake8's per-file-ignores.

    The glob is split off at the last colon, since rule ids never contain one.
    """
    entries = []
    for line in value.splitlines():
        if not line.strip():
            continue
        glob, colon, ids = line.strip().rpartition(":")
        tokens = tuple(split_list(ids))
        if not colon or not glob.strip() or not tokens:
            raise ConfigError(
                f"{where} per-file-ignores: expected 'GLOB: rule-ids', got {line.strip()!r}"
            )
        entries.append((glob.strip(), tokens))
    return tuple(entries)


def run_settings(config_file: Path | None, cli: dict[str, object]) -> Settings:
    """Return the settings that shape the whole run: the CLI over the run's config file.

    That file is ``--config`` when given, else the one found for the current
    folder; configs found beside drafts choose rules, never the report's
    format, its filter or the exit code.
    """
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: no such config file")
    source = config_file if config_file is not None else find_config(Path.cwd())
    settings = read_config(source) if source else Settings()
    return settings.merged_with(**cli)


def parse_format(value: str, where: str) -> str:
    """Check an output format name."""
    if value not in FORMATS:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(FORMATS)}")
    return value


def parse_date(value: str | None, where: str) -> str | None:
    """Check a release date given as YYYY-MM-DD."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    import datetime  # as regex: only a run given a date needs it

    try:
        if not _date_pattern().fullmatch(value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a date as YYYY-MM-DD") from None
    return value
