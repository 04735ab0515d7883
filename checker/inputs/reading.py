"""Read a draft from disk or stdin into text, refusing what is not a draft.

Everything here raises :class:`InputError` with a one-line message; the CLI
turns that into exit code 2. The newline style, BOM and byte order are
remembered so that a later ``--fix`` can write the draft back exactly as it
came, and the file's identity (device, inode, size, mtime) so that it can
tell whether the file changed since.

Reads are bounded: at most the limit plus one byte is ever read, from a
file or from standard input, so a FIFO, ``/dev/zero`` or a growing file
cannot make prlint hang or fill memory. Only regular files (and ``-``) are
read at all.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from typing import NamedTuple

from checker.errors import InputError

#: Drafts larger than this are refused. Real releases are under 100 KiB (the
#: largest of the 114 real-world ones is 50 KB); checking costs about 8 s and
#: 150 MB per MiB of hostile text, so 512 KiB keeps any run within seconds.
MAX_DRAFT_BYTES = 512 * 1024

#: Bytes read per system call while reading a draft.
_CHUNK = 64 * 1024

# A NUL byte never occurs in a text draft; control characters other than
# tab, newline, carriage return and form feed are rare enough that a file
# made mostly of them is binary.
_TEXT_CONTROLS = {9, 10, 12, 13}

#: What a file that is not a regular file is, for the message that refuses it.
_FILE_KINDS = (
    (stat.S_ISFIFO, "a pipe or FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileIdentity(NamedTuple):
    """Which file was read, and its state then: a fix must find it the same."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileIdentity:
        """Return the identity a ``stat`` result describes."""
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


class RawDraft(NamedTuple):
    """A decoded draft: its text with ``\\n`` line ends, and how it was stored."""

    path: str
    text: str
    encoding: str  # the codec that writes it back: byte order explicit for UTF-16 and UTF-32
    bom: bool
    newline: str
    original: str = ""  # the decoded text before line ends were normalised
    data: bytes = b""  # the bytes as read, to notice a file changed before a fix is written
    identity: FileIdentity | None = None  # None for standard input


def read_draft(path: str, encoding: str | None = None) -> RawDraft:
    """Read and decode the draft at *path* (``-`` reads standard input)."""
    data, identity = read_limited(path, MAX_DRAFT_BYTES)
    return decode_draft(data, "<stdin>" if path == "-" else path, encoding, identity)


def read_limited(path: str, limit: int, what: str = "draft") -> tuple[bytes, FileIdentity | None]:
    """Return at most *limit* bytes of the regular file at *path* (or stdin), and its identity.

    The size on disk is not trusted (it is 0 for a FIFO or ``/dev/zero``,
    and a file may grow while it is read): one byte past *limit* is read,
    and a draft that has it is refused. A path that is not a regular file is
    refused before it is opened for reading, and again after (it could be
    swapped in between); it is opened non-blocking, so a FIFO never blocks.
    """
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        _check_size("<stdin>", len(data), limit, what, exact=False)
        return data, None
    try:
        _check_regular(path, os.stat(path), limit, what)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
        try:
            _check_regular(path, os.fstat(handle), limit, what)
            data = read_at_most(handle, limit + 1)
            identity = FileIdentity.of(os.fstat(handle))
        finally:
            os.close(handle)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    _check_size(path, len(data), limit, what, exact=False)
    return data, identity


def read_at_most(handle: int, count: int) -> bytes:
    """Read up to *count* bytes from the start of an open file (fewer at its end)."""
    os.lseek(handle, 0, os.SEEK_SET)
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(handle, min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _check_regular(path: str, status: os.stat_result, limit: int, what: str) -> None:
    """Refuse a folder, a device, a FIFO or a socket, and a file over the limit."""
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(status.st_mode)), "not a file")
        raise InputError(
            f"{path}: is {kind}, not a regular file; prlint reads drafts from files, "
            "or from standard input as - (prlint - < FILE)"
        )
    _check_size(path, status.st_size, limit, what, exact=True)


def _check_size(path: str, size: int, limit: int, what: str, exact: bool) -> None:
    """Refuse a draft over the size limit (*exact*: *size* is the file's size, not a bound)."""
    if size > limit:
        raise InputError(
            f"{path}: {_amount(size) + ' is ' if exact else ''}over prlint's {_amount(limit)} "
            f"limit for one {what} (a press release is rarely over 100 KiB); "
            "split it, or check that it is a release"
        )


def _amount(size: int) -> str:
    """Write a size in KiB, or in MiB from 1 MiB."""
    return f"{size / 1024 / 1024:.3g} MiB" if size >= 1024 * 1024 else f"{size // 1024} KiB"


def decode_draft(
    data: bytes, path: str, encoding: str | None = None, identity: FileIdentity | None = None
) -> RawDraft:
    """Decode *data*; UTF-8 (with or without BOM) unless *encoding* is given."""
    # UTF-16 and UTF-32 are full of NUL bytes: with an explicit encoding,
    # decode first and look for NULs in the text instead.
    if encoding is None and looks_binary(data):
        wide = wide_encoding(data)
        if wide:
            raise InputError(
                f"{path}: looks like {wide.upper()} text, not UTF-8; pass --encoding {wide}"
            )
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
    codec, bom = _byte_order(codec, data, bom)
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    if not text.strip():
        raise InputError(f"{path}: the draft is empty")
    newline = "\r\n" if "\r\n" in text else "\n"
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawDraft(path, normalised, codec, bom, newline, text, data, identity)


#: Byte-order marks of the encodings whose plain name leaves the order open.
_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark begins it
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _byte_order(codec: str, data: bytes, bom: bool) -> tuple[str, bool]:
    """Return the codec that writes the draft back in its own byte order, and its BOM.

    Python's ``utf-16`` and ``utf-32`` decoders read the order from the BOM
    and drop it, but their encoders write the machine's order: a UTF-16-BE
    draft would come back little-endian. So the order read is made explicit.
    """
    name = codecs.lookup(codec).name
    if name not in ("utf-16", "utf-32"):
        return codec, bom
    for mark, explicit in _ORDER_MARKS:
        if explicit.startswith(name) and data.startswith(mark):
            return explicit, True
    return f"{name}-{'le' if sys.byteorder == 'little' else 'be'}", bom  # no BOM: native order


def wide_encoding(data: bytes) -> str | None:
    """Name the ``--encoding`` a UTF-16 or UTF-32 draft needs, or None if it is not one.

    By its BOM, or else by its NUL bytes: text in UTF-16 without a BOM has
    a NUL in every other byte (the high byte of each ASCII letter) and
    almost none in the others.
    """
    for mark, explicit in _ORDER_MARKS:
        if data.startswith(mark):
            return explicit[:6]  # "utf-16" or "utf-32": the codec reads the order from the BOM
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    if len(head) < 8:
        return None
    if even.count(0) > len(even) // 2 and odd.count(0) < len(odd) // 10:
        return "utf-16-be"
    if odd.count(0) > len(odd) // 2 and even.count(0) < len(even) // 10:
        return "utf-16-le"
    return None


def looks_binary(data: bytes) -> bool:
    """Tell whether *data* is binary: a NUL byte, or mostly control bytes."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(head) > 0.10
