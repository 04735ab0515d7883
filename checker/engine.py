"""Apply rules to a document: the one place where hits become findings.

The engine runs each rule's kind, turns character spans into 1-based lines
and columns, formats messages, stamps rule id, category and severity, drops
what suppression comments cover, and returns the findings in order.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

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
    findings = [finding for finding in findings if not _suppressed(finding, directives)]
    findings = _without_echoes(findings)
    if last:
        late_context = replace(context, directives=tuple(directives))
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
    """
    errors = [finding for finding in findings if finding.severity is Severity.ERROR]
    if not errors:
        return findings
    return [
        finding
        for finding in findings
        if finding.severity is not Severity.INFO
        or not any(error.rule != finding.rule and _overlap(error, finding) for error in errors)
    ]


def _overlap(one: Finding, other: Finding) -> bool:
    """Tell whether two findings' spans share a character (an empty span counts at its point)."""
    one_start, one_end = (one.line, one.column), (one.end_line, one.end_column)
    other_start, other_end = (other.line, other.column), (other.end_line, other.end_column)
    one_end = max(one_end, (one_start[0], one_start[1] + 1))
    other_end = max(other_end, (other_start[0], other_start[1] + 1))
    return one_start < other_end and other_start < one_end


def _suppressed(finding: Finding, directives: list[Directive]) -> bool:
    """Tell whether a directive covers the finding, marking it used."""
    for directive in directives:
        token = directive.covers(finding.rule, finding.line)
        if token is not None:
            directive.used.add(token)
            return True
    return False
