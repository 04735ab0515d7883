"""Company profiles: prlint init, profile packs, boilerplate drift."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.api import lint_text, load_config
from checker.cli import main
from checker.config.settings import Settings
from checker.errors import RulePackError
from checker.packs.loader import builtin_pack_paths, load_packs
from tests.helpers import REPO, SEEDS, needs_shared

EXAMPLE = REPO / "rules" / "profiles" / "callisto.json"

ABOUT = (
    "Zephyra Bio, Inc. is a clinical-stage company developing Quellimab for severe asthma and ZPH-212 for "
    "chronic cough. Zephyra has exclusive rights to Quellimab from Norvance AG."
)
LEGEND = (
    "This press release contains forward-looking statements, including statements about the timing of trials of "
    "Quellimab. Actual results could differ materially because of risks of clinical development, regulatory "
    "review and financing. These and other risks are described in Zephyra's Annual Report on Form 10-K for the "
    "year ended December 31, {year}. Zephyra undertakes no obligation to update these statements."
)


def release(day: int, body: str, year: int = 2025) -> str:
    return (
        f"Zephyra Bio Reports Progress\n\nBOSTON, May {day}, 2026 /PRNewswire/ -- Zephyra Bio, Inc. (Nasdaq: ZPHR) "
        f"today announced news. {body}\n\nAbout Zephyra Bio, Inc.\n\n{ABOUT}\n\n"
        f"Forward-Looking Statements\n\n{LEGEND.format(year=year)}\n"
    )


@pytest.fixture()
def releases(tmp_path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "a.txt").write_text(release(1, "Quellimab dosing began."), encoding="utf-8")
    (folder / "b.txt").write_text(
        release(8, "ZPH-212 data were presented.", 2024), encoding="utf-8"
    )
    (folder / "c.txt").write_text(
        release(15, "Quellimab enrollment is complete."), encoding="utf-8"
    )
    return folder


def init(*args):
    return CliRunner().invoke(main, ["init", *[str(arg) for arg in args]])


def test_init_finds_the_issuer_from_our_own_releases(releases, tmp_path) -> None:
    output = tmp_path / "zephyra.json"
    result = init("--from", releases, "-o", output)
    assert result.exit_code == 0, result.output + result.stderr
    assert "ticker: Nasdaq: ZPHR (3 of 3 releases)" in result.output
    pack = json.loads(output.read_text(encoding="utf-8"))
    profile = pack["profile"]
    assert pack["id"] == "zephyra"
    assert (profile["legal_name"], profile["short_name"]) == ("Zephyra Bio, Inc.", "Zephyra")
    assert profile["tickers"] == [{"exchange": "Nasdaq", "symbol": "ZPHR"}]
    assert {"Quellimab", "ZPH-212"} <= set(profile["products"])
    assert "Norvance" not in profile["products"]  # the licensor, "Norvance AG", is a company
    assert profile["fiscal_year_end"] == "12-31"
    drift = next(rule for rule in pack["rules"] if rule["id"] == "zephyra.about-drift")
    assert drift["check"]["approved"] == ABOUT
    load_packs([output])  # it validates


def test_init_never_overwrites_without_force(releases, tmp_path) -> None:
    output = tmp_path / "zephyra.json"
    output.write_text("keep me", encoding="utf-8")
    result = init("--from", releases, "-o", output)
    assert result.exit_code == 2 and "pass --force" in result.stderr
    assert output.read_text(encoding="utf-8") == "keep me"
    assert init("--from", releases, "-o", output, "--force").exit_code == 0


def test_profile_reports_drift_with_a_word_diff_and_the_approved_fix(releases, tmp_path) -> None:
    output = tmp_path / "zephyra.json"
    init("--from", releases, "-o", output)
    config = load_config(Settings(packs=(output,), select=("zephyra",)))
    drifted = release(22, "More news.").replace("severe asthma", "moderate asthma")
    [finding] = lint_text(drifted, config)
    assert finding.rule == "zephyra.about-drift"
    assert "[-severe-]{+moderate+} asthma" in finding.message
    assert finding.fix.replacement == "severe"
    assert (
        lint_text(release(22, "More news.", 2026), config) == []
    )  # a new 10-K year is a variable span
    missing = release(22, "More news.").split("About Zephyra")[0]
    assert [f.rule for f in lint_text(missing, config)] == [
        "zephyra.about-missing",
        "zephyra.legend-missing",
    ]


def test_profile_product_misspelling_gets_the_profile_spelling(releases, tmp_path) -> None:
    output = tmp_path / "zephyra.json"
    init("--from", releases, "-o", output)
    config = load_config(Settings(packs=(output,), select=("zephyra.product-names",)))
    [finding] = lint_text(release(22, "Quellimba dosing began."), config)
    assert finding.fix.replacement == "Quellimab"


def test_a_profile_that_fails_the_schema_is_rejected_with_file_and_path(tmp_path) -> None:
    pack = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    pack["profile"]["tickers"][0]["symbol"] = "kal lower"
    pack["profile"]["fiscal_year_end"] = "December"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(pack), encoding="utf-8")
    with pytest.raises(RulePackError) as error:
        load_packs([broken])
    problems = error.value.problems
    assert any("broken.json: $.profile.tickers[0].symbol:" in problem for problem in problems)
    assert any("broken.json: $.profile.fiscal_year_end:" in problem for problem in problems)


def test_the_example_profile_examples_hold() -> None:
    config = load_config(Settings(packs=(EXAMPLE,)))
    for rule in load_packs([*builtin_pack_paths(), EXAMPLE]).rules:
        if not rule.id.startswith("callisto."):
            continue
        for text in rule.examples_fail:
            assert any(f.rule == rule.id for f in lint_text(text, config)), rule.id
        for text in rule.examples_pass:
            assert not [f for f in lint_text(text, config) if f.rule == rule.id], rule.id


@needs_shared
def test_init_from_the_seeds_names_callisto(tmp_path) -> None:
    output = tmp_path / "p.json"
    result = init("--from", SEEDS, "-o", output)
    assert result.exit_code == 0
    profile = json.loads(output.read_text(encoding="utf-8"))["profile"]
    assert profile["legal_name"] == "Callisto Pharmaceuticals, Inc."
    assert {"exchange": "AMEX", "symbol": "KAL"} in profile["tickers"]
    assert {"exchange": "FWB", "symbol": "CA4"} in profile["tickers"]
    assert {"Atiprimod", "L-Annamycin", "annamycinol"} <= set(profile["products"])


@needs_shared
def test_example_profile_reports_the_seeds_drift() -> None:
    config = load_config(Settings(packs=(EXAMPLE,), select=("callisto",)))
    found = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        found[seed.name[:3]] = [
            (f.rule, f.message) for f in lint_text(seed.read_text(encoding="utf-8"), config)
        ]
    assert (
        "callisto.about-drift",
        "The About paragraph differs from the approved text: …relapsed or refractory acute [-lymphoblastic-]{+lymphocytic+} leukemia patients in 4Q…",
    ) in found["002"]
    assert any(
        "[-other-]{+its+} periodic reports" in message
        for rule, message in found["001"]
        if rule == "callisto.legend-drift"
    )
    assert (
        "callisto.product-names",
        "'L-Annamcyin' looks like a misspelling of 'L-Annamycin'",
    ) in found["001"]


def test_a_draft_disagreeing_with_the_profile_gets_the_profiles_forms() -> None:
    config = load_config(
        Settings(packs=(EXAMPLE,), select=("sec.ticker-inconsistent", "callisto.product-names"))
    )
    draft = (
        "NEW YORK, March 1, 2007 /PRNewswire/ -- Callisto Pharmaceuticals, Inc. (AMEX: KAI)(FWB: CA4) "
        "announced data on Atiprimdo.\n"
    )
    found = {finding.rule: finding for finding in lint_text(draft, config)}
    ticker = found["sec.ticker-inconsistent"]
    assert ticker.fix.replacement == "KAL" and "in the company profile" in ticker.message
    assert found["callisto.product-names"].fix.replacement == "Atiprimod"


def test_init_refuses_releases_of_several_issuers_and_names_them(releases, tmp_path) -> None:
    other = (
        "Orvane Reports Results\n\nDALLAS, May {day}, 2026 /PRNewswire/ -- Orvane Systems Corp. "
        "(NYSE: ORVS) today reported results.\n"
    )
    for day in (2, 9):
        (releases / f"orvane-{day}.txt").write_text(other.format(day=day), encoding="utf-8")
    result = init("--from", releases, "-o", tmp_path / "p.json")
    assert result.exit_code == 2
    assert "several issuers" in result.stderr
    assert "Zephyra Bio, Inc. (3)" in result.stderr and "Orvane Systems Corp. (2)" in result.stderr
    assert not (tmp_path / "p.json").exists()


def test_init_takes_the_approved_about_text_from_the_newest_release(releases, tmp_path) -> None:
    newer = ABOUT.replace("severe asthma", "severe eosinophilic asthma")
    text = release(20, "Quellimab news.").replace(ABOUT, newer)
    (releases / "d.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "z.json"
    assert init("--from", releases, "-o", output).exit_code == 0
    pack = json.loads(output.read_text(encoding="utf-8"))
    drift = next(rule for rule in pack["rules"] if rule["id"] == "zephyra.about-drift")
    assert drift["check"]["approved"] == newer  # three older releases agree, but the newest wins


def test_drift_is_one_finding_per_paragraph_with_a_short_word_diff(tmp_path) -> None:
    from tests.helpers import run_rules

    rule = {
        "id": "t.about",
        "category": "boilerplate",
        "message": "The {block} differs: {diff}",
        "check": {"kind": "boilerplate", "block": "about", "report": "drift", "approved": ABOUT},
    }
    changed = (
        ABOUT.replace("clinical-stage", "commercial-stage")
        .replace("severe asthma", "mild asthma")
        .replace("exclusive rights", "rights")
    )
    [finding] = run_rules(tmp_path, release(1, "News.").replace(ABOUT, changed), rule)
    assert "[-clinical-stage-]{+commercial-stage+}" in finding.message
    assert "(and 1 more change)" in finding.message
    assert finding.fix is None  # three changes: no single replacement is safe to offer
    [single] = run_rules(
        tmp_path, release(1, "News.").replace(ABOUT, ABOUT.replace("severe", "mild")), rule
    )
    assert single.fix is not None and single.fix.replacement == "severe"


def test_init_products_leave_out_exchanges_and_wires_and_keep_letter_code_names(tmp_path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    for day in (1, 8):
        body = "ZPH-MVA dosing began, Nasdaq said on NewMediaWire and Nasdaq again."
        (folder / f"{day}.txt").write_text(release(day, body), encoding="utf-8")
    output = tmp_path / "z.json"
    assert init("--from", folder, "-o", output).exit_code == 0
    products = json.loads(output.read_text(encoding="utf-8"))["profile"]["products"]
    assert "ZPH-MVA" in products
    assert "Nasdaq" not in products and "NewMediaWire" not in products


def test_init_products_leave_out_diseases_institutions_and_other_companies_brands(tmp_path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    bodies = [
        "Our ZPH-MVA vaccine protects against the Marburg virus and COVID-19 in models. "
        "A Clade I outbreak was reported. The Harlow Cancer Institute leads the trial of "
        "Quellimab in combination with Keytruda, and commercially available Wegovy is the control.",
        "Quellimab and ZPH-MVA advanced; the Harlow Cancer Institute and Marburg virus work go on. "
        "Novo Nordisk's Wegovy® sales grew. Clade II cases fell. Keytruda was not studied.",
    ]
    for day, body in zip((1, 8), bodies, strict=True):
        (folder / f"{day}.txt").write_text(release(day, body), encoding="utf-8")
    output = tmp_path / "z.json"
    assert init("--from", folder, "-o", output).exit_code == 0
    products = set(json.loads(output.read_text(encoding="utf-8"))["profile"]["products"])
    assert {"Quellimab", "ZPH-MVA"} <= products
    assert not products & {"Marburg", "COVID-19", "Clade", "Harlow", "Keytruda", "Wegovy"}
