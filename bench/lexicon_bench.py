"""Benchmark the spelling pack: word-list load time, time per 5 KB draft, memory.

Usage: python bench/lexicon_bench.py [--runs N] [DRAFT]

Runs in a fresh process so the first figure is the true cold load. The
draft defaults to a built-in 5 KB biotech release; pass a file to use that.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.analysis import vocabulary
from checker.api import lint_text, load_config
from checker.config.settings import Settings
from checker.kinds import lexicon

_PARAGRAPH = (
    "Zenvatinib, an oral tyrosine kinase inhibitor, is in a Phase 2 trial (NCT01234567) with "
    "pembrolizumab in patients with relapsed multiple myeloma at MD Anderson in Houston, Texas. "
    "Dr. Jessica Boklan said: \u201cZenvatinib lowered IKZF3 and Aiolos, and NWO-217 and "
    "SKF-106615 showed activity with metformin and atorvastatin.\u201d Acme Biotherapeutics, Inc. "
    "(Nasdaq: ACME) licensed L-Annamycin from AstraZeneca and BioNTech in 2024.\n\n"
)


def sample_draft() -> str:
    """Return a 5 KB release made of realistic biotech sentences."""
    text = "Acme Biotherapeutics Reports Phase 2 Data\n\nHOUSTON, March 3, 2025 -- "
    while len(text) < 5000:
        text += _PARAGRAPH
    return text[:5000]


def _timed(runs: int, text: str, config, clear: bool) -> float:
    """Return the median time to lint *text*; *clear* empties the per-word cache first.

    Each run lints a new document, so the per-draft analysis is always computed afresh.
    """
    times = []
    for _ in range(runs):
        if clear:
            lexicon._nearest_drug.cache_clear()
        started = time.perf_counter()
        lint_text(text, config)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    """Print load time, memory and per-draft time of the spelling rules."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("draft", nargs="?", type=Path)
    args = parser.parse_args()
    text = args.draft.read_text("utf-8") if args.draft else sample_draft()
    config = load_config(Settings(select=("spelling",)))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    vocabulary.english_words()
    vocabulary.drug_name_set()
    vocabulary.official_drug_names()
    vocabulary.drug_targets("of")
    loaded = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    english, drugs = len(vocabulary.english_words()), len(vocabulary.drug_name_set())
    print(f"word lists: {english} English, {drugs} UNII names")
    print(f"cold load: {loaded * 1000:.0f} ms, resident memory +{grown:.0f} MiB")
    cold = _timed(args.runs, text, config, clear=True)
    warm = _timed(args.runs, text, config, clear=False)
    print(
        f"per {len(text)}-character draft, spelling pack ({len(config.rules)} rules), {args.runs} runs: "
        f"median {cold * 1000:.1f} ms with fresh caches, {warm * 1000:.1f} ms when the draft repeats"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
