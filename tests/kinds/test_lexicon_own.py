"""The list-free spelling checks: the release's own words, places, English (issue 14 §2-4)."""

from __future__ import annotations

import pytest

from checker.analysis import vocabulary
from checker.kinds.lexicon import own
from tests.helpers import DATA, REPO, findings, rule_hits


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


# --- issue 14 §2-4, second pass: names used once, hyphen parts, short words, drugs, codes


@pytest.mark.parametrize(
    ("text", "rule", "fixes"),
    [
        # a surname used once, spelled another way once: the Census lists vouch for Shapiro
        (
            "It was founded by David Shapiro in 2021. Shaprio served as CEO.",
            "spelling.one-off-name",
            ["Shapiro"],
        ),
        # two real names a letter apart are two people
        ("Dean Burns spoke. Carl Bruns agreed with Burns.", "spelling.one-off-name", []),
        ("Marion Smith and Marian Jones spoke. Marion agreed.", "spelling.one-off-name", []),
        # a surname after a title refers back to a person named in full
        (
            "said Maria Gonzales, CEO. Ms. Gonzalez joined in 2021.",
            "spelling.one-off-name",
            ["Gonzales"],
        ),
        ("said Katherine Jensen. Dr. Jenson added.", "spelling.one-off-name", ["Jensen"]),
        # one of each, a list vouching for the title's spelling only: "Mr. Shawn Loen ... Mr.
        # Leon" looks the same, with the slip in the full name, so both are reported
        (
            "said Dr. Sofia Lindqvist, its CSO. Dr. Lindquist's team agreed.",
            "spelling.one-off-name",
            ["Lindquist", "Lindqvist"],
        ),
        # the only other form is the dateline's capitals: the fix takes the slip's case
        (
            "BOSTON and PHILADELPHIA, July 15, 2026 /PRNewswire/ -- Acme grew. Acme is based in"
            " Philidelphia, Pennsylvania.",
            "spelling.one-off-name",
            ["Philadelphia"],
        ),
        (
            "said Maria Gonzales and Luis Gonzalez. Ms. Gonzalez agreed.",
            "spelling.one-off-name",
            [],
        ),
        ("said Dean Burns. Carl Bruns agreed with Mr. Burns.", "spelling.one-off-name", []),
        ("said Jane Smyth. Dr. Smith agreed.", "spelling.one-off-name", ["Smyth"]),
        (
            "said Anna Lind. Dr. Land agreed.",
            "spelling.one-off-name",
            [],
        ),  # four letters: no change
        ("said Harpreet Singh. Dr. Sngh agreed.", "spelling.one-off-name", ["Singh"]),
        # one letter moved: two edits by distance, one slip of the hand
        (
            "Quillon grew. Quillon hired. Quillon is in Princeton. Qullion expects data.",
            "spelling.one-off-name",
            ["Quillon"],
        ),
        ("Quillon grew. Quillon hired. Qullion expects data.", "spelling.one-off-name", []),
        # a real word inside a name the release repeats: only the name shows the slip
        (
            "Orlen Medical Systems grew. Orlen Medical Systems hired. Orlen Medial Systems’"
            " revenue rose. The medial knee was treated.",
            "spelling.one-off-name",
            ["Medical"],
        ),
        (
            "Meridian Holdings grew. Meridian Holdings hired. Meridian Holding rose. Latin"
            " America and Latin America grew; Latin American markets. Chief Executive Officers"
            " and Chief Executive Officers met the Chief Executive Officer. Mark Jones and"
            " Mark Jones met Mary Jones.",
            "spelling.one-off-name",
            [],
        ),
        (
            "Acme Data Room opened. Acme Data Room grew. Acme Date Room closed.",
            "spelling.one-off-name",
            ["Data"],
        ),
        # a hyphenated word's parts are words
        ("Ainnova is a Nuvada-based startup.", "spelling.place-name", ["Nevada"]),
        # a word in the lists ("Massachuset", a people) where a state goes, after a place and a comma
        (
            "Acme is based in Boston, Massachusets, and Denver.",
            "spelling.place-name",
            ["Massachusetts"],
        ),
        ("Acme met investors in Boston, Several of them funds.", "spelling.place-name", []),
        ("Acme met investors in Portland, Maine and in Paris.", "spelling.place-name", []),
        ("It has a partnership-foccused model.", "spelling.english-word", ["focused"]),
        (
            "It fights the mullti-country outbreak with multi-dose vials.",
            "spelling.one-off-name",
            ["multi"],
        ),
        # four letters, and a slip inside a title-case name made of words
        (
            "The company, pursuant to wich the court ruled, agreed.",
            "spelling.english-word",
            ["which"],
        ),
        ("OTC Markets Gorup launched the market.", "spelling.english-word", ["Group"]),
        # ties go to the likelier slip
        ("It offers a wide ragne of solutions.", "spelling.english-word", ["range"]),
        ("It is gaining significant tracton in the market.", "spelling.english-word", ["traction"]),
        (
            "It was filed with the Securities and Exchange Comission.",
            "spelling.english-word",
            ["Commission"],
        ),
        # a swap between two forms used once: the rarer letter pair is the slip
        (
            "The planned acquisition of Fgima closed. Figma's team joined.",
            "spelling.one-off-name",
            ["Figma"],
        ),
    ],
)
def test_second_pass_slips(text: str, rule: str, fixes: list[str]) -> None:
    assert _fixes(text, rule) == fixes


@pytest.mark.parametrize(
    ("word", "spelling"),
    [
        ("occured", "occurred"),  # the doubled consonant
        ("begining", "beginning"),
        ("transfered", "transferred"),
        ("controler", "controller"),
        ("arguement", "argument"),  # the silent e dropped
        ("useing", "using"),
        ("basicly", "basically"),  # -ally after -ic
    ],
)
def test_an_inflection_against_a_spelling_rule_is_not_english(word: str, spelling: str) -> None:
    assert not vocabulary.is_english(word)
    assert vocabulary.misspelled_inflection(word) == spelling


@pytest.mark.parametrize(
    "word",
    # the regular forms, the forms with two spellings, and forms the list holds as they are
    [
        "visited",
        "focused",
        "targeted",
        "benefited",
        "benefitted",
        "labeled",
        "judgement",
        "acknowledgement",
        "publicly",
        "occurred",
        "developed",
    ],
)
def test_inflections_as_english_spells_them_stay_english(word: str) -> None:
    assert vocabulary.is_english(word)
    assert vocabulary.misspelled_inflection(word) is None


def test_a_misspelled_inflection_is_reported_each_time_and_at_two_edits() -> None:
    text = (
        "BOSTON, Nov. 12, 2026 -- Most adverse events occured during escalation, and all "
        "occured in the first month. The result was basicly as planned.\n"
    )
    assert _fixes(text, "spelling.english-word") == ["occurred", "occurred", "basically"]


@pytest.mark.parametrize(
    ("word", "slip_of"),
    [
        ("untill", "until"),  # rare listed words a letter from very common ones
        ("brough", "brought"),
        ("showings", None),  # an inflection of a counted word
        ("halving", None),  # "halve" + "ing"
        ("pulsed", None),  # counted often enough to be a word in its own right
        ("until", None),
    ],
)
def test_a_rare_listed_word_a_letter_from_a_very_common_one_is_its_slip(
    word: str, slip_of: str | None
) -> None:
    assert vocabulary.rare_slip_of(word, 200, 100_000) == slip_of


def test_a_rare_listed_word_is_reported_in_lowercase_and_not_as_a_name() -> None:
    slips = "BOSTON, Nov. 12, 2026 -- A facility was brough online untill May.\n"
    assert _fixes(slips, "spelling.english-word") == ["brought", "until"]
    # a word the draft capitalises anywhere may be a name: "Brough" is a surname
    names = "BOSTON, Nov. 12, 2026 -- Dr. Anne Brough spoke. Mr. Brough untill May was brough.\n"
    assert _fixes(names, "spelling.english-word") == ["until"]


def test_a_hyphenated_name_with_one_part_a_letter_doubled_is_one_name_written_two_ways() -> None:
    text = (
        "BASEL, Jan. 8, 2026 -- Acme licensed AUR-7 to F. Hoffmann-La Roche Ltd. Hoffmann-La Roche"
        " will pay. “Hoffman-La Roche's team is strong,” said the CEO.\n"
    )
    assert _fixes(text, "spelling.one-off-name") == ["Hoffmann-La"]
    # another letter, or words in lowercase: two names, or two words
    others = (
        "BASEL, Jan. 8, 2026 -- Smith-Jones and Smith-Jones met Smyth-Jones. She co-founded"
        " Acme; the co-founder and another co-founder spoke.\n"
    )
    assert _fixes(others, "spelling.one-off-name") == []


def test_a_capitalised_word_made_like_an_inflection_is_left_alone() -> None:
    # "Bader" is "bad" + "er", and "badder" is a word: a name, not a slip
    text = "BOSTON, Nov. 12, 2026 -- Dr. Ruth Bader joined. Bader leads the Bader Lab.\n"
    assert _fixes(text, "spelling.english-word") == []


@pytest.mark.parametrize(
    "text",
    [
        "Pages xiii and xviii and xxii and xxvii.",  # roman numerals
        "Its CDMO unit and its CRDMO unit grew.",  # two acronyms
        "Ms. Mirit Cohen, CFO. mirit@example.com",  # a name after a title, and in an address
        "Patients with retinitis pigmentosa; streptavidin and annamycin, its metabolite annamycinol.",
        "said Luca Maestri, Apple's CFO. (NASDAQ:CSCO) Monday announced. BOCA RATON, FL - May 1, 2025 - Results.",
        "Statins such as atorvastatin are common; immuno-oncology and neuro-oncology grew.",
    ],
)
def test_second_pass_quiet_cases(text: str) -> None:
    assert [f.message for f in findings(text, select="spelling")] == []


def test_dateline_place_slips_at_four_letters() -> None:
    text = "SOTH ORANGE, NJ, April 16, 2026 -- Nephros announced results.\n"
    assert _fixes(text, "spelling.place-name") == ["SOUTH"]


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("It inhibits dihydrroorotate dehydrogenase.", "dihydroorotate"),  # a UNII common name
        (
            "Statins (e.g., Lipitor, Cresstor) lower cholesterol.",
            "Crestor",
        ),  # a brand listed with one
        ("Another drug, L-Annumycin, is in trials.", "annamycin"),  # a hyphenated word's part
    ],
)
def test_drug_names_of_other_types_and_parts(text: str, drug: str) -> None:
    found = [f.message for f in findings(text, select="spelling")]
    assert len(found) == 1 and f"'{drug.lower()}'" in found[0].lower()


def test_marked_five_letter_brand() -> None:
    assert _fixes("The inventor of Rabif®, a blockbuster, joined.", "spelling.brand-name") == [
        "Rebif"
    ]


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        (
            "BioCorRx (OTCQB: BICX) owns BICX104. The plan brings BCIX104 to FDA approval.",
            "BICX104",
        ),
        ("Studies GLP-1-H42-1 and GLP-1-H24-2 and GLP-1-H24-1 ran.", "GLP-1-H24-1"),
    ],
)
def test_code_names_used_once(text: str, fix: str) -> None:
    assert _fixes(text, "spelling.one-off-name") == [fix]


def test_drug_stems_are_one_data_file_with_its_source() -> None:
    from checker import data

    stems = data.load("drug_stems")
    assert "USAN" in stems["source"] and "INN" in stems["source"]
    assert {"mab", "tinib", "vastatin"} <= set(stems["stems"])
    pack = (REPO / "rules" / "spelling.json").read_text("utf-8")
    assert '"tinib"' not in pack and pack.count('"stems": "drug_stems"') >= 4


def test_person_names_carry_their_provenance() -> None:
    header = vocabulary.PERSON_PATH.read_text("utf-8")[:400]
    assert "Census" in header and "public domain" in header
    assert vocabulary.is_person_name("Shapiro") and not vocabulary.is_person_name("Shaprio")


#: Drafts written for this test, not tuned on: each planted slip, and the line it is on.
PLANTED = {
    "halvorsen.txt": {
        ("Thrusday", 3),
        ("durabel", 5),
        ("Kowalcyzk", 5),
        ("HLV-202", 5),
        ("quater", 5),
        ("Ilinois", 7),
        ("gemcitbine", 7),
        ("Nordivk", 7),
        ("Halvorsn", 10),
        ("Comission", 13),
    },
    "corvanta.txt": {
        ("Colarado", 3),
        ("acqusition", 5),
        ("Westbrok", 5),
        ("Pembreton", 5),
        ("guidence", 7),
        ("Corvnata", 10),
    },
}


def test_planted_slips_in_drafts_of_our_own() -> None:
    """15 of the 16 planted slips are found, and nothing else: "quater" is a (Latin) dictionary word."""
    caught, other = set(), []
    for name, planted in PLANTED.items():
        text = (DATA / "spelling_drafts" / name).read_text("utf-8")
        for finding in findings(text, select="spelling"):
            word = text.splitlines()[finding.line - 1][finding.column - 1 : finding.end_column - 1]
            if (word, finding.line) in planted:
                caught.add((name, word))
            else:
                other.append((name, finding.message))
    assert other == []
    assert len(caught) == 15 and ("halvorsen.txt", "quater") not in caught


@pytest.mark.parametrize(
    ("word", "name", "moved"),
    [
        ("qullion", "quillon", True),  # "i" typed two places late
        ("qulilon", "quillon", True),  # a swap is a move of one place
        ("zorevx", "zorvex", True),
        ("abcfed", "abcdef", False),  # two letters exchanged across a third
        ("quillon", "quillon", False),
        ("quillin", "quillon", False),  # another letter, not a moved one
    ],
)
def test_one_letter_moved(word: str, name: str, moved: bool) -> None:
    assert own._one_letter_moved(word, name) is moved


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("pharmacokinectic", "pharmacokinetic"),
        ("monotheraphy", "monotherapy"),
        ("immunogenecity", "immunogenicity"),
        ("bioavailabilty", "bioavailability"),
        ("neutropenea", "neutropenia"),
    ],
)
def test_a_slip_of_a_clinical_term_no_dictionary_counts_is_reported(word: str, term: str) -> None:
    text = f"BOSTON, May 5, 2026 -- Acme studied the {word} of AC-1 in a Phase 2 trial.\n"
    assert _fixes(text, "spelling.clinical-term") == [term]


@pytest.mark.parametrize(
    "word",
    # the forms real releases write: hyphenated, adverbs, plurals, adjectives and nouns
    [
        "intra-tumoral",
        "intratumorally",
        "immuno-modulatory",
        "immunomodulators",
        "neutropenic",
        "thrombocytopenic",
        "hematology",
        "hematological",
        "glioblastomas",
        "biosimilars",
        "immunogenic",
        "pharmacologic",
        "cardiomyopathies",
    ],
)
def test_the_forms_of_a_clinical_term_are_not_slips_of_it(word: str) -> None:
    text = f"BOSTON, May 5, 2026 -- Acme studied the {word} of AC-1 in a Phase 2 trial.\n"
    assert _fixes(text, "spelling.clinical-term") == []
