"""Hand a Word draft back reviewed: every finding as a Word comment on the text it points at.

Editors and counsel review releases in Word, where margin comments are the
way a reviewer speaks. prlint reports a Word draft at ``draft.docx:LINE:COL``
where LINE is the paragraph (in the order :mod:`checker.inputs.docx` reads
them) and COL the character in it, so a finding maps back to a stretch of
one paragraph. The runs there are split at the stretch's edges (each part
keeps the run's formatting) and a comment from "prlint" is anchored on
them. The draft itself is never written: the copy goes to another path.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from checker.errors import InputError
from checker.inputs.docx import _NOT_PROSE as NOT_PROSE
from checker.inputs.docx import _RUN_TEXT as RUN_TEXT
from checker.inputs.docx import _W as W
from checker.inputs.docx import _inside as inside
from checker.model import Finding

AUTHOR = "prlint"
INITIALS = "PL"


def annotate(data: bytes, findings: Iterable[Finding], output: Path) -> int:
    """Write a copy of the Word draft *data* to *output* with one comment per finding.

    Returns the number of comments written. A finding whose span crosses
    paragraphs is anchored on its first paragraph.
    """
    import docx
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    paragraphs = [
        p for p in document.element.body.iter(W + "p") if not inside(p, W + "txbxContent")
    ]
    written = 0
    for finding in findings:
        if not 1 <= finding.line <= len(paragraphs):
            continue
        paragraph = paragraphs[finding.line - 1]
        start = finding.column - 1
        end = finding.end_column - 1 if finding.end_line == finding.line else None
        runs = _runs_between(paragraph, start, end)
        if not runs:
            continue
        parent = Paragraph(paragraph, document.part)
        document.add_comment(
            [Run(run, parent) for run in runs], _comment_text(finding), AUTHOR, INITIALS
        )
        written += 1
    try:
        document.save(str(output))
    except OSError as error:
        raise InputError(f"{output}: cannot write the annotated copy: {error.strerror}") from None
    return written


def _comment_text(finding: Finding) -> str:
    """Return what the comment says: severity, message, fix and rule id."""
    text = f"{finding.severity.name.lower()}: {finding.message}"
    if finding.fix is not None:
        text += f"\nfix: replace with '{finding.fix.replacement}'"
    return f"{text}\n[{finding.rule}]"


def _runs_between(paragraph, start: int, end: int | None) -> list:
    """Split the paragraph's runs at *start* and *end* and return the runs in between.

    An empty span (a point) takes the character after it, or the last one.
    """
    length = sum(size for _run, size in _prose_runs(paragraph))
    if length == 0:
        return []
    end = length if end is None else min(end, length)
    start = min(max(0, start), length - 1)
    if end <= start:
        end = start + 1
    _split_at(paragraph, end)
    _split_at(paragraph, start)
    chosen = []
    offset = 0
    for run, size in _prose_runs(paragraph):
        if start <= offset and offset + size <= end and size:
            chosen.append(run)
        offset += size
    return chosen


def _prose_runs(paragraph) -> Iterator[tuple[object, int]]:
    """Yield the paragraph's prose runs with their length in characters, in order."""
    for run in paragraph.iter(W + "r"):
        if inside(run, *NOT_PROSE):
            continue
        yield run, sum(_child_size(child) for child in run)


def _child_size(child) -> int:
    """Return how many characters of the paragraph's text a run child stands for."""
    if child.tag == W + "t":
        return len(child.text or "")
    return 1 if child.tag in RUN_TEXT else 0


def _split_at(paragraph, offset: int) -> None:
    """Make *offset* fall between two runs, splitting the run that holds it."""
    position = 0
    for run, size in list(_prose_runs(paragraph)):
        if position < offset < position + size:
            _split_run(run, offset - position)
            return
        position += size


def _split_run(run, at: int) -> None:
    """Split *run* after its first *at* characters; both halves keep its formatting."""
    second = copy.deepcopy(run)
    run.addnext(second)
    _keep(run, 0, at)
    _keep(second, at, None)


def _keep(run, start: int, end: int | None) -> None:
    """Keep only characters *start* to *end* of a run's text children (properties stay)."""
    position = 0
    for child in list(run):
        size = _child_size(child)
        if child.tag == W + "rPr" or size == 0:
            continue
        lo, hi = max(start, position), position + size if end is None else min(end, position + size)
        if hi <= lo:
            run.remove(child)
        elif child.tag == W + "t":
            child.text = child.text[lo - position : hi - position]
            if child.text != child.text.strip():
                child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        position += size
