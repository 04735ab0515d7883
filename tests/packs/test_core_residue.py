"""Draft residue that reaches the wire: comment anchors, notes, draft markers, placeholders.

Each form is reported once, as an error, on exactly the residue; the look-alikes that
real releases publish on purpose (footnote markers, "NOTE TO EDITORS", tickers with X,
"TBC Bank", editorial insertions in quotations) stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import lint_document, load_config
from checker.config.settings import Settings
from checker.document.model import Document
from checker.inputs import read_document
from checker.model import Finding
from tests.helpers import REALWORLD, SEEDS, needs_shared

RESIDUE = (
    "core.comment-anchor",
    "core.tracked-change-text",
    "core.note-to-team",
    "core.draft-marker",
    "core.placeholder-headline",
    "core.placeholder",
    "core.placeholder-date",
)
CONFIG = load_config(Settings(select=RESIDUE))
DATELINE = "NEW YORK, May 5, 2026 /PRNewswire/ -- "


def residue(text: str) -> list[Finding]:
    """Return the residue rules' findings on *text* (a plain-text draft)."""
    return lint_document(Document.from_text(text), CONFIG)


def reported_text(text: str, finding: Finding) -> str:
    """Return the text a one-line finding points at."""
    line = text.split("\n")[finding.line - 1]
    return line[finding.column - 1 : finding.end_column - 1]


CASES = [
    ("core.placeholder-date", "SAN JOSE, Calif. – TBD – Adobe today reported results.", "TBD"),
    ("core.placeholder-date", "KELOWNA, B.C. - TBD (NEWMEDIAWIRE) - Lexaria said.", "TBD"),
    ("core.placeholder-date", "BOCA RATON, Fla., TBA – PRISM MediaWire – Realloys said.", "TBA"),
    ("core.placeholder-date", "NEW YORK, XX /PRNewswire/ -- Acme said.", "XX"),
    ("core.placeholder-date", "Revenue for the six months ended TBD rose 28%.", "TBD"),
    ("core.placeholder-date", "Results were announced on TBD that showed a benefit.", "TBD"),
    ("core.comment-anchor", "The trial met its primary endpoint[JS2] today.", "[JS2]"),
    ("core.comment-anchor", "Revenue rose 12%.[A1] Guidance was reaffirmed.", "[A1]"),
    ("core.comment-anchor", "“We are pleased,”[mk3] said the CEO.", "[mk3]"),
    ("core.tracked-change-text", "Commented [JS1]: Legal to confirm.", "Commented [JS1]:"),
    ("core.tracked-change-text", "Comment [A2]: check the date", "Comment [A2]:"),
    ("core.tracked-change-text", "Deleted: approximately 100", "Deleted:"),
    ("core.tracked-change-text", "Formatted: Font: (Default) Arial, 10 pt", "Formatted:"),
    ("core.note-to-team", "Note to Acme team: quote pending CEO approval.", "Note to Acme team:"),
    (
        "core.note-to-team",
        "Editor's note: remove before release.",
        "Editor's note: remove before",
    ),
    (
        "core.note-to-team",
        "Revenue was $4.2 million [confirm with finance].",
        "[confirm with finance]",
    ),
    (
        "core.note-to-team",
        "Enrollment completes in mid-2026. [CONFIRM TIMING WITH LEGAL]",
        "[CONFIRM TIMING WITH LEGAL]",
    ),
    (
        "core.note-to-team",
        "The trial opened [check site count with the CRO].",
        "[check site count with the CRO]",
    ),
    (
        "core.note-to-team",
        "Enrollment completes in 2026. [Legal to confirm the enrollment timing.]",
        "[Legal to confirm the enrollment timing.]",
    ),
    ("core.note-to-team", "Revenue rose 12% [CFO to review].", "[CFO to review]"),
    ("core.note-to-team", "Internal: check the number with the CRO.", "Internal:"),
    ("core.placeholder", "[Company] today announced a collaboration.", "[Company]"),
    ("core.placeholder", "“We are delighted,” said [Name], CEO.", "[Name]"),
    ("core.placeholder", "The call is on [date] at 8 a.m.", "[date]"),
    ("core.placeholder", "Revenue grew XX% in the quarter.", "XX%"),
    ("core.placeholder", "Revenue was $XX.X million.", "$XX.X"),
    ("core.placeholder", "The company sold xx,xxx shares.", "xx,xxx"),
    ("core.placeholder", "The trial will enroll TK patients.", "TK patients"),
    ("core.placeholder", "Net proceeds were $TBD.", "$TBD"),
    ("core.placeholder", "Lorem ipsum dolor sit amet, consectetur.", "Lorem ipsum dolor sit amet"),
    ("core.placeholder", "INSERT QUOTE HERE", "INSERT QUOTE HERE"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), CASES)
def test_residue_is_one_error_on_exactly_the_residue(rule: str, text: str, expected: str) -> None:
    [finding] = residue(text)
    assert finding.rule == rule and finding.severity.name == "ERROR"
    assert reported_text(text, finding) == expected
    assert expected in finding.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[INSERT QUOTE HERE]", ["[INSERT QUOTE HERE]"]),
        ("Revenue grew [XX%] to [$X.X million].", ["[XX%]", "[$X.X million]"]),
        ("Enrollment closed on XX/XX/20XX.", ["XX/XX/20XX"]),
        ("[TBD] sites will open.", ["[TBD]"]),
        ("[INSERT QUOTE – pending CEO approval]", ["[INSERT QUOTE – pending CEO approval]"]),
        ("[Note to team: need final numbers]", ["[Note to team: need final numbers]"]),
        (f"{DATELINE}Acme.\n\nCONFIDENTIAL DRAFT v3", ["CONFIDENTIAL DRAFT v3"]),
        (f"DRAFT – FOR INTERNAL REVIEW ONLY\n\nAcme Reports\n\n{DATELINE}Acme.", []),
        (
            f"{DATELINE}Acme.\n\nDRAFT – FOR INTERNAL REVIEW ONLY",
            ["DRAFT – FOR INTERNAL REVIEW ONLY"],
        ),
    ],
)
def test_one_finding_per_defect_where_patterns_overlap(text: str, expected: list[str]) -> None:
    assert [reported_text(text, finding) for finding in residue(text)] == expected


def test_a_draft_marker_is_reported_below_the_headline_and_not_above_it() -> None:
    above = f"DRAFT – NOT FOR DISTRIBUTION\n\nAcme Reports Results\n\n{DATELINE}Acme announced."
    below = f"Acme Reports Results\n\n{DATELINE}Acme announced.\n\nDRAFT – NOT FOR DISTRIBUTION"
    assert residue(above) == []
    [finding] = residue(below)
    assert finding.rule == "core.draft-marker" and finding.line == 5


def test_a_wire_legend_and_an_embargo_line_are_not_draft_markers() -> None:
    text = (
        f"Acme Closes Financing\n\n{DATELINE}NOT FOR DISTRIBUTION TO U.S. NEWSWIRE SERVICES OR "
        "FOR DISSEMINATION IN THE UNITED STATES.\n\nEMBARGOED – NOT FOR RELEASE UNTIL 8:00 A.M. "
        "ET\n\nThe FDA published REVISED DRAFT GUIDANCE in March."
    )
    assert residue(text) == []


def test_a_headline_placeholder_is_reported_only_as_the_headline() -> None:
    [finding] = residue(f"Headline\n\n{DATELINE}Acme announced results.")
    assert finding.rule == "core.placeholder-headline" and finding.line == 1
    assert residue(f"Acme Names Chair\n\n{DATELINE}Acme announced.\n\nTitle\n\nJane Doe, CEO") == []


@pytest.mark.parametrize(
    "text",
    [
        "“We believe [the Company's] platform is unique,” he said.",
        "The court said the [City's] director of regulatory services had violated the rule.",
        "Market size is $23.5 billion[2], per analysts. See note [1] below.",
        "Revenue\t[1]\t$4.2 million\nNet loss (1)\t$0.3 million*\n\n###",
        "Low-density lipoprotein cholesterol [LDL-C] and lipoprotein(a) [Lp(a)] fell.",
        "NOTE TO EDITORS: For additional information visit Apple Newsroom.",
        "Note: Amounts may not add due to rounding.",
        "The dividend is pending board approval.",
        "22nd Century Group (NASDAQ: XXII), Teekay (NYSE: TK) and Model X customers.",
        "Chef TK leads the kitchen. TBC Bank Group PLC reported. Speaker TBD.",
        "10:00 AM – Panel: Speaker TBD – Room 4. The venue is TBD. Date: Fall 2025 (TBD).",
        "NEW YORK, May 5, 2026 – XXII Holdings (NASDAQ: XXII) – today said.",
        "Offerings include PreK, TK, kindergarten and after-school care.",
        "HSV-TK gene therapy; thymidine kinase (TK) activity and TK inhibitors.",
        "Traders may leverage up to 200X on derivatives. << Join APG University Today >>",
        "The company deleted outdated guidance. Formatted reports are available.",
        "Internal controls over financial reporting were effective.",
        # editorial insertions in quotations
        "“We [intend to review] the data,” he said. “[We plan to review] it, and [it is] able to check growth.”",
    ],
)
def test_look_alikes_that_real_releases_publish_are_quiet(text: str) -> None:
    assert residue(text) == []


def test_markdown_link_text_and_headings_are_read_as_a_reader_sees_them(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        f"# Headline\n\n{DATELINE}Acme announced results. Follow us on [X](https://x.com/acme) "
        "and [Website](https://acme.example).\n",
        encoding="utf-8",
    )
    [finding] = lint_document(read_document(str(draft)), CONFIG)
    assert finding.rule == "core.placeholder-headline" and finding.line == 1


@needs_shared
def test_no_residue_reported_on_the_real_releases_and_the_seeds() -> None:
    paths = sorted(REALWORLD.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(paths) > 100
    reported = [
        (path.name, finding.line, finding.rule)
        for path in paths
        for finding in lint_document(read_document(str(path)), CONFIG)
    ]
    assert reported == []
