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

The key can be worked out by anyone who has the draft, so it is only an
address: an entry is believed because its seal verifies under the user's
secret (:mod:`checker.cache.store`), and then only if every field has the
type a finding's field has. Anything else is checked afresh and rewritten.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache
from typing import NamedTuple

from checker.cache.digest import hex_digest, new_digest
from checker.cache.store import enabled as store_enabled
from checker.cache.store import package_stamp, read_value, write_value
from checker.model import Finding, Fix, Severity

#: Bump when the stored layout changes.
_LAYOUT = "1"
#: The files whose contents are prlint's code and data.
_CODE = (".py", ".json", ".tsv")
#: Nanoseconds since its last change after which a file's ``stat`` stamp vouches for it.
_SETTLED_NS = 2_000_000_000


class Outcome(NamedTuple):
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
    return hex_digest("\n".join(parts).encode("utf-8"))


def draft_key(fingerprint: str, path: str, input_format: str, source: str) -> str:
    """Return the key of one draft's findings under one configuration."""
    digest = new_digest()
    for part in (_LAYOUT, code_fingerprint(), dependency_stamp(), fingerprint, path, input_format):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(source.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


#: The packages the checks run on: the pattern engine, the near-miss distances, the word lists.
FINDING_DEPENDENCIES = ("regex", "rapidfuzz", "spellchecker", "english_words")


@lru_cache(maxsize=1)
def dependency_stamp() -> str:
    """Return a stamp of the installed packages that shape findings (names and sizes of their files).

    An upgrade of any of them may change what a check finds (a word added
    to a list, a pattern engine fixed): findings kept under another must not
    be served.
    """
    return "\n".join(f"{name} {package_stamp(name)}" for name in FINDING_DEPENDENCIES)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Return a hash of the contents of the installed package's code and data files.

    Reading and hashing its 3.7 MB took 5 ms of every run, so the hash is
    kept in the cache under the files' ``stat`` stamp (:func:`_stamp`): an
    unchanged install is only looked at, a fresh one or an edit is read again.
    """
    folder = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = _code_files(folder)
    stamp = _stamp(files) if store_enabled() else None
    name = None if stamp is None else f"code-{stamp}"
    if name is not None:
        kept = read_value("data", name, _is_digest)
        if isinstance(kept, str):
            return kept
    digest = _digest(files)
    if name is not None:
        write_value("data", name, digest)
    return digest


def folder_digest(folder: str) -> str:
    """Return a hash of the names and contents of the code and data files below *folder*.

    Contents, not modification times: pip gives every file of a fresh
    install a new time, so a CI job that installs prlint anew would never
    find its findings again.
    """
    return _digest(_code_files(folder))


def _code_files(folder: str) -> list[tuple[str, str]]:
    """Return the code and data files below *folder* (name below it, path), in a fixed order."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        below = "" if root == folder else os.path.relpath(root, folder) + os.sep
        found += [
            (below + name, os.path.join(root, name))
            for name in sorted(files)
            if name.endswith(_CODE)
        ]
    return found


def _digest(files: list[tuple[str, str]]) -> str:
    """Return the hash of the names and contents of *files*."""
    digest = new_digest()
    for name, path in files:
        with open(path, "rb") as stream:
            digest.update(name.encode() + b"\0" + stream.read())
    return digest.hexdigest()


def _stamp(files: list[tuple[str, str]]) -> str | None:
    """Return a hash of the files' names and ``stat`` results; None if one changed just now.

    The change time (``ctime``) is the kernel's, set on every write and not
    settable by tools that restore times, and with the inode, size and
    modification time it tells an unchanged file. A file changed within
    the last seconds is not vouched for: timestamps are coarser than a
    write, so another write in the same tick would leave the stamp as it is.
    """
    now = time.time_ns()
    digest = new_digest()
    for name, path in files:
        status = os.stat(path)
        if now - max(status.st_mtime_ns, status.st_ctime_ns) < _SETTLED_NS:
            return None
        digest.update(
            f"{name}\0{status.st_dev}\0{status.st_ino}\0"
            f"{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\n".encode(
                "utf-8", "surrogateescape"
            )
        )
    return digest.hexdigest()


def _is_digest(value: object) -> bool:
    """Tell whether a kept value is a SHA-256 hex digest."""
    return type(value) is str and len(value) == 64


def lookup(key: str, path: str) -> Outcome | None:
    """Return the stored outcome for *key* with findings under *path*, or None."""
    stored = read_value("results", _entry(key), _well_formed)
    return None if stored is None else _outcome(stored, path)  # type: ignore[arg-type]


def store(key: str, outcome: Outcome) -> None:
    """Keep an outcome under *key* (sealed, atomically; skipped when the cache cannot be written)."""
    stored = (
        [_finding_fields(finding) for finding in outcome.findings],
        outcome.release_date,
        outcome.suppressions,
    )
    write_value("results", _entry(key), stored)


def _entry(key: str) -> str:
    """Return the entry name of *key*: 256 folders, so that none grows huge."""
    return f"{key[:2]}/{key[2:]}"


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


#: The types of a stored finding's fields, in order (``_finding_fields``), and of a fix's.
_FINDING_TYPES = (int, int, int, int, str, str, int, str)
_FIX_TYPES = (str, int, int, int, int, bool)
_SEVERITIES = frozenset(int(severity) for severity in Severity)


def _well_formed(stored: object) -> bool:
    """Tell whether *stored* has exactly the shape :func:`store` writes."""
    if not (isinstance(stored, tuple) and len(stored) == 3):
        return False
    findings, release_date, suppressions = stored
    return (
        isinstance(findings, list)
        and all(_finding_well_formed(fields) for fields in findings)
        and (release_date is None or _typed(release_date, (str, str)))
        and isinstance(suppressions, list)
        and all(_suppression_well_formed(item) for item in suppressions)
    )


def _finding_well_formed(fields: object) -> bool:
    return (
        isinstance(fields, tuple)
        and len(fields) == 9
        and _typed(fields[:8], _FINDING_TYPES)
        and fields[6] in _SEVERITIES
        and (fields[8] is None or _typed(fields[8], _FIX_TYPES))
    )


def _suppression_well_formed(item: object) -> bool:
    return (
        isinstance(item, dict)
        and set(item) == {"line", "rules", "reason", "used"}
        and _exactly(item["line"], int)
        and _strings(item["rules"])
        and isinstance(item["reason"], str)
        and _strings(item["used"])
    )


def _typed(values: object, types: tuple[type, ...]) -> bool:
    """Tell whether *values* is a tuple of exactly these types (a bool is not an int here)."""
    return (
        isinstance(values, tuple)
        and len(values) == len(types)
        and all(_exactly(value, kind) for value, kind in zip(values, types, strict=True))
    )


def _exactly(value: object, kind: type) -> bool:
    return type(value) is kind


def _strings(values: object) -> bool:
    return isinstance(values, list) and all(type(value) is str for value in values)


def _outcome(stored: tuple, path: str) -> Outcome:
    """Rebuild an outcome from a well-formed stored tuple, its findings under *path*."""
    findings_fields, release_date, suppressions = stored
    findings = [
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
        for line, column, end_line, end_column, rule, category, severity, message, fix in (
            findings_fields
        )
    ]
    return Outcome(findings, None if release_date is None else tuple(release_date), suppressions)
