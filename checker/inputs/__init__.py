"""Input formats: turn a plain-text, Markdown, HTML or Word draft into a Document.

The interface, one module per format::

    extract(data, path) -> Document

``data`` is the decoded text of the draft (``\\n`` line ends), or the raw
bytes for ``docx``. The Document's ``source`` is what positions are reported
in (the file as the user sees it; for Word, one paragraph per line, so
``draft.docx:12:40`` is paragraph 12, character 40), ``text`` is the prose
the checks read, and ``offsets`` maps each text offset to its source offset.
Suppression comments stay in ``source`` and never reach ``text``.

:func:`read_document` is what the CLI calls: it picks the format, reads the
file (with the usual checks for missing, empty, binary or undecodable
drafts) and extracts it.
"""

from __future__ import annotations

import bisect
import sys
from pathlib import Path, PurePath

from checker.document.model import Document
from checker.document.suppressions import blank_directives
from checker.errors import InputError
from checker.inputs.reading import MAX_DRAFT_BYTES, read_draft

#: Input format names, as ``--input-format`` accepts them.
INPUT_FORMATS = ("text", "markdown", "html", "docx")

#: File endings and the format each means; any other ending is plain text.
SUFFIXES = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}

#: Formats whose drafts ``--fix`` may rewrite (Word files are never rewritten).
FIXABLE_FORMATS = ("text", "markdown", "html")


def detect_format(path: str, override: str | None = None) -> str:
    """Return the input format of *path*: *override* if given, else by ending.

    Standard input and unknown endings are plain text, so that a file named
    on the command line is always linted.
    """
    if override:
        if override not in INPUT_FORMATS:
            raise InputError(
                f"unknown input format {override!r} (known: {', '.join(INPUT_FORMATS)})"
            )
        return override
    if path == "-":
        return "text"
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def extract(input_format: str, data: str | bytes, path: str) -> Document:
    """Build the Document of a draft already read, in the given format."""
    if input_format == "docx":
        from checker.inputs import docx

        return docx.extract(data, path)
    if isinstance(data, bytes):
        raise TypeError(f"{input_format} drafts are extracted from decoded text")
    if input_format == "html":
        from checker.inputs import html

        return html.extract(data, path)
    if input_format == "markdown":
        from checker.inputs import markdown

        return markdown.extract(data, path)
    return Document(path=path, source=data, text=blank_directives(data))


def read_document(
    path: str, input_format: str | None = None, encoding: str | None = None
) -> Document:
    """Read the draft at *path* (``-`` for stdin) and extract it."""
    chosen = detect_format(path, input_format)
    if chosen == "docx":
        return extract(chosen, read_bytes(path), "<stdin>" if path == "-" else path)
    raw = read_draft(path, encoding)
    return extract(chosen, raw.text, raw.path)


def read_bytes(path: str) -> bytes:
    """Read a binary draft (a Word file), refusing what cannot be read."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: {'is a directory' if file.is_dir() else 'no such file'}")
    try:
        if file.stat().st_size > MAX_DRAFT_BYTES:
            raise InputError(
                f"{path}: draft is larger than {MAX_DRAFT_BYTES // (1024 * 1024)} MB; refusing to lint it"
            )
        return file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def text_span(document: Document, start: int, end: int) -> tuple[int, int] | None:
    """Return the text span whose source is exactly ``source[start:end]``.

    None when markup, an entity or a removed character lies inside the
    source span: a fix there would rewrite more than the prose it saw, so
    ``--fix`` must leave it alone. For plain text the span is the same.
    """
    offsets = document.offsets
    if offsets is None:
        return start, end
    first = bisect.bisect_left(offsets, start, 0, len(document.text))
    last = first + (end - start)
    if first >= len(document.text) or offsets[first] != start or last > len(document.text):
        return None
    if any(offsets[first + step] != start + step for step in range(end - start)):
        return None
    if document.text[first:last] != document.source[start:end]:
        return None
    return first, last


def escape_replacement(input_format: str, replacement: str) -> str:
    """Return a fix's replacement as it must be written into a draft's source."""
    if input_format != "html":
        return replacement
    from html import escape  # only HTML drafts need it

    return escape(replacement, quote=False)
