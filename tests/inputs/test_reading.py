"""Reading drafts: encodings, BOM, line ends, inputs that are not drafts, bounded reads."""

from __future__ import annotations

import codecs
import io
import os
import sys
import threading
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.inputs.reading import MAX_DRAFT_BYTES, read_draft


def test_utf8_with_bom_and_crlf(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("\ufeffNEW YORK, May 5, 2026 -- Acme’s news.\r\n".encode("utf-8"))
    draft = read_draft(str(path))
    assert draft.text == "NEW YORK, May 5, 2026 -- Acme’s news.\n"
    assert (draft.bom, draft.newline) == (True, "\r\n")


def test_other_encoding_with_option(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("Acme’s café".encode("cp1252"))
    assert read_draft(str(path), "cp1252").text == "Acme’s café"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the draft is empty"),
        (b"   \n\n", "the draft is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("Acme café".encode("latin-1"), "not valid UTF-8 (byte 0xe9 on line 1); pass --encoding"),
    ],
)
def test_bad_drafts_give_one_line_messages(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_draft(str(path))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_file_and_unknown_encoding(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_draft(str(tmp_path / "nope.txt"))
    path = tmp_path / "draft.txt"
    path.write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_draft(str(path), "klingon")


# -- bounded reads: only regular files, never more than the limit ----------------


def test_a_fifo_is_refused_without_waiting_on_it(tmp_path) -> None:
    """A FIFO reports size 0, and reading it waits for its writer: today that hangs."""
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    keeper = os.open(fifo, os.O_RDWR)  # a writer that never finishes
    os.write(keeper, b"NEW YORK news. " * 100)
    outcome: list = []
    reader = threading.Thread(target=lambda: outcome.append(_attempt(str(fifo))), daemon=True)
    reader.start()
    reader.join(timeout=20)  # a hang, not a slow machine, fails this
    hung = reader.is_alive()
    os.close(keeper)  # lets a hung read see the end
    reader.join()
    assert not hung, "reading a FIFO waited for its writer"
    assert outcome and "f.txt: is a pipe or FIFO, not a regular file" in outcome[0]


def _attempt(path: str) -> str:
    """Read a draft and return the error message ('' when it was read)."""
    try:
        read_draft(path)
    except InputError as error:
        return str(error)
    return ""


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_character_device_is_refused() -> None:
    with pytest.raises(InputError, match="/dev/null: is a character device"):
        read_draft("/dev/null")


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd")
def test_a_pipe_such_as_process_substitution_is_refused() -> None:
    """``prlint <(cmd)`` names /dev/fd/N, a pipe: refused, with a hint to use ``-``."""
    reader, writer = os.pipe()
    os.write(writer, b"NEW YORK, May 5, 2026 -- news.\n")
    os.close(writer)  # so that reading it, as today, ends
    try:
        with pytest.raises(InputError, match=r"is a pipe or FIFO.*standard input as -"):
            read_draft(f"/dev/fd/{reader}")
    finally:
        os.close(reader)


def test_a_file_that_grew_past_its_stat_size_is_cut_at_the_limit(tmp_path, monkeypatch) -> None:
    """The size from stat is not trusted: one byte past the limit is read, and refused."""
    path = tmp_path / "draft.txt"
    path.write_bytes(b"news " * (MAX_DRAFT_BYTES // 4))
    real_stat = os.stat

    def small(target, *args, **kwargs):
        status = real_stat(target, *args, **kwargs)
        if str(target) == str(path):  # as if it grew after it was looked at
            return os.stat_result((*status[:6], 100, *status[7:]))
        return status

    monkeypatch.setattr(os, "stat", small)
    with pytest.raises(InputError, match="over prlint's 512 KiB limit for one draft"):
        read_draft(str(path))


def test_standard_input_is_read_only_up_to_the_limit(monkeypatch) -> None:
    stream = io.BytesIO(b"news " * MAX_DRAFT_BYTES)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    with pytest.raises(InputError, match="<stdin>: over prlint's 512 KiB limit"):
        read_draft("-")
    assert stream.tell() <= MAX_DRAFT_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


def test_the_file_identity_is_kept_for_fixes(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("NEW YORK news.\n", encoding="utf-8")
    status = os.stat(path)
    identity = read_draft(str(path)).identity
    assert identity is not None
    assert (identity.inode, identity.size, identity.mtime_ns) == (
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
    )


# -- UTF-16: a hint, and the byte order kept ---------------------------------------------


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (codecs.BOM_UTF16_LE + "NEW YORK news.\n".encode("utf-16-le"), "--encoding utf-16"),
        (codecs.BOM_UTF16_BE + "NEW YORK news.\n".encode("utf-16-be"), "--encoding utf-16"),
        ("NEW YORK, May 5 -- news.\n".encode("utf-16-le"), "--encoding utf-16-le"),
        ("NEW YORK, May 5 -- news.\n".encode("utf-16-be"), "--encoding utf-16-be"),
    ],
    ids=["bom-le", "bom-be", "le", "be"],
)
def test_a_utf16_draft_is_not_called_binary_without_a_hint(tmp_path, data, hint) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_draft(str(path))
    assert "looks like UTF-16" in str(error.value) and str(error.value).endswith(hint)


@pytest.mark.parametrize(
    ("mark", "order"),
    [(codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le")],
    ids=["be", "le"],
)
def test_utf16_with_a_bom_remembers_its_byte_order(tmp_path, mark, order) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(mark + "NEW YORK news.\n".encode(order))
    draft = read_draft(str(path), "utf-16")
    assert (draft.text, draft.encoding, draft.bom) == ("NEW YORK news.\n", order, True)
