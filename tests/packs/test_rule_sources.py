"""Every shipped rule and data file names a source a user can look up.

A rule's ``source`` is what ``prlint explain`` shows a reviewer who asks "says
who?", so it has to name something outside prlint that the reviewer can
check: a statute, a CFR section, an SEC form, rule or release, an FDA
regulation, an AP Stylebook entry, an exchange filing or a URL. Citations of
the team's research notes (``research/domain.md``) are not in the package and
mean nothing to a user.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO

RULE_FILES = sorted((REPO / "rules").glob("*.json")) + sorted(
    (REPO / "rules" / "profiles").glob("*.json")
)
DATA_FILES = sorted((REPO / "checker" / "data").glob("*.json"))
CODE_FILES = sorted((REPO / "checker").rglob("*.py"))

# Notes that live outside the package; a user cannot follow them.
PRIVATE = re.compile(r"research/|domain\.md|peers\.md")

# Citation forms a reader can look up, one of which every rule source needs.
CHECKABLE = re.compile(
    r"""
      \bU\.S\.C\.                                   # statute: 15 U.S.C. 78u-5
    | \b\d+\s+CFR\b                                 # regulation: 21 CFR 312.7
    | \bPub\.\s+L\.\s+\d                            # public law
    | \b(?:Act|FDASIA|FDAMA)\b[^;]*\b(?:19|20)\d\d\b  # statute by name and year
    | \bRules?\s+[0-9]                              # Exchange Act Rule 12b-25
    | \bRegulation\s+(?:G|S-K|S-T|S-X|FD)\b
    | \bForms?\s+[0-9A-Z]{1,3}-?[0-9A-Z]*           # Form 10-K
    | \bRelease(?:s|\s+No\.)?\s+(?:\d|33-|34-)      # SEC Release 33-8128
    | \bSR-[A-Z]+-\d{4}-\d+                         # exchange rule filing
    | \bAP\s+Stylebook,\s+'                         # AP Stylebook entry by name
    | \bChicago\s+Manual\s+of\s+Style\b.*\d         # CMOS section or URL
    | \b\d+\s+F\.\d?d\s+\d+                         # case: 377 F.3d 727
    | https?://\S+
    | \b(?:FDA|SEC|Nasdaq|NASDAQ|NYSE|FINRA|OTC\s+Markets|Deutsche\s+Boerse
         |ClinicalTrials\.gov|USAN|WHO|ISO\s+\d+|Unicode)\b
    | \bprlint\s+(?:documentation|init)\b           # prlint's own directives and profiles
    """,
    re.VERBOSE,
)


def _rule_sources() -> Iterator[tuple[str, str]]:
    """Yield (rule id, source) for every rule in every shipped pack."""
    for path in RULE_FILES:
        pack = json.loads(path.read_text(encoding="utf-8"))
        for rule in pack["rules"]:
            yield rule["id"], rule["source"]


def _data_sources(value: object) -> Iterator[str]:
    """Yield every "source" string anywhere in a data file's JSON."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source" and isinstance(item, str):
                yield item
            else:
                yield from _data_sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _data_sources(item)


def is_checkable(source: str) -> bool:
    """A source is checkable when it cites no private note and names a public one."""
    return not PRIVATE.search(source) and CHECKABLE.search(source) is not None


def test_rule_files_found() -> None:
    assert len(list(_rule_sources())) > 100


@pytest.mark.parametrize("path", RULE_FILES + DATA_FILES, ids=lambda p: p.name)
def test_no_shipped_file_cites_research_notes(path: Path) -> None:
    assert not PRIVATE.search(path.read_text(encoding="utf-8"))


def test_no_code_cites_research_notes() -> None:
    cited = [p.relative_to(REPO) for p in CODE_FILES if PRIVATE.search(p.read_text("utf-8"))]
    assert cited == []


def test_every_rule_source_is_checkable() -> None:
    vague = [rule_id for rule_id, source in _rule_sources() if not is_checkable(source)]
    assert vague == []


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_source_is_checkable(path: Path) -> None:
    sources = list(_data_sources(json.loads(path.read_text(encoding="utf-8"))))
    assert sources, f"{path.name} names no source"
    assert [s for s in sources if not is_checkable(s)] == []


@pytest.mark.parametrize(
    "source",
    [
        "research/domain.md 4, DATE-WEEKDAY-MISMATCH",
        "21 CFR 312.7(a); research/domain.md 5.1",
        "Newswire editorial checks for markup residue",
        "AP Stylebook",
        "industry practice",
        "Securities law",
    ],
)
def test_vague_or_private_sources_are_rejected(source: str) -> None:
    assert not is_checkable(source)


@pytest.mark.parametrize(
    "source",
    [
        "Private Securities Litigation Reform Act of 1995, 15 U.S.C. 78u-5(c)(1)(A)(i)",
        "Exchange Act Rule 12b-25, 17 CFR 240.12b-25",
        "Form 10-K General Instruction A",
        "AP Stylebook, 'months'",
        "SR-NASDAQ-2006-008",
        "SEC Release 33-8128 (2002)",
    ],
)
def test_primary_sources_are_accepted(source: str) -> None:
    assert is_checkable(source)
