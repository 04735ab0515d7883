"""Read a draft from disk or stdin into text, refusing what is not a draft.

Everything here raises :class:`InputError` with a one-line message; the CLI
turns that into exit code 2. The newline style and BOM are remembered so
that a later ``--fix`` can write the draft back exactly as it came.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError

#: Drafts larger than this are refused. Real releases are under 100 KiB (the
#: largest of the 114 real-world ones is 50 KB); checking costs about 8 s and
#: 150 MB per MiB of hostile text, so 512 KiB keeps any run within seconds.
MAX_DRAFT_BYTES = 512 * 1024

# A NUL byte never occurs in a text draft; control characters other than
# tab, newline, carriage return and form feed are rare enough that a file
# made mostly of them is binary.
_TEXT_CONTROLS = {9, 10, 12, 13}


@dataclass(frozen=True)
class RawDraft:
    """A decoded draft: its text with ``\\n`` line ends, and how it was stored."""

    path: str
    text: str
    encoding: str
    bom: bool
    newline: str
    original: str = ""  # the decoded text before line ends were normalised
    data: bytes = b""  # the bytes as read, to notice a file changed before a fix is written


def read_draft(path: str, encoding: str | None = None) -> RawDraft:
    """Read and decode the draft at *path* (``-`` reads standard input)."""
    if path == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_DRAFT_BYTES + 1)
        _check_size("<stdin>", len(data))
        return decode_draft(data, "<stdin>", encoding)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        _check_size(path, file.stat().st_size)
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode_draft(data, path, encoding)


def _check_size(path: str, size: int) -> None:
    """Refuse a draft over the size limit, before reading it all."""
    if size > MAX_DRAFT_BYTES:
        raise InputError(
            f"{path}: {size // 1024} KiB is over prlint's {MAX_DRAFT_BYTES // 1024} KiB limit for one draft "
            "(a press release is rarely over 100 KiB); split it, or check that it is a release"
        )


def decode_draft(data: bytes, path: str, encoding: str | None = None) -> RawDraft:
    """Decode *data*; UTF-8 (with or without BOM) unless *encoding* is given."""
    # UTF-16 and UTF-32 are full of NUL bytes: with an explicit encoding,
    # decode first and look for NULs in the text instead.
    if encoding is None and looks_binary(data):
        raise InputError(f"{path}: looks like a binary file, not a text draft")
    bom = data.startswith(codecs.BOM_UTF8)
    codec = encoding or ("utf-8-sig" if bom else "utf-8")
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        line = data.count(b"\n", 0, error.start) + 1
        hint = "; pass --encoding (e.g. --encoding cp1252)" if not encoding else ""
        raise InputError(
            f"{path}: not valid {codec.upper()} (byte 0x{bad} on line {line}){hint}"
        ) from None
    if encoding is not None and "\x00" in text:
        raise InputError(f"{path}: looks like a binary file, not {encoding} text")
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    if not text.strip():
        raise InputError(f"{path}: the draft is empty")
    newline = "\r\n" if "\r\n" in text else "\n"
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawDraft(path, normalised, codec, bom, newline, original=text, data=data)


def looks_binary(data: bytes) -> bool:
    """Tell whether *data* is binary: a NUL byte, or mostly control bytes."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(head) > 0.10
