"""Turn command-line paths into the list of drafts to lint."""

from __future__ import annotations

from pathlib import Path

from checker.errors import InputError

#: File endings linted when a folder is given (explicit files are always linted).
DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")

# Project files that share a draft's ending but are never releases.
_NOT_DRAFTS = {"readme", "license", "licence", "changelog", "contributing", "notice", "authors"}


def expand_paths(paths: list[str]) -> list[str]:
    """Return the drafts named by *paths*: files as given, folders searched."""
    drafts: list[str] = []
    for path in paths:
        if path == "-":
            drafts.append(path)
        elif Path(path).is_dir():
            found = drafts_in(Path(path))
            if not found:
                raise InputError(f"{path}: no drafts ({', '.join(DRAFT_SUFFIXES)}) in this folder")
            drafts.extend(found)
        else:
            drafts.append(path)
    return drafts


def drafts_in(folder: Path) -> list[str]:
    """Return the drafts below *folder*, sorted, skipping hidden folders."""
    found = []
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if (
            file.is_file()
            and file.suffix.lower() in DRAFT_SUFFIXES
            and file.stem.lower() not in _NOT_DRAFTS
        ):
            found.append(str(file))
    return found
