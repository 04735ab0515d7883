"""Datelines of the major wires, and text that is not a dateline."""

from __future__ import annotations

import pytest

from checker.document.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "city", "date", "wire"),
    [
        (
            "NEW YORK, April 11 /PRNewswire-FirstCall/ — Callisto",
            "NEW YORK",
            "April 11",
            "PRNewswire-FirstCall",
        ),
        (
            "EMERYVILLE, Calif., Jan. 13 /PRNewswire-FirstCall/ -- X",
            "EMERYVILLE",
            "Jan. 13",
            "PRNewswire-FirstCall",
        ),
        (
            "INDIANAPOLIS, Aug. 25, 2015 /PRNewswire/ -- Lilly",
            "INDIANAPOLIS",
            "Aug. 25, 2015",
            "PRNewswire",
        ),
        (
            "SAN DIEGO--(BUSINESS WIRE)--May 5, 2025--Acme",
            "SAN DIEGO",
            "May 5, 2025",
            "BUSINESS WIRE",
        ),
        ("ARDSLEY, N.Y.--(BUSINESS WIRE)--Acorda today", "ARDSLEY", None, "BUSINESS WIRE"),
        (
            "NEW YORK, Nov. 7, 2008 (GLOBE NEWSWIRE) -- X",
            "NEW YORK",
            "Nov. 7, 2008",
            "GLOBE NEWSWIRE",
        ),
        (
            "NEW YORK, Oct. 4, 2007 (PRIME NEWSWIRE) -- X",
            "NEW YORK",
            "Oct. 4, 2007",
            "PRIME NEWSWIRE",
        ),
        (
            "LONDON, ONTARIO--(Marketwired - April 4, 2014) - X",
            "LONDON",
            "April 4, 2014",
            "Marketwired",
        ),
        ("TORONTO, Jan. 11, 2012 /CNW/ - X", "TORONTO", "Jan. 11, 2012", "CNW"),
        (
            "RALEIGH, NC / ACCESSWIRE / December 5, 2023 / X",
            "RALEIGH",
            "December 5, 2023",
            "ACCESSWIRE",
        ),
        (
            "EDEN PRAIRIE, Minn. - (NewMediaWire) - October 16, 2024 - X",
            "EDEN PRAIRIE",
            "October 16, 2024",
            "NewMediaWire",
        ),
        (
            "ATLANTA, GA -\n\n(NewMediaWire) - August 28, 2024 - GeoVax",
            "ATLANTA",
            "August 28, 2024",
            "NewMediaWire",
        ),
        (
            "LAS VEGAS - January 27, 2025 (NEWMEDIAWIRE) - Avant",
            "LAS VEGAS",
            "January 27, 2025",
            "NEWMEDIAWIRE",
        ),
        (
            "ANAHEIM, CA and LOUISVILLE, KY - March 10, 2025 (NEWMEDIAWIRE) - B",
            "ANAHEIM",
            "March 10, 2025",
            "NEWMEDIAWIRE",
        ),
        (
            "TAIPEI, TAIWAN - Media OutReach Newswire - 2 July 2026 - Bora",
            "TAIPEI",
            "2 July 2026",
            "Media OutReach Newswire",
        ),
        ("San Jose, CA (August 10, 1995) -- Cisco", "San Jose", "August 10, 1995", None),
        ("Boston, MA, May 3, 2025 -- Acme", "Boston", "May 3, 2025", None),
        ("CUPERTINO, CALIFORNIA — Apple today", "CUPERTINO", None, None),
    ],
)
def test_wire_datelines(text: str, city: str, date: str | None, wire: str | None) -> None:
    found = find_dateline(text, 0)
    assert found is not None
    assert (found.city, found.date_text, found.wire) == (city, date, wire)


@pytest.mark.parametrize(
    "text",
    [
        "Multi-Institutional Trial Utilizes POETIC Consortium of Ten Institutions",
        "CEO Letter to Shareholders",
        "ACME ANNOUNCES RESULTS",
        "Boston is a city, May 3 -- not a dateline",
        "Acme Corp. today announced results.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text, 0) is None
