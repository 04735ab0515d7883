"""The list-free spelling checks: the release's own words, places, English (issue 14 §2-4)."""

from __future__ import annotations

import pytest

from checker.analysis import vocabulary
from tests.helpers import rule_hits


def _fixes(text: str, rule_id: str) -> list[str | None]:
    """Return the fixes of one rule's findings."""
    return [
        f.fix.replacement if f.fix else None for f in rule_hits(text, rule_id, select="spelling")
    ]


DRAFT = (
    "PITTSBURGH, Pa., May 5, 2026 /PRNewswire/ -- Zenara Bio and Ovid said today that Zenara "
    "will dose ZX-401. Ovid and Zenara expect ZX-401 data. Ovid, ZX-401 and ZX-402 lead. "
    "Marion Smith and Marian Jones spoke; Zenara's Form 10-K is on file. ZX-401 leads.\n\n"
    "Zenra and Oivd announced the devlopment of ZX-410 on Wednsday in Saskatchwan.\n"
)


def test_one_off_slips_of_the_drafts_own_names_are_reported_not_real_words() -> None:
    assert _fixes(DRAFT, "spelling.one-off-name") == ["Zenara", "Ovid", "ZX-401"]
    assert _fixes(DRAFT, "spelling.english-word") == ["development", "Wednesday"]
    assert _fixes(DRAFT, "spelling.place-name") == ["Saskatchewan"]
    clean = DRAFT.split("\n\n")[0]
    assert [f.rule for f in rule_hits(clean, "spelling", select="spelling")] == []


@pytest.mark.parametrize(
    ("word", "drug"),
    [
        ("metotrexate", "methotrexate"),
        ("amoxicilin", "amoxicillin"),
        ("acetaminphen", "acetaminophen"),
        ("ibuprofin", "ibuprofen"),
    ],
)
def test_common_drugs_that_are_english_words_are_targets(word: str, drug: str) -> None:
    assert _fixes(f"Patients took {word} daily.", "spelling.drug-name") == [drug]


def test_company_names_like_glycogen_stay_quiet() -> None:
    assert _fixes("Lycogen signed a deal with ABVC.", "spelling.drug-name") == []


def test_quiet_on_names_latin_compounds_and_british_spelling() -> None:
    text = (
        "He said, John Warnock, Chairman of the board, agreed. The counterparty met in vitro "
        "at the centre; uplisting is planned. Dr. Patil spoke.\n"
    )
    assert _fixes(text, "spelling.english-word") == []


def test_code_names_with_other_digits_are_different_things() -> None:
    text = "Phase 1 and Q2 results. Q2 sales. Q2 costs. Q3 will follow. KIO-301 and KIO-302 and KIO-301."
    assert _fixes(text, "spelling.one-off-name") == []


def test_gazetteer_carries_its_provenance_and_the_big_places() -> None:
    header = vocabulary.GAZETTEER_PATH.read_text("utf-8")[:400]
    assert "GeoNames" in header and "CC BY 4.0" in header
    assert vocabulary.is_place_word("cincinnati") and vocabulary.is_place_word("saskatchewan")


@pytest.mark.parametrize(
    "text",
    [
        "BOSTON, Mass., May 1, 2025 -- Offices in Calif. opened.",
        "CINCINNATI, Ohio, May 1, 2025 -- Results.",
    ],
)
def test_ap_abbreviations_and_capitals_are_fine(text: str) -> None:
    assert _fixes(text, "spelling.place-name") == []
