"""The legend analysis: factors behind the boilerplate, material forward-looking statements, the trigger prefilter."""

from __future__ import annotations

import pytest

from checker.analysis import legend
from checker.document.model import Document
from tests.helpers import REALWORLD, SEEDS, needs_shared

DATELINE = "BOSTON, May 3, 2007 /PRNewswire/ -- "
HEAD = "\n\nForward-Looking Statements\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "This release contains forward-looking statements within the meaning of the Private Securities "
        "Litigation Reform Act of 1995. Actual results may differ materially. We undertake no obligation "
        "to update them.",
        "These statements relate to future events or to our future financial performance, and involve "
        "known and unknown risks, uncertainties and other factors.",
        "This release contains forward-looking statements regarding our clinical trials and FDA "
        "submissions. Such statements involve risks and uncertainties.",
        "Actual results, performance (financial or operating) may differ; the risks are more fully "
        "discussed in our filings with the U.S. Securities and Exchange Commission.",
        "Except as required by applicable law, including the rules and regulations of the SEC, we do "
        "not assume any obligation to update these statements.",
        "Such statements are subject to risks and uncertainties relating to our operations, results of "
        "operations, growth strategy and liquidity.",
    ],
)
def test_boilerplate_names_no_factor(text: str) -> None:
    assert not legend.names_factors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Actual results could differ because of risks in clinical trials and FDA review.",
        "Other risk factors include the status of the Company's common stock as a penny stock.",
        "As discussed in our Annual Report on Form 10-K/A for the year ended December 31, 2005, results "
        "could differ as a result of the following factors: the risk that we will not obtain approval "
        "to market our products and the need for additional financing.",
        "These statements involve risks, including our ability to retain customers and competition.",
    ],
)
def test_named_risks_are_factors(text: str) -> None:
    assert legend.names_factors(text)


def _material(text: str) -> bool:
    return legend.makes_material_fls(Document.from_text(text))


def test_board_appointments_and_conference_notices_are_not_material() -> None:
    assert not _material(
        DATELINE + "Acme Corp. today announced that Jane Doe has joined its board of directors. "
        "The Board will benefit from her unique perspective."
    )
    assert not _material(
        DATELINE
        + "Acme Corp. is scheduled to present at the Spartan Capital Investor Conference on "
        "May 8, 2007. Mr. Lai intends to provide an overview of the company. The presentation will be "
        "webcast and a replay will be available on our website."
    )


def test_the_about_paragraphs_plans_are_boilerplate() -> None:
    text = (
        DATELINE
        + "Acme Corp. received CE mark approval for its robot.\n\nAbout Acme\n\nAcme Corp. "
        "develops surgical robots. Acme plans to expand the global presence of its robots."
    )
    assert not _material(text)


def test_plans_are_material_even_beside_a_conference_call_in_a_bulleted_run() -> None:
    text = (
        DATELINE
        + "Highlights: * GeoVax announced plans for a Phase 2 trial (AdPNP-203), with initiation "
        "targeted for 2H 2026 * Favorable scientific advice was received from the EMA on the GEO-MVA "
        "program and its expedited pathway to a marketing authorization in the European Union * The "
        "company hosted a conference call for investors"
    )
    assert _material(text)


def test_a_meeting_with_the_fda_or_a_registrational_study_is_no_logistics() -> None:
    text = (
        DATELINE
        + "Ainnova expects to submit its Pre-Sub application and expects to meet with the FDA for "
        "its Pre-Sub meeting. If the study succeeds, Lexaria intends to begin registrational testing."
    )
    found = legend.material_signals(Document.from_text(text))
    assert [signal.logistics for signal in found] == [False] * len(found)
    assert len(found) >= 3


def _sentences_of(paths: list) -> list[tuple[str, int, int]]:
    spans = []
    for path in paths:
        document = Document.from_text(path.read_text("utf-8"))
        spans.extend((document.text, start, end) for start, end in document.sentences)
    return spans


@needs_shared
def test_every_sentence_with_a_signal_holds_a_trigger_word() -> None:
    """The prefilter skips no sentence that a signal pattern matches (issue 18: same findings)."""
    vocab = legend.vocabulary()
    patterns = vocab.strong + vocab.generic
    paths = sorted(REALWORLD.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    checked = 0
    for text, start, end in _sentences_of(paths):
        if any(pattern.search(text, start, end) for pattern in patterns):
            checked += 1
            assert legend.holds_trigger(vocab, text[start:end]), text[start:end]
    assert checked > 1000  # the corpus really exercised the patterns


@pytest.mark.parametrize(
    "sentence",
    [
        "The PDUFA date is in June.",
        "Cash runway into 2009.",
        "Initiation slated for the fall.",
        "We look forward to it.",
        "Outlook for 2008 raised.",
        "In the first half of 2008.",
        "Acme plans for a new plant.",
    ],
)
def test_each_signal_family_has_its_trigger(sentence: str) -> None:
    vocab = legend.vocabulary()
    assert any(pattern.search(sentence) for pattern in vocab.strong + vocab.generic)
    assert legend.holds_trigger(vocab, sentence)
