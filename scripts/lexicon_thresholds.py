"""Measure the spelling pack's thresholds: false findings against caught typos.

Usage: python scripts/lexicon_thresholds.py [--releases DIR]

For each setting tried (allowed edits by length, UNII name types, how often
a word may occur before it is taken as meant) it prints the findings on
the real-world releases (each one a false finding unless judged otherwise)
and the share of synthetic typos of well-known drugs caught with the right
fix. The pack's settings are the ones with the best recall at no false
findings; rerun this after changing the word lists.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import kinds
from checker.api import default_config
from checker.document.model import Document
from checker.engine import lint
from checker.kinds.base import Context

DEFAULT_RELEASES = ROOT.parent / "shared" / "realworld" / "releases"
#: Well-known drugs (FDA UNII official names) whose typos are simulated.
DRUGS = [
    "atorvastatin",
    "metformin",
    "lisinopril",
    "amlodipine",
    "omeprazole",
    "simvastatin",
    "losartan",
    "gabapentin",
    "sertraline",
    "imatinib",
    "pembrolizumab",
    "nivolumab",
    "trastuzumab",
    "adalimumab",
    "rituximab",
    "bevacizumab",
    "lenalidomide",
    "ibrutinib",
    "osimertinib",
    "semaglutide",
    "tirzepatide",
    "apixaban",
    "rivaroxaban",
    "empagliflozin",
    "dapagliflozin",
    "sitagliptin",
    "rosuvastatin",
    "escitalopram",
    "levothyroxine",
    "montelukast",
]
#: Well-known brands (FDA UNII brand names), for the brand rule.
BRANDS = [
    "keytruda",
    "lipitor",
    "glucophage",
    "gleevec",
    "opdivo",
    "herceptin",
    "humira",
    "rituxan",
    "revlimid",
    "imbruvica",
    "tagrisso",
    "ozempic",
    "mounjaro",
    "eliquis",
    "xarelto",
    "jardiance",
    "farxiga",
    "januvia",
    "crestor",
    "lexapro",
    "synthroid",
    "singulair",
]
SETTINGS = [
    ("spelling.drug-name", "pack: of, 6+ letters, 1 edit per 5", {}),
    ("spelling.drug-name", "5+ letters", {"tolerance": {"min_length": 5}}),
    ("spelling.drug-name", "1 edit per 4 letters", {"tolerance": {"letters_per_edit": 4}}),
    ("spelling.drug-name", "at most 1 edit", {"tolerance": {"max_edits": 1}}),
    ("spelling.drug-name", "no repeat limit", {"max_occurrences": 1000}),
    ("spelling.drug-name", "of + bn", {"drug_names": ["of", "bn"]}),
    ("spelling.drug-name", "of + bn + cn", {"drug_names": ["of", "bn", "cn"]}),
    ("spelling.brand-name", "pack: marked words used once", {}),
    ("spelling.brand-name", "marked words used up to twice", {"max_occurrences": 2}),
    ("spelling.brand-name", "every word, marked or not", {"marked_only": False}),
    ("spelling.inconsistent-name", "pack: 6+ letters, 1 edit per 5", {}),
    ("spelling.inconsistent-name", "5+ letters", {"tolerance": {"min_length": 5}}),
    ("spelling.inconsistent-name", "1 edit per 4 letters", {"tolerance": {"letters_per_edit": 4}}),
    ("spelling.inconsistent-name", "no repeat limit", {"max_occurrences": 1000}),
]


def typos(name: str) -> list[str]:
    """Return typos of *name*: swapped, dropped, doubled, changed letter, and two at once."""
    middle = len(name) // 2
    swapped = name[: middle - 1] + name[middle] + name[middle - 1] + name[middle + 1 :]
    dropped = name[:middle] + name[middle + 1 :]
    doubled = name[:middle] + name[middle] + name[middle:]
    changed = name[:middle] + ("a" if name[middle] != "a" else "e") + name[middle + 1 :]
    both = swapped[:-2] + swapped[-1]
    return [word for word in (swapped, dropped, doubled, changed, both) if word != name]


def sample(rule_id: str, name: str, typo: str) -> str:
    """Return a draft with one typo: alone, or beside the name used three times."""
    if rule_id == "spelling.drug-name":
        return f"Patients received {typo} daily."
    if rule_id == "spelling.brand-name":
        return f"Patients received {typo.capitalize()}® daily."
    title, wrong = name.capitalize(), typo.capitalize()
    return f"{title} is new. {title} works. {title} is safe. {wrong} is given orally."


def main() -> int:
    """Print one line per setting: false findings per release and typo recall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=Path, default=DEFAULT_RELEASES)
    args = parser.parse_args()
    releases = [path.read_text("utf-8", "replace") for path in sorted(args.releases.glob("*.txt"))]
    raw = json.loads((ROOT / "rules" / "spelling.json").read_text("utf-8"))
    for rule_id, label, change in SETTINGS:
        base = next(rule for rule in default_config().ruleset.rules if rule.id == rule_id)
        params = next(rule["check"] for rule in raw["rules"] if rule["id"] == rule_id)
        rule = replace(base, check=kinds.compile_check({**params, **change}, "$.check"))
        found = sum(len(lint(Document.from_text(text), [rule], Context())) for text in releases)
        caught = total = 0
        for name in BRANDS if rule_id == "spelling.brand-name" else DRUGS:
            for typo in typos(name):
                total += 1
                hits = lint(Document.from_text(sample(rule_id, name, typo)), [rule], Context())
                caught += any(hit.fix and hit.fix.replacement.lower() == name for hit in hits)
        rate = found / max(1, len(releases))
        print(
            f"{rule_id} {label:32s} real-world findings {found:3d} ({rate:.3f}/release), "
            f"typos caught {caught}/{total} ({caught / total:.0%})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
