"""How prlint's cost grows with the draft and with the rules.

Usage: python bench/scaling.py [--runs 5]

Lints drafts of growing size (real releases from ../shared run together,
or the project's corpus when ../shared is absent) with all built-in packs,
then one draft with a growing set of packs, in this process (start-up
aside), and prints the median time of each. Not a test: the figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.api import lint_text, load_config
from checker.config.settings import Settings

SOURCES = [REPO.parent / "shared" / "realworld" / "releases", REPO / "corpus"]
SIZES_KB = (8, 32, 128, 500)
PACK_STEPS = (
    ("core",),
    ("core", "sec"),
    ("core", "sec", "spelling"),
    ("core", "sec", "spelling", "dates"),
    (),
)  # () is every built-in pack


def main() -> int:
    """Print the two tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = _releases_run_together(max(SIZES_KB) * 1024)
    everything = load_config()
    lint_text(text[: 8 * 1024], everything)  # warm-up: word lists, patterns
    print("draft size    ms    ms per KB   (all built-in packs)")
    for size in SIZES_KB:
        draft = text[: size * 1024]
        elapsed = _median(args.runs, lambda draft=draft: lint_text(draft, everything))
        print(f"{size:>6} KB {elapsed * 1000:8.1f} {elapsed * 1000 / size:9.2f}")
    draft = text[: 8 * 1024]
    print("\npacks                                 rules     ms   (8 KB draft)")
    for packs in PACK_STEPS:
        config = load_config(Settings(select=packs)) if packs else everything
        elapsed = _median(args.runs, lambda config=config: lint_text(draft, config))
        print(
            f"{', '.join(packs) or 'all built-in':<36}{len(config.rules):>7}{elapsed * 1000:8.1f}"
        )
    return 0


def _releases_run_together(size: int) -> str:
    """Return at least *size* characters of releases, one after another."""
    folder = next(folder for folder in SOURCES if folder.is_dir())
    texts = [path.read_text("utf-8", errors="replace") for path in sorted(folder.glob("*.txt"))]
    joined, index = "", 0
    while len(joined) < size:
        joined += texts[index % len(texts)] + "\n\n"
        index += 1
    return joined


def _median(runs: int, work) -> float:
    """Return the median wall time of *runs* calls of *work*."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
