"""``claim``: wording that is a claim only in a context the release sets up.

21 CFR 312.7 forbids calling an investigational drug safe or effective, so
"proven" or "safe and effective" matters when the release presents a product
as investigational, and not in a sentence about an approved drug's label or
a trial's purpose. Parameters: ``patterns`` (the claim wording),
``ignore_case``, ``unless`` (patterns that excuse a match when they occur in
the same sentence: "approved for", "designed to evaluate whether"),
``when`` (patterns that show the context, e.g. "investigational", "Phase 2";
without one in reach the rule does not apply) and ``window`` (how many
sentences either side ``when`` must be in; omitted: anywhere in the rule's
scope).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document, per_document
from checker.document.segments import Span
from checker.kinds.base import Context
from checker.matching import prefilter
from checker.matching.patterns import PATTERN_TIMEOUT, compile_patterns, search_spans
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex


class Claim(NamedTuple):
    """A compiled ``claim`` check."""

    patterns: list[regex.Pattern]
    unless: list[regex.Pattern]
    when: list[regex.Pattern]
    window: int | None


def compile(params: dict[str, Any], where: str) -> Claim:
    """Compile a ``claim`` check's parameters."""
    ignore_case = params["ignore_case"]
    return Claim(
        patterns=compile_patterns(params["patterns"], f"{where}.patterns", ignore_case),
        unless=compile_patterns(params["unless"], f"{where}.unless", ignore_case),
        when=compile_patterns(params["when"], f"{where}.when", ignore_case),
        window=params["window"],
    )


def find(check: Claim, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield a hit for each claim in scope that its context makes a claim.

    Patterns may overlap ("clinically proven", "proven therapy"): one claim
    is reported once, at the earliest and longest match.
    """
    hits = sorted(_claims(check, document, scope), key=lambda hit: (hit.start, -hit.end))
    reported_to = -1
    for hit in hits:
        if hit.start >= reported_to:
            reported_to = hit.end
            yield hit


def _claims(check: Claim, document: Document, scope: Scope) -> Iterator[Hit]:
    """Yield every match in scope that its sentence and context make a claim."""
    spans = document.scope_spans(scope)
    sentences = document.sentences
    starts = [start for start, _end in sentences]
    anywhere = functools.cache(functools.partial(_context_anywhere, check, document, spans))
    # A sentence's verdict is worked out once, however many claims it holds: a run-on
    # "sentence" of 8,000 claims would otherwise be searched 8,000 times (quadratic).
    verdicts: dict[int, bool] = {}
    for pattern in prefilter.candidates(check.patterns, document):
        for match in search_spans(pattern, document.text, spans):
            if not document.in_scope(match.start(), scope):
                continue
            index = max(0, bisect.bisect_right(starts, match.start()) - 1)
            if index not in verdicts:
                verdicts[index] = not _excused(
                    check, document.text, sentences[index]
                ) and _in_context(check, document, sentences, index, anywhere)
            if verdicts[index]:
                yield Hit(match.start(), match.end(), {"match": match.group()})


def _context_anywhere(check: Claim, document: Document, spans: list[Span]) -> bool:
    """Tell whether the context the rule needs appears anywhere in scope.

    Asked only once a claim matched, and answered once per draft for rules
    that share their context patterns: most drafts make no claim at all.
    """
    if not check.when:
        return True
    return _context_in(document, tuple(check.when), tuple(spans))


@per_document
def _context_in(
    document: Document, patterns: tuple[regex.Pattern, ...], spans: tuple[Span, ...]
) -> bool:
    """Tell whether any of *patterns* matches in *spans* (patterns hash by source and flags)."""
    return any(
        _matches(pattern, document.text, span)
        for pattern in prefilter.candidates(patterns, document)
        for span in spans
    )


def _excused(check: Claim, text: str, sentence: Span) -> bool:
    """Tell whether the sentence holding a match shows it is no claim."""
    return any(_matches(pattern, text, sentence) for pattern in check.unless)


def _in_context(
    check: Claim,
    document: Document,
    sentences: list[Span],
    index: int,
    anywhere: Callable[[], bool],
) -> bool:
    """Tell whether the context is in reach: anywhere, or within the window."""
    if not check.when or check.window is None:
        return anywhere()
    low = max(0, index - check.window)
    high = min(len(sentences), index + check.window + 1)
    span = (sentences[low][0], sentences[high - 1][1])
    return any(_matches(pattern, document.text, span) for pattern in check.when)


def _matches(pattern: regex.Pattern, text: str, span: Span) -> bool:
    """Tell whether *pattern* matches inside a span."""
    return pattern.search(text, span[0], span[1], timeout=PATTERN_TIMEOUT) is not None


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"match"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "patterns"],
    "description": "Wording that is a claim when the release sets up a context (e.g. an investigational product).",
    "properties": {
        "kind": True,
        "patterns": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/pattern"}},
        "ignore_case": {"type": "boolean", "default": False},
        "unless": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Patterns that excuse a match found in the same sentence.",
            "default": [],
        },
        "when": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Context patterns; without one in reach the rule does not apply.",
            "default": [],
        },
        "window": {
            "type": "integer",
            "minimum": 0,
            "description": "Sentences either side 'when' must be in; omitted: anywhere in scope.",
            "default": None,
        },
    },
}
