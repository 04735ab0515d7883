"""Hostile input: each ends within seconds with a clear message or findings.

Limits (documented in the README): one draft at most 512 KiB; one rule pack
at most 8 MiB; each pattern at most 2 s on a draft. Timed against generous
bounds so that a hang, not a slow machine, fails the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from tests.helpers import REPO

LIMIT_SECONDS = 60  # a hang would take far longer; a healthy run takes a few seconds


def prlint(*args: str, stdin: bytes | None = None) -> tuple[int, str, str, float]:
    """Run prlint as a user would and return (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        timeout=LIMIT_SECONDS,
        cwd=REPO,
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
