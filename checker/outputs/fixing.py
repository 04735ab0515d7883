"""Apply the fixes that rules mark safe, and write drafts back without loss.

Only fixes a rule marks ``"fix": "safe"`` are applied, never one inside the
forward-looking-statements legend (unless the rule sets ``fix_in_legend``),
and never two that overlap (that would be ambiguous). Edits are planned by
the runner on the Document the findings came from (:func:`plan_edits`) and
made on the draft exactly as decoded, so mixed line ends, encoding, BOM and
byte order survive.

Writing (:func:`write_draft`) keeps the file's identity: through a symlink
the target is fixed and the link kept; owner, group and mode are kept
where the user may set them; hard links keep working. A read-only file is
left alone. A file that changed since it was read, or that changes while
it is being fixed, is not written, and the other save is never lost. Every
failure is one message for that draft; the other drafts are still fixed.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from checker.document.model import Document
from checker.document.parts import LEGEND
from checker.errors import ConfigError, InputError
from checker.inputs import escape_replacement, text_span
from checker.inputs.reading import FileIdentity, RawDraft, read_at_most
from checker.model import Finding, Fix, Rule, Severity


@dataclass(frozen=True)
class Edit:
    """A replacement of ``original[start:end]``, from one finding."""

    start: int
    end: int
    replacement: str
    rule: str
    fix: Fix | None = field(default=None, compare=False)  # the finding's fix it makes

    def wanted_by(self, findings: list[Finding]) -> bool:
        """Tell whether a finding still asks for this edit (none was filtered out since)."""
        return any(f.rule == self.rule and f.fix == self.fix for f in findings)


def plan_edits(
    raw: RawDraft,
    document: Document,
    findings: list[Finding],
    rules: dict[str, Rule],
    input_format: str = "text",
) -> list[Edit]:
    """Return the safe edits the findings of a draft ask for, in text order.

    Overlapping edits are kept here: :func:`chosen_edits` drops them among the
    findings still reported when the fixes are made (a per-file ignore or a
    baseline may drop findings in between).
    """
    to_original = _offset_map(raw.original)
    candidates: list[Edit] = []
    for finding in findings:
        rule = rules.get(finding.rule)
        if finding.fix is None or not finding.fix.safe or rule is None:
            continue
        start = document.offset_of(finding.fix.line, finding.fix.column)
        end = document.offset_of(finding.fix.end_line, finding.fix.end_column)
        span = text_span(document, start, end)
        if span is None:  # markup or an entity inside the span (HTML, Markdown): not a safe edit
            continue
        if document.part_at(span[0]) == LEGEND and not rule.fix_in_legend:
            continue
        replacement = escape_replacement(input_format, finding.fix.replacement).replace(
            "\n", raw.newline
        )
        candidates.append(
            Edit(to_original[start], to_original[end], replacement, finding.rule, finding.fix)
        )
    return sorted(set(candidates), key=lambda edit: (edit.start, edit.end))


def chosen_edits(edits: list[Edit], findings: list[Finding]) -> list[Edit]:
    """Return the edits that findings still ask for, without those that overlap."""
    return _drop_overlaps([edit for edit in edits if edit.wanted_by(findings)])


def _offset_map(original: str) -> list[int]:
    """Map offsets in the normalised text (``\\n`` only) to offsets in *original*."""
    mapping = [
        index
        for index, char in enumerate(original)
        if not (char == "\r" and original[index + 1 : index + 2] == "\n")
    ]
    mapping.append(len(original))
    return mapping


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    """Drop every edit that overlaps another: which one wins would be a guess."""
    kept: list[Edit] = []
    clashing: set[int] = set()
    for index, edit in enumerate(edits):
        for other_index in range(index + 1, len(edits)):
            if edits[other_index].start >= edit.end and edits[other_index].start > edit.start:
                break
            clashing.update({index, other_index})
    for index, edit in enumerate(edits):
        if index not in clashing:
            kept.append(edit)
    return kept


def apply_edits(original: str, edits: list[Edit]) -> str:
    """Return *original* with the (sorted, non-overlapping) edits made."""
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(original[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(original[position:])
    return "".join(pieces)


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff of a draft before and after its fixes."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def encode_draft(raw: RawDraft, text: str, edits: list[Edit]) -> bytes:
    """Return *text* as the draft's bytes: its encoding, byte order and BOM.

    A replacement the encoding cannot hold (an en dash in an ASCII draft)
    refuses the draft, naming the rule, rather than writing a "?".
    """
    codec = "utf-8" if raw.encoding == "utf-8-sig" else raw.encoding
    try:
        return ("\ufeff" + text if raw.bom else text).encode(codec)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        rule = next((edit.rule for edit in edits if bad in edit.replacement), "a fix")
        raise InputError(
            f"{raw.path}: {rule} would write {bad!r}, which {codec} cannot hold; not fixed"
        ) from None


def _in_the_race_window(path: str) -> None:
    """Run between the last check that a draft is unchanged and the write over it.

    It does nothing: tests replace it to play a concurrent save at the worst
    moment, deterministically.
    """


def write_draft(raw: RawDraft, data: bytes) -> None:
    """Write *data* over the draft *raw* was read from, if it has not changed since.

    A symlink is followed: its target is fixed and the link stays a link. A
    draft with one name is replaced by an atomic swap (:func:`_replace`); one
    with several hard links is written in place (:func:`_write_in_place`),
    because a rename would leave the other names with the old text.
    """
    target = os.path.realpath(raw.path)
    try:
        status = os.stat(target)
    except OSError as error:
        raise InputError(f"{raw.path}: cannot be fixed: {error.strerror or error}") from None
    if raw.identity is None or FileIdentity.of(status) != raw.identity:
        raise _changed(raw)
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise InputError(f"{raw.path}: is read-only; not fixed (make it writable to fix it)")
    if not os.access(target, os.W_OK):
        raise InputError(f"{raw.path}: you may not write it (immutable, or not yours); not fixed")
    try:
        if status.st_nlink > 1:
            _write_in_place(target, raw, data, status)
        else:
            _replace(target, raw, data, status)
    except OSError as error:
        raise InputError(f"{raw.path}: cannot be fixed: {_reason(error, target)}") from None


def _replace(target: str, raw: RawDraft, data: bytes, status: os.stat_result) -> None:
    """Replace a draft by a new file with the fixed text, atomically, losing no other save.

    The new file is written and synced beside the draft, with its owner,
    group and mode. The draft is checked once more (size, mtime, bytes),
    then swapped with the new file in one step (Linux ``renameat2``
    RENAME_EXCHANGE, macOS ``renamex_np`` RENAME_SWAP): the file it
    displaced is then checked again, and if another program saved the
    draft in between, the swap is undone, so that save stays. Readers see
    the old draft or the new one, never a partial file. Where no swap
    exists the check is followed by a plain rename, and a save landing in
    the microseconds between the two would be lost. The temporary file is
    removed on every exit path that can be caught.
    """
    folder, name = os.path.split(target)
    temporary = _new_file(folder, name, data, status)
    keep = False  # set when the temporary file ends up holding someone else's save
    try:
        if not _unchanged(target, raw):
            raise _changed(raw)
        _in_the_race_window(target)
        if not _swap(temporary, target):
            os.replace(temporary, target)
            return
        if _unchanged(temporary, raw):  # what the swap displaced is the draft as read
            return
        keep = True  # the temporary path now holds another program's save
        try:
            swapped_back = _swap(temporary, target)  # give that save its place back
        except OSError:
            swapped_back = False
        keep = not (swapped_back and _holds(temporary, data))
        raise _changed(raw, while_fixing=True, kept=temporary if keep else None)
    finally:
        if not keep:
            _remove(temporary)


def _write_in_place(target: str, raw: RawDraft, data: bytes, status: os.stat_result) -> None:
    """Overwrite a hard-linked draft in place, so every name of it sees the fix.

    The trade-off: a rename would break the links, so the bytes are written
    into the file itself, which is not atomic. To make up for it, the draft
    as read is first saved beside it (``.NAME.XXXX.prlint-backup``) and
    synced; the file is checked through the same open handle just before
    writing (identity, size, mtime, bytes) and that it is still the file at
    this path; an error or interrupt while writing puts the old bytes back.
    Only a crash in the middle of the write can leave a mixed file, and
    then the backup still holds the draft. The backup is removed once the
    fix is written.
    """
    folder, name = os.path.split(target)
    backup = _new_file(folder, name, raw.data, status, suffix=".prlint-backup")
    keep = False
    try:
        handle = os.open(target, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            if not _handle_unchanged(handle, target, raw):
                raise _changed(raw)
            _in_the_race_window(target)
            if not _still_as_read(handle, target, raw):
                raise _changed(raw, while_fixing=True)
            try:
                _overwrite(handle, data)
            except BaseException:
                try:
                    _overwrite(handle, raw.data)
                except OSError:
                    keep = True
                    raise InputError(
                        f"{raw.path}: the fix could not be written, nor the draft put back; "
                        f"the draft as read is in {backup}"
                    ) from None
                raise
        finally:
            os.close(handle)
    finally:
        if not keep:
            _remove(backup)


def _new_file(
    folder: str, name: str, data: bytes, status: os.stat_result, suffix: str = ".prlint"
) -> str:
    """Write *data* to a new hidden file beside the draft, synced, with its owner and mode."""
    handle, path = tempfile.mkstemp(prefix=f".{name}.", suffix=suffix, dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            _copy_owner_and_mode(stream.fileno(), status)
            os.fsync(stream.fileno())
    except BaseException:
        _remove(path)
        raise
    return path


def _copy_owner_and_mode(handle: int, status: os.stat_result) -> None:
    """Give a new file the draft's owner, group and mode, as far as the user may.

    Only root may give a file away, and a user may only choose a group they
    are in: what is not allowed is left as the new file has it. The mode is
    set last, because changing the owner clears the set-id bits.
    """
    if hasattr(os, "fchown"):
        for owner, group in ((status.st_uid, status.st_gid), (-1, status.st_gid)):
            try:
                os.fchown(handle, owner, group)
                break
            except PermissionError:
                continue
    if hasattr(os, "fchmod"):
        os.fchmod(handle, stat.S_IMODE(status.st_mode))


def _unchanged(path: str, raw: RawDraft) -> bool:
    """Tell whether the file at *path* is the draft as read: identity, size, mtime, bytes."""
    found = _contents(path, len(raw.data))
    return found is not None and found == (raw.identity, raw.data)


def _holds(path: str, data: bytes) -> bool:
    """Tell whether the file at *path* holds exactly *data*."""
    found = _contents(path, len(data))
    return found is not None and found[1] == data


def _contents(path: str, size: int) -> tuple[FileIdentity, bytes] | None:
    """Return the identity and first *size* + 1 bytes of the file at *path* (None if gone).

    Opened without blocking, so that a FIFO put in the draft's place cannot
    hang the fix.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        return None
    try:
        return FileIdentity.of(os.fstat(handle)), read_at_most(handle, size + 1)
    finally:
        os.close(handle)


def _handle_unchanged(handle: int, path: str, raw: RawDraft) -> bool:
    """Tell whether an open draft is the one read (bytes too), and still the file at *path*."""
    return _still_as_read(handle, path, raw) and (
        read_at_most(handle, len(raw.data) + 1) == raw.data
    )


def _still_as_read(handle: int, path: str, raw: RawDraft) -> bool:
    """Tell whether an open draft and the file at *path* both have the identity read."""
    try:
        at_path = FileIdentity.of(os.stat(path))
    except FileNotFoundError:
        return False
    return FileIdentity.of(os.fstat(handle)) == raw.identity == at_path


def _overwrite(handle: int, data: bytes) -> None:
    """Write *data* over the whole of an open file, and sync it."""
    os.lseek(handle, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    os.ftruncate(handle, len(data))
    os.fsync(handle)


def _swap(first: str, second: str) -> bool:
    """Exchange two paths in one step; False where the system or file system cannot."""
    call = _swap_call()
    if call is None:
        return False
    import ctypes

    if call(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # this file system has no exchange: rename instead
    raise OSError(code, os.strerror(code), second)


#: ``renameat2`` arguments on Linux: paths relative to the working folder, and swap them.
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
#: ``renamex_np`` flag on macOS: swap the two paths.
_RENAME_SWAP = 2


@functools.cache
def _swap_call() -> Callable[[bytes, bytes], int] | None:
    """Return a function ``(first, second) -> 0 or -1`` that swaps two paths, or None."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):  # no C library to load by that name (Windows)
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        renameat2 = libc.renameat2
        renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        renameat2.argtypes += [ctypes.c_uint]
        renameat2.restype = ctypes.c_int

        def exchange(first: bytes, second: bytes) -> int:
            return int(renameat2(_AT_FDCWD, first, _AT_FDCWD, second, _RENAME_EXCHANGE))

        return exchange
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        renamex_np = libc.renamex_np
        renamex_np.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        renamex_np.restype = ctypes.c_int

        def swap(first: bytes, second: bytes) -> int:
            return int(renamex_np(first, second, _RENAME_SWAP))

        return swap
    return None


def _changed(raw: RawDraft, while_fixing: bool = False, kept: str | None = None) -> InputError:
    """Return the error for a draft another program saved since prlint read it."""
    when = "while it was being fixed" if while_fixing else "since it was read"
    where = f"; another save of it was kept in {kept}" if kept else ""
    return InputError(f"{raw.path}: changed {when}; not fixed (run prlint again){where}")


def _reason(error: OSError, target: str) -> str:
    """Say why writing failed, naming the folder when a new file could not be made there."""
    reason = error.strerror or str(error)
    folder = os.path.dirname(target)
    if error.filename is not None and os.fsdecode(error.filename) != target:
        return f"cannot write a file in {folder} ({reason})"
    return reason


def _remove(path: str) -> None:
    """Delete a temporary file if it is still there."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


@dataclass
class FixOutcome:
    """What ``--fix`` or ``--diff`` did: the results after it, diffs, files fixed."""

    results: list = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    fixed: list[tuple[str, int]] = field(default_factory=list)
    #: Safe fixes that were not made, each as one line saying where and why.
    skipped: list[str] = field(default_factory=list)


def _not_made(findings: list[Finding], planned: list[Edit], made: list[Edit]) -> Iterator[str]:
    """Say which safe fixes were not made and why, so a skipped fix is never silent."""
    planned_fixes = [edit.fix for edit in planned]
    made_fixes = [edit.fix for edit in made]
    for finding in findings:
        if finding.fix is None or not finding.fix.safe or finding.fix in made_fixes:
            continue
        why = (
            "it overlaps another fix"
            if finding.fix in planned_fixes
            else "the text there holds markup or an entity, so it cannot be replaced as written"
        )
        yield (
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule}: "
            f"not fixed, {why}; replace it by hand with '{finding.fix.replacement}'"
        )


def fix_drafts(runner, results: list, write: bool, style: bool = False) -> FixOutcome:
    """Apply (or, when not *write*, diff) each draft's safe fixes, then lint it again.

    Only the fixes of warnings and errors are made unless *style*: an
    ``info`` note is a matter of house style, and ``prlint --fix releases/``
    must not rewrite half an archive for one (``--fix-style`` asks for it).
    A draft that cannot be fixed keeps its findings and gets the reason as
    its error (one line; exit code 2 at the end); the others are still fixed.
    """
    outcome = FixOutcome()
    for result in results:
        raw = result.raw
        if raw is not None and raw.path == "<stdin>" and write:
            raise ConfigError("--fix cannot write to standard input; use --diff")
        wanted = [f for f in result.findings if style or f.severity >= Severity.WARNING]
        edits = chosen_edits(result.edits, wanted)
        if raw is not None:
            outcome.skipped.extend(_not_made(wanted, result.edits, edits))
        if raw is None or not edits:
            outcome.results.append(result)
            continue
        after = apply_edits(raw.original, edits)
        try:
            data = encode_draft(raw, after, edits)
            if write:
                write_draft(raw, data)
        except InputError as error:
            outcome.results.append(replace(result, error=str(error)))
            continue
        if not write:
            outcome.diffs.append(unified_diff(raw.path, raw.original, after))
            outcome.results.append(result)
            continue
        outcome.fixed.append((raw.path, len(edits)))
        outcome.results.append(runner.lint_one(result.path))
    return outcome
