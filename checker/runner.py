"""Lint many drafts, each with the configuration nearest to it.

Drafts are linted serially or, with ``jobs > 1``, in worker processes; the
results come back in the order the drafts were given either way, so the
output of ``--jobs 2`` is identical to the serial run's.

A draft that cannot be read, or whose checks run out of time, becomes a
result with an ``error`` and no findings; the other drafts are still
reported (the CLI prints the error and exits 2 at the end). A worker that
dies (killed, out of memory) ends the run with :class:`WorkerFailure`, and
workers whose parent dies exit on their own.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.api import LintConfig, load_config
from checker.cache import results as findings_cache
from checker.cache import store
from checker.config.settings import Settings, find_config, read_config
from checker.errors import ConfigError, PatternTimeout, PrlintError
from checker.inputs import FIXABLE_FORMATS, Source, read_source
from checker.inputs.reading import RawDraft
from checker.model import Finding

if TYPE_CHECKING:
    from checker.document.model import Document
    from checker.outputs.fixing import Edit  # planning fixes imports difflib and tempfile

#: Seconds between a worker's checks that the process that started it is alive.
PARENT_CHECK_SECONDS = 1.0


class WorkerFailure(PrlintError):
    """A ``--jobs`` worker process died before its drafts were linted (exit code 2)."""


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
    # The safe fixes --fix would make, planned on the Document the findings came from, so
    # that fixing never reads or extracts the draft again (kept only with the draft).
    edits: list[Edit] = field(default_factory=list)


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
        self._settings: dict[Path | None, Settings] = {}
        self._found: dict[Path, Path | None] = {}  # folder -> its config file
        self._configs: dict[Path | None, LintConfig] = {}
        self._outlines: dict[Path | None, LintConfig] = {}
        self._fingerprints: dict[int, str] = {}
        self._checked_any = False  # whether this process ran any checks (and so the prefilter)

    def config_for(self, path: str) -> LintConfig:
        """Return the configuration for a draft: ``--config``, else the nearest config file."""
        source = self._source_for(path)
        if source not in self._configs:
            self._configs[source] = load_config(self._settings_of(source))
        return self._configs[source]

    def _outline_for(self, path: str) -> LintConfig:
        """Return the draft's configuration, its rules' checks left out unless already loaded.

        A draft whose findings are kept needs no check compiled, nor the check
        kinds imported (:func:`~checker.packs.loader.load_outline`). Without
        the cache every draft is checked, so the whole configuration is loaded.
        """
        source = self._source_for(path)
        if not self.reuse or source in self._configs:
            return self.config_for(path)
        if source not in self._outlines:
            self._outlines[source] = load_config(self._settings_of(source), checks=False)
        return self._outlines[source]

    def _source_for(self, path: str) -> Path | None:
        """Return the config file that applies to a draft (None: the defaults)."""
        if self.config_file is not None:
            if not self.config_file.is_file():
                raise ConfigError(f"{self.config_file}: no such config file")
            return self.config_file
        folder = Path.cwd() if path == "-" else Path(path).parent
        if folder not in self._found:  # looked up once per folder, not per draft and per step
            self._found[folder] = find_config(folder)
        return self._found[folder]

    def _settings_of(self, source: Path | None) -> Settings:
        """Return the settings of a config file merged with the command line (read once)."""
        if source not in self._settings:
            settings = read_config(source) if source else Settings()
            self._settings[source] = settings.merged_with(**self.cli)
        return self._settings[source]

    def configs(self) -> list[LintConfig]:
        """Return every configuration used so far, in load order.

        Where no draft of a configuration had to be checked, it is its
        outline: its rules carry no compiled check.
        """
        used = {**self._outlines, **self._configs}  # a loaded configuration replaces its outline
        return list(used.values())

    def lint_one(self, path: str) -> DraftResult:
        """Lint one draft; an unreadable draft, or one whose checks time out, gives an error.

        Its findings are looked up first, by the text as read: a draft whose
        findings are kept is not extracted, and no check is compiled for it.
        """
        config = self._outline_for(path)
        document: Document | None = None
        try:
            source = read_source(path, self.input_format, config.settings.encoding)
            if isinstance(source.data, str):  # what a text, Markdown or HTML draft's source is
                text = source.data
            else:  # a Word file's text is known only once extracted
                document = source.document()
                text = document.source
        except PrlintError as error:
            return DraftResult(path, error=str(error))
        key = self._key(source, text, config)
        outcome = None if key is None else findings_cache.lookup(key, source.path)
        if outcome is None:
            try:
                document = document or source.document()
            except PrlintError as error:
                return DraftResult(path, error=str(error))
            self._checked_any = True
            try:
                outcome = _checked(document, self.config_for(path))
            except PatternTimeout as error:  # this draft's error; the others are still reported
                return DraftResult(document.path, error=str(error))
            if key is not None:
                findings_cache.store(key, outcome)
        lines = text.split("\n")
        raw = source.raw if self.keep_drafts else None
        edits = []
        if raw is not None and source.input_format in FIXABLE_FORMATS:
            edits = _safe_edits(raw, document, source, outcome.findings, config)
        return DraftResult(
            path=source.path,
            findings=outcome.findings,
            lines=lines if self.keep_drafts else _quoted_lines(lines, outcome.findings),
            raw=raw,
            release_date=outcome.release_date,
            suppressions=outcome.suppressions,
            edits=edits,
        )

    def _key(self, source: Source, text: str, config: LintConfig) -> str | None:
        """Return the key of a draft's findings in the cache; None without the cache."""
        if not self.reuse:
            return None
        return findings_cache.draft_key(
            self._fingerprint(config), source.path, source.input_format, text
        )

    def _fingerprint(self, config: LintConfig) -> str:
        """Return the configuration's fingerprint (worked out once per configuration)."""
        if id(config) not in self._fingerprints:
            self._fingerprints[id(config)] = findings_cache.config_fingerprint(config)
        return self._fingerprints[id(config)]

    def lint_all(
        self, paths: list[str], jobs: int = 1, progress: Callable | None = None
    ) -> list[DraftResult]:
        """Lint every draft, in order; then keep the patterns compiled and the words answered."""
        results = self._lint_drafts(paths, jobs, progress)
        # a run that compiled no pattern (every draft's findings kept) never loaded the pattern
        # cache, nor regex: importing it only to save nothing would cost a tenth of that run
        compiled = sys.modules.get("checker.matching.pattern_cache")
        if compiled is not None:
            compiled.save()
        answered = sys.modules.get("checker.cache.answers")  # loaded with the spelling rules
        if answered is not None:
            answered.save()
        if self._checked_any:  # the checks load the prefilter: a run that checked none has none
            from checker.matching import prefilter

            prefilter.save()
        return results

    def _lint_drafts(
        self, paths: list[str], jobs: int = 1, progress: Callable | None = None
    ) -> list[DraftResult]:
        """Lint every draft, in order; *progress* wraps the iteration when given."""
        for path in paths:
            self._outline_for(path)  # report config and pack errors before any work
        if jobs > 1 and len(paths) > 1 and "-" not in paths:
            return self._lint_in_workers(paths, jobs, progress)
        iterator = (self.lint_one(path) for path in paths)
        return list(progress(iterator, len(paths)) if progress else iterator)

    def _lint_in_workers(
        self, paths: list[str], jobs: int, progress: Callable | None
    ) -> list[DraftResult]:
        """Lint the drafts in *jobs* worker processes; a worker that dies ends the run cleanly."""
        from concurrent.futures import ProcessPoolExecutor  # only --jobs pays for importing it
        from concurrent.futures.process import BrokenProcessPool

        settings = (self.cli, self.config_file, self.input_format, self.reuse, self.keep_drafts)
        pool = ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(settings, os.getpid())
        )
        try:
            results: Iterable[DraftResult] = pool.map(
                _lint_in_worker, paths, chunksize=max(1, len(paths) // (jobs * 8))
            )
            return list(progress(results, len(paths)) if progress else results)
        except BrokenProcessPool:
            raise WorkerFailure(
                "a --jobs worker process died (killed, or out of memory) before its drafts were "
                "linted; nothing is reported: run again, or without --jobs"
            ) from None
        finally:
            # on an interrupt, drafts not started yet are dropped rather than waited for
            pool.shutdown(wait=True, cancel_futures=True)


def _quoted_lines(lines: list[str], findings: list[Finding]) -> list[str]:
    """Return *lines* with every line no finding is on left empty (numbering kept)."""
    wanted = {line for finding in findings for line in range(finding.line, finding.end_line + 1)}
    return [text if number in wanted else "" for number, text in enumerate(lines, start=1)]


def _checked(document: Document, config: LintConfig) -> findings_cache.Outcome:
    """Run the checks on a draft: findings, release date, suppression directives."""
    # the engine imports every check kind: only a run with a draft to check pays for it
    from checker.analysis.release_date import resolve_release_date
    from checker.engine import lint_with_directives

    findings, directives = lint_with_directives(document, list(config.rules), config.context())
    date = resolve_release_date(document, config.settings.date)
    return findings_cache.Outcome(
        findings=findings,
        release_date=(date.date.isoformat(), date.source) if date else None,
        suppressions=[
            {"line": d.line, "rules": list(d.rules), "reason": d.reason, "used": sorted(d.used)}
            for d in directives
        ],
    )


def _safe_edits(
    raw: RawDraft,
    document: Document | None,
    source: Source,
    findings: list[Finding],
    config: LintConfig,
) -> list[Edit]:
    """Plan the safe fixes of a draft's findings (most drafts have none to plan).

    A draft whose findings were kept is extracted only now, when it has one.
    """
    if not any(finding.fix is not None and finding.fix.safe for finding in findings):
        return []
    from checker.outputs.fixing import plan_edits

    rules = {rule.id: rule for rule in config.rules}
    return plan_edits(raw, document or source.document(), findings, rules, source.input_format)


_WORKER: Runner | None = None


def _start_worker(settings: tuple, parent: int) -> None:
    """Give each worker process its own runner (configs load once per worker).

    The worker also watches the process that started it: if that process is
    killed (SIGKILL gives it no chance to stop its workers), the worker exits
    instead of linting on for nobody.
    """
    global _WORKER
    _WORKER = Runner(*settings)
    watcher = threading.Thread(
        target=exit_with_parent, args=(os.getppid(), parent), name="prlint-parent", daemon=True
    )
    watcher.start()


def exit_with_parent(started_by: int, parent: int, interval: float = PARENT_CHECK_SECONDS) -> None:
    """Wait until the process that started this one is gone, then exit at once.

    Its death shows as a new parent process id (the orphan is adopted), or,
    if it died before the worker got here, as *parent* no longer running.
    """
    import time

    while os.getppid() == started_by and _running(parent):
        time.sleep(interval)
    os._exit(2)


def _running(pid: int) -> bool:
    """Tell whether the process *pid* still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _lint_in_worker(path: str) -> DraftResult:
    """Lint one draft in a worker process."""
    assert _WORKER is not None
    return _WORKER.lint_one(path)
