"""Issue 14 sections 5 and 6: the issuer's symbol outside the parentheses, retired and misspelled exchange names."""

from __future__ import annotations

import datetime

import pytest

from checker.analysis.ticker_mentions import loose_mentions, venues
from checker.data import load
from checker.document.model import Document
from checker.kinds.tickers import near_miss
from tests.helpers import rule_hits


def fixes(hits: list) -> list[str | None]:
    """Return the replacement each finding suggests (None where it suggests none)."""
    return [hit.fix.replacement if hit.fix else None for hit in hits]


SYMBOL = "sec.ticker-symbol-mention"
RETIRED = "sec.exchange-name-retired"
MALFORMED = "sec.exchange-name-malformed"

#: A short draft of our own: the dateline ticker right, the About paragraph's symbol swapped.
ZENITH = (
    "BOSTON, May 5, 2026 /PRNewswire/ -- Zenith Therapeutics, Inc. (Nasdaq: ZNTH) today "
    "announced that it will acquire Orbis Labs, Inc. (NYSE: ORBS). Orbis shareholders will "
    "receive 0.5 shares of Zenith for each share of Orbis, which trades under the symbol ORBS.\n\n"
    "About Zenith\n\n"
    "Zenith trades on the Nasdaq Capital Market under the symbol \u201cZTNH.\u201d\n"
)


def test_loose_forms_are_found_outside_parentheses_only() -> None:
    """Every form the issue names is read; parenthesised tickers are left to ``mentions``."""
    text = (
        "Acme (Nasdaq: ACME) said. It trades under the symbol \u201cACME.\u201d "
        'Its ticker "ACME" and NASDAQ:ACME, NYSE American: ACME, OTCQB: ACMF.'
    )
    found = [
        (m.symbol, m.venue.short if m.venue else None)
        for m in loose_mentions(Document.from_text(text))
    ]
    assert found == [
        ("ACME", None),
        ("ACME", None),
        ("ACME", "Nasdaq"),
        ("ACME", "NYSE American"),
        ("ACMF", "OTCQB"),
    ]


def test_swapped_symbol_in_the_about_paragraph_is_an_error_with_the_ticker_as_fix() -> None:
    """The issue's own case; the acquired company's symbol, said twice, is not compared."""
    hits = rule_hits(ZENITH, SYMBOL)
    assert [str(h.severity) for h in hits] == ["error"] and fixes(hits) == ["ZNTH"]
    assert "'ZTNH'" in hits[0].message


def test_partner_symbol_one_slip_away_is_not_the_issuers() -> None:
    """ZNTA is the partner's own ticker: a loose mention of it stays quiet."""
    text = (
        "Zenith Corp. (Nasdaq: ZNTH) agreed to acquire Zentha Inc. (Nasdaq: ZNTA). "
        "Zentha's shares trade under the symbol ZNTA."
    )
    assert rule_hits(text, SYMBOL) == []


def test_the_majority_wins_over_a_single_ticker() -> None:
    """Three loose mentions outvote a ticker typed wrong once."""
    text = (
        "Acme Corp. (OTCQB: SWNV) said. Shares trade under the symbol SNWV. "
        "The ticker SNWV is unchanged. Quoted on OTCQB: SNWV."
    )
    hits = rule_hits(text, SYMBOL)
    assert fixes(hits) == ["SNWV"]
    assert hits[0].line == 1 and text[hits[0].column - 1 : hits[0].column + 3] == "SWNV"


@pytest.mark.parametrize(
    ("one", "other", "slip"),
    [
        ("ZTNH", "ZNTH", True),  # swapped
        ("VM", "MV", True),  # swapped, two letters
        ("GOVX", "GOVY", True),  # one changed
        ("HFFG", "HFG", True),  # one dropped
        ("ACON", "ACONW", False),  # a warrant beside the stock
        ("AB", "AC", False),  # two-letter symbols differ by one letter all the time
        ("IMTH", "ANTX", False),  # a new symbol
    ],
)
def test_near_miss(one: str, other: str, slip: bool) -> None:
    """Only one typing slip makes a symbol the issuer's written wrong."""
    assert near_miss(one, other) is slip


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        (
            "NEW YORK, May 12, 2025 /PRNewswire/ -- Ladenburg is a member of NYSE, AMEX, FINRA and SIPC.",
            "NYSE American",
        ),
        ("NEW YORK, May 12, 2025 /PRNewswire/ -- Acme (NasdaqNM: ACU) said.", "Nasdaq"),
        (
            "NEW YORK, May 12, 2025 /PRNewswire/ -- Acme's shares trade on the NYSE MKT.",
            "NYSE American",
        ),
        (
            "NEW YORK, Oct. 2, 2007 /PRNewswire/ -- Acme's shares trade on the Nasdaq SmallCap Market.",
            "Nasdaq",
        ),
        (
            "NEW YORK, May 12, 2025 /PRNewswire/ -- Acme will stay quoted on the OTC Bulletin Board.",
            None,
        ),
        (
            "NEW YORK, Nov. 5, 2025 /PRNewswire/ -- Acme has until May 4, 2026 to meet the bid price "
            "for continued listing on the Nasdaq SmallCap Market.",
            "Nasdaq",
        ),
    ],
)
def test_retired_names_anywhere_in_the_text(text: str, fix: str | None) -> None:
    """A member list or a plain sentence names the exchange as much as a ticker does."""
    hits = rule_hits(text, RETIRED)
    assert fixes(hits) == [fix]


@pytest.mark.parametrize(
    "text",
    [
        "NEW YORK, May 12, 2025 /PRNewswire/ -- Acme, listed on the American Stock Exchange since 1998, said.",
        "NEW YORK, May 12, 2025 /PRNewswire/ -- Acme (NYSE American: ACU), formerly known as the NYSE MKT, said.",
        "NEW YORK, May 12, 2025 /PRNewswire/ -- Mr. Lee served as a governor of the American Stock Exchange.",
        "NEW YORK, May 12, 2025 /PRNewswire/ -- In 2004 Acme moved from the Nasdaq SmallCap Market.",
        "NEW YORK, May 12, 2025 /PRNewswire/ -- Acme signed a travel deal with Amex and Delta.",
        "NEW YORK, May 12, 2025 /PRNewswire/ -- See www.amex.com for card offers.",
        "NEW YORK, Jan. 10, 2006 /PRNewswire/ -- Acme's shares trade on the Nasdaq SmallCap Market.",
    ],
)
def test_history_other_companies_and_the_grace_window_stay_quiet(text: str) -> None:
    """History, American Express, and a name still in use (with its grace window) are not reported."""
    assert rule_hits(text, RETIRED) == []


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("Acme Corp. (NASDQ: ABCD) said.", "NASDAQ"),
        ("Acme Corp. (Nasdq: ABCD) said.", "Nasdaq"),
        ("Acme Corp. (NYSE Amercan: XYZ) said.", "NYSE American"),
        ("Acme Corp. (NSYE: XYZ) said.", "NYSE"),
        ("Acme Corp. (OTCQB-VYCO) said.", None),
        ("Acme Corp. (OTQB-VYCO) said.", "OTCQB"),
        ("Acme Corp. (OTCB: ABCD) said.", None),  # OTCQB or OTCBB: no sure fix
        ("NLS Ltd. (Nasdq: NLSP”) said.", "Nasdaq"),  # a stray quote after the symbol
    ],
)
def test_misspelled_exchange_in_a_ticker(text: str, fix: str | None) -> None:
    """The fix keeps the writer's case; an ambiguous slip gets no fix."""
    hits = rule_hits(text, MALFORMED)
    if "OTCQB-" in text:
        assert hits == []
    else:
        assert fixes(hits) == [fix]
        assert str(hits[0].severity) == "error"


@pytest.mark.parametrize(
    "text",
    [
        "Infosys (NSE: INFY) and Sony (TSE: SONY) and Bora (TWSE: 6472; OTCQX: BORAY) said.",
        "The meeting (Note: times ET) and the (CEO: Jane Doe) panel.",
        "Results (non-GAAP) improved (Phase-II trial).",
    ],
)
def test_other_exchanges_and_parentheticals_are_not_misspellings(text: str) -> None:
    """Other exchanges' codes and ordinary parentheticals stay quiet."""
    assert rule_hits(text, MALFORMED) == []


def test_rename_table_agrees_with_the_venues() -> None:
    """Each rename's date is the old name's last day and the new name's first: the table cannot drift."""
    data = load("exchanges")
    by_name = {raw["name"]: raw for raw in data["venues"]}
    for rename in data["renames"]:
        old = by_name[rename["from"]]
        assert old["until"] == rename["date"], rename
        assert rename["source"]
        if rename["to"] is not None:
            new = by_name[rename["to"]]
            assert new.get("from") == rename["date"] or new.get("line") != old.get("line"), rename
            assert new.get("line") == old.get("line"), rename
        datetime.date.fromisoformat(rename["date"])
    table, _alias = venues()
    assert table["nasdaqnm"].name == "Nasdaq National Market"


def test_profile_symbol_is_the_fix_even_without_a_ticker() -> None:
    """With the issuer's symbol configured, one loose mention is enough to compare."""
    from checker import kinds
    from checker.kinds.base import Context
    from checker.model import Scope

    check = kinds.compile_check(
        {"kind": "tickers", "report": "symbol-mention", "tickers": ["Nasdaq: ZNTH"]}, "$.check"
    )
    text = "Zenith trades under the symbol ZTNH. Its partner trades under the symbol ORBS."
    hits = list(kinds.get("tickers").find(check, Document.from_text(text), Scope(), Context()))
    assert [(hit.fields["symbol"], hit.replacement) for hit in hits] == [("ZTNH", "ZNTH")]
