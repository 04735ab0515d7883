"""The ``sarif`` format: SARIF 2.1.0 for code-scanning dashboards.

Rules are described in ``tool.driver.rules`` with their why, source and
examples as help text; columns count Unicode code points, as prlint's do.
Artifact URIs are percent-encoded from the file name's bytes (RFC 3986), so
a name that is not UTF-8 or holds spaces, ``#`` or ``%`` stays one valid URI;
messages show control characters as escapes.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote_from_bytes

from checker.formatters.safe_text import message
from checker.model import Finding, Rule, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report, display) -> str:
    """Render the report as one SARIF 2.1.0 log with a single run."""
    rule_ids = sorted({finding.rule for finding in report.findings} | set(report.rules))
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "prlint",
                        "version": report.version,
                        "rules": [
                            _descriptor(rule_id, report.rules.get(rule_id)) for rule_id in rule_ids
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index[finding.rule]) for finding in report.findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule_id: str, rule: Rule | None) -> dict:
    """Describe one rule for ``tool.driver.rules``."""
    if rule is None:
        return {"id": rule_id}
    help_text = f"{rule.why}\n\nSource: {rule.source}"
    bad = "\n".join(f"- {example}" for example in rule.examples_fail)
    good = "\n".join(f"- {example}" for example in rule.examples_pass)
    return {
        "id": rule.id,
        "name": rule.id.split(".", 1)[1],
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.why},
        "help": {
            "text": help_text,
            "markdown": f"{rule.why}\n\n**Source:** {rule.source}\n\n**Reported:**\n{bad}\n\n**Accepted:**\n{good}",
        },
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": sorted({rule.category, rule.pack})},
    }


def _result(finding: Finding, rule_index: int) -> dict:
    """Describe one finding as a SARIF result."""
    location = {"uri": _uri(finding.path)}
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": message(finding.message)},
        "locations": [
            {"physicalLocation": {"artifactLocation": location, "region": _region(finding)}}
        ],
    }
    if finding.fix is not None:
        fix = finding.fix
        region = {
            "startLine": fix.line,
            "startColumn": fix.column,
            "endLine": fix.end_line,
            "endColumn": fix.end_column,
        }
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {fix.replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {"deletedRegion": region, "insertedContent": {"text": fix.replacement}}
                        ],
                    }
                ],
            }
        ]
    return result


def _region(finding: Finding) -> dict:
    """Return the SARIF region of a finding (end column exclusive)."""
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": max(finding.end_column, finding.column)
        if finding.end_line == finding.line
        else finding.end_column,
    }


def _uri(path: str) -> str:
    """Return a percent-encoded URI for a path: relative as given, absolute as ``file://``.

    Standard input stays ``stdin``. The bytes are the file name's own (a
    non-UTF-8 name is held as lone surrogates, which ``surrogateescape`` turns back).
    """
    if path == "<stdin>":
        return "stdin"
    posix = PurePath(path).as_posix()
    try:
        data = posix.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system gave: keep it visible
        data = posix.encode("utf-8", "backslashreplace")
    quoted = quote_from_bytes(data, safe="/")
    return "file://" + quoted if posix.startswith("/") else quoted
