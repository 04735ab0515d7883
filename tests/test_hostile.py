"""Hostile input: each ends within seconds with a clear message or findings.

Limits (documented in the README): one draft at most 512 KiB, read from a
regular file or stdin and never more than that; a Word file at most 16 MiB,
unpacking to at most 8 MiB of XML; one rule pack at most 8 MiB; each pattern
at most 2 s on a draft. Timed against generous bounds so that a hang, not a
slow machine, fails the test; memory is capped so that reading without
bound fails fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile

import pytest

from tests.helpers import REPO

LIMIT_SECONDS = 60  # a hang would take far longer; a healthy run takes a few seconds
MEMORY_CAP = 2 * 1024**3  # bytes of address space: a run that reads without bound hits it


def _cap_memory() -> None:
    """Limit the child's address space (where the system lets us)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    except (ImportError, ValueError, OSError):
        pass


def prlint(*args: str, stdin: bytes | None = None) -> tuple[int, str, str, float]:
    """Run prlint as a user would and return (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        timeout=LIMIT_SECONDS,
        cwd=REPO,
        preexec_fn=_cap_memory if os.name == "posix" else None,
    )
    return (
        process.returncode,
        process.stdout.decode(),
        process.stderr.decode(),
        time.monotonic() - started,
    )


def assert_one_clear_line(stderr: str, fragment: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], stderr


def test_a_50_mb_draft_is_refused_at_once(tmp_path) -> None:
    draft = tmp_path / "huge.txt"
    with draft.open("wb") as stream:
        stream.write(
            b"NEW YORK, May 5, 2026 /PRNewswire/ -- Acme news. " * (50 * 1024 * 1024 // 48)
        )
    code, _out, err, seconds = prlint(str(draft))
    assert code == 2 and seconds < 10
    assert_one_clear_line(err, "KiB limit for one draft")


def test_a_5_mb_line_on_standard_input_is_refused(tmp_path) -> None:
    code, _out, err, _seconds = prlint("-", stdin=b"word " * (1024 * 1024))
    assert code == 2
    assert_one_clear_line(err, "<stdin>: ")


@pytest.mark.slow
def test_a_long_single_line_under_the_limit_gives_findings(tmp_path) -> None:
    draft = tmp_path / "line.txt"
    draft.write_text(
        "The the Company\u2019s data (Nasdaq: ACME) will expect growth. " * 3000, encoding="utf-8"
    )
    code, out, err, _seconds = prlint("--format", "json", str(draft))
    assert "Traceback" not in err and code in (0, 1)
    assert all(finding["line"] == 1 for finding in json.loads(out))


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"NEW YORK\x00\x00 news", "looks like a binary file"),
        (b"NEW YORK caf\xe9 news\n", "not valid UTF-8"),
    ],
)
def test_nul_bytes_and_invalid_utf8(tmp_path, content: bytes, fragment: str) -> None:
    draft = tmp_path / "bad.txt"
    draft.write_bytes(content)
    code, _out, err, _seconds = prlint(str(draft))
    assert code == 2
    assert_one_clear_line(err, fragment)


def test_a_huge_pack_is_refused_before_parsing(tmp_path) -> None:
    pack = tmp_path / "huge.json"
    pack.write_text('{"id": "h", "pad": "' + "x" * (9 * 1024 * 1024) + '"}', encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("NEW YORK, May 5, 2026 -- news.\n", encoding="utf-8")
    code, _out, err, seconds = prlint("--pack", str(pack), str(draft))
    assert code == 2 and seconds < 20
    assert_one_clear_line(err, "pack is larger than 8 MB")


def test_a_deeply_nested_pack_is_a_clear_error(tmp_path) -> None:
    pack = tmp_path / "deep.json"
    pack.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("NEW YORK, May 5, 2026 -- news.\n", encoding="utf-8")
    code, _out, err, _seconds = prlint("--pack", str(pack), str(draft))
    assert code == 2
    assert_one_clear_line(err, "deep.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_as_a_draft_is_refused_at_once(tmp_path) -> None:
    """``mkfifo f.txt; prlint f.txt`` used to wait forever for a writer."""
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    code, _out, err, _seconds = prlint(str(fifo))
    assert code == 2
    assert_one_clear_line(err, "is a pipe or FIFO, not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading_it() -> None:
    """``prlint /dev/zero`` used to read until memory ran out (8.9 GB)."""
    code, _out, err, _seconds = prlint("/dev/zero")
    assert code == 2
    assert_one_clear_line(err, "/dev/zero: is a character device")


def test_a_docx_zip_bomb_is_refused_in_a_moment(tmp_path) -> None:
    """89 KB holding 20 MB of XML took 39 s and 1.2 GB, then blamed a rule for timing out."""
    pytest.importorskip("docx")
    paragraph = "<w:p><w:r><w:t>NEW YORK -- Acme announced the news today.</w:t></w:r></w:p>"
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:body>" + paragraph * 300_000 + "</w:body>")
    assert bomb.stat().st_size < 200_000
    code, _out, err, seconds = prlint(str(bomb))
    assert code == 2 and seconds < 20
    assert_one_clear_line(err, "MiB of XML, over prlint's 8 MiB limit for a Word draft")


def test_a_word_file_on_standard_input_is_bounded() -> None:
    code, _out, err, _seconds = prlint(
        "--input-format", "docx", "-", stdin=b"PK" + bytes(20 * 1024 * 1024)
    )
    assert code == 2
    assert_one_clear_line(err, "<stdin>: over prlint's 16 MiB limit for one Word file")


def test_a_utf16_draft_gets_a_hint_to_pass_its_encoding(tmp_path) -> None:
    draft = tmp_path / "utf16.txt"
    draft.write_text("NEW YORK, May 5, 2026 -- Acme news.\n", encoding="utf-16")
    code, _out, err, _seconds = prlint(str(draft))
    assert code == 2
    assert_one_clear_line(err, "pass --encoding utf-16")
