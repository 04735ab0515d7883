"""Lint many drafts, each with the configuration nearest to it.

Drafts are linted serially or, with ``jobs > 1``, in worker processes; the
results come back in the order the drafts were given either way, so the
output of ``--jobs 2`` is identical to the serial run's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.analysis.release_date import resolve_release_date
from checker.api import LintConfig, load_config
from checker.cache import results as findings_cache
from checker.cache import store
from checker.config.settings import Settings, find_config, read_config
from checker.engine import lint_with_directives
from checker.errors import ConfigError, PrlintError
from checker.inputs import detect_format, extract, read_bytes
from checker.inputs.reading import RawDraft, read_draft
from checker.matching import pattern_cache
from checker.model import Finding


@dataclass
class DraftResult:
    """What linting one draft gave: findings, or the error that stopped it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    error: str | None = None
    raw: RawDraft | None = None
    release_date: tuple[str, str] | None = None  # (YYYY-MM-DD, where it came from)
    suppressions: list[dict] = field(default_factory=list)


class Runner:
    """Resolves each draft's configuration (loading each config file once) and lints it."""

    def __init__(
        self,
        cli: dict,
        config_file: Path | None = None,
        input_format: str | None = None,
        reuse: bool = True,
        keep_drafts: bool = True,
    ) -> None:
        self.cli = cli
        self.config_file = config_file
        self.input_format = input_format  # None: by file ending
        self.reuse = reuse  # keep and reuse findings of unchanged drafts (checker.cache.results)
        if not reuse:
            store.disable()  # --no-cache: no cache of any kind is read or written from here on
        # Keep each draft's text and bytes in its result (fixes, audit records and the
        # HTML report need them); otherwise only the lines findings quote, so that
        # memory stays flat over a folder of thousands of drafts.
        self.keep_drafts = keep_drafts
        self._configs: dict[Path | None, LintConfig] = {}
        self._fingerprints: dict[int, str] = {}

    def config_for(self, path: str) -> LintConfig:
        """Return the configuration for a draft: ``--config``, else the nearest config file."""
        if self.config_file is not None:
            source: Path | None = self.config_file
            if not self.config_file.is_file():
                raise ConfigError(f"{self.config_file}: no such config file")
        else:
            source = find_config(Path.cwd() if path == "-" else Path(path).parent)
        if source not in self._configs:
            settings = read_config(source) if source else Settings()
            self._configs[source] = load_config(settings.merged_with(**self.cli))
        return self._configs[source]

    def configs(self) -> list[LintConfig]:
        """Return every configuration loaded so far, in load order."""
        return list(self._configs.values())

    def lint_one(self, path: str) -> DraftResult:
        """Lint one draft; an unreadable draft becomes a result with an error."""
        config = self.config_for(path)
        input_format = detect_format(path, self.input_format)
        try:
            if input_format == "docx":  # bytes, never rewritten: no RawDraft
                raw = None
                document = extract(input_format, read_bytes(path), path)
            else:
                raw = read_draft(path, config.settings.encoding)
                document = extract(input_format, raw.text, raw.path)
        except PrlintError as error:
            return DraftResult(path, error=str(error))
        if not self.reuse:
            outcome = _checked(document, config)
        else:
            key = findings_cache.draft_key(
                self._fingerprint(config), document.path, input_format, document.source
            )
            outcome = findings_cache.lookup(key, document.path)
            if outcome is None:
                outcome = _checked(document, config)
                findings_cache.store(key, outcome)
        lines = document.source.split("\n")
        return DraftResult(
            path=document.path,
            findings=outcome.findings,
            lines=lines if self.keep_drafts else _quoted_lines(lines, outcome.findings),
            raw=raw if self.keep_drafts else None,
            release_date=outcome.release_date,
            suppressions=outcome.suppressions,
        )

    def _fingerprint(self, config: LintConfig) -> str:
        """Return the configuration's fingerprint (worked out once per configuration)."""
        if id(config) not in self._fingerprints:
            self._fingerprints[id(config)] = findings_cache.config_fingerprint(config)
        return self._fingerprints[id(config)]

    def lint_all(
        self, paths: list[str], jobs: int = 1, progress: Callable | None = None
    ) -> list[DraftResult]:
        """Lint every draft, in order, then keep the patterns compiled (never at exit)."""
        results = self._lint_drafts(paths, jobs, progress)
        pattern_cache.save()
        return results

    def _lint_drafts(
        self, paths: list[str], jobs: int = 1, progress: Callable | None = None
    ) -> list[DraftResult]:
        """Lint every draft, in order; *progress* wraps the iteration when given."""
        for path in paths:
            self.config_for(path)  # report config and pack errors before any work
        if jobs > 1 and len(paths) > 1 and "-" not in paths:
            from concurrent.futures import ProcessPoolExecutor  # only --jobs pays for importing it

            with ProcessPoolExecutor(
                max_workers=jobs,
                initializer=_start_worker,
                initargs=(
                    self.cli,
                    self.config_file,
                    self.input_format,
                    self.reuse,
                    self.keep_drafts,
                ),
            ) as pool:
                results: Iterable[DraftResult] = pool.map(
                    _lint_in_worker, paths, chunksize=max(1, len(paths) // (jobs * 8))
                )
                return list(progress(results, len(paths)) if progress else results)
        iterator = (self.lint_one(path) for path in paths)
        return list(progress(iterator, len(paths)) if progress else iterator)


def _quoted_lines(lines: list[str], findings: list[Finding]) -> list[str]:
    """Return *lines* with every line no finding is on left empty (numbering kept)."""
    wanted = {line for finding in findings for line in range(finding.line, finding.end_line + 1)}
    return [text if number in wanted else "" for number, text in enumerate(lines, start=1)]


def _checked(document, config: LintConfig) -> findings_cache.Outcome:
    """Run the checks on a draft: findings, release date, suppression directives."""
    findings, directives = lint_with_directives(document, list(config.rules), config.context())
    date = resolve_release_date(document, config.context())
    return findings_cache.Outcome(
        findings=findings,
        release_date=(date.date.isoformat(), date.source) if date else None,
        suppressions=[
            {"line": d.line, "rules": list(d.rules), "reason": d.reason, "used": sorted(d.used)}
            for d in directives
        ],
    )


_WORKER: Runner | None = None


def _start_worker(
    cli: dict, config_file: Path | None, input_format: str | None, reuse: bool, keep_drafts: bool
) -> None:
    """Give each worker process its own runner (configs load once per worker)."""
    global _WORKER
    _WORKER = Runner(cli, config_file, input_format, reuse, keep_drafts)


def _lint_in_worker(path: str) -> DraftResult:
    """Lint one draft in a worker process."""
    assert _WORKER is not None
    return _WORKER.lint_one(path)
