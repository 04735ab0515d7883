"""Baselines: record today's findings so that CI fails only on new ones.

A finding is recorded by rule, file and a fingerprint of the text it points
at (with a little context), not by line and column, so editing elsewhere in
a draft does not make old findings look new. Counts are kept: a second
occurrence of the same problem in the same file is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from checker.errors import ConfigError
from checker.model import Finding

_CONTEXT = 20  # characters either side of the span that go into the fingerprint


def fingerprint(finding: Finding, lines: list[str]) -> str:
    """Return a position-independent fingerprint of a finding's text and context."""
    line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    end = finding.end_column if finding.end_line == finding.line else len(line) + 1
    start = finding.column - 1
    snippet = line[max(0, start - _CONTEXT) : end - 1 + _CONTEXT]
    normalised = " ".join(snippet.split())
    return hashlib.sha256(f"{finding.rule}\0{normalised}".encode()).hexdigest()[:16]


def _key(finding: Finding, lines: list[str], base: Path) -> tuple[str, str, str]:
    """Return (rule, path relative to the baseline's folder, fingerprint)."""
    path = (
        finding.path
        if finding.path == "<stdin>"
        else os.path.relpath(Path(finding.path).resolve(), base)
    )
    return finding.rule, Path(path).as_posix(), fingerprint(finding, lines)


def write_baseline(file: Path, findings: list[Finding], lines: dict[str, list[str]]) -> int:
    """Write the baseline for *findings* and return how many it records."""
    base = file.resolve().parent
    counts = Counter(_key(finding, lines.get(finding.path, []), base) for finding in findings)
    entries = [
        {"rule": rule, "path": path, "fingerprint": print_, "count": count}
        for (rule, path, print_), count in sorted(counts.items())
    ]
    file.write_text(
        json.dumps({"prlint_baseline": 1, "findings": entries}, indent=2) + "\n", encoding="utf-8"
    )
    return len(findings)


def read_baseline(file: Path) -> Counter:
    """Read a baseline written by :func:`write_baseline`."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter({(e["rule"], e["path"], e["fingerprint"]): int(e["count"]) for e in entries})
    except OSError as error:
        raise ConfigError(f"{file}: cannot read baseline: {error.strerror or error}") from None
    except (ValueError, KeyError, TypeError):
        raise ConfigError(
            f"{file}: not a prlint baseline (write one with --write-baseline)"
        ) from None


def new_findings(file: Path, findings: list[Finding], lines: dict[str, list[str]]) -> list[Finding]:
    """Return the findings that the baseline at *file* does not account for."""
    known = read_baseline(file)
    base = file.resolve().parent
    fresh = []
    for finding in findings:
        key = _key(finding, lines.get(finding.path, []), base)
        if known[key] > 0:
            known[key] -= 1
        else:
            fresh.append(finding)
    return fresh
