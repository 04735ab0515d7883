"""Word files are zip archives: one that unpacks to far more than a draft is refused unparsed."""

from __future__ import annotations

import io
import zipfile

import pytest

from checker.errors import InputError
from checker.inputs import extract

pytest.importorskip("docx")

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="word/{name}"/></Relationships>'
)
PARAGRAPH = (
    "<w:p><w:r><w:t>NEW YORK, May 5, 2026 -- Acme announced the news today.</w:t></w:r></w:p>"
)


def word_file(xml_bytes: int, name: str = "document.xml", extra: dict | None = None) -> bytes:
    """Build a Word file whose main part holds about *xml_bytes* of paragraphs, deflated."""
    body = (
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body>'
        + PARAGRAPH * max(1, xml_bytes // len(PARAGRAPH))
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(name=name))
        archive.writestr("_rels/.rels", RELATIONSHIPS.format(name=name))
        archive.writestr(f"word/{name}", body)
        for part, data in (extra or {}).items():
            archive.writestr(part, data)
    return buffer.getvalue()


def no_parsing(monkeypatch) -> None:
    """Fail the test if python-docx is asked to open the file: refusals come first."""
    import docx

    def parse(*_args, **_kwargs):
        raise AssertionError("python-docx parsed a file that should have been refused")

    monkeypatch.setattr(docx, "Document", parse)


def test_a_zip_bomb_of_xml_is_refused_before_parsing(monkeypatch) -> None:
    document = extract("docx", word_file(2_000), "ok.docx")  # the same file, small, is read
    assert document.text.startswith("NEW YORK, May 5, 2026 -- Acme announced")
    no_parsing(monkeypatch)
    bomb = word_file(20 * 1024 * 1024)  # 20 MiB of XML in well under 200 KB
    assert len(bomb) < 200_000
    with pytest.raises(InputError) as error:
        extract("docx", bomb, "bomb.docx")
    message = str(error.value)
    assert "bomb.docx: its parts hold 20.0 MiB of XML, over prlint's 8 MiB limit" in message
    assert "zip bomb" in message and "\n" not in message


def test_xml_under_another_name_still_counts_as_xml(monkeypatch) -> None:
    no_parsing(monkeypatch)
    """The main part may be named anything in [Content_Types].xml: content decides."""
    with pytest.raises(InputError, match="of XML, over prlint's 8 MiB limit"):
        extract("docx", word_file(10 * 1024 * 1024, name="picture.png"), "renamed.docx")


def test_a_part_that_unpacks_to_gigabytes_is_refused(monkeypatch) -> None:
    no_parsing(monkeypatch)
    picture = b"\x89PNG\r\n\x1a\n" + bytes(80 * 1024 * 1024)  # not XML, but 80 MiB in memory
    with pytest.raises(InputError, match="its parts unpack to 80.0 MiB, over prlint's 64 MiB"):
        extract("docx", word_file(2_000, extra={"word/media/image1.png": picture}), "big.docx")


def test_a_word_file_whose_text_is_over_the_draft_limit_is_refused() -> None:
    """Under the XML limit but 700 KB of text: the checks would take minutes."""
    with pytest.raises(InputError, match="its text is over prlint's 512 KiB limit for one draft"):
        extract("docx", word_file(1024 * 1024 + 100_000), "long.docx")


def test_a_word_file_on_standard_input_is_bounded(monkeypatch) -> None:
    import sys

    from checker.inputs import read_input

    stream = io.BytesIO(b"PK" + bytes(40 * 1024 * 1024))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    with pytest.raises(InputError, match="<stdin>: over prlint's 16 MiB limit for one Word file"):
        read_input("-", "docx")
    assert stream.tell() < 17 * 1024 * 1024
