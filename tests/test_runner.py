"""The runner: one draft's failure costs only that draft; workers that die or are orphaned."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import engine
from checker import runner as runner_module
from checker.cli import main
from checker.document.model import Document
from checker.errors import PatternTimeout
from checker.runner import Runner, WorkerFailure
from tests.helpers import REPO, test_pack

DRAFT = "NEW YORK, May 5, 2026 -- Acme had the the news.\n"
needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the workers must inherit the test's patches (fork start method)",
)


def drafts(folder: Path, count: int = 3) -> list[str]:
    """Write *count* drafts with one doubled word each; return their paths."""
    paths = []
    for index in range(count):
        path = folder / f"d{index}.txt"
        path.write_text(DRAFT, encoding="utf-8")
        paths.append(str(path))
    return paths


def time_out_on(name: str, monkeypatch) -> None:
    """Make the checks of the draft called *name* run out of time, as a backtracking rule does."""
    real = engine.lint_with_directives

    def checks(document: Document, rules, context):
        if document.path.endswith(name):
            raise PatternTimeout(f"t.json: rule t.slow ran over 2 s on {document.path}")
        return real(document, rules, context)

    monkeypatch.setattr(engine, "lint_with_directives", checks)


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=needs_fork)])
def test_a_draft_that_times_out_costs_only_its_own_report(tmp_path, monkeypatch, jobs) -> None:
    paths = drafts(tmp_path)
    time_out_on("d1.txt", monkeypatch)
    results = Runner({}, reuse=False).lint_all(paths, jobs=jobs)
    assert [result.path for result in results] == paths
    assert results[1].error == f"t.json: rule t.slow ran over 2 s on {paths[1]}"
    assert results[1].findings == []
    for result in (results[0], results[2]):
        assert result.error is None
        assert [finding.rule for finding in result.findings] == ["core.doubled-word"]


def test_a_timed_out_draft_is_not_cached_as_clean(tmp_path, monkeypatch) -> None:
    paths = drafts(tmp_path, 1)
    time_out_on("d0.txt", monkeypatch)
    assert Runner({}).lint_one(paths[0]).error
    monkeypatch.undo()
    assert [f.rule for f in Runner({}).lint_one(paths[0]).findings] == ["core.doubled-word"]


BACKTRACKING_CHECKS = {
    "pattern": {"kind": "forbid", "patterns": ["(a|aa)+b"]},
    # issue 19 section 3: an "unless" pattern ran with no time limit (53 s, then exit 1)
    "unless": {"kind": "forbid", "patterns": ["a+!"], "unless": ["(a|aa)+b"]},
    "variants": {"kind": "consistency", "pattern": "(?P<value>a+!)", "variants": {"v": "(a|aa)+b"}},
}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("where", list(BACKTRACKING_CHECKS))
def test_a_backtracking_rule_on_one_draft_reports_the_others(tmp_path, jobs, where) -> None:
    """End to end, with a real catastrophic pattern: the error, then every other finding."""
    pack = test_pack(
        tmp_path, {"id": "t.slow", "message": "slow", "check": BACKTRACKING_CHECKS[where]}
    )
    good = drafts(tmp_path, 2)
    slow = tmp_path / "slow.txt"
    slow.write_text("NEW YORK, May 5, 2026 -- Acme news. " + "a" * 40 + "!\n", encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "checker", "--no-cache", "--jobs", jobs, "--pack", str(pack[0])]
        + [good[0], str(slow), good[1]],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert process.returncode == 2
    assert "Traceback" not in process.stderr
    assert f"rule t.slow ran over 2 s on {slow}" in process.stderr
    for path in good:
        assert f"{path}:1:35: warning [core.doubled-word]" in process.stdout


@needs_fork
def test_a_killed_worker_ends_the_run_with_one_line_and_exit_2(tmp_path, monkeypatch) -> None:
    parent = os.getpid()
    real = Runner.lint_one

    def killed_in_a_worker(self, path):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as `kill -9` or the OOM killer does
        return real(self, path)

    monkeypatch.setattr(Runner, "lint_one", killed_in_a_worker)
    paths = drafts(tmp_path, 4)
    with pytest.raises(WorkerFailure, match="a --jobs worker process died"):
        Runner({}, reuse=False).lint_all(paths, jobs=2)
    result = CliRunner().invoke(main, ["--no-cache", "--jobs", "2", *paths])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "prlint: error: a --jobs worker process died (killed, or out of memory) before its drafts "
        "were linted; nothing is reported: run again, or without --jobs"
    ]


class Exited(Exception):
    """What the patched ``os._exit`` raises, so that a test sees the worker leave."""


def exit_now(code: int) -> None:
    raise Exited(code)


def test_a_worker_exits_once_its_parent_is_gone(monkeypatch) -> None:
    """The watcher sees a new parent process id (the orphan was adopted) and exits at once."""
    parents = iter([100, 100, 1])
    monkeypatch.setattr(os, "getppid", lambda: next(parents))
    monkeypatch.setattr(runner_module, "_running", lambda pid: True)
    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(Exited):
        runner_module.exit_with_parent(100, 100, interval=0)


def test_a_worker_whose_parent_died_before_it_started_exits(monkeypatch) -> None:
    """Orphaned before the watcher started: the parent's process id is gone."""
    monkeypatch.setattr(runner_module, "_running", lambda pid: pid != 999_999)
    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(Exited):
        runner_module.exit_with_parent(os.getppid(), 999_999, interval=0)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_workers_exit_after_their_parent_is_killed(tmp_path) -> None:
    """``kill -9`` of prlint during ``--jobs 2``: its workers used to lint on for minutes."""
    script = textwrap.dedent(
        f"""
        import time
        from checker.runner import Runner
        Runner.lint_one = lambda self, path: time.sleep(600)  # busy for longer than the test
        Runner({{}}, reuse=False).lint_all({drafts(tmp_path, 4)!r}, jobs=2)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        workers = _wait_for(
            lambda: _children(parent.pid) if len(_children(parent.pid)) == 2 else None
        )
        assert workers, "the workers never started"
    finally:
        parent.kill()
        parent.wait()
    gone = _wait_for(lambda: not any(_alive(pid) for pid in workers) or None, seconds=30)
    for pid in workers:  # leave nothing behind, whatever the outcome
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    assert gone, "the workers outlived their parent"


def _wait_for(probe, seconds: float = 30):
    """Poll *probe* until it returns something true, or *seconds* pass (then None)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.1)
    return None


def _children(pid: int) -> list[int]:
    """Return the process ids whose parent is *pid* (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Tell whether *pid* runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_each_folder_s_config_file_is_looked_up_once(tmp_path, monkeypatch) -> None:
    calls: list[Path] = []
    real = runner_module.find_config
    monkeypatch.setattr(
        runner_module, "find_config", lambda folder: calls.append(folder) or real(folder)
    )
    paths = drafts(tmp_path)
    Runner({}, reuse=False).lint_all(paths)
    assert calls == [tmp_path]
