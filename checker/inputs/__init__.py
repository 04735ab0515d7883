"""Input formats: turn a plain-text, Markdown, HTML or Word draft into a Document.

The interface, one module per format::

    extract(data, path) -> Document

``data`` is the decoded text of the draft (``\\n`` line ends), or the raw
bytes for ``docx``. The Document's ``source`` is what positions are reported
in (the file as the user sees it; for Word, one paragraph per line, so
``draft.docx:12:40`` is paragraph 12, character 40), ``text`` is the prose
the checks read, and ``offsets`` maps each text offset to its source offset.
Suppression comments stay in ``source`` and never reach ``text``.

:func:`read_source` is the one way a draft is read, by the runner for every
lint: it picks the format and reads the file (bounded, with the usual checks
for missing, empty, binary or undecodable drafts), keeping what ``--fix``
needs to write the draft back; :meth:`Source.document` extracts it, which a
draft whose findings are kept never needs.
"""

from __future__ import annotations

import bisect
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from checker.errors import InputError
from checker.inputs.reading import RawDraft, read_draft, read_limited

if TYPE_CHECKING:  # the document model loads when a draft is extracted, not with the formats
    from checker.document.model import Document

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
    from checker.document.model import Document
    from checker.document.suppressions import blank_directives

    return Document(path=path, source=data, text=blank_directives(data))


class Draft(NamedTuple):
    """A draft as read: its Document, its input format, and how it was stored."""

    document: Document
    input_format: str
    raw: RawDraft | None  # None for Word drafts: read as bytes, never rewritten


class Source(NamedTuple):
    """A draft as read, not yet extracted: what a run whose findings are kept needs of it."""

    path: str  # as findings name it: ``<stdin>`` for standard input
    input_format: str
    data: str | bytes  # the decoded text, or a Word file's bytes
    raw: RawDraft | None  # None for Word drafts

    def document(self) -> Document:
        """Extract the draft's Document (raises :class:`InputError` as :func:`read_input`)."""
        return extract(self.input_format, self.data, self.path)


def read_source(path: str, input_format: str | None = None, encoding: str | None = None) -> Source:
    """Read the draft at *path* (``-`` for stdin) in its format, without extracting it.

    A text, Markdown or HTML draft's Document has the text as read for its
    ``source``, so the runner can look its findings up before extracting.
    """
    chosen = detect_format(path, input_format)
    if chosen == "docx":
        from checker.inputs.docx import MAX_WORD_BYTES  # only Word drafts need it

        data, _identity = read_limited(path, MAX_WORD_BYTES, "Word file")
        return Source("<stdin>" if path == "-" else path, chosen, data, None)
    raw = read_draft(path, encoding)
    return Source(raw.path, chosen, raw.text, raw)


def read_input(path: str, input_format: str | None = None, encoding: str | None = None) -> Draft:
    """Read the draft at *path* (``-`` for stdin) in its format and extract it."""
    source = read_source(path, input_format, encoding)
    return Draft(source.document(), source.input_format, source.raw)


def read_document(
    path: str, input_format: str | None = None, encoding: str | None = None
) -> Document:
    """Return the Document of the draft at *path*, read by :func:`read_input` (for tests, scripts)."""
    return read_input(path, input_format, encoding).document


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
