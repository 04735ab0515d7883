"""Datelines as the wires write them (research/domain.md 4.1), many taken from ../shared/realworld."""

from __future__ import annotations

import pytest

from checker.analysis.release_date import resolve_release_date
from checker.document.dateline import find_dateline
from checker.document.model import Document
from checker.inputs.reading import read_draft
from tests.helpers import REALWORLD, needs_shared


@pytest.mark.parametrize(
    ("line", "date_text", "wire"),
    [
        (
            "NEW YORK, Feb. 22 /PRNewswire-FirstCall/ — Callisto Pharmaceuticals, Inc.",
            "Feb. 22",
            "PRNewswire-FirstCall",
        ),
        ("SEATTLE, Aug. 20 /PRNewswire-FirstCall/ - Acme", "Aug. 20", "PRNewswire-FirstCall"),
        (
            "ST. PAUL, Minn., March 8, 2024 /PRNewswire/ -- 3M (NYSE: MMM) today",
            "March 8, 2024",
            "PRNewswire",
        ),
        (
            "ARDSLEY, N.Y.--(BUSINESS WIRE)--Jan. 5, 2007--Acorda Therapeutics",
            "Jan. 5, 2007",
            "BUSINESS WIRE",
        ),
        ("NEW YORK, Nov. 7, 2008 (GLOBE NEWSWIRE) -- Acme", "Nov. 7, 2008", "GLOBE NEWSWIRE"),
        ("LONDON, ONTARIO--(Marketwired - April 4, 2014) - Acme", "April 4, 2014", "Marketwired"),
        ("TORONTO, Jan. 11, 2012 /CNW/ - Acme", "Jan. 11, 2012", "CNW"),
        ("RALEIGH, NC / ACCESSWIRE / December 5, 2023 / Acme", "December 5, 2023", "ACCESSWIRE"),
        (
            "ATLANTA, GA -  (NewMediaWire) - August 28, 2024 - GeoVax Labs, Inc.",
            "August 28, 2024",
            "NewMediaWire",
        ),
        (
            "FREMONT, CA - February 26, 2025 (NEWMEDIAWIRE) - ABVC BioPharma",
            "February 26, 2025",
            "NEWMEDIAWIRE",
        ),
        ("CUPERTINO, California—July 14, 2004—Apple® today announced", "July 14, 2004", None),
        ("CUPERTINO, Calif.--Dec. 20, 1996--Apple Computer, Inc. today", "Dec. 20, 1996", None),
        ("Boston, MA, May 3, 2025 -- Acme Corp. today", "May 3, 2025", None),
        ("San Jose, CA (August 10, 1995) -- Cisco Systems Inc. today", "August 10, 1995", None),
        (
            "TAIPEI, TAIWAN - Media OutReach Newswire - 2 July 2026 - Bora Pharmaceuticals",
            "2 July 2026",
            "Media OutReach Newswire",
        ),
        (
            "KEARNEY, NE -- (BUSINESS WIRE) -- The Buckle, Inc. (NYSE: BKE) announced",
            None,
            "BUSINESS WIRE",
        ),
    ],
)
def test_wire_datelines_are_read(line: str, date_text: str | None, wire: str | None) -> None:
    found = find_dateline(line, 0)
    assert found is not None and (found.date_text, found.wire) == (date_text, wire)


@pytest.mark.parametrize(
    "line",
    [
        "KELOWNA, BRITISH COLUMBIA - April 28, 2025 (NEWMEDIAWIRE)  Lexaria Bioscience Corp.",
        "ENCINITAS, CA – June 18, 2026\n\nKiora Pharmaceuticals (NASDAQ: KPRX) today",
    ],
)
def test_dateline_date_without_a_closing_dash(line: str) -> None:
    assert find_dateline(line, 0).date_text is not None


def test_yearless_dateline_gets_its_year_from_the_body() -> None:
    text = "NEW YORK, Jan. 4 /PRNewswire-FirstCall/ — Acme released a letter.\n\nJanuary 3, 2007\n\nDear Shareholders:"
    found = resolve_release_date(Document.from_text(text), None)
    assert (found.date.isoformat(), found.source) == ("2007-01-04", "inferred")


@needs_shared
@pytest.mark.parametrize(
    ("stem", "expected", "source"),
    [
        (
            "sears-roebuck-and-co_2004-07-22",
            "2004-07-22",
            "inferred",
        ),  # "CHICAGO, July 22 /PRNewswire-FirstCall/"
        ("caterpillar_2022-04-28", "2022-04-28", "dateline"),  # date on a header line
        (
            "the-buckle_2024-11-22",
            "2024-11-22",
            "dateline",
        ),  # "For Immediate Release: November 22, 2024"
        (
            "lexaria-bioscience_2025-04-28",
            "2025-04-28",
            "dateline",
        ),  # date after the dateline, no dash
        (
            "kiora-pharmaceuticals_2026-06-18",
            "2026-06-18",
            "dateline",
        ),  # dateline alone in its paragraph
        ("bora-pharmaceuticals_2026-07-02", "2026-07-02", "dateline"),  # "2 July 2026"
        (
            "geovax-labs_2024-08-28",
            "2024-08-28",
            "dateline",
        ),  # "(NewMediaWire) - August 28, 2024 -"
    ],
)
def test_real_world_release_dates(stem: str, expected: str, source: str) -> None:
    [path] = list(REALWORLD.glob(f"{stem}*.txt"))
    found = resolve_release_date(Document.from_text(read_draft(str(path)).text), None)
    assert (found.date.isoformat(), found.source) == (expected, source)
