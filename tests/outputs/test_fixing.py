"""--fix and --diff: safe fixes only, nothing lost, atomic writes, the file's identity kept."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import subprocess

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.outputs import fixing
from tests.helpers import SEEDS, needs_shared, test_pack

BROKEN = (
    "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (AMEX: KAL)(Frankfurt”>CA4) announced news.\n"
)
FIXED = "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (AMEX: KAL)(FWB: CA4) announced news.\n"
LEGEND = (
    "\nForward-Looking Statements\n\n"
    "Shares (Nasdaq”>ACME) are forward-looking statements; actual results may differ materially.\n"
)


def invoke(*args):
    """Run prlint with the core pack and the ticker-markup rule, whose fix is the safe one under test."""
    result = CliRunner().invoke(
        main, ["--select", "core,sec.ticker-broken-markup", *[str(arg) for arg in args]]
    )
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_fix_applies_safe_fixes_and_reports_what_remains(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN.replace("news", "the the news"), encoding="utf-8")
    result = invoke("--fix", path)
    assert "fixed 1 problem in" in result.stderr
    assert path.read_text(encoding="utf-8") == FIXED.replace("news", "the the news")
    assert (
        "core.doubled-word" in result.output
    )  # a suggested fix, not a safe one: left for the editor
    assert result.exit_code == 0
    again = invoke("--fix", path)
    assert "fixed" not in again.stderr


def test_fix_never_touches_the_legend(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN + LEGEND, encoding="utf-8")
    invoke("--fix", path)
    assert path.read_text(encoding="utf-8") == FIXED + LEGEND


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", False, "\n"),
        ("utf-8", True, "\r\n"),
        ("cp1252", False, "\r\n"),
        ("utf-16", False, "\n"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, encoding, bom, newline) -> None:
    path = tmp_path / "draft.txt"
    text = ("Headline\n\n" + BROKEN + "Second line.\n").replace("\n", newline)
    path.write_bytes(("\ufeff" if bom else "").encode("utf-8") + text.encode(encoding))
    args = ["--fix", path] if encoding == "utf-8" else ["--fix", "--encoding", encoding, path]
    invoke(*args)
    expected = ("Headline\n\n" + FIXED + "Second line.\n").replace("\n", newline)
    assert path.read_bytes() == ("\ufeff" if bom else "").encode("utf-8") + expected.encode(
        encoding
    )


def test_fix_keeps_mixed_line_endings(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(("Headline\r\n\n" + BROKEN + "Tail.\r\n").encode("utf-8"))
    invoke("--fix", path)
    assert path.read_bytes() == ("Headline\r\n\n" + FIXED + "Tail.\r\n").encode("utf-8")


def test_diff_shows_the_fix_and_writes_nothing(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    result = invoke("--diff", path)
    assert f"-{BROKEN}" in result.output and f"+{FIXED}" in result.output
    assert path.read_text(encoding="utf-8") == BROKEN


@pytest.mark.parametrize("where", ["race window", "rename"])
def test_an_interrupted_fix_leaves_the_draft_whole(tmp_path, monkeypatch, where) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")

    def interrupted(*_args):
        raise KeyboardInterrupt

    if where == "rename":  # where no atomic swap exists, a plain rename is the last step
        monkeypatch.setattr(fixing, "_swap", lambda first, second: False)
        monkeypatch.setattr(os, "replace", interrupted)
    else:
        monkeypatch.setattr(fixing, "_in_the_race_window", interrupted)
    CliRunner().invoke(main, ["--select", "core,sec.ticker-broken-markup", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == BROKEN
    assert leftovers(tmp_path) == ["draft.txt"]  # no temporary file left behind


def leftovers(folder) -> list[str]:
    """Return the names in *folder*: a temporary file left there shows."""
    return sorted(entry.name for entry in folder.iterdir())


def test_a_draft_changed_since_it_was_read_is_not_written(tmp_path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    original = fixing.write_draft

    def edit_then_write(raw, data):
        path.write_text(BROKEN + "An editor's new line.\n", encoding="utf-8")
        return original(raw, data)

    monkeypatch.setattr(fixing, "write_draft", edit_then_write)
    result = invoke("--fix", path)
    assert result.exit_code == 2 and "changed since it was read" in result.stderr
    assert path.read_text(encoding="utf-8") == BROKEN + "An editor's new line.\n"
    assert leftovers(tmp_path) == ["draft.txt"]


def test_overlapping_fixes_are_ambiguous_and_skipped() -> None:
    edits = [
        fixing.Edit(0, 5, "a", "r1"),
        fixing.Edit(3, 8, "b", "r2"),
        fixing.Edit(10, 12, "c", "r3"),
    ]
    assert fixing._drop_overlaps(edits) == [fixing.Edit(10, 12, "c", "r3")]


def test_fix_refuses_stdin() -> None:
    result = CliRunner().invoke(
        main, ["--select", "core,sec.ticker-broken-markup", "--fix", "-"], input=BROKEN
    )
    assert result.exit_code == 2 and "--fix cannot write to standard input" in result.stderr


@needs_shared
def test_fix_on_the_seeds_corrects_the_known_defects_and_nothing_else(tmp_path) -> None:
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    result = CliRunner().invoke(main, ["--fix", str(tmp_path)])
    assert "Traceback" not in result.output + result.stderr
    corrections = {
        "000_7fc09e080129e0bc.txt": [("L- Annamycin", "L-Annamycin")],
        "001_11140a142e544612.txt": [
            ("(Frankfurt”>CA4)", "(FWB: CA4)"),
            ("L-Annamcyin", "L-Annamycin"),
            ("L- Annamycin", "L-Annamycin"),
        ],
        "002_5377c2d7b4a2295d.txt": [],
    }
    for name, replacements in corrections.items():
        expected = (SEEDS / name).read_bytes().decode("utf-8")
        for old, new in replacements:
            assert old in expected
            expected = expected.replace(old, new)
        assert (tmp_path / name).read_bytes() == expected.encode("utf-8"), name
    again = CliRunner().invoke(main, ["--fix", str(tmp_path)])
    assert "fixed" not in again.stderr


# -- a save by another program at the worst moment is never lost ------------------------

SAVED = BROKEN + "The editor's sentence, saved while prlint was fixing.\n"

needs_swap = pytest.mark.skipif(
    hasattr(fixing, "_swap_call") and fixing._swap_call() is None,
    reason="no atomic swap (renameat2, renamex_np) here",
)


def save_in_place(path: str) -> None:
    """Save the draft as ``echo > file`` does: new bytes into the same file."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(SAVED)


def save_by_rename(path: str) -> None:
    """Save the draft as most editors do: a new file renamed over it."""
    with open(path + ".swp", "w", encoding="utf-8") as stream:
        stream.write(SAVED)
    os.replace(path + ".swp", path)


@needs_swap
@pytest.mark.parametrize("save", [save_in_place, save_by_rename], ids=["in place", "by rename"])
def test_a_save_between_the_last_check_and_the_rename_is_kept(tmp_path, monkeypatch, save):
    """Played deterministically: the save happens after every check, just before the swap."""
    path = tmp_path / "draft.txt"
    other = tmp_path / "other.txt"
    path.write_text(BROKEN, encoding="utf-8")
    other.write_text(BROKEN, encoding="utf-8")

    def race(target: str) -> None:
        if target == str(path):
            save(target)

    monkeypatch.setattr(fixing, "_in_the_race_window", race)
    result = invoke("--fix", path, other)
    assert path.read_text(encoding="utf-8") == SAVED  # the other program's save won
    assert other.read_text(encoding="utf-8") == FIXED  # and the other draft was still fixed
    assert result.exit_code == 2
    assert f"prlint: error: {path}: changed while it was being fixed; not fixed" in result.stderr
    assert leftovers(tmp_path) == ["draft.txt", "other.txt"]


def test_a_save_into_a_hard_linked_draft_before_the_write_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    os.link(path, tmp_path / "link.txt")
    monkeypatch.setattr(fixing, "_in_the_race_window", save_in_place)
    result = invoke("--fix", path)
    assert path.read_text(encoding="utf-8") == SAVED
    assert result.exit_code == 2 and "changed while it was being fixed" in result.stderr
    assert leftovers(tmp_path) == ["draft.txt", "link.txt"]


def test_without_an_atomic_swap_the_rename_still_fixes(tmp_path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setattr(fixing, "_swap", lambda first, second: False)
    assert invoke("--fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == ["draft.txt"]


# -- the file keeps its identity -----------------------------------------------------------


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path) -> None:
    target = tmp_path / "real" / "draft.txt"
    target.parent.mkdir()
    target.write_text(BROKEN, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(os.path.relpath(target, tmp_path))
    assert "fixed 1 problem" in invoke("--fix", link).stderr
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "draft.txt")
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == ["link.txt", "real"] and leftovers(target.parent) == ["draft.txt"]


def test_fix_keeps_the_mode_owner_and_group(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    path.chmod(0o640)
    if os.geteuid() == 0:  # only root can give a file to someone else, as its owner might be
        os.chown(path, 65534, 65534)
    before = path.stat()
    invoke("--fix", path)
    after = path.stat()
    assert path.read_text(encoding="utf-8") == FIXED
    assert (stat.S_IMODE(after.st_mode), after.st_uid, after.st_gid) == (
        0o640,
        before.st_uid,
        before.st_gid,
    )
    if os.geteuid() == 0:
        assert (after.st_uid, after.st_gid) == (65534, 65534)


def test_a_user_who_may_not_set_the_owner_still_fixes(tmp_path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    path.chmod(0o664)

    def refuse(*_args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)  # as for anyone but root
    assert invoke("--fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


def test_hard_links_keep_working(tmp_path) -> None:
    first, second = tmp_path / "draft.txt", tmp_path / "same-draft.txt"
    first.write_text(BROKEN, encoding="utf-8")
    os.link(first, second)
    invoke("--fix", first)
    assert second.read_text(encoding="utf-8") == FIXED  # one file under two names, both fixed
    assert first.stat().st_ino == second.stat().st_ino and first.stat().st_nlink == 2
    assert leftovers(tmp_path) == ["draft.txt", "same-draft.txt"]  # the backup is gone


def test_an_error_while_writing_in_place_puts_the_draft_back(tmp_path, monkeypatch) -> None:
    first = tmp_path / "draft.txt"
    first.write_text(BROKEN, encoding="utf-8")
    os.link(first, tmp_path / "same-draft.txt")
    real_truncate = os.ftruncate
    calls = []

    def disk_full(handle, length):
        calls.append(length)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        return real_truncate(handle, length)

    monkeypatch.setattr(os, "ftruncate", disk_full)
    result = invoke("--fix", first)
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert first.read_text(encoding="utf-8") == BROKEN
    assert leftovers(tmp_path) == ["draft.txt", "same-draft.txt"]


def test_a_read_only_draft_is_left_alone_and_the_others_are_fixed(tmp_path) -> None:
    locked, other = tmp_path / "locked.txt", tmp_path / "other.txt"
    locked.write_text(BROKEN, encoding="utf-8")
    other.write_text(BROKEN, encoding="utf-8")
    locked.chmod(0o444)
    result = invoke("--fix", locked, other)
    assert (
        locked.read_text(encoding="utf-8") == BROKEN
        and stat.S_IMODE(locked.stat().st_mode) == 0o444
    )
    assert other.read_text(encoding="utf-8") == FIXED
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"prlint: error: {locked}: is read-only; not fixed (make it writable to fix it)"
    ]


def error_lines(result) -> list[str]:
    """Return the error lines prlint printed."""
    return [line for line in result.stderr.splitlines() if line.startswith("prlint: error:")]


@contextlib.contextmanager
def immutable(path):
    """Make *path* immutable (chattr +i) for the block, or skip where that is not possible."""
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("chattr +i is not available here (needs root and ext4, xfs or btrfs)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def locked_folder(folder):
    """Make *folder* unwritable: mode 0555, or, for root who ignores modes, immutable."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return contextlib.nullcontext()
    return immutable(folder)


def test_an_unwritable_folder_gives_one_line_and_the_others_are_fixed(tmp_path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    stuck, other = folder / "draft.txt", tmp_path / "other.txt"
    stuck.write_text(BROKEN, encoding="utf-8")
    other.write_text(BROKEN, encoding="utf-8")
    with locked_folder(folder):
        result = invoke("--fix", stuck, other)
    folder.chmod(0o755)
    assert (
        stuck.read_text(encoding="utf-8") == BROKEN and other.read_text(encoding="utf-8") == FIXED
    )
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith(
        f"prlint: error: {stuck}: cannot be fixed: cannot write a file in {folder}"
    )


def test_an_immutable_draft_gives_one_line_and_the_others_are_fixed(tmp_path) -> None:
    stuck, other = tmp_path / "draft.txt", tmp_path / "other.txt"
    stuck.write_text(BROKEN, encoding="utf-8")
    other.write_text(BROKEN, encoding="utf-8")
    with immutable(stuck):
        result = invoke("--fix", stuck, other)
    assert (
        stuck.read_text(encoding="utf-8") == BROKEN and other.read_text(encoding="utf-8") == FIXED
    )
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"prlint: error: {stuck}: you may not write it (immutable, or not yours); not fixed"
    ]


def test_a_replacement_the_encoding_cannot_hold_gives_one_line(tmp_path) -> None:
    pack = test_pack(
        tmp_path,
        {
            "id": "t.arrow",
            "message": "m",
            "fix": "safe",
            "check": {"kind": "forbid", "patterns": ["-->"], "replacement": "\u2192"},
        },
        {
            "id": "t.plain",
            "message": "m",
            "fix": "safe",
            "check": {"kind": "forbid", "patterns": ["teh"], "replacement": "the"},
        },
    )
    arrow, plain = tmp_path / "arrow.txt", tmp_path / "plain.txt"
    arrow.write_bytes("Caf\u00e9 news --> here.\n".encode("cp1252"))
    plain.write_bytes("Caf\u00e9 news, teh end.\n".encode("cp1252"))
    result = CliRunner().invoke(
        main,
        [
            "--select",
            "t",
            "--pack",
            str(pack[0]),
            "--encoding",
            "cp1252",
            "--fix",
            str(arrow),
            str(plain),
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert arrow.read_bytes() == "Caf\u00e9 news --> here.\n".encode("cp1252")
    assert plain.read_bytes() == "Caf\u00e9 news, the end.\n".encode("cp1252")
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"prlint: error: {arrow}: t.arrow would write '\u2192', which cp1252 cannot hold; not fixed"
    ]


def test_utf16_big_endian_with_a_bom_stays_big_endian(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + BROKEN.encode("utf-16-be"))
    invoke("--fix", "--encoding", "utf-16", path)
    assert path.read_bytes() == codecs.BOM_UTF16_BE + FIXED.encode("utf-16-be")


@pytest.mark.parametrize(("option", "expected"), [("--diff", 1), ("--fix", 2)])
def test_fixing_reuses_the_draft_as_read(tmp_path, monkeypatch, option, expected) -> None:
    """Read and extracted once for the lint (and once more after a fix, to lint what was written)."""
    from checker.document.model import Document

    path = tmp_path / "draft.txt"
    path.write_text(BROKEN, encoding="utf-8")
    built: list[str] = []
    real = Document.__post_init__

    def counted(self) -> None:
        built.append(self.path)
        real(self)

    monkeypatch.setattr(Document, "__post_init__", counted)
    invoke("--no-cache", option, path)
    assert built.count(str(path)) == expected


def test_fix_makes_only_the_fixes_of_warnings_and_errors_unless_style_is_asked(tmp_path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    draft = tmp_path / "draft.txt"
    text = "NEW YORK, September 3, 2026 /PRNewswire/ -- Acme filed its Form 10K today.\n"
    draft.write_text(text, encoding="utf-8")
    style = ["--extend-select", "dates.dateline-month-style", "--no-cache"]
    CliRunner().invoke(main, ["--fix", *style, str(draft)])
    fixed = draft.read_text(encoding="utf-8")
    assert "Form 10-K" in fixed and "September 3" in fixed  # the info note's fix is not made
    CliRunner().invoke(main, ["--fix", "--fix-style", *style, str(draft)])
    assert "NEW YORK, Sept. 3, 2026" in draft.read_text(encoding="utf-8")


def test_a_safe_fix_that_cannot_be_made_in_html_is_named_not_skipped_silently(tmp_path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    draft = tmp_path / "release.html"
    draft.write_text(
        "<html><body><p>Acme Corp. (Frankfurt&#8221;&gt;CA4) filed its Form 10K.</p></body></html>\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--fix", "--no-cache", str(draft)])
    assert "sec.ticker-broken-markup: not fixed" in result.stderr
    assert "replace it by hand with '(FWB: CA4)'" in result.stderr
    assert "Form 10-K" in draft.read_text(encoding="utf-8")  # the other fix is still made
