"""``boilerplate``: the About paragraph and the legend must match approved text.

Parameters: ``block`` (``about`` or ``legend``), ``approved`` (the text legal
approved, paragraphs separated by blank lines), ``variable`` (patterns for
spans that may legitimately differ: a date, a share count, the sentence that
cites the latest filing) and ``report``: ``drift`` reports each difference
with a word-level diff and the approved wording as the fix; ``missing``
reports a draft that has no such block at all.

Words are aligned with :class:`difflib.SequenceMatcher`, so one changed word
is one finding, not a whole paragraph. Straight and curly quotes count as
the same character; everything else, case included, counts.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document
from checker.document.parts import is_block_heading
from checker.document.segments import Span
from checker.kinds.base import Context
from checker.matching import pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, compile_patterns
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_WORD = pattern_cache.compile(r"\S+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_CONTEXT_WORDS = 4
_MIN_SIMILARITY = 0.5  # below this the block is another text, not a drifted copy


class Boilerplate(NamedTuple):
    """A compiled ``boilerplate`` check."""

    block: str
    report: str
    approved: str
    variable: list[regex.Pattern]


class _Token(NamedTuple):
    key: str  # what is compared
    text: str  # as written
    start: int
    end: int


def compile(params: dict[str, Any], where: str) -> Boilerplate:
    """Compile a ``boilerplate`` check's parameters."""
    return Boilerplate(
        block=params["block"],
        report=params["report"],
        approved=params["approved"],
        variable=compile_patterns(params["variable"], f"{where}.variable"),
    )


def find(check: Boilerplate, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield drift findings, or one finding when the block is missing."""
    spans = [
        span for span in document.part_spans(check.block) if not _is_heading(document.text, span)
    ]
    yield from REPORTS[check.report](check, document, spans)


def _missing(check: Boilerplate, document: Document, spans: list[Span]) -> Iterator[Hit]:
    """Report a release without the block, at its lead, where the block would be added."""
    if not spans:
        start = document.lead_offset()
        yield Hit(
            start,
            start,
            {"block": _BLOCK_NAMES[check.block], "opening": _opening(check.approved)},
        )


def _drift_report(check: Boilerplate, document: Document, spans: list[Span]) -> Iterator[Hit]:
    """Report each stretch of the block that differs from the approved text."""
    if not spans:
        return
    approved = _tokens(check.approved, 0, len(check.approved), check.variable)
    drafted: list[_Token] = []
    for start, end in spans:
        drafted.extend(_tokens(document.text, start, end, check.variable))
    yield from _per_paragraph(document, list(_drift(check, approved, drafted)))


#: Changes a merged paragraph finding spells out before "and N more".
_DIFFS_SHOWN = 2

_BLOCK_NAMES = {"about": "About paragraph", "legend": "forward-looking-statements legend"}


def _drift(check: Boilerplate, approved: list[_Token], drafted: list[_Token]) -> Iterator[Hit]:
    """Yield one hit per differing run of words."""
    import difflib  # only profile packs have boilerplate rules

    matcher = difflib.SequenceMatcher(
        None, [t.key for t in approved], [t.key for t in drafted], autojunk=False
    )
    if matcher.ratio() < _MIN_SIMILARITY:
        similarity = f"{matcher.ratio():.0%}"
        yield Hit(
            drafted[0].start,
            drafted[-1].end,
            {
                "block": _BLOCK_NAMES[check.block],
                "diff": f"only {similarity} like the approved text",
            },
        )
        return
    for tag, a1, a2, d1, d2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old = " ".join(token.text for token in approved[a1:a2])
        new = " ".join(token.text for token in drafted[d1:d2])
        if d1 < d2:
            start, end = drafted[d1].start, drafted[d2 - 1].end
            replacement = old
        else:  # approved words missing: point between the neighbouring words
            start = end = drafted[d1].start if d1 < len(drafted) else drafted[-1].end
            replacement = old + " " if d1 < len(drafted) else " " + old
        if _is_variable(approved[a1:a2]) or _is_variable(drafted[d1:d2]):
            continue
        fields = {
            "block": _BLOCK_NAMES[check.block],
            "diff": _word_diff(approved, drafted, a1, a2, d1, d2, old, new),
        }
        yield Hit(
            start, end, fields, replacement=replacement if replacement.strip() or new else None
        )


def _per_paragraph(document: Document, hunks: list[Hit]) -> Iterator[Hit]:
    """Merge the differing runs of each paragraph into one finding.

    A reworded About paragraph differs in many places; one finding per run
    of words buried editors in forty findings for twelve releases. One per
    paragraph names the first changes and says how many more there are, and
    keeps the fix only when the paragraph has a single change.
    """
    starts = [start for start, _end in document.paragraphs]
    grouped: dict[int, list[Hit]] = {}
    for hunk in hunks:
        grouped.setdefault(bisect.bisect_right(starts, hunk.start), []).append(hunk)
    for group in grouped.values():
        if len(group) == 1:
            yield group[0]
            continue
        shown = "; ".join(hunk.fields["diff"] for hunk in group[:_DIFFS_SHOWN])
        more = len(group) - _DIFFS_SHOWN
        diff = shown + (f" (and {more} more change{'s' if more != 1 else ''})" if more > 0 else "")
        yield Hit(group[0].start, max(h.end for h in group), {**group[0].fields, "diff": diff})


def _word_diff(approved, drafted, a1, a2, d1, d2, old: str, new: str) -> str:
    """Return '…before [-old-]{+new+} after…' with a few words of context."""
    before = " ".join(token.text for token in drafted[max(0, d1 - _CONTEXT_WORDS) : d1])
    after = " ".join(token.text for token in approved[a2 : a2 + _CONTEXT_WORDS])
    change = (f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else "")
    return f"…{before} {change} {after}…".replace("… ", "…").replace(" …", "…")


def _tokens(text: str, start: int, end: int, variable: list[regex.Pattern]) -> list[_Token]:
    """Split text into word tokens; each match of a variable pattern becomes one wildcard."""
    masks: list[tuple[int, int]] = []
    for pattern in variable:
        masks.extend(
            match.span() for match in pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT)
        )
    masks.sort()
    tokens: list[_Token] = []
    mask_index = 0
    for match in _WORD.finditer(text, start, end):
        while mask_index < len(masks) and masks[mask_index][1] <= match.start():
            mask_index += 1
        if mask_index < len(masks) and masks[mask_index][0] < match.end():
            if tokens and tokens[-1].key == f"\0var{mask_index}":
                previous = tokens.pop()
                tokens.append(
                    _Token(
                        previous.key,
                        text[previous.start : match.end()],
                        previous.start,
                        match.end(),
                    )
                )
            else:
                tokens.append(
                    _Token(f"\0var{mask_index}", match.group(), match.start(), match.end())
                )
            continue
        tokens.append(
            _Token(match.group().translate(_QUOTES), match.group(), match.start(), match.end())
        )
    return _unify_wildcards(tokens)


def _unify_wildcards(tokens: list[_Token]) -> list[_Token]:
    """Give every wildcard the same key, so a varying span matches any other."""
    return [
        _Token("\0var", t.text, t.start, t.end) if t.key.startswith("\0var") else t for t in tokens
    ]


def _is_variable(tokens: list[_Token]) -> bool:
    """Tell whether a run of tokens is wholly variable spans."""
    return bool(tokens) and all(token.key == "\0var" for token in tokens)


def _is_heading(text: str, span: tuple[int, int]) -> bool:
    """Tell whether a block paragraph is its heading ("About Callisto", "Forward-Looking Statements")."""
    return is_block_heading(text[span[0] : span[1]])


def _opening(approved: str) -> str:
    """Return the first words of the approved text, for the message."""
    words = approved.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


#: What a rule's ``report`` can ask for, and the function that looks for it.
REPORTS: dict[str, Callable[[Boilerplate, Document, list[Span]], Iterator[Hit]]] = {
    "missing": _missing,
    "drift": _drift_report,
}

#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"block", "diff", "opening"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "block", "report", "approved"],
    "description": "The About paragraph or legend must match approved text (drift), or be present (missing).",
    "properties": {
        "kind": True,
        "block": {"enum": ["about", "legend"]},
        "report": {"enum": list(REPORTS)},
        "approved": {
            "type": "string",
            "minLength": 1,
            "description": "The approved text; paragraphs separated by blank lines.",
        },
        "variable": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Spans that may differ (dates, counts, the cited filing).",
            "default": [],
        },
    },
}
