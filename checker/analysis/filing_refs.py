"""Find SEC filing references in a release: form, title, period.

A helper of the ``filings`` kind, not a kind. Recognises "Form 10-K",
"Forms 10-K and 10-Q", "Annual Report on Form 10-K/A for the year ended
December 31, 2005", "quarterly report on Form 10-Q for the quarter ended
...", "Form S-3/A declared effective on ..." and malformed forms ("Form
10K", "Form S1", "Form 10-QK"). Known form types: checker/data/sec_forms.json.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from checker.analysis.release_date import full_date
from checker.analysis.sec_data import MONTH_DAY_YEAR, load
from checker.document.model import Document, per_document
from checker.matching import engine, pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT

if TYPE_CHECKING:
    import regex

_TITLE = r"(?P<title>annual|quarterly|current|transition)\s+reports?\s+(?:on|of)\s+"
_TOKEN = r"(?:NT\s+)?(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{1,5}(?:-[A-Za-z0-9]{1,6})?(?:\s?/\s?[A-Za-z])?(?![\w/-])"
_REFERENCE = pattern_cache.compile(
    rf"""(?:{_TITLE})?
    \b(?P<lead>forms?)\s+(?P<form>{_TOKEN})
    (?:(?:\s*,\s*|\s+(?:and|or|and/or)\s+|\s*,\s*(?:and|or)\s+)(?:form\s+)?(?P<form>{_TOKEN}))*""",
    engine.VERBOSE | engine.IGNORECASE,
)
#: Where a reference's "Form" can start; every reference has one.
_LEAD = pattern_cache.compile(r"\bform", engine.IGNORECASE)
#: A title that ends right before a "Form": "annual report on ".
_TITLE_BEFORE = pattern_cache.compile(_TITLE + r"\Z", engine.IGNORECASE)
_NON_SPACE_BACKWARDS = pattern_cache.compile(r"(?r)\S")
#: The most characters other than white space a title has ("transition", "reports", "of").
_TITLE_LETTERS = len("transitionreportsof")
_PERIOD = pattern_cache.compile(
    rf"""\G[^.;]{{0,80}}?\bfor\s+(?:the|our|its|their)\s+
    (?P<word>(?:fiscal\s+)?(?:year|quarter)(?:\s+(?:19|20)\d\d)?
      |(?:three|six|nine|twelve)[- ]months?|(?:transition\s+)?period)
    \s+end(?:ed|ing)\s+(?P<date>{MONTH_DAY_YEAR})""",
    engine.VERBOSE | engine.IGNORECASE,
)


_FILED = pattern_cache.compile(
    rf"\G[^.;]{{0,100}}?\b(?:filed|furnished)\b[^.;]{{0,50}}?\bon\s+(?P<date>{MONTH_DAY_YEAR})",
    engine.IGNORECASE,
)
_DIGITS_THEN_LETTER = pattern_cache.compile(r"\A(\d+)([A-Z])")
_LETTERS_THEN_DIGIT = pattern_cache.compile(r"\A([A-Z]{1,2})(\d)")
_AGENCY_BEFORE = pattern_cache.compile(r"\b(?:FDA|IRS|USCIS|CMS)\s*\Z")
_TRAILING_YEAR = pattern_cache.compile(r"\s+(?:19|20)\d\d\Z")
_FISCAL_HEAD = pattern_cache.compile(r"\Afiscal\s+")


class FilingRef(NamedTuple):
    """One form as a release cites it; ``form`` is the canonical type, or None."""

    start: int
    end: int
    written: str
    form: str | None
    amended: bool
    title: str | None
    period_word: str | None
    period_end: datetime.date | None
    period_span: tuple[int, int] | None
    filed_on: datetime.date | None = None
    filed_span: tuple[int, int] | None = None


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], frozenset[str], regex.Pattern]:
    """Return the form families, the amendable forms and the SEC-form shape."""
    data = load("sec_forms")
    return (
        data["forms"],
        frozenset(data["amendable"]),
        pattern_cache.compile(data["sec_form_shape"]),
    )


def _hyphen_between(match: regex.Match) -> str:
    """Join a match's two groups with a hyphen: "10K" to "10-K".

    A function, not the template ``\\1-\\2``: ``regex`` expands a template
    in Python, importing its parser to do so (see ``checker.matching.engine``).
    """
    return f"{match[1]}-{match[2]}"


def canonical(written: str) -> tuple[str | None, bool]:
    """Return (canonical form type, amended) for a form as written, e.g. "10K" → ("10-K", False)."""
    forms, amendable, _shape = _forms()
    token = " ".join(written.upper().split()).replace(" /", "/").replace("/ ", "/")
    amended = token.endswith("/A")
    base = token[:-2] if amended else token
    candidates = [
        base,
        _DIGITS_THEN_LETTER.sub(_hyphen_between, base),
        _LETTERS_THEN_DIGIT.sub(_hyphen_between, base),
    ]
    if base == "12B-25":
        return "12b-25", amended
    for candidate in candidates:
        if candidate in forms:
            return candidate, amended
    for candidate in candidates:  # "10-KA": an amendment written without the slash
        if not amended and candidate.endswith("A") and candidate[:-1] in amendable:
            return candidate[:-1], True
    return None, amended


def looks_like_sec_form(written: str) -> bool:
    """Tell whether an unknown token is shaped like an SEC form (not "FDA Form 483")."""
    return _forms()[2].search(written.upper()) is not None


def family(form: str | None) -> str | None:
    """Return the report family of a canonical form: annual, quarterly, current, ..."""
    return _forms()[0].get(form) if form else None


@per_document
def references(document: Document) -> list[FilingRef]:
    """Return every form reference in the release, in order."""
    found: list[FilingRef] = []
    for match in reference_matches(document.text):
        if _after_fda(document.text, match.start("lead")):
            continue
        tokens = list(zip(match.captures("form"), match.starts("form"), match.ends("form")))
        period = _PERIOD.match(document.text, match.end(), timeout=PATTERN_TIMEOUT)
        filed = _FILED.match(
            document.text, period.end() if period else match.end(), timeout=PATTERN_TIMEOUT
        )
        for index, (written, start, end) in enumerate(tokens):
            form, amended = canonical(written)
            if index and form is None and "-" not in written:
                continue  # "Form 10-K and 2023 results": only forms continue a list
            last = index == len(tokens) - 1
            found.append(
                FilingRef(
                    start,
                    end,
                    written,
                    form,
                    amended,
                    match.group("title").lower() if match.group("title") and index == 0 else None,
                    _period_word(period.group("word")) if period and last else None,
                    full_date(period.group("date")) if period and last else None,
                    (period.start("word"), period.end("date")) if period and last else None,
                    full_date(filed.group("date")) if filed and last else None,
                    filed.span("date") if filed and last else None,
                )
            )
    return found


def reference_matches(text: str) -> Iterator[regex.Match]:
    """Yield the matches of a form reference as ``finditer`` would, trying only where "Form" stands.

    A reference starts at its "Form" or at the title right before it
    ("annual report on Form 10-K"), and a title holds no "Form": so trying
    those two places for each "Form", in order, finds what a scan of every
    position finds, without running the pattern's title alternatives at
    each of a release's characters (a third of a millisecond a release).
    """
    last_end = 0
    for lead in _LEAD.finditer(text, timeout=PATTERN_TIMEOUT):
        at = lead.start()
        if at < last_end:
            continue
        match = None
        title = _title_before(text, at, last_end)
        if title is not None:
            match = _REFERENCE.match(text, title, timeout=PATTERN_TIMEOUT)
        if match is None:
            match = _REFERENCE.match(text, at, timeout=PATTERN_TIMEOUT)
        if match is not None:
            last_end = match.end()
            yield match


def _title_before(text: str, at: int, floor: int) -> int | None:
    """Return where a title ending right at *at* starts (not before *floor*), or None."""
    start = at
    for count, letter in enumerate(_NON_SPACE_BACKWARDS.finditer(text, floor, at), 1):
        start = letter.start()
        if count == _TITLE_LETTERS:
            break
    title = _TITLE_BEFORE.search(text, start, at, timeout=PATTERN_TIMEOUT)
    return title.start() if title else None


def _after_fda(text: str, start: int) -> bool:
    """Tell whether "Form" follows "FDA" or "IRS": their forms are not SEC forms."""
    return _AGENCY_BEFORE.search(text[max(0, start - 8) : start]) is not None


def _period_word(word: str) -> str:
    """Normalise "fiscal year 2022", "six-months" to "year", "six months"."""
    word = _TRAILING_YEAR.sub("", word.lower()).replace("-", " ")
    word = _FISCAL_HEAD.sub("", word)
    return " ".join(word.split())
