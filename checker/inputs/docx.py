"""Word drafts (``.docx``): one source line per paragraph, prose in paragraphs.

``source`` holds the document's paragraphs in reading order, one per line
(table cells included, empty paragraphs kept), so a finding reported at
``draft.docx:12:40`` is in paragraph 12, at character 40, and the text
formatter's excerpt shows that paragraph as context. ``text`` separates the
non-empty paragraphs by blank lines, as a plain-text draft does. A line
break inside a paragraph (Shift+Enter) is a space in ``source`` and a line
end in ``text``. Text in tracked deletions, field codes and text boxes is
not prose and is left out; tracked insertions are read as written.

A Word file is a zip archive, so a small file can unpack to gigabytes (a
zip bomb). Before python-docx sees it, the archive's listing is checked:
the sizes its parts unpack to, and how much of that is XML to parse, must
fit limits derived from the draft limit. Python's zipfile never yields more
than a part's listed size (it stops there and then fails the CRC check), so
the listed sizes bound the work.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from checker.document.model import Document
from checker.document.suppressions import blank_directives
from checker.errors import InputError
from checker.inputs.builder import TextBuilder, build_document
from checker.inputs.reading import MAX_DRAFT_BYTES

#: A Word file may be larger than a text draft: pictures and fonts ride along.
MAX_WORD_BYTES = 16 * 1024 * 1024
#: What its parts may unpack to in all; pictures are stored compressed already,
#: so a real file unpacks to little more than its size.
MAX_WORD_UNPACKED_BYTES = 4 * MAX_WORD_BYTES
#: How much XML may be parsed: Word's markup is 5 to 20 times the text it holds,
#: so this fits a draft at the text limit. Parsing it takes about 2 s and 100 MB.
MAX_WORD_XML_BYTES = 16 * MAX_DRAFT_BYTES
#: Parts in the archive; a real draft has 10 to 30.
MAX_WORD_PARTS = 1000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_NOT_PROSE = (_W + "txbxContent", _W + "del", _W + "moveFrom")


def extract(data: bytes | str, path: str) -> Document:
    """Return the Document of a Word draft given as the file's bytes."""
    if isinstance(data, str):
        raise InputError(f"{path}: a Word draft must be read as bytes")
    paragraphs = read_paragraphs(data, path)
    source = "\n".join(paragraph.replace("\n", " ") for paragraph in paragraphs)
    if len(source.encode("utf-8")) > MAX_DRAFT_BYTES:
        raise InputError(
            f"{path}: its text is over prlint's {MAX_DRAFT_BYTES // 1024} KiB limit for one draft "
            "(a press release is rarely over 100 KiB); split it, or check that it is a release"
        )
    return build_document(path, source, _text(paragraphs), "Word document")


def read_paragraphs(data: bytes, path: str) -> list[str]:
    """Return the text of every body paragraph, in reading order."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputError(
            f"{path}: reading Word files needs python-docx (pip install python-docx)"
        ) from None
    check_unpacked_sizes(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{path}: not a Word .docx file ({error})") from None
    except Exception as error:  # python-docx raises its own types for broken packages
        raise InputError(f"{path}: cannot read this Word file: {error}") from None
    body = document.element.body
    return [_paragraph_text(p) for p in body.iter(_W + "p") if not _inside(p, _W + "txbxContent")]


def check_unpacked_sizes(data: bytes, path: str) -> None:
    """Refuse a Word file that unpacks to more than prlint will read or parse (a zip bomb).

    A part counts as XML if it starts like XML, whatever its name or declared
    type: that is what the parser would work through.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_WORD_PARTS:
                _refuse(path, f"it holds {len(parts)} parts (a Word draft has a few dozen)")
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_WORD_UNPACKED_BYTES:
                _refuse(path, _over("unpack to", unpacked, MAX_WORD_UNPACKED_BYTES))
            xml = sum(part.file_size for part in parts if _starts_like_xml(archive, part))
            if xml > MAX_WORD_XML_BYTES:
                _refuse(path, _over("hold", xml, MAX_WORD_XML_BYTES, " of XML"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as error:
        raise InputError(f"{path}: not a Word .docx file ({error})") from None
    except (OSError, EOFError, ValueError, zlib.error) as error:
        raise InputError(f"{path}: cannot read this Word file: {error}") from None


def _starts_like_xml(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Tell whether a part's first bytes are XML (after a BOM and white space)."""
    if part.file_size == 0 or part.is_dir():
        return False
    with archive.open(part) as stream:
        head = stream.read(64)
    # UTF-16 and UTF-32 put NULs beside the ASCII of "<"; the BOMs are these bytes
    return head.lstrip(b"\xef\xbb\xbf\xff\xfe").replace(b"\x00", b"").lstrip().startswith(b"<")


def _over(verb: str, size: int, limit: int, what: str = "") -> str:
    """Say that the parts *verb* *size* bytes, over *limit*."""
    mib = 1024 * 1024
    return f"its parts {verb} {size / mib:.1f} MiB{what}, over prlint's {limit // mib} MiB limit"


def _refuse(path: str, reason: str) -> None:
    """Refuse a Word file that would cost far more to read than any draft."""
    raise InputError(f"{path}: {reason} for a Word draft; a zip bomb, or not a press release")


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
