"""Recognise the parts of a press release in a list of paragraphs.

A release reads, top to bottom: headline, subheadlines, a dateline opening
the lead paragraph, body, an "About <Company>" boilerplate paragraph, the
forward-looking-statements legend, contacts, and a trailer (``###``,
``SOURCE ...``). Headings may be missing: the legend and the About paragraph
are also recognised by what they say.
"""

from __future__ import annotations

from typing import NamedTuple

from checker.document.dateline import Dateline, find_dateline
from checker.document.segments import Span
from checker.matching import pattern_cache

HEADLINE = "headline"
SUBHEADLINE = "subheadline"
DATELINE = "dateline"
BODY = "body"
ABOUT = "about"
LEGEND = "legend"
CONTACTS = "contacts"
TRAILER = "trailer"

#: Every part name, in reading order; rule scopes use these names.
PART_NAMES = (HEADLINE, SUBHEADLINE, DATELINE, BODY, ABOUT, LEGEND, CONTACTS, TRAILER)

_MARKDOWN_HEADING = pattern_cache.compile(r"\A#{1,6}\s+")
_ABOUT_HEADING = pattern_cache.compile(r"\A(?:#{1,6}\s+)?About\s+(?P<name>\S.*?)\s*:?\Z")
_LEGEND_HEADING = pattern_cache.compile(
    r"(?i)forward[- ]looking|safe[- ]harbou?r|cautionary\s+(?:note|statement|language)"
)
_CONTACT_HEADING = pattern_cache.compile(
    r"(?i)\A(?:#{1,6}\s+)?(?:[A-Za-z/&]+\s+){0,3}"
    r"(?:contacts?|relations|inquiries|for\s+(?:more|further)\s+information)\b"
)
#: A contact label run into its paragraph: "Media Contact: ...".
_CONTACT_LABEL = pattern_cache.compile(r"(?i)(?:\w+\s+){0,2}contacts?:")
_TRAILER = pattern_cache.compile(r"\A(?:#\s*#\s*#|-\s*(?:30|0)\s*-|SOURCE:?\s+\S)")
# A legend heading run into its paragraph: "“Safe Harbor” Statement: ...",
# "CAUTIONARY STATEMENT REGARDING FORWARD-LOOKING INFORMATION: ..."
_INLINE_LEGEND_HEADING = pattern_cache.compile(
    r"(?i)\A[“\"]?(?:safe[- ]harbou?r|forward[- ]looking|cautionary)[^:\n.]{0,80}:\s"
)
_LEGEND_TEXT = pattern_cache.compile(r"(?i)forward[- ]looking\s+statements?")
_LEGEND_CAUTION = pattern_cache.compile(
    r"(?i)differ\s+materially|risks?\s+and\s+uncertaint|safe\s+harbou?r|"
    r"litigation\s+reform\s+act|not\s+guarantees|actual\s+results|uncertainties"
)
_COMPANY_IN_LEAD = pattern_cache.compile(
    r"\A(?P<name>[A-Z][\w&.,'’-]*(?:\s+[A-Z&][\w&.,'’-]*){0,5}?),?\s+\("
)
# "<Name>[, Inc.][ (Nasdaq: X)] is a ...": a period inside the name ("Inc.")
# is allowed, a sentence end (period, space, capital) is not.
#: What follows the company's name in "<Company> is a ...", matched right after the name (whose
#: end must be a word boundary). The name itself is compared as a string: a pattern holding it
#: would be parsed anew for each company (``regex``'s parser imported for it, in a cold run).
_IS_A_AFTER_NAME = pattern_cache.compile(
    r"\b(?:[^.]|\.(?!\s+[A-Z])){0,120}?\b(?:is|are)\s+(?:a|an|the)\s"
)
_MAX_HEADING_CHARS = 120
_BLOCK_HEADING = pattern_cache.compile(
    r"(?i)\A(?:#{1,6}\s+)?(?:about\s|forward[- ]looking|safe[- ]harbou?r|cautionary)[^\n]{0,110}\Z"
)
_SENTENCE_BREAK = pattern_cache.compile(r"[a-z][.!?]\s+[A-Z]")


class Part(NamedTuple):
    """A stretch of the release (offsets into the text) with its part name."""

    name: str
    start: int
    end: int


class Layout(NamedTuple):
    """What part detection found: the parts, the dateline and the issuer."""

    parts: tuple[Part, ...]
    dateline: Dateline | None
    company: str | None


def detect_parts(text: str, paragraphs: list[Span]) -> Layout:
    """Assign every paragraph to a part and find the dateline and issuer name."""
    names = [BODY] * len(paragraphs)
    lead, dateline = _find_lead(text, paragraphs)
    _mark_headlines(text, paragraphs, names, lead)
    first_body = lead if lead is not None else _first_after_headlines(names)
    company = _company_name(text, paragraphs, first_body)
    _mark_sections(text, paragraphs, names, first_body, company)
    parts = _build_parts(paragraphs, names, dateline)
    return Layout(parts=tuple(parts), dateline=dateline, company=company)


def _find_lead(text: str, paragraphs: list[Span]) -> tuple[int | None, Dateline | None]:
    """Return the index of the paragraph that opens with a dateline, and it."""
    for index, (start, _end) in enumerate(paragraphs[:12]):  # SEC exhibits print contacts first
        found = find_dateline(text, start)
        if found:
            return index, found
    return None, None


def _mark_headlines(text: str, paragraphs: list[Span], names: list[str], lead: int | None) -> None:
    """Mark paragraphs above the lead as headline and subheadlines.

    Without a dateline, short unpunctuated paragraphs at the top (at most
    three, and never the last paragraph) are the headline and subheadlines.
    """
    if lead is not None:
        for index in range(lead):
            names[index] = HEADLINE if index == 0 else SUBHEADLINE
        return
    for index in range(min(3, len(paragraphs) - 1)):
        if not _is_heading(_paragraph_text(text, paragraphs[index]), 250):
            return
        names[index] = HEADLINE if index == 0 else SUBHEADLINE


def _first_after_headlines(names: list[str]) -> int:
    """Return the index of the first paragraph that is not a headline."""
    for index, name in enumerate(names):
        if name not in (HEADLINE, SUBHEADLINE):
            return index
    return len(names)


def _mark_sections(
    text: str, paragraphs: list[Span], names: list[str], first_body: int, company: str | None
) -> None:
    """Mark About, legend, contacts and trailer paragraphs after the lead."""
    section = BODY
    for index in range(first_body + 1, len(paragraphs)):
        para = _paragraph_text(text, paragraphs[index])
        heading = _is_heading(para, _MAX_HEADING_CHARS)
        new_section = _section_start(para, heading, company, section)
        if new_section is not None:
            section = new_section
        elif heading and section in (ABOUT, LEGEND):
            section = BODY  # an unrelated heading ends the boilerplate
        elif section == CONTACTS and _is_prose(para):
            section = BODY  # contacts printed above the story (SEC exhibits) end at its prose
        names[index] = section
    _mark_unheaded_about(text, paragraphs, names, first_body, company)


def _section_start(para: str, heading: bool, company: str | None, current: str) -> str | None:
    """Return the part a paragraph opens, or None when it continues the current one."""
    if _TRAILER.match(para):
        return TRAILER
    if heading and _LEGEND_HEADING.search(para):
        return LEGEND
    if heading and _CONTACT_HEADING.match(para) or _CONTACT_LABEL.match(para):
        return CONTACTS
    about = _ABOUT_HEADING.match(para) if heading else None
    if about:
        return ABOUT if _names_company(about.group("name"), company) else BODY
    if _INLINE_LEGEND_HEADING.match(para):
        return LEGEND
    if (
        current in (BODY, ABOUT, CONTACTS)
        and _LEGEND_TEXT.search(para)
        and _LEGEND_CAUTION.search(para)
    ):
        return LEGEND
    return None


def _mark_unheaded_about(
    text: str, paragraphs: list[Span], names: list[str], first_body: int, company: str | None
) -> None:
    """Mark an unheaded "<Company> is a ..." paragraph right before the legend."""
    if ABOUT in names or company is None:
        return
    short = company.split()[0].rstrip(",.")
    for index in range(first_body + 1, len(paragraphs)):
        if names[index] == BODY and names[index + 1 : index + 2] in (
            [LEGEND],
            [CONTACTS],
            [TRAILER],
        ):
            paragraph = _paragraph_text(text, paragraphs[index])
            if paragraph.startswith(short) and _IS_A_AFTER_NAME.match(paragraph, len(short)):
                names[index] = ABOUT


def _company_name(text: str, paragraphs: list[Span], lead: int) -> str | None:
    """Return the issuer's name as the lead paragraph gives it, before its ticker."""
    if lead >= len(paragraphs):
        return None
    start, end = paragraphs[lead]
    body = text[start:end]
    found = find_dateline(text, start)
    if found:
        body = text[found.end : end]
        if not body.strip() and lead + 1 < len(paragraphs):  # the dateline stood alone
            body = text[slice(*paragraphs[lead + 1])]
    match = _COMPANY_IN_LEAD.match(body)
    return " ".join(match.group("name").rstrip(",").split()) if match else None


def is_block_heading(para: str) -> bool:
    """Tell whether a paragraph is the heading of an About or legend block."""
    return bool(_BLOCK_HEADING.match(para))


def _names_company(heading_name: str, company: str | None) -> bool:
    """Tell whether an "About X" heading is about the issuer (first words agree)."""
    if company is None:
        return True
    first = company.split()[0].rstrip(",.").casefold()
    return heading_name.casefold().startswith(first)


def _is_prose(para: str) -> bool:
    """Tell whether a paragraph is running prose: long, several sentences, no e-mail."""
    return len(para) > 200 and "@" not in para and len(_SENTENCE_BREAK.findall(para)) >= 2


def _is_heading(para: str, max_chars: int) -> bool:
    """Tell whether a paragraph reads as a heading: one short unpunctuated line."""
    line = _MARKDOWN_HEADING.sub("", para)
    if "\n" in line or len(line) > max_chars or not line[:1].isupper():
        return False
    return not line.endswith((".", ",", ";")) or line.endswith(("Inc.", "Ltd.", "Corp.", "Co."))


def _paragraph_text(text: str, span: Span) -> str:
    """Return the text of a paragraph span."""
    return text[span[0] : span[1]]


def _build_parts(paragraphs: list[Span], names: list[str], dateline: Dateline | None) -> list[Part]:
    """Turn per-paragraph names into parts, splitting the dateline off the lead."""
    parts: list[Part] = []
    for (start, end), name in zip(paragraphs, names):
        if dateline is not None and start == dateline.start:
            parts.append(Part(DATELINE, dateline.start, dateline.end))
        if dateline is not None and dateline.start <= start < dateline.end:
            # the dateline may run over a blank line ("ATLANTA, GA -" then
            # "(NewMediaWire) - August 28, 2024 -"): the rest is body
            if dateline.end < end:
                parts.append(Part(BODY, dateline.end, end))
            continue
        parts.append(Part(name, start, end))
    return parts
