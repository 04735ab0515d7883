"""The pre-commit hook, run for real with ``pre-commit try-repo`` on a sample repository.

pre-commit builds its own environment with this checkout's prlint, so this is
slow (a minute) and needs pre-commit and git; it is skipped without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.helpers import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("pre-commit") is None
        or shutil.which("git") is None
        or not (REPO / ".git").exists(),
        reason="pre-commit, git or this checkout's .git is not available",
    ),
]


def git(folder, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_hook_fails_a_commit_with_a_defect_and_passes_a_clean_one(tmp_path) -> None:
    sample = tmp_path / "releases"
    sample.mkdir()
    git(sample, "init", "-q")
    git(sample, "config", "user.email", "editor@example.com")
    git(sample, "config", "user.name", "Editor")
    (sample / "README.md").write_text("The the readme is not a draft.\n", encoding="utf-8")
    draft = sample / "launch.txt"
    draft.write_text(
        "NEW YORK, May 5, 2026 /PRNewswire/ -- The Companyâ€™s news.\n", encoding="utf-8"
    )
    git(sample, "add", ".")
    env_home = tmp_path / "pre-commit-home"

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(
            ["pre-commit", "try-repo", str(REPO), "prlint", "--all-files"],
            cwd=sample,
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "PRE_COMMIT_HOME": str(env_home)},
        )

    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "launch.txt:1:" in failed.stdout and "core.mojibake" in failed.stdout
    assert "README.md" not in failed.stdout  # the hook's exclude keeps project files out
    draft.write_text(
        "NEW YORK, May 5, 2026 /PRNewswire/ -- The Company’s news.\n", encoding="utf-8"
    )
    git(sample, "add", ".")
    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
