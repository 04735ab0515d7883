"""Word drafts (``.docx``): one source line per paragraph, prose in paragraphs.

``source`` holds the document's paragraphs in reading order, one per line
(table cells included, empty paragraphs kept), so a finding reported at
``draft.docx:12:40`` is in paragraph 12, at character 40, and the text
formatter's excerpt shows that paragraph as context. ``text`` separates the
non-empty paragraphs by blank lines, as a plain-text draft does. A line
break inside a paragraph (Shift+Enter) is a space in ``source`` and a line
end in ``text``. Text in tracked deletions, field codes and text boxes is
not prose and is left out; tracked insertions are read as written.
"""

from __future__ import annotations

import io
import zipfile

from checker.document.model import Document
from checker.document.suppressions import blank_directives
from checker.errors import InputError
from checker.inputs.builder import TextBuilder, build_document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_NOT_PROSE = (_W + "txbxContent", _W + "del", _W + "moveFrom")


def extract(data: bytes | str, path: str) -> Document:
    """Return the Document of a Word draft given as the file's bytes."""
    if isinstance(data, str):
        raise InputError(f"{path}: a Word draft must be read as bytes")
    paragraphs = read_paragraphs(data, path)
    source = "\n".join(paragraph.replace("\n", " ") for paragraph in paragraphs)
    return build_document(path, source, _text(paragraphs), "Word document")


def read_paragraphs(data: bytes, path: str) -> list[str]:
    """Return the text of every body paragraph, in reading order."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError(
            f"{path}: reading Word files needs python-docx (pip install python-docx)"
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{path}: not a Word .docx file ({error})") from None
    except Exception as error:  # python-docx raises its own types for broken packages
        raise InputError(f"{path}: cannot read this Word file: {error}") from None
    body = document.element.body
    return [_paragraph_text(p) for p in body.iter(_W + "p") if not _inside(p, _W + "txbxContent")]


def _inside(element, *tags: str) -> bool:
    """Tell whether *element* lies inside an element with one of *tags*."""
    return any(ancestor.tag in tags for ancestor in element.iterancestors())


def _paragraph_text(paragraph) -> str:
    """Return a paragraph's visible text from its runs (tabs and breaks kept)."""
    chars: list[str] = []
    for run in paragraph.iter(_W + "r"):
        if _inside(run, *_NOT_PROSE):
            continue
        for child in run:
            if child.tag == _W + "t":
                chars.append(child.text or "")
            elif child.tag in _RUN_TEXT:
                chars.append(_RUN_TEXT[child.tag])
    return "".join(chars)


def _text(paragraphs: list[str]) -> TextBuilder:
    """Join the non-empty paragraphs with blank lines, mapping each to its line."""
    builder = TextBuilder()
    line_start = 0
    for paragraph in paragraphs:
        if paragraph.strip():
            if not builder.is_empty():
                builder.add_break("\n\n")
            for index, char in enumerate(blank_directives(paragraph)):
                builder.add(
                    char, line_start + index, verbatim=char == paragraph[index] and char != "\n"
                )
        line_start += len(paragraph) + 1
    return builder
