"""Apply the fixes that rules mark safe, and write drafts back without loss.

Only fixes a rule marks ``"fix": "safe"`` are applied, never one inside the
forward-looking-statements legend (unless the rule sets ``fix_in_legend``),
and never two that overlap (that would be ambiguous). Edits are made on the
draft exactly as decoded, so mixed line ends, encoding and BOM survive, and
the file is replaced atomically: a crash or an interrupt leaves either the
old draft or the new one, never a truncated file.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from checker.document.model import Document
from checker.document.parts import LEGEND
from checker.errors import ConfigError, InputError
from checker.inputs import detect_format, escape_replacement, extract, text_span
from checker.inputs.reading import RawDraft
from checker.model import Finding, Rule


@dataclass(frozen=True)
class Edit:
    """A replacement of ``original[start:end]``, from one finding."""

    start: int
    end: int
    replacement: str
    rule: str


def plan_edits(
    raw: RawDraft,
    document: Document,
    findings: list[Finding],
    rules: dict[str, Rule],
    input_format: str = "text",
) -> list[Edit]:
    """Return the non-overlapping safe edits for a draft, in text order."""
    to_original = _offset_map(raw.original)
    candidates: list[Edit] = []
    for finding in findings:
        rule = rules.get(finding.rule)
        if finding.fix is None or not finding.fix.safe or rule is None:
            continue
        start = document.offset_of(finding.fix.line, finding.fix.column)
        end = document.offset_of(finding.fix.end_line, finding.fix.end_column)
        span = text_span(document, start, end)
        if span is None:  # markup or an entity inside the span (HTML, Markdown): not a safe edit
            continue
        if document.part_at(span[0]) == LEGEND and not rule.fix_in_legend:
            continue
        replacement = escape_replacement(input_format, finding.fix.replacement).replace(
            "\n", raw.newline
        )
        candidates.append(Edit(to_original[start], to_original[end], replacement, finding.rule))
    return _drop_overlaps(sorted(set(candidates), key=lambda edit: (edit.start, edit.end)))


def _offset_map(original: str) -> list[int]:
    """Map offsets in the normalised text (``\\n`` only) to offsets in *original*."""
    mapping = [
        index
        for index, char in enumerate(original)
        if not (char == "\r" and original[index + 1 : index + 2] == "\n")
    ]
    mapping.append(len(original))
    return mapping


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    """Drop every edit that overlaps another: which one wins would be a guess."""
    kept: list[Edit] = []
    clashing: set[int] = set()
    for index, edit in enumerate(edits):
        for other_index in range(index + 1, len(edits)):
            if edits[other_index].start >= edit.end and edits[other_index].start > edit.start:
                break
            clashing.update({index, other_index})
    for index, edit in enumerate(edits):
        if index not in clashing:
            kept.append(edit)
    return kept


def apply_edits(original: str, edits: list[Edit]) -> str:
    """Return *original* with the (sorted, non-overlapping) edits made."""
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(original[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(original[position:])
    return "".join(pieces)


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff of a draft before and after its fixes."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def write_atomically(raw: RawDraft, text: str) -> None:
    """Replace the draft with *text*, in its encoding and BOM, if it has not changed."""
    path = Path(raw.path)
    if path.read_bytes() != raw.data:
        raise InputError(f"{raw.path}: changed since it was read; not fixed (run prlint again)")
    codec = "utf-8" if raw.encoding == "utf-8-sig" else raw.encoding
    data = ("\ufeff" + text if raw.bom else text).encode(codec)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".prlint", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class FixOutcome:
    """What ``--fix`` or ``--diff`` did: the results after it, diffs, files fixed."""

    results: list = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    fixed: list[tuple[str, int]] = field(default_factory=list)


def fix_drafts(runner, results: list, write: bool) -> FixOutcome:
    """Apply (or, when not *write*, diff) each draft's safe fixes, then lint it again."""
    outcome = FixOutcome()
    for result in results:
        raw = result.raw
        if raw is not None and raw.path == "<stdin>" and write:
            raise ConfigError("--fix cannot write to standard input; use --diff")
        edits = _edits_for(runner, result) if raw is not None and raw.path != "<stdin>" else []
        if not edits:
            outcome.results.append(result)
            continue
        after = apply_edits(raw.original, edits)
        if not write:
            outcome.diffs.append(unified_diff(raw.path, raw.original, after))
            outcome.results.append(result)
            continue
        write_atomically(raw, after)
        outcome.fixed.append((raw.path, len(edits)))
        outcome.results.append(runner.lint_one(result.path))
    return outcome


def _edits_for(runner, result) -> list[Edit]:
    """Return the safe edits for one linted draft."""
    raw = result.raw
    config = runner.config_for(result.path)
    input_format = detect_format(raw.path, runner.input_format)
    document = extract(input_format, raw.text, raw.path)
    rules = {rule.id: rule for rule in config.ruleset.rules}
    return plan_edits(raw, document, result.findings, rules, input_format)
