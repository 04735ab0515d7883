"""Side-by-side benchmark: prlint against the tools an editor would otherwise use.

Usage: python bench/benchmark.py [--copies 1000] [--runs 3] [--rounds 3] [--keep DIR]

It installs prlint (from this checkout) and the peers (proselint and
codespell from PyPI) into a throw-away virtual environment, builds a corpus
from ../shared/seeds and ../shared/realworld copied to a few thousand files,
and prints one table: cold single-file time, files per second over the
corpus, and peak memory, for each tool, with prlint's ratio to each. The
tools are timed in rounds, each tool in turn within a round, and each ratio
is the median of the rounds' ratios. Whole processes are timed, as a user
would run them.

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
    parser.add_argument("--runs", type=int, default=3, help="cold single-file runs per round")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds: in each, every tool runs in turn; ratios are the median of the rounds' (default 3)",
    )
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
        rows = measure(tools(venv), single, corpus, args.runs, args.rounds)
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
    new_words: bool = False  # each run finds no word answered by an earlier run


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
    The answers about single words (checker/cache/answers.py) are warm in the
    first rows too, as after an editor's earlier run on the draft; "prlint,
    new words" deletes them before each run: a draft none of whose words a
    recent run has seen, so the word tables are loaded and searched.
    """
    prlint = str(venv / "bin" / "prlint")
    return [
        Tool("prlint (all packs)", [prlint, "--quiet"], True),
        Tool("prlint --jobs 2", [prlint, "--quiet", "--jobs", "2"], True),
        Tool("prlint --no-cache", [prlint, "--quiet", "--no-cache"], True),
        Tool("prlint, unchanged", [prlint, "--quiet"]),
        Tool("prlint, new words", [prlint, "--quiet"], new_drafts=True, new_words=True),
        Tool("proselint", [str(venv / "bin" / "proselint"), "check"]),
        Tool("codespell", [str(venv / "bin" / "codespell")]),
    ]


def measure(tools: list[Tool], single: Path, corpus: Path, runs: int, rounds: int) -> list[dict]:
    """Time every tool in *rounds*: in each, every tool runs *runs* cold single files, then the corpus.

    The machine is shared, and its neighbours change from one minute to the
    next: timed one after the other, two tools a few minutes apart met
    different neighbours, and their ratio moved by a tenth from run to run.
    Within a round the tools run a minute apart, so each ratio is taken round
    by round and the median of those is reported. Every tool runs once
    untimed on the draft and on the corpus first, so caches are built and the
    files are in the OS cache for each of them.
    """
    for tool in tools:
        timed(tool.command + [str(single)])
        timed_on_corpus(tool, corpus)
    cold: dict[str, list[list[Run]]] = {tool.name: [] for tool in tools}
    whole: dict[str, list[Run]] = {tool.name: [] for tool in tools}
    for _round in range(rounds):
        for tool in tools:
            times = []
            for _run in range(runs):
                _forget_answers(tool)
                times.append(timed(tool.command + [str(_draft_for(tool, single, corpus))]))
            cold[tool.name].append(times)
            _forget_answers(tool)
            whole[tool.name].append(timed_on_corpus(tool, corpus))
    files = len(list(corpus.iterdir()))
    return [
        {
            "name": tool.name,
            "cold_ms": [
                statistics.median(one.cpu for one in runs_) * 1000 for runs_ in cold[tool.name]
            ],
            "cold_wall_ms": [
                statistics.median(one.wall for one in runs_) * 1000 for runs_ in cold[tool.name]
            ],
            "files_s": [files / run.cpu for run in whole[tool.name]],
            "files_wall_s": [files / run.wall for run in whole[tool.name]],
            "peak_mb": [run.peak_mb for run in whole[tool.name]],
        }
        for tool in tools
    ]


def _forget_answers(tool: Tool) -> None:
    """Delete prlint's kept answers about single words before a run of a tool timed on new words."""
    if tool.new_words:
        given = os.environ.get("XDG_CACHE_HOME") or ""
        base = Path(given) if os.path.isabs(given) else Path.home() / ".cache"  # prlint's rule
        for kept in (base / "prlint" / "data").glob("answers-*.marshal"):
            kept.unlink()


def _draft_for(tool: Tool, single: Path, corpus: Path) -> Path:
    """Return the draft a cold run lints: a new copy of it for a tool timed on new drafts."""
    return _copy_of(single, corpus.parent / "drafts") if tool.new_drafts else single


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
    """Print the side-by-side table (medians over the rounds) and prlint's ratio to each peer."""
    count = len(list(corpus.iterdir()))
    print(
        f"corpus: {count} files, {sum(p.stat().st_size for p in corpus.iterdir()) / 1e6:.1f} MB; "
        f"machine: {os.cpu_count()} cores; {len(rows[0]['files_s'])} rounds"
    )
    print("| tool | cold 1 file, CPU ms (wall) | files per CPU-s | files per wall-s | peak MB |")
    print("|---|---|---|---|---|")
    median = statistics.median
    for row in rows:
        print(
            f"| {row['name']} | {median(row['cold_ms']):.0f} ({median(row['cold_wall_ms']):.0f}) "
            f"| {median(row['files_s']):.0f} | {median(row['files_wall_s']):.0f} "
            f"| {max(row['peak_mb']):.0f} |"
        )
    prlint = rows[0]
    for row in rows:
        if row["name"] not in PEERS:
            continue
        cold = _ratios(prlint["cold_ms"], row["cold_ms"])
        speed = _ratios(prlint["files_s"], row["files_s"])
        print(
            f"prlint vs {row['name']}: cold {median(cold):.2f}x the CPU time ({_spread(cold)}), "
            f"throughput per CPU-second {median(speed):.2f}x ({_spread(speed)}), "
            f"memory {max(prlint['peak_mb']) / max(row['peak_mb']):.2f}x"
        )


def _ratios(ours: list[float], theirs: list[float]) -> list[float]:
    """Return the ratio of two tools' figures round by round."""
    return [mine / other for mine, other in zip(ours, theirs)]


def _spread(ratios: list[float]) -> str:
    """Return the rounds' ratios, lowest to highest, for the reader to judge the noise."""
    return "rounds " + ", ".join(f"{ratio:.2f}" for ratio in sorted(ratios))


if __name__ == "__main__":
    sys.exit(main())
