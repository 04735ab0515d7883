"""Apply rules to a document: the one place where hits become findings.

The engine runs each rule's kind, turns character spans into 1-based lines
and columns, formats messages, stamps rule id, category and severity, drops
what suppression comments cover, and returns the findings in order.
"""

from __future__ import annotations

import bisect
import heapq

from checker import kinds
from checker.document.model import Document
from checker.document.suppressions import Directive, parse_directives
from checker.errors import PatternTimeout
from checker.kinds.base import Context
from checker.matching import watchdog
from checker.matching.patterns import USER_PATTERN_TIMEOUT
from checker.model import Finding, Fix, Hit, Rule, Severity


class _Fields(dict):
    """Message fields; an unknown ``{name}`` is left as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def lint(document: Document, rules: list[Rule], context: Context) -> list[Finding]:
    """Return the sorted findings of *rules* on *document*."""
    return lint_with_directives(document, rules, context)[0]


def lint_with_directives(
    document: Document, rules: list[Rule], context: Context
) -> tuple[list[Finding], list[Directive]]:
    """Return the sorted findings and the suppression comments (marked used or not).

    All of it runs under the draft's time limit (:mod:`checker.matching.watchdog`):
    past it, :class:`PatternTimeout` names the rule that was running.
    """
    running: list[Rule] = []  # the rule being run, for the message if time runs out
    try:
        with watchdog.draft_time_limit():
            return _lint(document, rules, context, running)
    except watchdog.TimeUp:
        rule = f"rule {running[-1].id}" if running else "the checks"
        where = f"{running[-1].origin}: " if running else ""
        raise PatternTimeout(
            f"{where}{rule} ran past the limit of {watchdog.DRAFT_CPU_SECONDS:g} CPU seconds "
            f"for all the checks of {document.path}"
        ) from None


def _lint(
    document: Document, rules: list[Rule], context: Context, running: list[Rule]
) -> tuple[list[Finding], list[Directive]]:
    first = [rule for rule in rules if not kinds.get(rule.kind).RUNS_LAST]
    last = [rule for rule in rules if kinds.get(rule.kind).RUNS_LAST]
    findings: list[Finding] = []
    for rule in first:
        running[:] = [rule]
        findings.extend(run_rule(rule, document, context))
    running.clear()
    directives = parse_directives(document)
    findings = _unsuppressed(findings, directives)
    findings = _without_echoes(findings)
    if last:
        late_context = context._replace(directives=tuple(directives))
        for rule in last:
            running[:] = [rule]
            findings.extend(run_rule(rule, document, late_context))
        running.clear()
    return sorted(set(findings)), directives


def run_rule(rule: Rule, document: Document, context: Context) -> list[Finding]:
    """Run one rule and return its findings (unsuppressed)."""
    try:
        hits = list(kinds.get(rule.kind).find(rule.check, document, rule.scope, context))
    except TimeoutError:  # a user's pattern past its own limit
        raise PatternTimeout(
            f"{rule.origin}: rule {rule.id} ran over {USER_PATTERN_TIMEOUT:g} s on {document.path}; "
            "its pattern probably backtracks catastrophically"
        ) from None
    if rule.once:
        hits = _first_per(rule.once, document, hits)
    return [make_finding(rule, document, hit) for hit in hits]


def make_finding(rule: Rule, document: Document, hit: Hit) -> Finding:
    """Turn a kind's hit into a finding with positions, message and fix."""
    line, column = document.position(hit.start)
    end_line, end_column = document.position(hit.end)
    message = rule.message.format_map(_Fields(hit.fields))
    fix = None
    if hit.replacement is not None and rule.fix != "none":
        fix_start = hit.start if hit.fix_start is None else hit.fix_start
        fix_end = hit.end if hit.fix_end is None else hit.fix_end
        fix_line, fix_column = document.position(fix_start)
        fix_end_line, fix_end_column = document.position(fix_end)
        fix = Fix(
            hit.replacement, fix_line, fix_column, fix_end_line, fix_end_column, rule.fix == "safe"
        )
    return Finding(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        message=message,
        fix=fix,
    )


def _first_per(unit: str, document: Document, hits: list[Hit]) -> list[Hit]:
    """Keep the first hit of each draft or each paragraph."""
    first: dict[int, Hit] = {}
    starts = [start for start, _end in document.paragraphs]
    for hit in sorted(hits, key=lambda hit: (hit.start, hit.end)):
        key = bisect.bisect_right(starts, hit.start) if unit == "paragraph" else 0
        first.setdefault(key, hit)
    return list(first.values())


def _without_echoes(findings: list[Finding]) -> list[Finding]:
    """Drop the notes of other rules on a span an error already reports.

    One slip often trips several rules: "(Frankfurt”>CA4)" is broken ticker
    markup (an error) and a Frankfurt listing note (info) on the same span;
    the note only repeats what the error says to fix. Warnings stay: the
    stray quote the same markup leaves is a defect of its own.

    Each note is compared with the errors that start before it ends, through
    the farthest any of them reaches (by another rule than the note's), so a
    draft of thousands of errors and notes costs n log n, not n².
    """
    errors = sorted((_extent(f), f.rule) for f in findings if f.severity is Severity.ERROR)
    if not errors:
        return findings
    starts = [extent[0] for extent, _rule in errors]
    reach = _farthest_reach(errors)
    return [
        finding
        for finding in findings
        if finding.severity is not Severity.INFO or not _echoes(finding, starts, reach)
    ]


_Point = tuple[int, int]
#: For the first k errors by start: the farthest end, its rule, and the farthest end of any other rule.
_Reach = tuple[_Point, str, "_Point | None"]


def _extent(finding: Finding) -> tuple[_Point, _Point]:
    """Return a finding's (start, end) as (line, column) points; an empty span covers its point."""
    start = (finding.line, finding.column)
    return start, max((finding.end_line, finding.end_column), (start[0], start[1] + 1))


def _farthest_reach(errors: list[tuple[tuple[_Point, _Point], str]]) -> list[_Reach]:
    """Return, for each prefix of the errors (sorted by start), how far they reach and by which rule."""
    reach: list[_Reach] = []
    best_end: _Point | None = None
    best_rule = ""
    other_end: _Point | None = None  # the farthest end among rules other than best_rule
    for (_start, end), rule in errors:
        if best_end is None:
            best_end, best_rule = end, rule
        elif rule == best_rule:
            best_end = max(best_end, end)
        elif end > best_end:
            best_end, best_rule, other_end = end, rule, best_end
        else:
            other_end = end if other_end is None else max(other_end, end)
        reach.append((best_end, best_rule, other_end))
    return reach


def _echoes(note: Finding, starts: list[_Point], reach: list[_Reach]) -> bool:
    """Tell whether an error of another rule shares a character with the note."""
    start, end = _extent(note)
    before = bisect.bisect_left(starts, end)  # the errors that start before the note ends
    if before == 0:
        return False
    best_end, best_rule, other_end = reach[before - 1]
    farthest = best_end if best_rule != note.rule else other_end
    return farthest is not None and farthest > start


def _unsuppressed(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Return the findings no directive covers, marking each directive's token that covers one.

    A finding is covered by the first directive (in the draft's order) whose
    lines hold it and whose tokens name its rule or a prefix of it. Findings
    are visited by line while the directives open and close, each token
    keeping its open directives in a heap by their order: thousands of
    directives and findings cost n log n, not n².
    """
    if not directives:
        return findings
    opening = sorted(range(len(directives)), key=lambda index: directives[index].first_line)
    open_by_token: dict[str, list[tuple[int, int]]] = {}  # token -> heap of (order, last line)
    opened = 0
    covered: set[int] = set()
    for position in sorted(range(len(findings)), key=lambda index: findings[index].line):
        finding = findings[position]
        while opened < len(opening) and directives[opening[opened]].first_line <= finding.line:
            directive = directives[opening[opened]]
            for token in set(directive.rules):
                heap = open_by_token.setdefault(token, [])
                heapq.heappush(heap, (opening[opened], directive.last_line))
            opened += 1
        first = _first_open(open_by_token, _rule_prefixes(finding.rule), finding.line)
        covering = None if first is None else directives[first].covers(finding.rule, finding.line)
        if first is not None and covering is not None:
            directives[first].used.add(covering)
            covered.add(position)
    return [finding for position, finding in enumerate(findings) if position not in covered]


def _first_open(
    open_by_token: dict[str, list[tuple[int, int]]], tokens: list[str], line: int
) -> int | None:
    """Return the order of the first directive open on *line* under any of *tokens*, or None."""
    first: int | None = None
    for token in tokens:
        heap = open_by_token.get(token)
        while heap and heap[0][1] < line:  # closed before this line: closed for every later one
            heapq.heappop(heap)
        if heap and (first is None or heap[0][0] < first):
            first = heap[0][0]
    return first


def _rule_prefixes(rule_id: str) -> list[str]:
    """Return the tokens that name *rule_id*: each id prefix ending before a dot, and the id."""
    parts = rule_id.split(".")
    return [".".join(parts[:count]) for count in range(1, len(parts) + 1)]
