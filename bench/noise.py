"""How much an editor is asked to read on clean real releases: findings per release, by severity.

The real releases in ../shared/realworld went out as published, so almost
everything prlint says about them is either a defect that reached the wire
or noise. Errors and warnings are judged in bench/judged-findings.tsv (see
bench/recall.py); this script counts the ``info`` notes, which nobody
judges one by one but which an editor still has to read. The target is at
most 0.3 notes per release.

    python bench/noise.py [--shared ../shared] [--top 15]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _drafts(shared: Path) -> list[Path]:
    """Return the real releases and the seeds, or exit 2 when they are not there."""
    drafts = sorted((shared / "realworld" / "releases").glob("*.txt")) + sorted(
        (shared / "seeds").glob("*.txt")
    )
    if not drafts:
        sys.exit(f"noise.py: no releases under {shared} (realworld/releases, seeds)")
    return drafts


def _findings(drafts: list[Path]) -> list[dict]:
    """Lint the drafts with the default configuration and return the JSON findings."""
    command = [sys.executable, "-m", "checker", "--format", "json", "--no-cache", "--jobs", "2"]
    done = subprocess.run([*command, *map(str, drafts)], capture_output=True, text=True, cwd=REPO)
    if done.returncode not in (0, 1):
        sys.exit(f"noise.py: prlint failed: {done.stderr.strip()[:300]}")
    return json.loads(done.stdout)


def main() -> int:
    """Print findings per release by severity and the rules behind the notes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--top", type=int, default=15, help="rules to list")
    args = parser.parse_args()
    drafts = _drafts(args.shared)
    found = _findings(drafts)
    by_severity = collections.Counter(finding["severity"] for finding in found)
    print(f"{len(drafts)} releases")
    for severity in ("error", "warning", "info"):
        count = by_severity[severity]
        print(f"{severity:<8}{count:>5}  {count / len(drafts):.2f} a release")
    notes = collections.Counter(f["rule"] for f in found if f["severity"] == "info")
    with_notes = {f["path"] for f in found if f["severity"] == "info"}
    print(f"releases with a note: {len(with_notes)}")
    for rule, count in notes.most_common(args.top):
        print(f"  {count:>4}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
