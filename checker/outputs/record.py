"""The audit record: what was checked, with which rules, and what was found.

Compliance teams keep it with their books and records: prlint's version,
the packs used with their versions and content hashes, each input's hash,
the release date used and where it came from, every suppression with its
reason, and the findings.
"""

from __future__ import annotations

import datetime
import hashlib
import json

from checker import __version__


def build_record(results: list, configs: list, settings) -> dict:
    """Return the audit record of a run as a JSON-ready dict."""
    packs = {}
    for config in configs:
        for pack in config.ruleset.packs:
            packs[pack.path] = {
                "id": pack.id,
                "version": pack.version,
                "path": pack.path,
                "sha256": pack.sha256,
            }
    return {
        "prlint_record": 1,
        "prlint_version": __version__,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "settings": {
            "select": list(settings.select),
            "ignore": list(settings.ignore),
            "fail_on": str(settings.fail_on),
            "config": str(settings.source) if settings.source else None,
        },
        "packs": list(packs.values()),
        "inputs": [_input(result) for result in results],
    }


def _input(result) -> dict:
    """Describe one linted draft for the record."""
    entry = {"path": result.path, "error": result.error}
    if result.raw is not None:
        entry["sha256"] = hashlib.sha256(result.raw.data).hexdigest()
        entry["encoding"] = result.raw.encoding
    if result.release_date:
        entry["release_date"] = {"date": result.release_date[0], "source": result.release_date[1]}
    else:
        entry["release_date"] = None
    entry["suppressions"] = result.suppressions
    entry["findings"] = [finding.to_dict() for finding in result.findings]
    return entry


def dump_record(record: dict) -> str:
    """Return the record as JSON text."""
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"
