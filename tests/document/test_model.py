"""The document model: positions, paragraphs, sentences, quotations, parts."""

from __future__ import annotations

import pytest
import regex

from checker.document.model import Document
from checker.model import Scope
from tests.helpers import REPO, SEEDS, needs_shared


def part_names(document: Document) -> list[tuple[str, int]]:
    """Return (part, first line) pairs, merging consecutive paragraphs of a part."""
    merged: list[tuple[str, int]] = []
    for part in document.parts:
        line = document.position(part.start)[0]
        if not merged or merged[-1][0] != part.name:
            merged.append((part.name, line))
    return merged


def test_positions_are_one_based_and_count_characters() -> None:
    document = Document.from_text("Café au lait\nsecond “line”\n")
    assert document.position(0) == (1, 1)
    assert document.position(document.text.index("au")) == (1, 6)
    assert document.position(document.text.index("line")) == (2, 9)
    assert document.line_text(2) == "second “line”"


def test_crlf_is_read_as_lf_with_the_same_lines() -> None:
    document = Document.from_text("First para.\r\n\r\nSecond para.\r\n")
    assert document.text == "First para.\n\nSecond para.\n"
    assert document.position(document.text.index("Second")) == (3, 1)


def test_paragraphs_split_on_blank_lines_and_keep_hard_wrapped_lines() -> None:
    text = "One line\nwrapped here.\n\n  \nTwo.\n"
    document = Document.from_text(text)
    assert [text[a:b] for a, b in document.paragraphs] == ["One line\nwrapped here.", "Two."]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Dr. Gary S. Jacob leads Callisto Pharmaceuticals, Inc. in New York. It trades in the U.S. on AMEX.",
            [
                "Dr. Gary S. Jacob leads Callisto Pharmaceuticals, Inc. in New York.",
                "It trades in the U.S. on AMEX.",
            ],
        ),
        (
            "“We are ready,” he said. “Are you?” She nodded.",
            ["“We are ready,” he said.", "“Are you?”", "She nodded."],
        ),
        (
            "It opened on Jan. 4 in Calif. with data. Then M.D. Anderson joined.",
            ["It opened on Jan. 4 in Calif. with data.", "Then M.D. Anderson joined."],
        ),
        (  # a sentence may open with a name in camel case
            "It needs no suppression. iTOL-102 is a biologic. mRNA-1010 is a vaccine. eBay sells.",
            [
                "It needs no suppression.",
                "iTOL-102 is a biologic.",
                "mRNA-1010 is a vaccine.",
                "eBay sells.",
            ],
        ),
    ],
)
def test_sentences(paragraph: str, expected: list[str]) -> None:
    document = Document.from_text(paragraph)
    assert [paragraph[a:b] for a, b in document.sentences] == expected


def test_quotations_ignore_short_quoted_terms() -> None:
    text = "Words such as “expect,” and the “Company” are terms. “We are very pleased with these data,” said the CEO."
    document = Document.from_text(text)
    quoted = [text[a:b] for a, b in document.quotations]
    assert quoted == ["“We are very pleased with these data,”"]
    assert document.in_quotation(text.index("pleased"))
    assert not document.in_quotation(text.index("said"))


DRAFT = """Acme Bio Starts Phase 2 Trial of Zentavir

First patient dosed at three sites

BOSTON, May 5, 2026 /PRNewswire/ -- Acme Bio, Inc. (Nasdaq: ACMB) today announced the first patient dosed.

“This is an important step for patients,” said Jane Roe, Chief Executive Officer of Acme Bio.

About Zentavir

Zentavir is an investigational antiviral.

About Acme Bio

Acme Bio, Inc. is a clinical-stage company in Boston.

Forward-Looking Statements

This press release contains forward-looking statements. Actual results may differ materially.

Contacts:
Jane Doe, jane@example.com

###
"""


def test_parts_of_a_headed_release() -> None:
    document = Document.from_text(DRAFT)
    assert part_names(document) == [
        ("headline", 1),
        ("subheadline", 3),
        ("dateline", 5),
        ("body", 5),
        ("about", 13),
        ("legend", 17),
        ("contacts", 21),
        ("trailer", 24),
    ]
    assert document.company == "Acme Bio, Inc."
    assert document.dateline.date_text == "May 5, 2026"
    assert document.dateline.wire == "PRNewswire"


def test_unheaded_about_and_legend_are_recognised_by_their_words() -> None:
    text = (
        "NEW YORK, April 11 /PRNewswire/ -- Zeta Corp. (AMEX: ZET) announced data today.\n\n"
        "More news here.\n\n"
        "Zeta Corp. is a biopharmaceutical company focused on cancer.\n\n"
        "Certain statements are forward-looking statements; actual results could differ materially.\n"
    )
    assert part_names(Document.from_text(text)) == [
        ("dateline", 1),
        ("body", 1),
        ("about", 5),
        ("legend", 7),
    ]


#: How the "<Company> is a" paragraph was found before: a pattern built around each company's name.
_FORMER_COMPANY_IS_A = r"\A{name}\b(?:[^.]|\.(?!\s+[A-Z])){{0,120}}?\b(?:is|are)\s+(?:a|an|the)\s"


@pytest.mark.parametrize(
    ("company", "paragraph"),
    [
        ("Zeta", "Zeta Corp. is a biopharmaceutical company."),
        ("Zeta", "Zetalink is a company."),
        ("Zeta", "Zeta is an innovator."),
        ("Zeta", "Zeta. Then it is a company."),
        ("Zeta", "Zeta Corp. Inc. Is a company."),
        ("Zeta", "Zeta, a leader, is the company."),
        ("Zeta", "About Zeta: Zeta is a company."),
        ("Zeta", "Zeta" + " word" * 40 + " is a company."),
        ("Zeta.", "Zeta. is a company."),
        ("(Zeta", "(Zeta is a company."),
        ("Zürich", "Zürichs is a firm."),
        ("", "is a company."),
    ],
)
def test_the_company_is_a_paragraph_is_found_as_the_pattern_of_the_name_found_it(
    company: str, paragraph: str
) -> None:
    from checker.document import parts

    former = regex.search(_FORMER_COMPANY_IS_A.format(name=regex.escape(company)), paragraph)
    now = paragraph.startswith(company) and parts._IS_A_AFTER_NAME.match(paragraph, len(company))
    assert bool(now) is (former is not None)


def test_scopes_select_parts_and_quotations() -> None:
    document = Document.from_text(DRAFT)
    legend_start = DRAFT.index("This press release")
    assert document.part_at(legend_start) == "legend"
    assert document.in_scope(legend_start, Scope(parts=("legend",)))
    assert not document.in_scope(legend_start, Scope(exclude_parts=("legend",)))
    quote = DRAFT.index("important step")
    assert not document.in_scope(quote, Scope(quotes="exclude"))
    assert document.in_scope(quote, Scope(quotes="only"))


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_7fc09e080129e0bc.txt", [("dateline", 1), ("body", 1), ("about", 9), ("legend", 11)]),
        (
            "001_11140a142e544612.txt",
            [("headline", 1), ("dateline", 3), ("body", 3), ("about", 19), ("legend", 23)],
        ),
        ("002_5377c2d7b4a2295d.txt", [("dateline", 1), ("body", 1), ("about", 26), ("legend", 30)]),
    ],
)
def test_parts_of_the_seed_releases(name: str, expected: list[tuple[str, int]]) -> None:
    document = Document.from_text((SEEDS / name).read_text(encoding="utf-8"))
    assert part_names(document) == expected
    assert document.company == "Callisto Pharmaceuticals, Inc."
    assert document.dateline.wire == "PRNewswire-FirstCall"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "pellmont-phase1-complete.txt",
            [
                ("headline", 1),
                ("subheadline", 3),
                ("body", 5),
                ("about", 23),
                ("contacts", 27),
                ("trailer", 29),
            ],
        ),
        (
            "corvane-ravolitide-phase2.txt",
            [
                ("headline", 1),
                ("dateline", 3),
                ("body", 3),
                ("about", 15),
                ("legend", 17),
                ("contacts", 19),
                ("trailer", 21),
            ],
        ),
        (
            "kelvara-atlas-enrollment.txt",
            [
                ("headline", 1),
                ("subheadline", 4),
                ("dateline", 6),
                ("body", 6),
                ("about", 48),
                ("legend", 57),
                ("contacts", 80),
            ],
        ),
        (
            "ossory-orphan-designation.md",
            [
                ("headline", 1),
                ("subheadline", 3),
                ("dateline", 5),
                ("body", 5),
                ("about", 23),
                ("legend", 27),
                ("contacts", 31),
                ("trailer", 35),
            ],
        ),
    ],
)
def test_parts_of_our_own_drafts(name: str, expected: list[tuple[str, int]]) -> None:
    document = Document.from_text((REPO / "corpus" / name).read_text(encoding="utf-8"))
    assert part_names(document) == expected
