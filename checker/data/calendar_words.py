"""Month and weekday names, from ``checker/data/calendar.json``, as regex alternations and lookups.

Every pattern that reads a month or a weekday (the dateline, date
mentions, SEC filing dates, profile patterns) is built here from the one
data file, so the places cannot drift apart. Where a place reads fewer or
more forms, it says so by the arguments it passes: date mentions also read
full names in capitals ("DECEMBER 31, 2006", in headlines and legal text),
which a dateline does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from checker.data import load
from checker.matching import engine


class Month(NamedTuple):
    """A month: its number (1-12), full name, AP form before a day, and other forms in use."""

    number: int
    name: str
    ap: str
    other: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form a date pattern reads, the full name first (no repeats)."""
        return tuple(dict.fromkeys((self.name, self.ap, *self.other)))


class Weekday(NamedTuple):
    """A weekday: its number (Monday is 0, as in datetime), full name and abbreviations."""

    number: int
    name: str
    abbreviations: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form a date pattern reads, the full name first."""
        return (self.name, *self.abbreviations)


@cache
def months() -> tuple[Month, ...]:
    """Return the twelve months in calendar order."""
    return tuple(
        Month(entry["number"], entry["name"], entry["ap"], tuple(entry["other"]))
        for entry in load("calendar")["months"]
    )


@cache
def weekdays() -> tuple[Weekday, ...]:
    """Return the seven weekdays, Monday first."""
    return tuple(
        Weekday(entry["number"], entry["name"], tuple(entry["abbreviations"]))
        for entry in load("calendar")["weekdays"]
    )


def alternation(words: Iterable[str]) -> str:
    """Return a regex group matching exactly *words*, the longest first where one extends another.

    The words are merged by common prefix ("Jan(?:\\.|uary)?" rather than
    "January|Jan\\.|Jan"), as a hand-written pattern would be: as compact,
    and as fast to scan with (the date-mention scan of every real release
    took the same time with the hand-written month and weekday patterns).
    Optional tails are greedy, so "Sept. 5" reads as "Sept." before "Sept".
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return "(?:" + "|".join(_branches(trie)) + ")"


def _branches(node: dict[str, dict]) -> list[str]:
    """Return one regex per letter that can follow a trie node, in code-point order."""
    return [engine.escape(char) + _tail(child) for char, child in sorted(node.items()) if char]


def _tail(node: dict[str, dict]) -> str:
    """Return the regex for what may follow a trie node: nothing, one branch, or a group."""
    branches = _branches(node)
    ends_here = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    letters = [char for char in node if char]
    if len(letters) == 1 and node[letters[0]] == {"": {}}:
        return branches[0] + "?"  # one optional character: "June?"
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


@cache
def month_pattern(capitals: bool = False) -> str:
    """Return the alternation of every month form; with *capitals*, full names in capitals too."""
    mixed = alternation(form for month in months() for form in month.forms)
    if not capitals:
        return mixed
    return f"(?:{mixed}|{alternation(month.name.upper() for month in months())})"


@cache
def weekday_pattern() -> str:
    """Return the alternation of every weekday form ("Tuesday", "Tue.", "Tues.")."""
    return alternation(form for day in weekdays() for form in day.forms)


def month_names() -> list[str]:
    """Return the full month names, January first."""
    return [month.name for month in months()]


def ap_abbreviations() -> list[str]:
    """Return the AP forms that abbreviate a name ("Jan.", "Sept."), in calendar order."""
    return [month.ap for month in months() if month.ap != month.name]


def month_numbers() -> dict[str, int]:
    """Map the first three letters of a month, lower case, to its number ("sep" is 9)."""
    return {month.name[:3].lower(): month.number for month in months()}


def weekday_numbers() -> dict[str, int]:
    """Map the first three letters of a weekday, lower case, to its number ("tue" is 1)."""
    return {day.name[:3].lower(): day.number for day in weekdays()}
