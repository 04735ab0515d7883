"""Text a draft or a file name controls, made safe and short for every output format.

A draft's author chooses its file name and its text. Written raw, a newline
in a file name starts a new output line that GitHub Actions runs as a
workflow command (``::error ...``), and ``ESC[2J`` or an OSC sequence in a
line clears the reader's terminal or writes its clipboard. So every
formatter passes paths, messages and quoted lines through :func:`visible`:
control characters, bidirectional overrides and lone surrogates (the bytes
of a file name that is not UTF-8) become visible escapes such as ``\\x1b``.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest message shown, in characters; longer ones are cut with an ellipsis.
MAX_MESSAGE = 160

# C0 and C1 controls, DEL, the line and paragraph separators, bidirectional
# embeddings, overrides and isolates, and lone surrogates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELD = re.compile(r"\{[^{}]*\}")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    """Return the visible escape of one unsafe character."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 name, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep_tabs: bool = False) -> str:
    """Return *text* with every control character shown as an escape (``\\n``, ``\\x1b``).

    *keep_tabs* leaves tabs alone, for a source line shown as it is laid out.
    """
    return _UNSAFE.sub(
        lambda match: (
            match.group() if keep_tabs and match.group() == "\t" else _escape(match.group())
        ),
        text,
    )


def without_surrogates(text: str) -> str:
    """Return *text* with lone surrogates escaped, so it encodes as UTF-8.

    For JSON, whose own escaping already makes control characters harmless.
    """
    return _SURROGATE.sub(lambda match: _escape(match.group()), text)


def shorten(text: str, limit: int = MAX_MESSAGE) -> str:
    """Return *text* cut to at most *limit* characters, ending with ``…`` when cut.

    A long message is nearly always a long list ("11 are listed: A; B; ..."),
    so it is cut after a list separator or a word where one is near the limit.
    """
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    for separator in ("; ", ", ", " "):
        at = head.rfind(separator, 0, limit - 1 - len(separator))
        if at >= limit // 2:
            return head[:at] + separator + "…"
    return head + "…"


def message(text: str) -> str:
    """Return a finding's message as every human-readable format shows it."""
    return shorten(visible(text))


def short_description(template: str, limit: int = 60) -> str:
    """Return a rule's message template as a short description for ``--statistics``.

    Fields become ``…``; the text after the first ``: `` (the explanation)
    is dropped when what is left still says something.
    """
    text = _FIELD.sub("…", template).replace("{{", "{").replace("}}", "}")
    head = text.split(": ", 1)[0]
    if len(head) >= 15:
        text = head
    return shorten(visible(text), limit)


def cell_width(char: str) -> int:
    """Return how many terminal columns *char* takes (wide East Asian 2, combining 0)."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(line: str) -> list[str]:
    """Return what each character of a source line is shown as: itself, or its escape."""
    return [
        " " if char == "\t" else _escape(char) if _UNSAFE.match(char) else char for char in line
    ]
