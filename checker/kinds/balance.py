"""``balance``: parentheses and quotation marks that open and never close (or the reverse).

Parameter: ``marks``, one of

- ``parentheses``: a ``(`` with no ``)`` in its paragraph, or a ``)`` with no
  ``(``. A pair may span a paragraph break when the text before the break
  ends a clause (``;``, ``,`` or a word character) and the next paragraph
  starts in lower case or with a digit: a list broken over lines. A ``)``
  after a list marker (``1)``, ``a)``, ``iv)``) and anything in a web
  address are not parentheses.
- ``quotes``: a quotation mark (curly or straight) with no partner in its
  paragraph. A quotation left open at the end of a paragraph is fine when
  the next paragraph reopens it (AP style for a quote running over
  paragraphs).
- ``mixed-quotes``: a quotation that opens with a straight mark and closes
  with a curly one, or the reverse.

These were once recursive ``(?(DEFINE))`` patterns; a pattern engine tries
each opening mark afresh up to the end of its paragraph, so a paragraph of
unclosed marks cost the square of its length (1,800 "(a " timed out). Here
the pairs are found in one stack pass per draft and scope, shared by the
three rules, and every mark is then judged in constant time: linear in the
draft. The findings are those of the old patterns, mark for mark (a test
compares the two on generated drafts).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document, per_document
from checker.document.segments import Span
from checker.kinds.base import Context
from checker.matching import engine, pattern_cache
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

#: What a rule may balance (the ``marks`` parameter).
MARKS = ("parentheses", "quotes", "mixed-quotes")

_OPENERS = '“"'  # marks that may open a quotation
_CLOSERS = '”"'  # marks that may close one


def _compiled(source: str) -> regex.Pattern:
    return pattern_cache.compile(source, engine.VERSION1)


# The small patterns below are anchored at one place and cannot backtrack far.
#: What the parenthesis pass stops at: a parenthesis or a web address (skipped whole).
_PAREN_EVENT = _compiled(r"[()]|https?://\S+")
#: A parenthesis, or a blank line: a paragraph break, unless it is a soft one.
_PAREN_OR_BLANK_LINE = _compiled(r"[()]|\n[ \t]*\n")
#: What may precede a soft break (checked on the character before it).
_CLAUSE_END = _compiled(r"[;,\w]")
#: What must follow a soft break.
_LOWER_START = _compiled(r"[ \t]*[a-z0-9]")
#: A list marker's ")" (1) a) iv)), matched as a look-behind at the position after it.
_LIST_MARKER = _compiled(r"(?<=(?:^|[\s(\[])(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{2,4})\))")
#: What the quotation pass stops at: a quotation mark or a paragraph break.
_QUOTE_STOP = _compiled(r"[“”\"]|\n(?=[ \t]*\n)")
#: A quotation reopened at the start of the next paragraph.
_REOPENED = _compiled(r"\n[ \t]*\n[ \t]*[“\"]")
_QUOTE_MARK = _compiled(r"[“”\"]")
_PARAGRAPH_BREAK = _compiled(r"\n[ \t]*\n")
_STRAIGHT_OR_CURLY_OPENER = _compiled(r"[“\"]")


class Balance(NamedTuple):
    """A compiled ``balance`` check: which marks it judges."""

    marks: str


def compile(params: dict[str, Any], where: str) -> Balance:
    """Compile a ``balance`` check's parameters (the schema has checked ``marks``)."""
    return Balance(marks=params["marks"])


def find(check: Balance, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for every unbalanced (or mixed) mark in scope."""
    for start, end, fields in _marks(document, check.marks, tuple(document.scope_spans(scope))):
        if document.in_scope(start, scope):
            yield Hit(start, end, dict(fields))


_Found = tuple[tuple[int, int, tuple[tuple[str, str], ...]], ...]


@per_document
def _marks(document: Document, marks: str, spans: tuple[Span, ...]) -> _Found:
    """Return each finding of *marks* in *spans*: (start, end, message fields)."""
    text = document.text
    judge = {
        "parentheses": _unbalanced_parentheses,
        "quotes": _unbalanced_quotes,
        "mixed-quotes": _mixed_quotes,
    }[marks]
    return tuple(found for start, end in spans for found in judge(text, start, end))


# -- parentheses ----------------------------------------------------------------


def _unbalanced_parentheses(text: str, start: int, end: int) -> Iterator[tuple]:
    """Yield each parenthesis in ``text[start:end]`` that has no partner.

    Reading goes left to right: a web address is skipped whole; a ``(``
    with a partner skips to after its partner (nothing inside is judged);
    one without is reported; a ``)`` reached this way has no partner, and is
    reported unless it ends a list marker.
    """
    partners = _partners(text, start, end)
    position = start
    while True:
        event = _PAREN_EVENT.search(text, position, end)
        if event is None:
            return
        at = event.start()
        mark = text[at]
        if mark == "h":  # a web address
            position = event.end()
        elif mark == "(" and at in partners:
            position = partners[at] + 1
        elif mark == ")" and _LIST_MARKER.match(text, at + 1, end):
            position = at + 1
        else:
            position = at + 1
            yield (at, at + 1, (("match", mark),))


def _partners(text: str, start: int, end: int) -> dict[int, int]:
    """Map each ``(`` in the stretch to its ``)``, with a stack reset at each paragraph break.

    A pair spans a newline within a paragraph, and a soft paragraph break
    (see the module's docstring), never a hard one: every ``(`` still open
    at a hard break, or at the end of the stretch, has no partner.
    """
    partners: dict[int, int] = {}
    stack: list[int] = []
    for at, mark in _parentheses_and_breaks(text, start, end):
        if mark == "(":
            stack.append(at)
        elif mark == ")":
            if stack:
                partners[stack.pop()] = at
        else:
            stack.clear()
    return partners


def _parentheses_and_breaks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Yield the parentheses and the hard paragraph breaks (as ``"\\n"``) of the stretch, in order."""
    for match in _PAREN_OR_BLANK_LINE.finditer(text, start, end):
        at = match.start()
        if text[at] != "\n":
            yield at, text[at]
        elif not _soft_break(text, at, match.end(), end):
            yield at, "\n"


def _soft_break(text: str, newline: int, after: int, end: int) -> bool:
    """Tell whether the blank line at *newline* continues a clause into the next paragraph."""
    return (
        newline > 0
        and _CLAUSE_END.match(text, newline - 1, newline) is not None
        and _LOWER_START.match(text, after, end) is not None
    )


# -- quotation marks --------------------------------------------------------------


def _unbalanced_quotes(text: str, start: int, end: int) -> Iterator[tuple]:
    """Yield each quotation mark in the stretch that has no partner.

    An opening mark takes the next mark in its paragraph as its partner if
    that one can close a quotation, and the two are skipped; a quotation
    open at a paragraph break that the next paragraph reopens is skipped up
    to the break. Any other mark reached is reported.
    """
    position = start
    while True:
        found = _QUOTE_MARK.search(text, position, end)
        if found is None:
            return
        at = found.start()
        mark = text[at]
        position = at + 1
        if mark in _OPENERS:
            stop = _quotation_end(text, at + 1, end)
            if stop < end and text[stop] in _CLOSERS:
                position = stop + 1
                continue
            if stop < end and text[stop] == "\n" and _continues(text, stop, end):
                position = stop
                continue
        yield (at, at + 1, (("match", mark),))


def _continues(text: str, newline: int, end: int) -> bool:
    """Tell whether a quotation open at the paragraph break *newline* goes on in the next paragraph.

    It does when the next paragraph reopens it (AP style), and also when the next
    paragraph's first mark closes it ("... relationships.\" with no opening mark): then
    the one slip is the missing reopening mark, reported at that closing mark, not the
    opening mark of a paragraph written by the convention.
    """
    if _REOPENED.match(text, newline, end):
        return True
    after_break = _PARAGRAPH_BREAK.match(text, newline, end)
    if after_break is None:
        return False
    following = _QUOTE_MARK.search(text, after_break.end(), end)
    if following is None or _PARAGRAPH_BREAK.search(text, after_break.end(), following.start()):
        return False
    return _closes(text, following.start())


def _closes(text: str, at: int) -> bool:
    """Tell whether the mark at *at* closes a quotation: a curly closer, or a straight mark after a word."""
    if text[at] == "”":
        return True
    return text[at] == '"' and at > 0 and not text[at - 1].isspace()


def _mixed_quotes(text: str, start: int, end: int) -> Iterator[tuple]:
    """Yield each quotation in the stretch opened with one style of mark and closed with the other."""
    position = start
    while True:
        found = _STRAIGHT_OR_CURLY_OPENER.search(text, position, end)
        if found is None:
            return
        at = found.start()
        opener = text[at]
        stop = _quotation_end(text, at + 1, end)
        closer = text[stop] if stop < end else ""
        if (opener, closer) in (('"', "”"), ("“", '"')):
            position = stop + 1
            yield (
                at,
                stop + 1,
                (("match", text[at : stop + 1]), ("open", opener), ("close", closer)),
            )
        else:
            position = at + 1


def _quotation_end(text: str, start: int, end: int) -> int:
    """Return where a quotation's text from *start* stops: the next mark, a paragraph break or *end*."""
    stop = _QUOTE_STOP.search(text, start, end)
    return end if stop is None else stop.start()


#: The message fields this kind's hits carry: the mark, and for mixed quotes the two marks.
FIELDS = frozenset({"match", "open", "close"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "marks"],
    "description": "Parentheses or quotation marks without a partner in their paragraph.",
    "properties": {
        "kind": True,
        "marks": {
            "enum": list(MARKS),
            "description": "parentheses, quotes (unbalanced), or mixed-quotes (straight with curly).",
        },
    },
}
