"""Recall of the drug-name checks on misspellings of common drugs (issue 14 section 3).

Usage: python bench/drug_misspellings.py [--per-drug N] [--seed S]

Each of 52 commonly prescribed drugs (generic names in the FDA UNII list) is
misspelled the ways bench/recall.py's injectors slip (a swap, a dropped or a
doubled letter, one vowel for another), only into non-words, and put in a
sentence. A misspelling is caught when a spelling finding names the drug.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import recall  # noqa: E402

from checker.api import lint_text, load_config  # noqa: E402
from checker.config.settings import Settings  # noqa: E402

_DRUG_TEXT = (
    "atorvastatin levothyroxine metformin lisinopril amlodipine metoprolol albuterol omeprazole "
    "losartan gabapentin hydrochlorothiazide sertraline simvastatin montelukast escitalopram "
    "rosuvastatin bupropion furosemide pantoprazole trazodone dextroamphetamine fluticasone "
    "tamsulosin fluoxetine carvedilol duloxetine meloxicam clopidogrel prednisone citalopram "
    "insulin potassium tramadol allopurinol venlafaxine pravastatin warfarin methotrexate "
    "amoxicillin acetaminophen ibuprofen cyclobenzaprine zolpidem glipizide hydrocodone "
    "spironolactone clonazepam lamotrigine semaglutide pembrolizumab nivolumab adalimumab"
)
DRUGS = tuple(_DRUG_TEXT.split())


def main() -> int:
    """Print the recall and the misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-drug", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    lexicon = recall.get_lexicon()
    config = load_config(Settings(select=("spelling",)))
    rng = random.Random(args.seed)
    total, missed = 0, []
    for drug in DRUGS:
        slips = [slip for _op, slip in recall.variants(drug, "tdxs") if not lexicon.is_word(slip)]
        rng.shuffle(slips)
        for slip in slips[: args.per_drug]:
            total += 1
            text = f"Patients with the disease took {slip} daily in the trial."
            messages = [f.message for f in lint_text(text, config) if f.category == "spelling"]
            if not any(f"'{drug}'" in message for message in messages):
                missed.append((slip, drug, messages))
    print(f"caught {total - len(missed)} of {total} ({100 * (total - len(missed)) / total:.0f}%)")
    for slip, drug, messages in missed:
        print(f"- {slip} ({drug}): {messages or 'nothing'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
