"""Markdown drafts: the prose a reader sees, mapped back to the ``.md`` file.

Syntax is removed, not linted: heading markers, emphasis markers, link
targets, images, inline code and code blocks, HTML comments and tags,
list bullets, block-quote markers and table pipes. Removed characters are
simply left out of the text (so ``**L-**Annamycin`` still reads as one
word) and every kept character keeps its offset in the source. A heading
always stands as its own paragraph. Suppression comments stay in source.
"""

from __future__ import annotations

import html

from checker.document.model import Document
from checker.inputs.builder import TextBuilder, build_document
from checker.matching import engine, pattern_cache

_FENCE = pattern_cache.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = pattern_cache.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = pattern_cache.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_RULE_LINE = pattern_cache.compile(
    r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$"
)
_REFERENCE = pattern_cache.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S")
_TABLE_DELIMITER = pattern_cache.compile(
    r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)
_CONTAINER = pattern_cache.compile(r"(?:[ \t]*>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")

# Inline syntax, applied in this order to a working copy of the source in
# which removed characters are spaces (so offsets never move).
_INLINE = [
    ("drop", pattern_cache.compile(r"<!--.*?-->", engine.DOTALL)),
    ("drop", pattern_cache.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", engine.DOTALL)),
    ("drop", pattern_cache.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")),
    ("keep1", pattern_cache.compile(r"(\[)([^\]\n]+)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")),
    ("keep1", pattern_cache.compile(r"(<)((?:https?|ftp|mailto):[^>\s]+|[^@\s<>]+@[^@\s<>]+)(>)")),
    ("drop", pattern_cache.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")),
    ("keep1", pattern_cache.compile(r"(~~)(?=\S)([^\n]+?)(?<=\S)(~~)")),
    ("keep1", pattern_cache.compile(r"(\*\*\*|\*\*|\*)(?=[^\s*])([^\n]*?[^\s*])(\1)(?!\*)")),
    ("keep1", pattern_cache.compile(r"(?<![\w_])(___|__|_)(?=[^\s_])([^\n]*?[^\s_])(\1)(?![\w_])")),
]
_ESCAPE = pattern_cache.compile(r"\\(?=[!-/:-@\[-`{-~]|\n)")
_ENTITY = pattern_cache.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);")
_FRONT_MATTER = pattern_cache.compile(
    r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)", engine.DOTALL
)


def extract(data: str, path: str) -> Document:
    """Return the Document of a Markdown draft (*data* decoded, ``\\n`` line ends)."""
    out: list[str | None] = list(data)
    breaks: set[int] = set()
    front = _FRONT_MATTER.match(data)
    if front:  # YAML front matter (title, date, tags) is metadata, not prose
        _drop(out, 0, front.end())
    _blocks(data[front.end() if front else 0 :], out, breaks, front.end() if front else 0)
    _inline(data, out)
    return build_document(path, data, _build(data, out, breaks), "Markdown file")


def _blocks(source: str, out: list[str | None], breaks: set[int], base: int = 0) -> None:
    """Remove block syntax line by line; note where headings need a break."""
    lines = source.split("\n")
    starts = [base]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    fence = ""
    in_table = False
    previous_blank = True
    for number, line in enumerate(lines):
        start = starts[number]
        opening = _FENCE.match(line)
        if fence or opening:
            if not fence and opening:
                fence = opening.group(1)
            elif line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(
                fence[0]
            ):
                fence = ""
            _drop(out, start, start + len(line))
        elif (
            _is_code(line, previous_blank, lines, number)
            or _REFERENCE.match(line)
            or _RULE_LINE.match(line)
            and not (_is_table_line(line) and in_table)
        ):
            _drop(out, start, start + len(line))
        else:
            following = lines[number + 1] if number + 1 < len(lines) else ""
            in_table = in_table or (
                "|" in line and bool(_TABLE_DELIMITER.match(following)) and "-" in following
            )
            in_table = in_table and bool(line.strip())
            _line(line, start, out, breaks, in_table, previous_blank, following)
        previous_blank = not line.strip()


_LIST_ITEM = pattern_cache.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s")


def _is_code(line: str, previous_blank: bool, lines: list[str], number: int) -> bool:
    """Tell whether *line* is an indented code block line (not a list continuation)."""
    if not (line.startswith("    ") or line.startswith("\t")) or not line.strip():
        return False
    for earlier in reversed(lines[:number]):
        if earlier.strip():
            return (
                previous_blank
                and not _LIST_ITEM.match(earlier)
                and not earlier.startswith((" ", "\t"))
            )
    return True


def _is_table_line(line: str) -> bool:
    """Tell whether *line* is a table delimiter row (``|---|:--:|``)."""
    return bool(_TABLE_DELIMITER.match(line)) and "-" in line


def _line(
    line: str,
    start: int,
    out: list[str | None],
    breaks: set[int],
    in_table: bool,
    previous_blank: bool,
    following: str,
) -> None:
    """Remove a line's container markers, heading marks and table pipes."""
    if in_table and _is_table_line(line):
        _drop(out, start, start + len(line))
        if start + len(line) < len(out):
            out[start + len(line)] = None  # keep the header row in the table's paragraph
        return
    container = _CONTAINER.match(line)
    prefix = container.end() if container else 0
    _drop(out, start, start + prefix)
    heading = _ATX.match(line, prefix)
    if heading:
        _drop(out, start + prefix, start + heading.end())
        closing = _ATX_CLOSE.search(line, heading.end())
        if closing:
            _drop(out, start + closing.start(), start + len(line))
        if not previous_blank:
            breaks.add(start)
        if following.strip():
            breaks.add(start + len(line))
    if in_table:
        for index, char in enumerate(line):
            if char == "|" and (index == 0 or line[index - 1] != "\\"):
                out[start + index] = " "


def _inline(source: str, out: list[str | None]) -> None:
    """Remove inline syntax: comments, code, images, link targets, tags, emphasis."""
    work = list(source)
    for match in _ESCAPE.finditer(source):
        out[match.start()] = None
        work[match.start()] = " "
        if match.end() < len(work) and work[match.end()] != "\n":
            work[match.end()] = "\x01"  # an escaped character is never syntax
    for action, pattern in _INLINE:
        text = "".join(
            " " if out[i] is None and work[i] != "\n" else work[i] for i in range(len(work))
        )
        for match in pattern.finditer(text):
            if action == "drop":
                _drop(out, match.start(), match.end())
            else:
                _drop(out, match.start(1), match.end(1))
                _drop(out, match.start(3), match.end(3))
    for match in _ENTITY.finditer(source):
        if all(out[i] is not None for i in range(match.start(), match.end())):
            out[match.start()] = html.unescape(match.group())
            _drop(out, match.start() + 1, match.end())


def _drop(out: list[str | None], start: int, end: int) -> None:
    """Leave source characters out of the text (line ends always stay)."""
    for index in range(start, end):
        if out[index] != "\n":
            out[index] = None


def _build(source: str, out: list[str | None], breaks: set[int]) -> TextBuilder:
    """Assemble the text, collapsing the spaces left where syntax was removed."""
    builder = TextBuilder()
    for index, char in enumerate(out):
        if index in breaks and not builder.is_empty():
            builder.drop_trailing(" \t")
            builder.add_break("\n")
        if char is None:
            continue
        if char == "\n":
            builder.drop_trailing(" \t")
            if not builder.is_empty():  # lines of removed syntax before the prose
                builder.add("\n", index)
        elif char in " \t" and (builder.is_empty() or builder.last() in " \t\n"):
            continue
        else:
            builder.add(char, index, verbatim=char == source[index])
    return builder
