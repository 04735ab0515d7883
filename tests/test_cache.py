"""prlint's cache: built data is reused, rebuilt when damaged, and can be turned off."""

from __future__ import annotations

from checker.cache import built_data


def test_built_data_is_reused_then_rebuilt_when_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return frozenset({"alpha", "beta"})

    assert built_data("words", "v1", build) == frozenset({"alpha", "beta"})
    assert built_data("words", "v1", build) == frozenset({"alpha", "beta"})
    assert len(calls) == 1  # the second call loaded the cache
    [cached] = (tmp_path / "prlint" / "data").glob("words-*.marshal")
    cached.write_bytes(b"\x00garbage")
    assert built_data("words", "v1", build) == frozenset({"alpha", "beta"})
    assert len(calls) == 2  # damaged: rebuilt
    built_data("words", "v2", build)
    assert len(calls) == 3  # another package version: rebuilt


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("PRLINT_NO_CACHE", "1")
    assert built_data("words", "v1", lambda: {"x": 1}) == {"x": 1}
    assert not (tmp_path / "prlint").exists()
