"""``safe-harbor``: forward-looking statements and their PSLRA legend.

Parameter ``report`` picks the check: ``missing-legend`` (forward-looking
language and no legend), ``not-identified`` (the legend never calls the
statements forward-looking), ``no-factors`` (no important factor of its
own, and no named filing either: "see our SEC filings" is no factor),
``reference-only`` (only "see the Risk Factors of our 10-K"); these two
speak only where the release makes material forward-looking statements;
``no-update-clause``, ``update-promise``, ``legend-without-fls``
(a legend where nothing looks ahead), ``excluded-context`` (an IPO, tender
offer, SPAC deal or OTC issuer: the safe harbor may not apply) and
``anachronism`` (a PSLRA legend dated before the Act), ``placement`` (a
legend after the "###" end mark) and ``factor-gap`` (a forward-looking
topic of the body that no legend factor covers). The statute:
Securities Act 27A and Exchange Act 21E; patterns: checker/data/safe_harbor.json.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.analysis import ticker_mentions
from checker.analysis.legend import (
    Signal,
    any_match,
    company_signals,
    legend_spans,
    legend_text,
    makes_material_fls,
    material_signals,
    names_factors,
    signals,
    vocabulary,
)
from checker.analysis.sec_data import (
    compile_list,
    first_line_span,
    load,
    release_day,
    sentence_at,
)
from checker.document.model import Document
from checker.document.segments import Span
from checker.kinds.base import Context
from checker.matching import prefilter
from checker.matching.patterns import PATTERN_TIMEOUT
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex


class SafeHarbor(NamedTuple):
    """A compiled ``safe-harbor`` check."""

    report: str
    contexts: tuple[tuple[regex.Pattern, str], ...]
    topics: tuple[tuple[str, regex.Pattern, regex.Pattern], ...]


#: A report's search: the compiled check, the draft, the rule's scope, the context.
Report = Callable[["SafeHarbor", Document, Scope, Context], Iterator[Hit]]


def compile(params: dict[str, Any], where: str) -> SafeHarbor:
    """Compile a ``safe-harbor`` check (the vocabulary is compiled once, shared)."""
    vocabulary()
    data = load("safe_harbor")["excluded_contexts"]
    patterns = compile_list(
        [entry["pattern"] for entry in data], "checker/data/safe_harbor.json: excluded_contexts"
    )
    topics = []
    for index, entry in enumerate(load("safe_harbor")["factor_topics"]):
        where = f"checker/data/safe_harbor.json: factor_topics[{index}]"
        body, legend = compile_list([entry["body"], entry["legend"]], where)
        topics.append((entry["topic"], body, legend))
    return SafeHarbor(
        params["report"], tuple(zip(patterns, (entry["context"] for entry in data))), tuple(topics)
    )


def find(check: SafeHarbor, document: Document, scope: Scope, context: Context) -> Iterator[Hit]:
    """Yield the hits of the chosen report."""
    yield from REPORTS[check.report](check, document, scope, context)


def _missing_legend(
    check: SafeHarbor, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Point at the first forward-looking phrase when there is enough of them and no legend."""
    spans = legend_spans(document)
    vocab = vocabulary()
    if spans or any_match(vocab.markers, document.text):
        return
    day = release_day(document, context.release_date)
    if day is not None and day < _pslra_enacted():
        return  # before the PSLRA there was no statutory legend to give
    substantive = company_signals(document)
    planned = any(signal.strong for signal in material_signals(document))
    if planned or len(substantive) >= _MISSING_LEGEND_SIGNALS:
        first = _first(substantive)
        yield Hit(
            first.start,
            first.end,
            {"match": document.text[first.start : first.end], "count": str(len(substantive))},
        )


#: Forward-looking phrases of the company's own (see ``company_signals``; the About
#: paragraph counts here) that make a missing legend an error: two, so that one stray
#: "will" in a quote does not. One strong phrase outside the About paragraph ("expects
#: to", "deliveries are expected by", "intends to use the proceeds") is enough alone.
_MISSING_LEGEND_SIGNALS = 2


def _pslra_enacted() -> datetime.date:
    """Return the day the PSLRA was enacted; before it there was no statutory safe harbor."""
    return datetime.date.fromisoformat(load("safe_harbor")["pslra_enacted"])


def _first(found: list[Signal]) -> Signal:
    """Return the first strong signal, else the first signal."""
    return next((signal for signal in found if signal.strong), found[0])


def _legend_head(document: Document, spans: list[Span]) -> tuple[int, int, dict[str, str]]:
    """Return the span of the legend's first line, where legend findings point, and its field."""
    start, end = first_line_span(document, *spans[0])
    return start, end, {"legend": document.text[start:end][:60]}


def _legend_report(test: Callable[[Document, Context, list[Span]], bool]) -> Report:
    """Make a report that points at the legend's first line when *test* says the legend fails."""

    def report(
        check: SafeHarbor, document: Document, scope: Scope, context: Context
    ) -> Iterator[Hit]:
        spans = legend_spans(document)
        if spans and test(document, context, spans):
            start, end, fields = _legend_head(document, spans)
            yield Hit(start, end, fields)

    return report


def _not_identified(document: Document, context: Context, spans: list[Span]) -> bool:
    """Tell whether the legend never says that the statements are forward-looking."""
    return not any_match(vocabulary().identification, legend_text(document, spans))


def _no_factors(document: Document, context: Context, spans: list[Span]) -> bool:
    """Tell whether a legend that has statements to protect names no factor, nor a filing's risk factors.

    A bare pointer to "our filings with the SEC" or a website does not name a
    factor; a legend that points to the Risk Factors of a named filing is
    ``reference-only`` instead.
    """
    text = legend_text(document, spans)
    return (
        not names_factors(text)
        and any_match(vocabulary().pointers, text) is None
        and makes_material_fls(document)
    )


def _reference_only(document: Document, context: Context, spans: list[Span]) -> bool:
    """Tell whether a legend that has statements to protect names no factor, only a named filing."""
    text = legend_text(document, spans)
    return (
        not names_factors(text)
        and any_match(vocabulary().pointers, text) is not None
        and makes_material_fls(document)
    )


def _no_update_clause(document: Document, context: Context, spans: list[Span]) -> bool:
    """Tell whether the release never says it undertakes no obligation to update."""
    return not any_match(vocabulary().no_update, document.text)


def _legend_without_fls(document: Document, context: Context, spans: list[Span]) -> bool:
    """Tell whether the release has a legend but nothing forward-looking to protect."""
    return not signals(document, spans)


def _misplaced(document: Document, context: Context, spans: list[Span]) -> bool:
    """Tell whether the legend comes after the end mark ("###", "SOURCE ..."), where wires cut."""
    trailers = document.part_spans("trailer")
    return bool(trailers) and spans[0][0] > trailers[0][0]


def _anachronism(
    check: SafeHarbor, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report a PSLRA legend in a release dated before the PSLRA was enacted."""
    spans = legend_spans(document)
    day = release_day(document, context.release_date)
    if spans and day is not None and day < _pslra_enacted():
        start, end, fields = _legend_head(document, spans)
        yield Hit(start, end, {**fields, "date": day.isoformat()})


def _factor_gaps(
    check: SafeHarbor, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report forward-looking topics of the body that no legend factor covers (Asher v. Baxter)."""
    spans = legend_spans(document)
    if not spans:
        return
    text = legend_text(document, spans)
    uncovered = [
        (topic, body)
        for topic, body, legend in check.topics
        if not legend.search(text, timeout=PATTERN_TIMEOUT)
    ]
    if not uncovered:
        return
    strong = [
        (signal, near)
        for signal in signals(document, spans)
        if signal.strong and (near := _near_signal(document, signal)) is not None
    ]
    for topic, body in uncovered:
        for signal, near in strong:
            if body.search(document.text, *near, timeout=PATTERN_TIMEOUT):
                yield Hit(
                    signal.start,
                    signal.end,
                    {"match": document.text[signal.start : signal.end], "topic": topic},
                )
                break


#: How far either side of a strong forward-looking phrase a factor topic's words count
#: as what it is about, within its sentence.
_TOPIC_REACH = 80


def _near_signal(document: Document, signal: Signal) -> Span | None:
    """Return the stretch around a phrase where its topic is read: its sentence, a clause either side.

    The sentence is found by bisection (once per phrase, not once per topic),
    so that a draft of many phrases costs no more than linear time.
    """
    sentence = sentence_at(document, signal.start)
    if sentence is None:
        return None
    return max(sentence[0], signal.start - _TOPIC_REACH), min(
        sentence[1], signal.end + _TOPIC_REACH
    )


def _update_promises(
    check: SafeHarbor, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report sentences promising to update forward-looking statements."""
    vocab = vocabulary()
    promises = list(prefilter.candidates(vocab.update_promise, document))
    if not promises:  # most drafts: no sentence need be searched
        return
    for start, end in document.sentences:
        if not document.in_scope(start, scope):
            continue
        promise = any_match(promises, document.text, start, end)
        if promise and not any_match(vocab.update_excused, document.text, start, end):
            yield Hit(promise.start(), promise.end(), {"match": promise.group()})


def _excluded_context(
    check: SafeHarbor, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Report the first context where the safe harbor may be unavailable, once."""
    spans = legend_spans(document)
    if not spans and not signals(document, spans):
        return
    for pattern, what in check.contexts:
        if not prefilter.may_match(pattern, document):
            continue
        match = pattern.search(document.text, timeout=PATTERN_TIMEOUT)
        if match:
            yield Hit(match.start(), match.end(), {"match": match.group(), "context": what})
            return
    for mention in ticker_mentions.mentions(document):
        if mention.issuer and mention.venue.group == "OTC":
            yield Hit(
                mention.alias_start,
                mention.end,
                {
                    "match": f"{mention.alias}: {mention.symbol}",
                    "context": load("safe_harbor")["otc_context"],
                },
            )
            return


#: What a rule's ``report`` can ask for, and the function that looks for it.
REPORTS: dict[str, Report] = {
    "missing-legend": _missing_legend,
    "not-identified": _legend_report(_not_identified),
    "no-factors": _legend_report(_no_factors),
    "reference-only": _legend_report(_reference_only),
    "no-update-clause": _legend_report(_no_update_clause),
    "update-promise": _update_promises,
    "legend-without-fls": _legend_report(_legend_without_fls),
    "excluded-context": _excluded_context,
    "anachronism": _anachronism,
    "placement": _legend_report(_misplaced),
    "factor-gap": _factor_gaps,
}

#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"context", "count", "date", "legend", "match", "topic"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "report"],
    "description": "Forward-looking statements and the PSLRA cautionary legend.",
    "properties": {
        "kind": True,
        "report": {"enum": list(REPORTS)},
    },
}
