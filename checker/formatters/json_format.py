"""The ``json`` format: an array of finding objects (shape in the README).

JSON's own escaping makes control characters harmless; only the bytes of a
file name that is not UTF-8 (kept as lone surrogates) are written as ``\\xNN``
text, so the output is always valid UTF-8.
"""

from __future__ import annotations

import json

from checker.formatters.safe_text import shorten, without_surrogates


def render(report, display) -> str:
    """Render findings as a JSON array, one object per finding."""
    items = []
    for finding in report.findings:
        item = finding.to_dict()
        item["path"] = without_surrogates(item["path"])
        item["message"] = shorten(without_surrogates(item["message"]))
        items.append(item)
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
