"""Reading drafts: encodings, BOM, line ends, and inputs that are not drafts."""

from __future__ import annotations

import pytest

from checker.errors import InputError
from checker.inputs.reading import read_draft


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
