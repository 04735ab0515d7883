"""Run the atheris fuzzer for a bounded time (skipped where atheris is not installed)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers import REPO

atheris = pytest.importorskip(
    "atheris", reason="atheris is not installed (it builds on Linux only)"
)


@pytest.mark.slow
def test_coverage_guided_fuzzing_finds_no_crash(tmp_path) -> None:
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    for draft in (REPO / "corpus").glob("*.txt"):
        (seeds / draft.name).write_bytes(draft.read_bytes()[:4000])
    process = subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "fuzz" / "fuzz_lint.py"),
            "-max_total_time=20",
            "-max_len=4096",
            "-rss_limit_mb=2048",
            str(seeds),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.returncode == 0, process.stderr[-3000:]
