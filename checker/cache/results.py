"""Findings kept from one run to the next, per draft and configuration.

Compliance teams lint whole folders and archives in CI on every change,
and almost every draft in them is the one linted last time. Like ruff and
ESLint, prlint keeps each draft's findings under a key that covers all that
could change them:

- the draft's text, path and input format;
- the configuration: the content hash of every loaded pack, the rules that
  run and their severities, and the settings that reach the checks (``--date``);
- prlint itself: the contents of every file of the installed package (code
  and data), so an upgrade or an edited checkout never serves stale
  findings, and a fresh install of the same prlint finds them again.

A cached draft is still read and decoded (its text is part of the key, and
reporters quote it); only the checks are skipped. ``PRLINT_NO_CACHE=1`` or
``--no-cache`` turns this off with the other caches; a cache that cannot be
read or written is ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from dataclasses import dataclass
from functools import lru_cache

from checker.cache.store import cache_dir, write_atomically
from checker.model import Finding, Fix, Severity

#: Bump when the stored layout changes.
_LAYOUT = "1"


@dataclass(frozen=True)
class Outcome:
    """What linting one draft gave, apart from the draft itself."""

    findings: list[Finding]
    release_date: tuple[str, str] | None
    suppressions: list[dict]


def config_fingerprint(config) -> str:
    """Return a hash of everything in a configuration that shapes findings."""
    parts = [
        *(f"pack {info.id} {info.sha256}" for info in config.ruleset.packs),
        *(f"rule {rule.id} {int(rule.severity)} {rule.enabled}" for rule in config.rules),
        f"date {config.settings.date}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def draft_key(fingerprint: str, path: str, input_format: str, source: str) -> str:
    """Return the key of one draft's findings under one configuration."""
    digest = hashlib.sha256()
    for part in (_LAYOUT, code_fingerprint(), fingerprint, path, input_format):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(source.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Return a hash of the contents of the installed package's code and data files."""
    return folder_digest(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def folder_digest(folder: str) -> str:
    """Return a hash of the names and contents of the code and data files below *folder*.

    Contents, not modification times: pip gives every file of a fresh
    install a new time, so a CI job that installs prlint anew would never
    find its findings again (reading and hashing prlint's ~80 files takes 3 ms).
    """
    digest = hashlib.sha256()
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json", ".tsv")):
                path = os.path.join(root, name)
                with open(path, "rb") as stream:
                    digest.update(os.path.relpath(path, folder).encode() + b"\0" + stream.read())
    return digest.hexdigest()


def lookup(key: str, path: str) -> Outcome | None:
    """Return the stored outcome for *key* with findings under *path*, or None."""
    folder = cache_dir("results")
    if folder is None:
        return None
    try:
        stored = marshal.loads((folder / key[:2] / key[2:]).read_bytes())
        return _outcome(stored, path)
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        return None


def store(key: str, outcome: Outcome) -> None:
    """Keep an outcome under *key* (atomically; skipped when the cache cannot be written)."""
    folder = cache_dir("results")
    if folder is None:
        return
    stored = (
        [_finding_fields(finding) for finding in outcome.findings],
        outcome.release_date,
        outcome.suppressions,
    )
    write_atomically(folder / key[:2] / key[2:], marshal.dumps(stored))


def _finding_fields(finding: Finding) -> tuple:
    fix = finding.fix
    return (
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.rule,
        finding.category,
        int(finding.severity),
        finding.message,
        None
        if fix is None
        else (fix.replacement, fix.line, fix.column, fix.end_line, fix.end_column, fix.safe),
    )


def _outcome(stored: tuple, path: str) -> Outcome:
    findings_fields, release_date, suppressions = stored
    findings = []
    for (
        line,
        column,
        end_line,
        end_column,
        rule,
        category,
        severity,
        message,
        fix,
    ) in findings_fields:
        findings.append(
            Finding(
                path=path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                rule=rule,
                category=category,
                severity=Severity(severity),
                message=message,
                fix=None if fix is None else Fix(*fix),
            )
        )
    return Outcome(findings, None if release_date is None else tuple(release_date), suppressions)
