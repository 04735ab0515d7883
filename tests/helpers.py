"""Helpers the tests share: lint a string with chosen rules, find the repo's data.

Fixtures live in ``conftest.py``; plain helpers live here so that every test
imports them the same way, ``from tests.helpers import ...``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.api import lint_text, load_config
from checker.config.settings import Settings
from checker.model import Finding

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
REALWORLD = SHARED / "realworld" / "releases"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason="../shared (seeds and real-world releases) is not beside this checkout",
)

#: The fields every rule of a test pack shares, so a test writes only what it is about.
TEST_RULE = {
    "category": "style",
    "severity": "warning",
    "why": "Because.",
    "source": "Test.",
    "examples": {"fail": ["x"], "pass": ["y"]},
}


def findings(
    text: str,
    select: str = "",
    date: str | None = None,
    packs: tuple = (),
    ignore: str = "",
    extend: str = "",
) -> list[Finding]:
    """Lint *text* with the built-in packs (plus *packs*), keeping rules under *select*."""
    settings = Settings(
        select=tuple(t for t in select.split(",") if t),
        extend_select=tuple(t for t in extend.split(",") if t),
        ignore=tuple(t for t in ignore.split(",") if t),
        date=date,
        packs=tuple(packs),
    )
    return lint_text(text, load_config(settings))


def rule_hits(text: str, rule_id: str, **kwargs) -> list[Finding]:
    """Return the findings of one rule on *text* (an opt-in rule is turned on for it)."""
    kwargs.setdefault("extend", rule_id)
    return [finding for finding in findings(text, **kwargs) if finding.rule == rule_id]


def test_pack(tmp_path: Path, *rules: dict) -> tuple[Path]:
    """Write a pack ``t`` with *rules* and return it as a ``packs`` argument."""
    path = tmp_path / "t.json"
    body = {
        "id": "t",
        "version": "1.0.0",
        "description": "Test.",
        "rules": [{**TEST_RULE, **rule} for rule in rules],
    }
    path.write_text(json.dumps(body), encoding="utf-8")
    return (path,)


test_pack.__test__ = False  # a helper, not a test


def run_rules(tmp_path: Path, text: str, *rules: dict) -> list[Finding]:
    """Lint *text* with only the test pack's rules."""
    return findings(text, select="t", packs=test_pack(tmp_path, *rules))


def check_values(check: object) -> list:
    """Return the values of a compiled check's fields (checks are named tuples, or plain objects)."""
    as_dict = getattr(check, "_asdict", None)
    return list(as_dict().values() if as_dict else vars(check).values())


def run_listing_modules(prefixes: tuple[str, ...], *arguments: str) -> subprocess.CompletedProcess:
    """Run prlint with *arguments* in a new process; its stderr lists the modules it loaded.

    Only the modules whose names start with one of *prefixes* are listed,
    sorted, as a Python list: what a test of what a run imports compares.
    """
    script = (
        "import sys\n"
        "from checker.cli import run\n"
        "try:\n"
        "    run()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(name for name in sys.modules if name.startswith({prefixes!r})), file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, *arguments], capture_output=True, text=True, timeout=300
    )
