"""Side-by-side benchmark: prlint against the tools an editor would otherwise use.

Usage: python bench/benchmark.py [--copies 1000] [--runs 7] [--keep DIR]

It installs prlint (from this checkout) and the peers (proselint and
codespell from PyPI) into a throw-away virtual environment, builds a corpus
from ../shared/seeds and ../shared/realworld copied to a few thousand files,
and prints one table: cold single-file time (median of several runs), files
per second over the corpus, and peak memory, for each tool, with prlint's
ratio to each. Whole processes are timed, as a user would run them.

Times are CPU seconds (user + system, the process and every process it
waited for, as ``wait4`` reports them): on a machine other work shares,
wall time measures the neighbours as much as the tool, CPU time much less.
Throughput per CPU-second is the figure that says what one core does; the
wall figure is printed beside it, and for ``--jobs 2`` only it shows the
gain. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
PEERS = ("proselint", "codespell")


def main() -> int:
    """Build the environment and corpus, time every tool, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies",
        type=int,
        default=25,
        help="copies of each source release (default 25: ~3,000 files)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs for the cold single-file median")
    parser.add_argument(
        "--keep", type=Path, help="use (and keep) this folder for the venv and corpus"
    )
    args = parser.parse_args()
    sources = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        (SHARED / "realworld" / "releases").glob("*.txt")
    )
    if not sources:
        print("no releases found in ../shared; nothing to benchmark", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="prlint-bench-"))
    try:
        venv = build_venv(work / "venv")
        corpus = build_corpus(work / "corpus", sources, args.copies)
        single = sources[1] if len(sources) > 1 else sources[0]
        rows = [measure(tool, single, corpus, args.runs) for tool in tools(venv)]
        print_table(rows, corpus)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def build_venv(venv: Path) -> Path:
    """Create a virtual environment with prlint and the peers installed."""
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    if not (venv / "bin" / "prlint").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([*pip, *PEERS], check=True)
    subprocess.run(
        [*pip, "--force-reinstall", "--no-deps", str(REPO)], check=True
    )  # this checkout, as it is now
    subprocess.run([*pip, str(REPO)], check=True)  # and its dependencies
    return venv


def build_corpus(folder: Path, sources: list[Path], copies: int) -> Path:
    """Copy every source release *copies* times into *folder*."""
    if folder.is_dir() and any(folder.iterdir()):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for source in sources:
            shutil.copyfile(source, folder / f"{copy:04d}-{source.name}")
    return folder


@dataclass(frozen=True)
class Tool:
    """One row of the table: how to run a tool on a draft and on the corpus."""

    name: str
    command: list[str]
    new_drafts: bool = False  # each run lints drafts at paths never linted before


def tools(venv: Path) -> list[Tool]:
    """Return the tools measured.

    prlint keeps findings of unchanged drafts (checker/cache/results.py),
    keyed by path and text, so its rows say which case they time. The
    first two time the checks themselves: each cold run lints the draft
    copied to a new path (an editor's changed draft), and each corpus run
    lints the corpus copied to a new folder (a new archive): no findings
    are reused, while the pattern and word-list caches are warm, as on any
    machine after prlint's first run. "prlint --no-cache" reads no cache at
    all, so each run also rebuilds the word lists (a few seconds); "prlint,
    unchanged" times a rerun over drafts already seen (CI over an archive).
    """
    prlint = str(venv / "bin" / "prlint")
    return [
        Tool("prlint (all packs)", [prlint, "--quiet"], True),
        Tool("prlint --jobs 2", [prlint, "--quiet", "--jobs", "2"], True),
        Tool("prlint --no-cache", [prlint, "--quiet", "--no-cache"], True),
        Tool("prlint, unchanged", [prlint, "--quiet"]),
        Tool("proselint", [str(venv / "bin" / "proselint"), "check"]),
        Tool("codespell", [str(venv / "bin" / "codespell")]),
    ]


def measure(tool: Tool, single: Path, corpus: Path, runs: int) -> dict:
    """Time one tool: cold single file (median of *runs*), then the whole corpus.

    Every tool runs once untimed on the draft and on the corpus first, so
    caches are built and the files are in the OS cache for each of them.
    """
    timed(tool.command + [str(single)])
    cold = [
        timed(
            tool.command
            + [str(_copy_of(single, corpus.parent / "drafts") if tool.new_drafts else single)]
        )
        for _run in range(runs)
    ]
    files = sorted(str(path) for path in corpus.iterdir())
    timed_on_corpus(tool, corpus)
    run = timed_on_corpus(tool, corpus)
    return {
        "name": tool.name,
        "cold_ms": statistics.median(one.cpu for one in cold) * 1000,
        "cold_wall_ms": statistics.median(one.wall for one in cold) * 1000,
        "files_s": len(files) / run.cpu,
        "files_wall_s": len(files) / run.wall,
        "peak_mb": run.peak_mb,
    }


def timed_on_corpus(tool: Tool, corpus: Path) -> Run:
    """Time *tool* over the corpus, or, for a tool timed on new drafts, over a new copy of it."""
    if not tool.new_drafts:
        return timed(tool.command + [str(corpus)])
    copy = Path(tempfile.mkdtemp(dir=corpus.parent, prefix="archive-"))
    try:
        shutil.copytree(corpus, copy, dirs_exist_ok=True)
        return timed(tool.command + [str(copy)])
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def _copy_of(draft: Path, parent: Path) -> Path:
    """Return a copy of *draft* at a path never used before (so no earlier findings apply)."""
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=parent))
    return Path(shutil.copy(draft, folder / draft.name))


#: Exit codes that mean "ran and reported" for each tool (codespell: 65 = misspellings found).
_OK_CODES = {"prlint": {0, 1}, "proselint": {0, 1}, "codespell": {0, 65}}


@dataclass(frozen=True)
class Run:
    """What one run of a tool cost."""

    cpu: float  # seconds, user + system, the tool and the processes it waited for
    wall: float  # seconds
    peak_mb: float  # the largest resident set of the tool or any of its processes


def timed(command: list[str]) -> Run:
    """Run *command*; return its CPU and wall seconds and its peak resident memory.

    A run that crashed would look fast: it stops the benchmark instead.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    tool = Path(command[0]).name
    if process.returncode not in _OK_CODES.get(tool, {0, 1}) or "Traceback" in stderr:
        raise SystemExit(
            f"{tool} failed (exit {process.returncode}); not timing a crash:\n{stderr[-2000:]}"
        )
    # ru_maxrss is in KiB on Linux; wait4 covers the children the tool waited for (--jobs workers)
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def print_table(rows: list[dict], corpus: Path) -> None:
    """Print the side-by-side table and prlint's ratio to each peer."""
    count = len(list(corpus.iterdir()))
    print(
        f"corpus: {count} files, {sum(p.stat().st_size for p in corpus.iterdir()) / 1e6:.1f} MB; machine: {os.cpu_count()} cores"
    )
    print("| tool | cold 1 file, CPU ms (wall) | files per CPU-s | files per wall-s | peak MB |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['name']} | {row['cold_ms']:.0f} ({row['cold_wall_ms']:.0f}) "
            f"| {row['files_s']:.0f} | {row['files_wall_s']:.0f} | {row['peak_mb']:.0f} |"
        )
    prlint = rows[0]
    for row in rows[4:]:
        print(
            f"prlint vs {row['name']}: cold {prlint['cold_ms'] / row['cold_ms']:.2f}x the CPU time, "
            f"throughput per CPU-second {prlint['files_s'] / row['files_s']:.2f}x, "
            f"memory {prlint['peak_mb'] / row['peak_mb']:.2f}x"
        )


if __name__ == "__main__":
    sys.exit(main())
