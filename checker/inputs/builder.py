"""Build a document's ``text`` together with its map back to ``source``.

Every character appended to the text carries the source offset it stands
for, so a finding on extracted text is reported where the user sees it in
the HTML, Markdown or Word draft.
"""

from __future__ import annotations

from checker.document.model import Document
from checker.errors import InputError


class TextBuilder:
    """Accumulate text characters, each with the source offset it came from."""

    def __init__(self) -> None:
        self._chars: list[str] = []
        self._offsets: list[int] = []
        # Where a character inserted now (a paragraph break) should point:
        # just after the last real character, so span ends stay tight.
        self._after_last = 0

    def add(self, chars: str, source_offset: int, verbatim: bool = True) -> None:
        """Append *chars* found at *source_offset*.

        Verbatim text maps character by character; decoded text (an entity
        such as ``&rsquo;``) maps every character to the entity's start.
        """
        for index, char in enumerate(chars):
            self._chars.append(char)
            self._offsets.append(source_offset + index if verbatim else source_offset)
        self._after_last = source_offset + (len(chars) if verbatim else 1)

    def set_end(self, source_offset: int) -> None:
        """Say where the last real character ends (for a decoded entity)."""
        self._after_last = source_offset

    def add_break(self, chars: str) -> None:
        """Append characters that stand for markup (a paragraph break)."""
        for char in chars:
            self._chars.append(char)
            self._offsets.append(self._after_last)

    def is_empty(self) -> bool:
        """Tell whether no character was added yet."""
        return not self._chars

    def last(self) -> str:
        """Return the last character added ('' when none)."""
        return self._chars[-1] if self._chars else ""

    def drop_trailing(self, chars: str) -> None:
        """Remove trailing characters found in *chars* (spaces before a break)."""
        dropped = False
        while self._chars and self._chars[-1] in chars:
            self._chars.pop()
            self._offsets.pop()
            dropped = True
        if dropped and self._offsets:
            self._after_last = self._offsets[-1] + 1

    def paragraph_break(self) -> None:
        """End the current paragraph with one blank line (never at the start)."""
        self.drop_trailing(" \t\n")
        if self._chars:
            self.add_break("\n\n")

    def result(self, source_length: int) -> tuple[str, list[int]]:
        """Return the text and its offsets (one more entry, for the end)."""
        self.drop_trailing(" \t\n")
        end = min(self._after_last, source_length) if self._chars else 0
        return "".join(self._chars), [*self._offsets, end]


def build_document(path: str, source: str, builder: TextBuilder, kind: str) -> Document:
    """Return the Document of an extracted draft; refuse one with no prose."""
    text, offsets = builder.result(len(source))
    if not text.strip():
        raise InputError(f"{path}: no text to lint in this {kind}")
    return Document(path=path, source=source, text=text, offsets=offsets)
