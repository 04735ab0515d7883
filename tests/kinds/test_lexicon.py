"""The ``lexicon`` kind and the spelling pack: near misses, splits, case, quiet words."""

from __future__ import annotations

import json
import random

import pytest

from checker.analysis import vocabulary
from checker.errors import RulePackError
from checker.kinds.lexicon.match import (
    Tolerance,
    distance,
    nearest,
    nearest_same_initial,
    variant_of,
    within,
)
from tests.helpers import REALWORLD, SEEDS, findings, needs_shared, rule_hits


def _fixes(text: str, rule_id: str) -> list[tuple[int, int, str, str | None]]:
    """Return (line, column, message, fix) of one rule's findings."""
    return [
        (f.line, f.column, f.message, f.fix.replacement if f.fix else None)
        for f in rule_hits(text, rule_id, select="spelling")
    ]


def test_misspelling_of_a_name_used_elsewhere_in_the_draft() -> None:
    text = (
        "Zenvatinib shrank tumors in 40% of patients.\n\n"
        "Zenvatinib was well tolerated, and zenvatnib will enter Phase 2 in 2026.\n"
    )
    hits = rule_hits(text, "spelling.inconsistent-name", select="spelling")
    assert [(f.line, f.column) for f in hits] == [(3, 36)]
    assert (
        hits[0].fix.replacement == "Zenvatinib" and hits[0].fix.safe
    )  # one canonical form: --fix applies it
    assert "uses twice" in hits[0].message


def test_the_majority_spelling_is_the_fix_even_for_a_new_code_named_compound() -> None:
    text = "Lumetrasib is new. Lumetrasib works. Lumetrasib is safe. Lumetarsib is oral."
    assert [fix for *_rest, fix in _fixes(text, "spelling.inconsistent-name")] == ["Lumetrasib"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients took metfromin twice daily.", "metformin"),
        ("The study compared atorvastain with placebo.", "atorvastatin"),
        ("Metfromin lowered HbA1c.", "Metformin"),
        ("Imatanib was approved in 2001.", "Imatinib"),
        ("Patients received pembrolizamab every three weeks.", "pembrolizumab"),
    ],
)
def test_single_misspelled_well_known_drug_without_profile(text: str, expected: str) -> None:
    assert [fix for *_rest, fix in _fixes(text, "spelling.drug-name")] == [expected]


def test_marked_brand_typo_is_reported_but_unmarked_look_alikes_are_not() -> None:
    text = (
        "KEYTRDUA® (pembrolizumab) and Lipitr (atorvastatin) were used. Alvogen and Jaspal agreed."
    )
    assert [fix for *_rest, fix in _fixes(text, "spelling.brand-name")] == ["KEYTRUDA", "Lipitor"]
    own_mark = "We bought the Lycogen® platform. Lycogen® is patented."
    assert rule_hits(own_mark, "spelling.brand-name", select="spelling") == []


def test_split_hyphenated_name_by_space_is_fixed_safely() -> None:
    text = "L-Annamycin is our lead drug. Callisto began a trial of L- Annamycin in 2005."
    hits = rule_hits(text, "spelling.split-name", select="spelling")
    assert [(f.column, f.end_column, f.fix.replacement, f.fix.safe) for f in hits] == [
        (57, 69, "L-Annamycin", True)
    ]


def test_split_by_line_break_counts_only_in_unwrapped_drafts() -> None:
    one_line = (
        "L-Annamycin is our lead drug. Callisto began a trial of L-\nAnnamycin in 2005.\n\nMore.\n"
    )
    assert len(rule_hits(one_line, "spelling.split-name", select="spelling")) == 1
    wrapped = (
        "L-Annamycin is our lead drug. Callisto began\na trial of L-\nAnnamycin in 2005 at\n"
        "three sites in the\nUnited States.\n"
    )
    assert rule_hits(wrapped, "spelling.split-name", select="spelling") == []


def test_suspended_hyphens_are_not_splits() -> None:
    text = "L-Annamycin was given pre- and post-transplant in short- and long-term studies."
    assert rule_hits(text, "spelling.split-name", select="spelling") == []


def test_wrong_case_brand_name_gets_a_safe_fix() -> None:
    hits = rule_hits(
        "Abbvie and Biontech will co-develop it.", "spelling.name-case", select="spelling"
    )
    assert [(f.message, f.fix.replacement, f.fix.safe) for f in hits] == [
        ("'Abbvie' should be written 'AbbVie'", "AbbVie", True),
        ("'Biontech' should be written 'BioNTech'", "BioNTech", True),
    ]


def test_case_ignores_all_caps_and_web_addresses() -> None:
    text = "ABBVIE NEWS: AbbVie (www.abbvie.com, @abbvie, investors@abbvie.com) said so."
    assert rule_hits(text, "spelling.name-case", select="spelling") == []


def test_never_autofix_term_is_reported_without_a_fix() -> None:
    hits = rule_hits(
        "Patients switched from Humulog last year.", "spelling.known-name", select="spelling"
    )
    assert len(hits) == 1 and hits[0].fix is None
    assert "Humalog" in hits[0].message and "easily confused" in hits[0].message


def test_known_company_near_miss() -> None:
    assert _fixes("We signed a deal with AstraZenca.", "spelling.known-name") == [
        (1, 23, "'AstraZenca' looks like a misspelling of 'AstraZeneca'", "AstraZeneca")
    ]


TRICKY = (
    "Acme Biotherapeutics, Inc. (Nasdaq: ACME) reported that IKZF3 and Aiolos fell in the KEYNOTE-189 "
    "and POETIC trials of NWO-217 and SKF-106615. Dr. Jessica Boklan of Phoenix Children's Hospital in "
    "Tucson, Arizona, and Rochelle Bagatell enrolled allogeneic and allogenic CAR-T recipients. "
    "Pre-clinical and preclinical data on annamycin and its metabolite annamycinol were shown with "
    "L-Annamycin. Soligenix's RiVax and CiVax, BioCorRx's BICX104, NeuroOne, Vycor, Aclarion and "
    "GeoVax's GEO-CM04S1 were discussed by the CFO, Mr. Uttam Patil, in Ljubljana and Reykjavik. "
    "See www.acme-bio.com or e-mail ir@acmebio.com; #ASCO25. Patients received siRNA, mRNA-based "
    "vaccines, metformin, atorvastatin and pembrolizumab (KEYTRUDA®)."
)


JARGON = (
    "immuno-oncology biosimilar bispecific radioligand oligonucleotide lentiviral nanobody cardiotoxicity "
    "myelodysplastic leukapheresis immunogenicity xenograft liposomal intravitreal lyophilized OTCQB "
    "Jefferies Ladenburg Thalmann Boehringer Ingelheim Regeneron Daiichi Sankyo semaglutide tirzepatide "
    "Mounjaro Zepbound Dupixent Skyrizi Rinvoq Enhertu Brukinsa Venclexta Xpovio Blenrep mRNA-1273 "
    "BNT162b2 Comirnaty Spikevax nirmatrelvir Gaithersburg Emeryville Bengaluru Krishnamurthy Nwachukwu "
    "Przybylski Wojciechowski."
)


@pytest.mark.parametrize("text", [TRICKY, JARGON])
def test_tricky_correct_words_stay_quiet(text: str) -> None:
    assert [f.message for f in findings(text, select="spelling")] == []


def test_a_brand_used_elsewhere_catches_its_typo() -> None:
    text = (
        "KEYTRUDA® (pembrolizumab) is approved. Keytruda is given IV. Keytrdua is a PD-1 blocker."
    )
    assert [fix for *_rest, fix in _fixes(text, "spelling.inconsistent-name")] == ["Keytruda"]


def test_user_pack_terms_with_variants(tmp_path) -> None:
    rule = {
        "category": "spelling",
        "severity": "warning",
        "why": "W.",
        "source": "S.",
        "message": "'{match}' → '{expected}'",
        "examples": {"fail": ["x"], "pass": ["y"]},
    }
    terms = [{"term": "Atiprimod", "variants": ["atiprimod"]}, {"term": "L-Annamycin"}]
    body = {
        "id": "co",
        "version": "1.0.0",
        "description": "Profile.",
        "rules": [
            {
                **rule,
                "id": "co.case",
                "check": {"kind": "lexicon", "report": "case", "terms": terms},
            },
            {
                **rule,
                "id": "co.near",
                "check": {"kind": "lexicon", "report": "near-miss", "terms": terms},
            },
            {
                **rule,
                "id": "co.split",
                "check": {"kind": "lexicon", "report": "split", "terms": terms},
            },
        ],
    }
    path = tmp_path / "co.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    text = "Atiprimod, atiprimod and ATIPRIMOD; AtiPrimod; Atiprimdo; L- Annamycin."
    got = [(f.rule, f.fix.replacement) for f in findings(text, select="co", packs=(path,))]
    assert got == [("co.case", "Atiprimod"), ("co.near", "Atiprimod"), ("co.split", "L-Annamycin")]


def test_unknown_report_is_a_pack_error(tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "id": "bad",
                "version": "1.0.0",
                "description": "B.",
                "rules": [
                    {
                        "id": "bad.x",
                        "category": "spelling",
                        "severity": "warning",
                        "message": "m",
                        "why": "w",
                        "source": "s",
                        "examples": {"fail": ["x"], "pass": ["y"]},
                        "check": {"kind": "lexicon", "report": "guess", "terms": []},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match="report"):
        findings("text", packs=(path,))


@pytest.mark.parametrize(("length", "edits"), [(4, 0), (5, 0), (6, 1), (9, 1), (10, 2), (16, 2)])
def test_edits_scale_with_length(length: int, edits: int) -> None:
    assert Tolerance().edits(length) == edits


def test_nearest_refuses_ties_and_variants_are_not_misspellings() -> None:
    assert len(nearest("abcdex", {6: ["abcdey", "abcdez"]}, 1)) == 2
    assert variant_of("pre-clinical", "preclinical") and variant_of("annamycin", "l-annamycin")
    assert not variant_of("l-annamcyin", "l-annamycin")


def test_within_gives_every_name_in_reach_with_its_distance_as_one_by_one_would() -> None:
    names = ["annamycin", "anamycin", "annamcyin", "annamycins", "doxorubicin", "annamycin"]
    for edits in (0, 1, 2):
        expected = [(name, distance("annamycin", name)) for name in names]
        expected = [(name, found) for name, found in expected if edits and found <= edits]
        assert sorted(within("annamycin", names, edits)) == sorted(expected)
    assert within("annamycin", [], 2) == []


def _slipped(word: str, chance: random.Random) -> str:
    """Return *word* with one or two random slips: a letter changed, dropped, added or swapped."""
    for _ in range(chance.randint(1, 2)):
        index = chance.randrange(len(word))
        letter = chance.choice("abcdelmnorst")
        word = (
            chance.choice(
                [
                    word[:index] + letter + word[index + 1 :],
                    word[:index] + word[index + 1 :],
                    word[:index] + letter + word[index:],
                    word[:index]
                    + word[index + 1 : index + 2]
                    + word[index : index + 1]
                    + word[index + 2 :],
                ]
            )
            or word
        )
    return word


@pytest.mark.parametrize("edits", [1, 2])
def test_the_same_initial_search_answers_as_the_whole_search_filtered(edits: int) -> None:
    """Searching only names of the word's first letter gives the filtered answer of the whole table,
    also where a name of another letter is nearer (then: nothing)."""
    chance = random.Random(18)
    table = vocabulary.place_words(False)
    initials = vocabulary.by_initial(table)
    names = [name for names in table.values() for name in names if len(name) >= 6]
    nearer_elsewhere = 0
    for _ in range(400):
        word = _slipped(chance.choice(names), chance)
        whole = [(n, d) for n, d in nearest(word, table, edits) if n[0] == word[0]]
        assert nearest_same_initial(word, table, initials, edits) == whole, word
        nearer_elsewhere += bool(nearest(word, table, edits)) and not whole
    assert edits == 1 or nearer_elsewhere  # the case the whole table is asked for did occur


def test_drug_list_carries_its_provenance() -> None:
    assert vocabulary.drug_names()["metformin"] == "of"
    assert "annamycin" in vocabulary.drug_names()
    header = vocabulary.DRUG_PATH.read_text("utf-8")
    assert "FDA UNII Names list" in header and "SHA-256" in header


@needs_shared
def test_seed_defects_are_reported_with_their_fixes() -> None:
    got = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        for f in findings(text, select="spelling"):
            got.append((path.name[:3], f.line, f.rule, f.fix.replacement))
    assert got == [
        ("000", 9, "spelling.split-name", "L-Annamycin"),
        ("000", 9, "spelling.split-name", "L-Annamycin"),
        ("001", 13, "spelling.inconsistent-name", "L-Annamycin"),
        ("001", 21, "spelling.split-name", "L-Annamycin"),
    ]


#: Typos that went out on the wire in the real releases: the spelling pack must find them.
PUBLISHED_TYPOS = {"Comnpany", "\u0421ompany", "verry", "cosmetcs", "availble", "IBioCorRx"}


@pytest.mark.slow
@needs_shared
def test_realworld_false_findings_stay_under_the_target() -> None:
    paths = sorted(REALWORLD.glob("*.txt"))
    words = [
        f.message.split("'")[1]
        for p in paths
        for f in findings(p.read_text("utf-8", "replace"), select="spelling")
    ]
    assert sorted(set(words) & PUBLISHED_TYPOS) == sorted(PUBLISHED_TYPOS)
    false = [word for word in words if word not in PUBLISHED_TYPOS]
    assert len(false) / len(paths) < 0.05, false


def test_a_split_code_name_with_digits_is_reported_when_joined_elsewhere() -> None:
    text = (
        "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme doses ages 18- 65 with ZX-401. The ZX- 401 trial "
        "and pre- and post-dose data and a 1- to 2-year study.\n"
    )
    found = [f for f in findings(text, select="spelling") if f.rule == "spelling.split-name"]
    assert [(f.column, f.fix.replacement) for f in found] == [(text.index("ZX- 401") + 1, "ZX-401")]


def test_a_slip_of_a_word_the_release_uses_once_says_once_not_1_times() -> None:
    text = (
        "Ms. Shapiro joined the board.\n\n"
        "The board thanked Ms. Shaprio for her service on the audit committee.\n"
    )
    [hit] = rule_hits(text, "spelling.one-off-name", select="spelling")
    assert hit.message.endswith("'Shapiro', which this release uses once"), hit.message
