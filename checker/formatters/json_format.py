"""The ``json`` format: an array of finding objects (shape in the README)."""

from __future__ import annotations

import json


def render(report, color: bool = False) -> str:
    """Render findings as a JSON array, one object per finding."""
    return (
        json.dumps([finding.to_dict() for finding in report.findings], indent=2, ensure_ascii=False)
        + "\n"
    )
