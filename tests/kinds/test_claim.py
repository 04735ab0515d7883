"""The ``claims`` pack and the ``claim`` kind: investigational-drug claims, orphan wording."""

from __future__ import annotations

import pytest

from checker.api import default_config
from checker.kinds import claim as claim_kind
from tests.helpers import SEEDS, findings, needs_shared, rule_hits

LEGEND = (
    "\n\nForward-Looking Statements\n\nThis release contains forward-looking statements. Actual results may differ "
    "materially, and there can be no assurance that our product candidates will be proven safe and effective "
    "or that AC-1 cures hepatitis B."
)


@pytest.mark.parametrize(
    ("rule_id", "text", "claim"),
    [
        (
            "claims.safe-and-effective",
            "Genovax, our Phase 2 candidate, is a safe and effective treatment for melanoma.",
            "is a safe and effective",
        ),
        (
            "claims.safe-and-effective",
            "Our investigational drug AC-1 was shown to be safe, effective and convenient.",
            "shown to be safe, effective",
        ),
        (
            "claims.cure",
            "AC-1, our Phase 2 candidate, cures hepatitis B in most patients.",
            "cures",
        ),
        (
            "claims.cure",
            "We believe QB-118, now in a Phase 2 trial, could cure obesity.",
            "cure",
        ),
        (
            "claims.cure",
            "AC-1 is in Phase 2. We think AC-1 may one day cure hepatitis B.",
            "cure",
        ),
        (
            "claims.breakthrough",
            "AC-1, now in Phase 2 trials, is a breakthrough treatment for ALS.",
            "breakthrough treatment",
        ),
        ("claims.miracle", "AC-1, in Phase 2 trials, is a miracle drug for ALS.", "miracle"),
        (
            "claims.proven",
            "AC-1, our Phase 2 candidate, is proven to reduce tumor size.",
            "proven to reduce",
        ),
        (
            "claims.proven",
            "AC-1 is a clinically proven therapy now in Phase 3 trials.",
            "clinically proven",
        ),
    ],
)
def test_claims_about_an_investigational_product_are_reported(
    rule_id: str, text: str, claim: str
) -> None:
    [finding] = rule_hits(text, rule_id)
    assert finding.severity.name == "WARNING" and finding.category == "claim"
    assert f"'{claim}'" in finding.message


def test_claims_inside_quotations_are_reported() -> None:
    text = "AC-1 is in a Phase 2 trial. “We believe AC-1 is safe and effective in every patient we treated,” said the CEO."
    [finding] = rule_hits(text, "claims.safe-and-effective")
    assert finding.column > text.index("“")


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        # no investigational product in the release: not a 312.7 matter
        ("claims.safe-and-effective", "Genovax is a safe and effective treatment for melanoma."),
        ("claims.cure", "The company sells generic antibiotics that cure infections."),
        ("claims.breakthrough", "The company sells a breakthrough treatment for acne."),
        # a trial's purpose, a hedge, or an approved drug's label
        (
            "claims.safe-and-effective",
            "The Phase 2 trial was designed to evaluate whether Genovax is safe and effective.",
        ),
        (
            "claims.safe-and-effective",
            "Keytruda is approved in the U.S. and its label describes it as safe and effective in melanoma. AC-1 is in a Phase 1 trial.",
        ),
        (
            "claims.safe-and-effective",
            "AC-1 is in Phase 2. Patients deserve to have safe, effective, and accessible treatments.",
        ),
        ("claims.cure", "There is no cure for ALS. AC-1 is in a Phase 2 trial."),
        (
            "claims.cure",
            "Sustained virologic response (cure) rates were 95%. The clinical trial continues.",
        ),
        ("claims.cure", "AC-1 is in Phase 2 trials. Our mission is to cure ALS."),
        ("claims.cure", "AC-1 is in a Phase 2 trial and could potentially cure patients."),
        ("claims.cure", "AC-1 is in Phase 2, a study of whether it could cure hepatitis B."),
        (
            "claims.cure",
            "AC-1 is in Phase 2 trials. Patients could live for decades with a disease doctors cannot cure.",
        ),
        (
            "claims.cure",
            "AC-1 is in Phase 2 trials. The Company intends to cure the bid price deficiency.",
        ),
        (
            "claims.cure",
            "AC-1 is in Phase 2. Our products are not intended to diagnose, treat, cure or prevent any disease.",
        ),
        (
            "claims.breakthrough",
            "AC-1 received Breakthrough Therapy designation. AC-1 is in Phase 2 trials.",
        ),
        ("claims.breakthrough", "AC-1, in Phase 2 trials, reduced breakthrough pain episodes."),
        (
            "claims.breakthrough",
            "AC-1 is in Phase 2 trials. 2024 was a breakthrough year for the company.",
        ),
        (
            "claims.breakthrough",
            "AC-1 is in Phase 2 and is a potential breakthrough treatment for ALS.",
        ),
        (
            "claims.miracle",
            "AC-1 is in Phase 2 trials. We support Children's Miracle Network Hospitals.",
        ),
        ("claims.proven", "AC-1 is in Phase 2 trials; its efficacy has not been proven."),
        (
            "claims.proven",
            "AC-1, in Phase 2, is combined with the proven efficacy of pembrolizumab.",
        ),
        (
            "claims.safe-and-effective",
            "Since its approval in 2019, Drug Y has been shown to be safe and effective. AC-1 is in Phase 2.",
        ),
        ("claims.miracle", "AC-1 is in Phase 2 trials. Miracle-Gro is a brand."),
        (
            "claims.proven",
            "Nitric oxide, proven to play a critical role in biology, is the basis of our Phase 1 candidate.",
        ),
    ],
)
def test_context_that_makes_it_no_claim_is_not_reported(rule_id: str, text: str) -> None:
    assert rule_hits(text, rule_id) == []


def test_the_legend_is_not_read_for_claims() -> None:
    text = (
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (NYSE: ACME) announced Phase 2 data for AC-1."
        + LEGEND
    )
    assert [finding.rule for finding in findings(text, select="claims")] == []


@needs_shared
def test_seed_proven_anthracycline_family_is_not_a_claim() -> None:
    for name in (
        "000_7fc09e080129e0bc.txt",
        "001_11140a142e544612.txt",
        "002_5377c2d7b4a2295d.txt",
    ):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert "family of proven anti-cancer drugs" in text
        assert findings(text, select="claims") == [], name


def test_orphan_designation_worded_as_approval_is_an_error() -> None:
    [finding] = rule_hits(
        "AC-1 received orphan drug approval from the FDA for ALS.", "claims.orphan-as-approval"
    )
    assert finding.severity.name == "ERROR"
    assert "'orphan drug approval'" in finding.message
    [finding] = rule_hits(
        "The FDA approved AC-1 as an orphan drug for ALS.", "claims.orphan-as-approval"
    )
    assert finding.message.startswith("'approved AC-1 as an orphan drug'")


@pytest.mark.parametrize(
    "text",
    [
        "AC-1 received orphan drug designation from the FDA for ALS.",
        "In June, 2005, L-Annamycin was given orphan drug designation to treat both ALL and AML by the FDA.",
        "FDA approved the BLA for AC-1, giving it orphan drug approval with seven years of exclusivity.",
    ],
)
def test_orphan_designation_and_real_approvals_are_not_reported(text: str) -> None:
    assert rule_hits(text, "claims.orphan-as-approval") == []


def test_every_claims_rule_declares_its_quotation_scope() -> None:
    import json

    from tests.helpers import REPO

    pack = json.loads((REPO / "rules" / "claims.json").read_text(encoding="utf-8"))
    for rule in pack["rules"]:
        assert rule["scope"]["quotes"] in ("include", "exclude", "only"), rule["id"]


def test_a_run_on_sentence_of_claims_is_judged_once_not_once_per_claim(monkeypatch) -> None:
    # issue 19 section 3: 40 KB of "cure " (one sentence) timed out when every claim
    # searched its whole sentence again with each of the rule's 26 "unless" patterns
    calls = []
    real = claim_kind._matches
    monkeypatch.setattr(claim_kind, "_matches", lambda *args: calls.append(1) or real(*args))
    text = "AC-1 is an investigational drug. " + "cure " * 8000
    hits = rule_hits(text, "claims.cure")
    assert len(hits) == 8000
    rule = next(rule for rule in default_config().rules if rule.id == "claims.cure")
    assert len(calls) <= 2 * (len(rule.check.unless) + len(rule.check.when))
