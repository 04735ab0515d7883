"""Fixtures and options for the whole suite (plain helpers are in ``tests/helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cache import store


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """Keep prlint's caches for the test run in a folder of their own, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))  # the cache secret
        yield


@pytest.fixture(autouse=True)
def _caches_on(monkeypatch):
    """Undo ``--no-cache`` after each test: it turns caches off for the whole process."""
    monkeypatch.setattr(store, "_disabled", False)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A cache folder and a secret of this test's own; returns the cache root.

    It takes the name of pytest's own ``cache`` fixture, which this suite does not use.
    """
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("PRLINT_NO_CACHE", raising=False)
    return tmp_path / "cache" / "prlint"


def pytest_addoption(parser) -> None:
    """``--update-golden`` rewrites corpus/*.expected from prlint's output (a deliberate act)."""
    parser.addoption("--update-golden", action="store_true", help="rewrite the corpus golden files")
