"""Ticker mentions: which company a symbol belongs to."""

from __future__ import annotations

from checker.analysis import ticker_mentions


def test_a_leading_the_does_not_make_another_company() -> None:
    assert ticker_mentions.same_company("Buckle, Inc.", "The Buckle, Inc.")
    assert ticker_mentions.same_company("The Buckle, Inc.", "Buckle, Inc.")
    assert not ticker_mentions.same_company("The Gap, Inc.", "Buckle, Inc.")
