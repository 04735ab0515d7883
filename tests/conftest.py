"""Shared test helpers: lint a string with chosen rules, find the repo's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import load_config, lint_text
from checker.config.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
REALWORLD = SHARED / "realworld" / "releases"


def findings(text: str, select: str = "", date: str | None = None, packs: tuple = (), ignore: str = "") -> list:
    """Lint *text* with the built-in packs (plus *packs*), keeping rules under *select*."""
    settings = Settings(
        select=tuple(t for t in select.split(",") if t),
        ignore=tuple(t for t in ignore.split(",") if t),
        date=date,
        packs=tuple(packs),
    )
    return lint_text(text, load_config(settings))


def rule_hits(text: str, rule_id: str, **kwargs) -> list:
    """Return the findings of one rule on *text*."""
    return [finding for finding in findings(text, **kwargs) if finding.rule == rule_id]


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """Keep prlint's caches for the test run in a folder of their own, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared (seeds and real-world releases) is not beside this checkout"
)


def pytest_addoption(parser) -> None:
    """``--update-golden`` rewrites corpus/*.expected from prlint's output (a deliberate act)."""
    parser.addoption("--update-golden", action="store_true", help="rewrite the corpus golden files")
