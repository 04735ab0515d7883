"""Split text into paragraphs, sentences and quotations, as character spans.

All functions are pure and return ``(start, end)`` offsets into the text they
were given, so positions stay exact whatever the draft's layout.
"""

from __future__ import annotations

from checker.matching import engine, pattern_cache

Span = tuple[int, int]

_BLANK_LINES = pattern_cache.compile(r"\n[ \t\f\v]*\n(?:[ \t\f\v]*\n)*")

# Words whose trailing period does not end a sentence. Kept short and
# specific to press releases: company suffixes, titles, AP month and state
# abbreviations, and Latin shorthand.
_ABBREVIATIONS = [
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Cos",
    "LLC",
    "Plc",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Jr",
    "Sr",
    "St",
    "Mt",
    "No",
    "Nos",
    "vs",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Ala",
    "Ariz",
    "Ark",
    "Calif",
    "Colo",
    "Conn",
    "Del",
    "Fla",
    "Ga",
    "Ill",
    "Ind",
    "Kan",
    "Ky",
    "La",
    "Md",
    "Mass",
    "Mich",
    "Minn",
    "Miss",
    "Mo",
    "Mont",
    "Neb",
    "Nev",
    "Okla",
    "Ore",
    "Pa",
    "Tenn",
    "Va",
    "Vt",
    "Wash",
    "Wis",
    "Wyo",
    "approx",
    "est",
    "dept",
    "etc",
    "al",
    "Ph",
    "PhD",
    "Pharm",
    "Ave",
    "Blvd",
    "Rd",
    "Ste",
    "Fig",
    "Vol",
]

_SENTENCE_END = pattern_cache.compile(
    r"""
    (?<![A-Z]\.[A-Z])              # not inside U.S. / M.D. / N.Y.
    (?<!\b[A-Z])                   # not after an initial: "Gary S. Jacob"
    (?<!\b(?:%s))                  # not after a known abbreviation
    [.!?]["”’')\]]*                # the terminal mark and closing marks
    (?=\s+["“‘(\[]?(?:[A-Z0-9]|[a-z]{1,2}[A-Z]))  # a capitalised start, or "iTOL-102", "mRNA"
    """
    % "|".join(_ABBREVIATIONS),
    engine.VERBOSE,
)

_OPEN_QUOTE = "“"
_CLOSE_QUOTE = "”"
_MIN_QUOTE_WORDS = 4  # shorter quoted spans are terms ("expect,"), not quotations


def paragraphs(text: str) -> list[Span]:
    """Return the spans of paragraphs: runs of lines between blank lines."""
    spans: list[Span] = []
    start = 0
    for blank in _BLANK_LINES.finditer(text):
        _append_trimmed(text, start, blank.start(), spans)
        start = blank.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append ``(start, end)`` without surrounding white space, if not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences(text: str, paragraph: Span) -> list[Span]:
    """Return the sentence spans inside one paragraph span."""
    start, end = paragraph
    spans: list[Span] = []
    for mark in _SENTENCE_END.finditer(text, start, end):
        _append_trimmed(text, start, mark.end(), spans)
        start = mark.end()
    _append_trimmed(text, start, end, spans)
    return spans


def quotations(text: str, paragraph: Span) -> list[Span]:
    """Return spans of quoted speech in a paragraph, quote marks included.

    Curly quotes pair in order; straight double quotes pair left to right.
    An opening quote left open at the paragraph's end runs to that end, as
    AP style does for a quotation that continues in the next paragraph.
    """
    start, end = paragraph
    found: list[Span] = []
    opened: int | None = None
    straight: int | None = None
    for index in range(start, end):
        char = text[index]
        if char == _OPEN_QUOTE and opened is None:
            opened = index
        elif char == _CLOSE_QUOTE and opened is not None:
            found.append((opened, index + 1))
            opened = None
        elif char == '"' and opened is None:
            if straight is None:
                straight = index
            else:
                found.append((straight, index + 1))
                straight = None
    if opened is not None:
        found.append((opened, end))
    return [span for span in found if _word_count(text, span) >= _MIN_QUOTE_WORDS]


def _word_count(text: str, span: Span) -> int:
    """Count the words in a span."""
    return len(text[span[0] : span[1]].split())
