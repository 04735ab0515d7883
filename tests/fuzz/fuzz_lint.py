"""Coverage-guided fuzzing of the whole lint with atheris (libFuzzer for Python).

Run: python tests/fuzz/fuzz_lint.py -max_total_time=60
Any exception, or a finding outside the text, is a crash that libFuzzer
reports with the input that caused it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from checker.api import default_config, lint_text
    from checker.errors import InputError
    from checker.inputs.reading import decode_draft

CONFIG = default_config()


def check_one(data: bytes) -> None:
    """Decode like the CLI does, lint, and check every position."""
    try:
        draft = decode_draft(data, "fuzz.txt")
    except InputError:
        return
    lines = draft.text.split("\n")
    for finding in lint_text(draft.text, CONFIG):
        if not (1 <= finding.line <= finding.end_line <= len(lines)):
            raise AssertionError(f"line outside the text: {finding}")
        if not 1 <= finding.column <= len(lines[finding.line - 1]) + 1:
            raise AssertionError(f"column outside the line: {finding}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()
