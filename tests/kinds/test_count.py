"""The ``count`` kind: stated counts against lists, and shares of a whole."""

from __future__ import annotations

import pytest

from tests.helpers import SEEDS, needs_shared, rule_hits

LIST = "editorial.count-mismatch"
SHARES = "editorial.shares-over-100"
DATED = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (NYSE: ACME) announced today a trial."


def test_list_longer_than_stated_count_is_reported_with_both_numbers() -> None:
    text = "The trial will open at three new sites: Boston Medical Center, Mayo Clinic, Duke University and Emory University."
    [finding] = rule_hits(text, LIST)
    assert finding.message.startswith(
        "'three new sites' says 3, but 4 are listed: Boston Medical Center;"
    )
    assert finding.message.endswith("Emory University")
    assert (finding.column, finding.end_column) == (24, 39)


def test_list_shorter_than_a_complete_count_is_reported() -> None:
    [finding] = rule_hits(
        "The five sites are Boston Medical Center, Mayo Clinic and Duke University.", LIST
    )
    assert "says 5, but 3 are listed" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Two of the three sites are Boston Medical Center and Mayo Clinic.",
        "The trial will open at three new sites: Boston Medical Center, Mayo Clinic and Duke University.",
        "The consortium's 12 members include Duke, Emory and Yale.",  # "include": a partial list
        "The three sites are located in Boston and Denver.",  # not a list of names
        "The company has two sites, Rockville, Maryland and San Diego, California.",  # no list word
        "It has capacity across two active US sites: Rockville, Maryland and San Diego.",  # address commas
        "The trial opened at 3 sites in the U.S. and Europe.",
        "The Phase 3 trials are ENVISION and APEX.",  # a label, not a count
        "The four new directors are Dr. Jane Smith, Ph.D., Mr. John Doe, and Ms. Ann Lee.",  # credentials
        "The company has two product candidates: AC-1, for ALS, and AC-2, for MS.",  # not bare names
    ],
)
def test_agreeing_partial_or_unreadable_lists_are_not_reported(text: str) -> None:
    assert rule_hits(text, LIST) == []


def test_subset_count_uses_the_part_not_the_whole() -> None:
    [finding] = rule_hits(
        "Two of the three sites are Boston Medical Center, Mayo Clinic and Duke University.", LIST
    )
    assert "says 2, but 3 are listed" in finding.message


def test_partial_list_with_more_items_than_stated_is_reported() -> None:
    text = "This four-member group includes Duke, Emory, Yale, Mayo Clinic and Stanford."
    [finding] = rule_hits(text, LIST)
    assert finding.message.startswith("'four-member group' says 4, but 5 are listed")


def test_headline_count_is_checked_against_the_body_list_with_the_same_number() -> None:
    text = f"Consortium of Four Institutions Opens Trial\n\n{DATED} The four-member consortium includes Duke, Emory, Yale, Mayo Clinic and Stanford."
    hits = rule_hits(text, LIST)
    assert [(finding.line, finding.column) for finding in hits] == [(1, 15), (3, 92)]
    assert hits[0].message.startswith(
        "'Four Institutions' says 4, but 5 are listed at line 3: Duke;"
    )


def test_headline_count_agreeing_with_the_body_list_is_not_reported() -> None:
    text = f"Consortium of Four Institutions Opens Trial\n\n{DATED} The four-member consortium includes Duke, Emory, Yale and Stanford."
    assert rule_hits(text, LIST) == []


@needs_shared
def test_seed_001_ten_institutions_headline_and_body_are_reported() -> None:
    text = (SEEDS / "001_11140a142e544612.txt").read_text(encoding="utf-8")
    hits = rule_hits(text, LIST)
    assert [(finding.line, finding.column) for finding in hits] == [(1, 57), (5, 297)]
    assert all("says 10, but 11 are listed" in finding.message for finding in hits)
    assert "University of Florida; Vanderbilt Medical Center" in hits[1].message


def test_shares_over_100_percent_are_reported_with_the_total() -> None:
    [finding] = rule_hits(
        "Product sales represented 70% of total revenue and royalties 40%.", SHARES
    )
    assert finding.message == "Shares of one whole add up to 110%: 70% + 40%"


@pytest.mark.parametrize(
    "text",
    [
        "ALL accounts for approximately 75% of these new cases, AML for approximately 20% and CML less than 5% of new cases.",
        "Revenue rose 80% and now represents growth of 45% over two years.",  # changes, not shares
        "Approximately 20% of ALL and 50% of AML patients do not remain in remission.",  # no share cue
        "Overall response rate was 60% and disease control 95%, representing a clear benefit.",  # rates
        "Europe accounted for 50.5% and the U.S. for 50.4% of sales.",  # rounding tolerance
        "Respondents could give several answers: 70% cited cost and 60% cited access, representing key barriers.",
    ],
)
def test_shares_within_100_percent_or_not_shares_are_not_reported(text: str) -> None:
    assert rule_hits(text, SHARES) == []


@needs_shared
def test_seed_001_leukemia_shares_add_up_to_100_and_are_not_reported() -> None:
    text = (SEEDS / "001_11140a142e544612.txt").read_text(encoding="utf-8")
    assert rule_hits(text, SHARES) == []


def test_corpus_drafts_count_mismatch_is_found_and_matching_count_is_not() -> None:
    from tests.helpers import REPO

    corvane = (REPO / "corpus" / "corvane-ravolitide-phase2.txt").read_text(encoding="utf-8")
    [finding] = rule_hits(corvane, LIST)
    assert (finding.line, finding.column) == (
        5,
        63,
    ) and "says 6, but 5 are listed" in finding.message
    brenwick = (REPO / "corpus" / "brenwick-first-patient.txt").read_text(encoding="utf-8")
    assert rule_hits(brenwick, LIST) == []


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "Apple’s six software platforms — iOS, iPadOS, macOS, watchOS, and tvOS — provide"
            " seamless experiences across all Apple devices.",
            "says 6, but 5 are listed",
        ),
        (
            "The consortium was formed by its partners, Alpha, Beta, Gamma and Delta, the three"
            " founding members of the consortium.",
            "says 3, but 4 are listed",
        ),
        (
            "The Study includes but is not limited to the following three main improvements:\n\n"
            "(1) First, a tablet will be used.\n\n(2) Second, SNAC will be added.\n\n"
            "The Study is fully funded.",
            "says 3, but 2 are listed",
        ),
        (
            "The collaboration covers three oncology indications:\n\n1. TNBC\n\n2. NSCLC\n\n"
            "3. MDS\n\n4. AML\n\nAll four indications have INDs.",
            "says 3, but 4 are listed",
        ),
        (
            "Patients must meet two of the following:\n\n* Age of 18 or more\n\nThe trial is open.",
            "says 2, but 1 are listed",
        ),
        (
            "The Company operates through three business units: Vycor Medical, which makes VBAS"
            " for neurosurgeons; and NovaVision®, which offers therapy programs.",
            "says 3, but 2 are listed",
        ),
        (
            "ABVC holds patents in five key territories: the U.S., Australia, Japan, and Taiwan -"
            " laying a strong foundation.",
            "says 5, but 4 are listed",
        ),
        (
            "The drug is in three clinical trials: a Phase II trial in advanced carcinoid cancer"
            " patients, and a Phase I/IIa trial in relapsed or refractory multiple myeloma patients.",
            "says 3, but 2 are listed",
        ),
        (  # words between the count and its colon
            "Sorvent added two new hospital systems to its commercial network during the quarter:"
            " Allina Health, HealthPartners and Essentia Health.",
            "says 2, but 3 are listed",
        ),
        (  # names set off by a comma after the count, a phase between the number and the noun
            "The NDA is supported by results from three Phase 3 trials, REACH-1 and REACH-2, in"
            " which velomistat met its endpoints.",
            "says 3, but 2 are listed",
        ),
        ("Acme has four clinical programs, Alpha, Beta and Gamma.", "says 4, but 3 are listed"),
        (  # lowercase phrases after a colon
            "The trial is enrolling patients in two cohorts: previously untreated patients,"
            " patients who progressed on chemotherapy and patients who cannot receive it.",
            "says 2, but 3 are listed",
        ),
    ],
)
def test_lists_after_a_dash_a_colon_bullets_or_before_an_appositive_count_are_checked(
    text: str, says: str
) -> None:
    [finding] = rule_hits(text, LIST)
    assert says in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Apple’s five software platforms — iOS, iPadOS, macOS, watchOS, and tvOS — provide"
        " seamless experiences.",
        "Its partners, Alpha, Beta, Gamma and Delta, the four founding members, signed.",
        "In 2024, Alpha and Beta, the two companies, merged.",  # a date and a clause, not names
        "Patients must meet two of the following:\n\n* Age over 18\n\n* Prior therapy\n\n* ECOG 0-1\n\nDone.",
        "The study covers the following two improvements:\n\n(1) A tablet.\n\n(2) A capsule.\n\nDone.",
        "Of 17 subjects, five showed objective responses: 2 complete responses and 3 partial responses.",
        "Ten institutions include Emory, University of Colorado – Denver Children’s and Duke.",
        "It operates in four markets: the U.S., Australia, Japan, and Taiwan.",
        "The three sites: Rockville, Maryland and San Diego, California.",  # address commas
        "Acme has three programs such as Alpha and Beta.",  # a partial list may be shorter
        # the colon's list is the nearer count's, not the first one's
        "It will enroll 120 patients at six clinical sites: Alpha Clinic, Beta Center, Gamma"
        " Institute, Delta Hospital, Epsilon Clinic and Zeta Center.",
        "It studies two clinical drugs, Atiprimod and L-Annamycin.",
        "The study has three goals: to expand access, reduce costs and improve care.",
        "Acme runs two Phase 2 trials, ALPHA and BETA, in Europe.",
        # after the comma, a clause whose subject is two names, not a list of the count
        "With three trials, Pfizer and Merck lead the field.",
        "Acme has three programs, and Alpha and Beta are its partners.",
        # a clause between the count and the colon: the list is another noun's
        "Two years after its founding, the company counts these partners: Alpha, Beta and Gamma.",
    ],
)
def test_agreeing_partial_or_unreadable_new_list_forms_are_quiet(text: str) -> None:
    assert rule_hits(text, LIST) == []


def test_the_message_lists_bullet_items_without_their_own_punctuation() -> None:
    text = (
        "The program has the following three goals:\n\n- reduce cost;\n\n- improve access;\n\n"
        "- shorten time to care;\n\n- widen the network.\n\nDone."
    )
    [finding] = rule_hits(text, LIST)
    assert finding.message.endswith(
        ": reduce cost; improve access; shorten time to care; widen the network"
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("The trial tested two doses of AC-1: 10 mg, 20 mg and 40 mg once daily.", "says 2, but 3"),
        ("The trial tested two doses: 10 mg, 20 mg and 40 mg.", "says 2, but 3"),
        ("The study evaluated four dose levels: 0.3, 1 and 3 mg/kg.", "says 4, but 3"),
        ("The study evaluated two dosages: 5 mg, 10 mg and 100 µg.", "says 2, but 3"),
    ],
)
def test_a_list_of_doses_is_counted(text: str, says: str) -> None:
    [finding] = rule_hits(text, LIST)
    assert says in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "The trial tested three doses of AC-1: 10 mg, 20 mg and 40 mg once daily.",
        "The study evaluated three dose levels: 0.3, 1 and 3 mg/kg.",
        "Patients received two doses of AC-1, including a loading dose of 40 mg and 10 mg.",
        "Five responded: 2 patients at 10 mg and 3 patients at 20 mg.",  # a breakdown, not doses
    ],
)
def test_agreeing_or_breakdown_dose_lists_are_quiet(text: str) -> None:
    assert rule_hits(text, LIST) == []


BOARD_LEAD = "BOSTON, Nov. 5, 2026 /PRNewswire/ -- Acme Bio, Inc. (Nasdaq: ACMB) today announced "


@pytest.mark.parametrize(
    ("headline", "body", "says"),
    [
        (
            "Acme Bio Appoints Three New Members to Its Board of Directors",
            "the appointment of Jane Roe, Ph.D., John Doe, M.D., Mary K. Major and Sam Poe"
            " to its Board of Directors.",
            "'Three New Members' says 3, but 4 are listed at line 3: Jane Roe; John Doe;"
            " Mary K. Major; Sam Poe",
        ),
        (
            "Acme Bio Elects Two Directors",
            "that its shareholders elected Dr. Jane Roe, John Doe and Sam Poe to the Board.",
            "says 2, but 3 are listed",
        ),
        (
            "Stockholders Elect Three Directors",
            "that stockholders elected Anne-Marie Foster, David K. Osei, Linda Baptiste and Mark"
            " Feldman as Class II directors.",
            "says 3, but 4 are listed",
        ),
    ],
)
def test_a_headline_count_of_people_is_read_against_the_appointment_sentence(
    headline: str, body: str, says: str
) -> None:
    [finding] = rule_hits(f"{headline}\n\n{BOARD_LEAD}{body}", LIST)
    assert says in finding.message and finding.line == 1


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        # the same number of names, credentials dropped
        (
            "Acme Bio Appoints Two New Directors",
            "the appointment of Jane Roe, Ph.D., and John Doe, M.D., to its Board.",
        ),
        # fewer names in the sentence: the body may name the rest later
        (
            "Acme Bio Appoints Three New Directors",
            "the appointment of Jane Roe and John Doe. Sam Poe also joins the Board.",
        ),
        # a list with job titles in it lists roles, not only people
        (
            "Acme Bio Names Two New Executives",
            "the appointment of Jane Roe, Chief Financial Officer, John Doe, Chief Medical"
            " Officer, and Sam Poe.",
        ),
        # the headline counts no people
        (
            "Acme Bio Opens Two New Sites",
            "that it named Jane Roe, John Doe and Sam Poe as site leads.",
        ),
    ],
)
def test_headline_counts_the_appointment_sentence_agrees_with_are_quiet(
    headline: str, body: str
) -> None:
    assert rule_hits(f"{headline}\n\n{BOARD_LEAD}{body}", LIST) == []
