"""List prlint's findings on the real-world releases, to measure false positives.

Usage: python scripts/realworld_findings.py [--select IDS] [--min-severity warning]
       [--releases DIR]

Prints every finding (file, line, rule, severity, message, excerpt), then a
table per rule and the number of findings per release at or above the
severity asked for. Each listed finding is judged by hand (real defect or
not) in the issue note; the figure the issues ask for is false findings per
release.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.api import lint_document, load_config
from checker.config.settings import Settings
from checker.document.model import Document
from checker.document.suppressions import blank_directives
from checker.inputs.reading import read_draft
from checker.model import Severity

DEFAULT_RELEASES = ROOT.parent / "shared" / "realworld" / "releases"


def main() -> int:
    """Run the measurement and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--select", default="", help="comma-separated rule ids, prefixes or categories"
    )
    parser.add_argument("--min-severity", default="info", choices=["info", "warning", "error"])
    parser.add_argument("--releases", type=Path, default=DEFAULT_RELEASES)
    args = parser.parse_args()
    if not args.releases.is_dir():
        print(f"no releases at {args.releases}", file=sys.stderr)
        return 2
    select = tuple(token for token in args.select.split(",") if token)
    config = load_config(Settings(select=select))
    floor = Severity.parse(args.min_severity)
    files = sorted(args.releases.glob("*.txt"))
    per_rule: collections.Counter[str] = collections.Counter()
    for path in files:
        raw = read_draft(str(path))
        document = Document(path=path.name, source=raw.text, text=blank_directives(raw.text))
        for finding in lint_document(document, config):
            if finding.severity < floor:
                continue
            per_rule[f"{finding.rule} ({finding.severity})"] += 1
            line = document.line_text(finding.line)
            excerpt = line[max(0, finding.column - 50) : finding.column + 50].replace("\t", " ")
            print(
                f"{path.name}:{finding.line}:{finding.column}: {finding.severity} [{finding.rule}] {finding.message}"
            )
            print(f"    … {excerpt} …")
    print()
    for rule, count in per_rule.most_common():
        print(f"{count:5d}  {rule}")
    total = sum(per_rule.values())
    print(
        f"{total} findings at or above {floor} in {len(files)} releases: {total / max(1, len(files)):.3f} per release"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
