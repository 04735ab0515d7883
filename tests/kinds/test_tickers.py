"""The sec pack's ticker and exchange rules: research/domain.md section 3, and the seeds."""

from __future__ import annotations

import pytest

from checker import kinds
from checker.analysis.ticker_mentions import mentions
from checker.document.model import Document
from checker.kinds.base import Context
from checker.model import Scope
from tests.helpers import SEEDS, findings, needs_shared, rule_hits


def run(params: dict, text: str) -> list:
    """Run a ``tickers`` check with *params* on *text* and return the hits."""
    module = kinds.get("tickers")
    check = kinds.compile_check({"kind": "tickers", **params}, "$.check")
    return list(module.find(check, Document.from_text(text), Scope(), Context()))


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Acme (AMEX: KAL); (FWB: CA4) said.", [("AMEX", "KAL"), ("FWB", "CA4")]),
        ("Acme (NASDAQ:NTII) said.", [("NASDAQ", "NTII")]),
        ("Acme (NYSE: PRGO; TASE) said.", [("NYSE", "PRGO")]),
        (
            "Acme (CSE: BETR / OTCQB : BETRF / FRA: NPAU) said.",
            [("CSE", "BETR"), ("OTCQB", "BETRF"), ("FRA", "NPAU")],
        ),
        ("Acme (Nasdaq: ACON, ACONW) said.", [("Nasdaq", "ACON"), ("Nasdaq", "ACONW")]),
        ("Acme (NASDAQ: GILT, TASE: GILT) said.", [("NASDAQ", "GILT"), ("TASE", "GILT")]),
        (
            "Acme (TSX VENTURE:COT) (Nasdaq GS: ABC) (NYSE American: XYZ) said.",
            [("TSX VENTURE", "COT"), ("Nasdaq GS", "ABC"), ("NYSE American", "XYZ")],
        ),
        ("Acme (Nasdaq: CLTX - news) said.", [("Nasdaq", "CLTX")]),
        ("Acme (the “Company”) and (FDA) and (ALS) said.", []),
    ],
)
def test_ticker_forms_are_parsed(text: str, pairs: list) -> None:
    assert [(m.alias, m.symbol) for m in mentions(Document.from_text(text))] == pairs


def test_partner_tickers_are_attributed_to_the_partner() -> None:
    text = (
        "Collateral Therapeutics, Inc. (Nasdaq: CLTX) and Schering AG (NYSE: SHR) announced a deal."
    )
    found = mentions(Document.from_text(text))
    assert [(m.symbol, m.issuer) for m in found] == [("CLTX", True), ("SHR", False)]


def test_issuer_ticker_that_differs_is_an_error_with_the_majority_fix() -> None:
    text = (
        "Acme Corp. (Nasdaq: ABCD) today announced results.\n\nAbout Acme\n\nAcme Corp. (Nasdaq: ABDC) is a "
        "company. Acme Corp. (Nasdaq: ABCD) is based in Boston."
    )
    hits = rule_hits(text, "sec.ticker-inconsistent")
    assert len(hits) == 1 and hits[0].fix.replacement == "ABCD" and hits[0].severity.name == "ERROR"


def test_a_symbol_that_adds_a_letter_no_related_security_adds_is_an_inconsistency() -> None:
    text = (
        "Orlen Medical, Inc. (NYSE American: OMS) today announced results.\n\nAbout Orlen\n\n"
        "Orlen Medical, Inc. (NYSE American: OMSI) designs spine systems."
    )
    [hit] = rule_hits(text, "sec.ticker-inconsistent")
    assert "'OMSI' here but 'OMS'" in hit.message and hit.fix.replacement == "OMS"


@pytest.mark.parametrize(
    "other",
    [
        "Nasdaq: ACONW",  # warrants
        "Nasdaq: ACONR",  # rights
        "Nasdaq: ACONU",  # units
    ],
)
def test_a_root_and_its_related_securities_are_one_issuers(other: str) -> None:
    text = f"Acme, Inc. (Nasdaq: ACON) today announced results. Acme, Inc. ({other}) is listed."
    assert rule_hits(text, "sec.ticker-inconsistent") == []


def test_a_class_letter_run_onto_a_four_letter_symbol_is_a_slip_not_a_class() -> None:
    # a class letter or a warrant's W joins a root as a fifth character, or written apart
    text = (
        "Pelora, Inc. (Nasdaq: PLRA) today announced results.\n\nAbout Pelora\n\n"
        "Pelora, Inc. (Nasdaq: PLR) is based in Boston."
    )
    [hit] = rule_hits(text, "sec.ticker-inconsistent")
    assert "'PLR' here but 'PLRA'" in hit.message and hit.fix.replacement == "PLRA"


@pytest.mark.parametrize("other", ["NYSE: BRK.A", "NYSE: BRK-B", "NYSE: BRK WS"])
def test_a_class_written_apart_from_its_root_is_the_issuers(other: str) -> None:
    text = f"Acme, Inc. (NYSE: BRK) today announced results. Acme, Inc. ({other}) is listed."
    assert rule_hits(text, "sec.ticker-inconsistent") == []


def test_the_letter_a_market_appends_after_a_reverse_split_is_the_issuers_symbol() -> None:
    text = (
        "Acme, Inc. (OTCQB: SNWV) today announced a reverse split. For 20 business days the"
        " stock will trade under the symbol SNWVD, and then again under SNWV."
    )
    assert rule_hits(text, "sec.ticker-symbol-mention") == []


def test_partner_ticker_is_not_an_inconsistency() -> None:
    text = (
        "Acme Corp. (Nasdaq: ABCD) and Schering AG (NYSE: SHR) signed. Beta Inc. (Nasdaq: BETA) "
        "joined.\n\nAcme Corp. (Nasdaq: ABCD) is a company."
    )
    assert rule_hits(text, "sec.ticker-inconsistent") == []


def test_configured_ticker_wins_over_the_majority() -> None:
    text = "Acme Corp. (Nasdaq: ACMX) announced results. Acme Corp. (Nasdaq: ACMX) is in Boston."
    hits = run({"report": "inconsistent", "tickers": ["Nasdaq: ACME"]}, text)
    assert [hit.replacement for hit in hits] == ["ACME", "ACME"]
    assert run({"report": "inconsistent"}, text) == []


def test_same_symbol_on_two_us_exchanges() -> None:
    assert rule_hits(
        "Acme (NYSE: XYZ) said. Acme (Nasdaq: XYZ) is in Boston.", "sec.ticker-two-exchanges"
    )
    assert rule_hits("Acme (Nasdaq: ONTY) (TSX: ONY) said.", "sec.ticker-two-exchanges") == []
    assert rule_hits("Gilat (NASDAQ: GILT, TASE: GILT) said.", "sec.ticker-two-exchanges") == []


_DATELINE = "BOSTON, Nov. 12, 2026 -- Acme, Inc. (Nasdaq: XYZ) today announced data.\n\n"


@pytest.mark.parametrize(
    ("about", "exchange"),
    [
        ("Its common stock trades on the NYSE American under the symbol XYZ.", "NYSE American"),
        (
            "Its shares are listed on the New York Stock Exchange under the ticker symbol “XYZ.”",
            "New York Stock Exchange",
        ),
        (
            "Acme is currently traded in the United States on NYSE Arca under the symbol XYZ.",
            "NYSE Arca",
        ),
    ],
)
def test_a_listing_stated_in_prose_on_another_us_exchange(about: str, exchange: str) -> None:
    hits = rule_hits(_DATELINE + about + "\n", "sec.ticker-two-exchanges")
    assert [hit.line for hit in hits] == [3]
    assert hits[0].message.startswith(f"'XYZ' is shown on {exchange} here and on Nasdaq elsewhere")


@pytest.mark.parametrize(
    "about",
    [
        "Its common stock trades on Nasdaq under the symbol XYZ.",  # the same exchange
        "Its common stock was listed on the NYSE American under the symbol XYZ until 2019.",
        "Its common stock will begin trading on the NYSE under the symbol XYZ on May 1.",
        "Acme is also listed on the Frankfurt Stock Exchange under the symbol XYZ.",  # abroad
        "Its warrants trade on the NYSE American under the symbol XYZW.",  # another symbol
    ],
)
def test_prose_listings_that_agree_or_are_not_present_us_listings(about: str) -> None:
    assert rule_hits(_DATELINE + about + "\n", "sec.ticker-two-exchanges") == []


def test_broken_markup_is_fixed_to_fwb() -> None:
    hits = rule_hits(
        "Callisto Pharmaceuticals, Inc. (AMEX: KAL)(Frankfurt”>CA4), a developer.",
        "sec.ticker-broken-markup",
    )
    assert [(hit.fix.replacement, hit.fix.safe) for hit in hits] == [("(FWB: CA4)", True)]


def test_broken_markup_fix_uses_the_form_used_elsewhere() -> None:
    text = "Acme (AMEX: KAL)(Frankfurt”>CA4) said.\n\nAcme (AMEX: KAL) (Frankfurt: CA4) is in New York."
    hits = rule_hits(text, "sec.ticker-broken-markup")
    assert [hit.fix.replacement for hit in hits] == ["(Frankfurt: CA4)"]


def test_stray_quote_in_a_ticker_and_unknown_exchanges() -> None:
    assert [
        h.fix.replacement
        for h in rule_hits("NLS Ltd. (Nasdaq: NLSP”) said.", "sec.ticker-broken-markup")
    ] == ["(Nasdaq: NLSP)"]
    assert [
        h.fix.replacement
        for h in rule_hits("Acme (Xchange”>ACME) said.", "sec.ticker-broken-markup")
    ] == ["(Xchange: ACME)"]


@pytest.mark.parametrize(
    ("text", "rule", "fix"),
    [
        (
            "NEW YORK, March 1, 2010 /PRNewswire/ -- Acme (AMEX: ABC) said.",
            "sec.exchange-name-retired",
            "NYSE Amex",
        ),
        (
            "NEW YORK, March 1, 2013 /PRNewswire/ -- Acme (AMEX: ABC) said.",
            "sec.exchange-name-retired",
            "NYSE MKT",
        ),
        (
            "NEW YORK, March 1, 2014 /PRNewswire/ -- Acme (NYSE Amex: ABC) said.",
            "sec.exchange-name-retired",
            "NYSE MKT",
        ),
        (
            "NEW YORK, March 1, 2008 /PRNewswire/ -- Acme is listed on the Nasdaq National Market.",
            "sec.exchange-name-retired",
            "Nasdaq Global Market",
        ),
        (
            "NEW YORK, June 1, 2009 /PRNewswire/ -- Acme (NYSE American: ABC) said.",
            "sec.exchange-name-not-yet",
            "NYSE Amex",
        ),
        (
            "NEW YORK, March 1, 2008 /PRNewswire/ -- Acme (OTCQB: ABCD) said.",
            "sec.exchange-name-not-yet",
            None,
        ),
        (
            "NEW YORK, March 1, 2005 /PRNewswire/ -- Acme is listed on the Nasdaq Global Market.",
            "sec.exchange-name-not-yet",
            "Nasdaq National Market",
        ),
    ],
)
def test_exchange_names_out_of_their_time(text: str, rule: str, fix: str | None) -> None:
    hits = rule_hits(text, rule)
    assert len(hits) == 1
    assert (hits[0].fix.replacement if hits[0].fix else None) == fix


@pytest.mark.parametrize(
    "text",
    [
        "NEW YORK, March 1, 2010 /PRNewswire/ -- Acme (NYSE Amex: ABC) was formerly listed on the American Stock Exchange.",
        "NEW YORK, March 1, 2010 /PRNewswire/ -- Acme transferred from the Nasdaq National Market in 2005.",
        "NEW YORK, October 20, 2008 /PRNewswire/ -- Acme (AMEX: ABC) said.",  # 30 days of grace
        "NEW YORK, March 1, 2007 /PRNewswire/ -- Acme (AMEX: ABC) said.",
        "Acme (AMEX: ABC) said.",  # no release date: nothing to compare with
    ],
)
def test_historical_or_timely_exchange_names_pass(text: str) -> None:
    assert rule_hits(text, "sec.exchange-name-retired") == []
    assert rule_hits(text, "sec.exchange-name-not-yet") == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Acme (NYSE: ac) said.", True),
        ("Acme (NYSE: AC1) said.", True),
        ("Acme (Nasdaq: ABCDX) said.", True),
        ("Acme (FWB: ABCDEF) said.", True),
        ("Acme (TSX: ONC.UN) said.", False),
        ("Acme (FWB: 8SV1) said.", False),
        ("Acme (NYSE: BRK.A) (NYSE: BRK-B) (NYSE: BRK/A) said.", False),
        ("Acme (Nasdaq: ACONW) said.", False),
    ],
)
def test_symbol_shapes(text: str, bad: bool) -> None:
    assert bool(rule_hits(text, "sec.ticker-shape")) is bad


def test_mixed_nasdaq_spelling_is_info_with_the_majority_fix() -> None:
    text = "Acme (NASDAQ: ACME) is listed on the Nasdaq Capital Market. Acme (Nasdaq: ACME) is in Boston."
    hits = rule_hits(text, "sec.exchange-name-style")
    assert [(hit.severity.name, hit.fix.replacement) for hit in hits] == [("INFO", "Nasdaq")]
    assert (
        rule_hits(
            "Acme (Nasdaq: ACME). See www.nasdaq.com and NASDAQ.com.", "sec.exchange-name-style"
        )
        == []
    )


@needs_shared
def test_seed_broken_ticker_is_reported_with_a_fix() -> None:
    text = (SEEDS / "001_11140a142e544612.txt").read_text("utf-8")
    hits = rule_hits(text, "sec.ticker-broken-markup")
    assert [(hit.line, hit.fix.replacement) for hit in hits] == [(3, "(FWB: CA4)")]


@needs_shared
def test_seeds_have_no_other_sec_errors_or_warnings() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        loud = [
            (f.rule, f.line)
            for f in findings(path.read_text("utf-8"), select="sec")
            if f.severity.name != "INFO"
        ]
        expected = [("sec.ticker-broken-markup", 3)] if path.name.startswith("001") else []
        assert loud == expected, path.name


def test_listing_transfer_names_both_exchanges_on_purpose() -> None:
    text = "Acme (Nasdaq: XYZ) will transfer its listing to the NYSE, where it will trade as (NYSE: XYZ)."
    assert rule_hits(text, "sec.ticker-two-exchanges") == []


def test_two_nasdaq_tiers_without_a_transfer() -> None:
    text = (
        "Acme is listed on the Nasdaq Global Market.\n\nAcme trades on the Nasdaq Capital Market."
    )
    hits = rule_hits(text, "sec.exchange-tier-conflict")
    assert len(hits) == 1 and "Nasdaq Global Market" in hits[0].message
    same_tier = "Acme (Nasdaq: ACME) meets the rules of the Nasdaq Capital Market and of Nasdaq."
    assert rule_hits(same_tier, "sec.exchange-tier-conflict") == []
    renamed = "NEW YORK, July 5, 2006 -- Acme moved from the Nasdaq National Market to the Nasdaq Global Market."
    assert rule_hits(renamed, "sec.exchange-tier-conflict") == []


def test_counsel_hints_on_symbols() -> None:
    assert rule_hits("Acme (OTC: ACMEQ) filed a plan.", "sec.ticker-qualifier")
    assert rule_hits("Acme (Nasdaq: ACMEW) filed a plan.", "sec.ticker-qualifier") == []
    mixed = rule_hits(
        "Acme (NYSE: ACM.A) said. Acme (NYSE: ACM-A) is in Boston.", "sec.ticker-class-notation"
    )
    assert [hit.fix.replacement for hit in mixed] == ["ACM.A"]
    assert rule_hits("Acme (AMEX: KAL); (FWB: CA4) said.", "sec.frankfurt-listing")
    assert rule_hits("Acme (AMEX: KAL) and Beta AG (FWB: BET) said.", "sec.frankfurt-listing") == []


def test_otc_listed_wording_suggests_quoted() -> None:
    hits = rule_hits("Its shares are listed on the OTC Bulletin Board.", "sec.otc-listed-wording")
    assert [hit.fix.replacement for hit in hits] == ["quoted on the OTC Bulletin Board"]


def test_profile_tickers_and_issuer_are_used_when_the_rule_names_none() -> None:
    module = kinds.get("tickers")
    check = kinds.compile_check({"kind": "tickers", "report": "inconsistent"}, "$.check")
    text = "Callisto Pharmaceuticals, Inc. (AMEX: KAK); (FWB: CA4) announced today."
    profile = {
        "legal_name": "Callisto Pharmaceuticals, Inc.",
        "tickers": [{"exchange": "AMEX", "symbol": "KAL"}, {"exchange": "FWB", "symbol": "CA4"}],
    }
    hits = list(module.find(check, Document.from_text(text), Scope(), Context(profile=profile)))
    assert [hit.replacement for hit in hits] == ["KAL"]
    assert list(module.find(check, Document.from_text(text), Scope(), Context())) == []
