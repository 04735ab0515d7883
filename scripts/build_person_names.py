"""Derive prlint's person-name list from the 1990 US Census name files (via the ``names`` package).

Usage: python scripts/build_person_names.py [--out PATH]

Needs ``names`` 0.3.0 (MIT) installed where it runs; prlint itself does not:
it reads the extract this script writes, which ships with the package. The
package carries the US Census Bureau's 1990 frequency files of surnames
(88,799 names covering 90% of the population) and of male and female first
names; the Census Bureau's data are in the public domain. The extract holds
every name of four letters or more, lowercase, one a line. The spelling
checks use it to tell a real name ("Marian" beside "Marion", "Bruns" beside
"Burns") from a slip of one ("Shaprio" beside "Shapiro"). Rerun it to
refresh the list, and commit the output with its header.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checker" / "data" / "person_names.tsv"
FILES = ("dist.all.last", "dist.male.first", "dist.female.first")


def main() -> int:
    """Write the extract."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        import names
    except ImportError as error:
        print(f"build_person_names: needs the names package: {error}", file=sys.stderr)
        return 2
    folder = Path(names.__file__).resolve().parent
    found: set[str] = set()
    for file in FILES:
        for line in (folder / file).read_text("ascii").splitlines():
            name = line.split(" ", 1)[0].strip().lower()
            if len(name) >= 4 and name.isalpha():
                found.add(name)
    header = [
        "# prlint person-name list, derived by scripts/build_person_names.py",
        "# Source: US Census Bureau, 1990 Census surname and first-name frequency files (public domain),",
        "# via the names package 0.3.0 (MIT): dist.all.last, dist.male.first, dist.female.first",
        "# one lowercase name (four letters or more) a line",
    ]
    args.out.write_text("\n".join([*header, *sorted(found)]) + "\n", "utf-8")
    print(f"build_person_names: {len(found)} names written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
