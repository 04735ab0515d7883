"""The people a headline counts, read from the body's appointment sentence.

"Acme Appoints Three New Members to Its Board" leaves the names to the
body, which seldom repeats the number: "announced the appointment of Jane
Roe, John Doe, Mary Major and Sam Poe to its Board of Directors". The list
after an appointment word is read as full names only (first and last name,
titles and initials allowed; credentials such as "Ph.D." after a name are
no items), and a list with a job title in it ("Jane Roe, Chief Financial
Officer, and John Doe") is not read at all. Only more names than the
headline says is reported: the body may name the rest in a later sentence,
but it cannot appoint a fourth of three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from checker.document.model import Document
from checker.document.parts import HEADLINE, SUBHEADLINE
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, compile_pattern

if TYPE_CHECKING:
    import regex

#: A full name: a given name (or an initial; "Anne-Marie" hyphenated) and a surname,
#: capitalised, with an optional title before it and middle names, initials or particles inside.
#: The repeats are bounded: an initial reads two ways ("J." as a middle
#: initial or a name), and a long run of them must not be tried every way.
_NAME = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"\p{Lu}[\p{Ll}'’]*(?:-\p{Lu}[\p{Ll}'’]+)?\.?"
    r"(?:\s+(?:\p{Lu}\.|de|del|della|van|von|der|den|da|di|du|la|le|bin|al-?)){0,3}"
    r"(?:\s+\p{Lu}[\p{L}'’-]*\.?){1,3}"
)
#: Between two names of a list: a comma, "and", or both.
_SEPARATOR = pattern_cache.compile(r",\s*(?:and\s+)?|\s+and\s+")
#: The end of a whole list: "and" before its last name.
_CLOSED = pattern_cache.compile(r"(?:,\s*|\s+)and\s+\S[^,]*\Z")


class Appointed(NamedTuple):
    """What finds the body's list of the people a headline counts."""

    people: regex.Pattern
    opening: regex.Pattern
    names: regex.Pattern
    credentials: regex.Pattern
    titles: regex.Pattern


def compile_appointed(
    people: str, appointed: str, credentials: str, titles: str, where: str
) -> Appointed:
    """Compile the pack's patterns: people nouns, appointment words, credentials, job titles.

    Each is checked alone first, so that a bad one is named as its author
    wrote it; the combined patterns are compiled as the pack's own (a user's
    pack keeps its time limit).
    """
    for name, source in (
        ("people", people),
        ("appointed", appointed),
        ("credentials", credentials),
        ("titles", titles),
    ):
        compile_pattern(source, f"{where}.{name}")
    credential = rf"(?:,?\s*(?:{credentials})\b\.?)"
    return Appointed(
        people=compile_pattern(rf"\b(?:{people})\Z", f"{where}.people", ignore_case=True),
        opening=compile_pattern(rf"\b(?:{appointed})\s+", f"{where}.appointed", ignore_case=True),
        names=compile_pattern(
            rf"(?P<list>{_NAME}{credential}*"
            rf"(?:(?:,\s*(?:and\s+)?|\s+and\s+){_NAME}{credential}*)+)",
            f"{where}.credentials",
        ),
        credentials=compile_pattern(rf"{credential}+(?=,|\s+and\s|\s*\Z)", f"{where}.credentials"),
        titles=compile_pattern(rf"\b(?:{titles})\b", f"{where}.titles"),
    )


def appointees(
    check: Appointed, document: Document, phrase: str
) -> tuple[int, tuple[str, ...]] | None:
    """Return where the body lists the people a headline phrase counts, and their names.

    The first body sentence with an appointment word followed by a list of
    two or more full names closed by "and" is the list; None when the
    phrase does not count people or no such sentence exists.
    """
    if not check.people.search(phrase.strip(), timeout=PATTERN_TIMEOUT):
        return None
    text = document.text
    for start, end in document.sentences:
        if document.part_at(start) in (HEADLINE, SUBHEADLINE):
            continue
        for opening in check.opening.finditer(text, start, end, timeout=PATTERN_TIMEOUT):
            names = _names_after(check, text, opening.end(), end)
            if names is not None:
                return opening.end(), names
    return None


def _names_after(check: Appointed, text: str, at: int, end: int) -> tuple[str, ...] | None:
    """Return the full names listed at *at*, credentials dropped, or None if no closed list."""
    found = check.names.match(text, at, end, timeout=PATTERN_TIMEOUT)
    if found is None:
        return None
    listed = check.credentials.sub("", found.group("list"))
    if not _closed(listed):
        return None
    parts = [part.strip() for part in _SEPARATOR.split(listed) if part.strip()]
    if any(check.titles.search(part, timeout=PATTERN_TIMEOUT) for part in parts):
        return None  # "Jane Roe, Chief Financial Officer, and John Doe": titles, not people
    return tuple(parts) if len(parts) >= 2 else None


def _closed(listed: str) -> bool:
    """Tell whether the list ends with "and" before its last name, as a whole list does."""
    return bool(_CLOSED.search(listed, timeout=PATTERN_TIMEOUT))
