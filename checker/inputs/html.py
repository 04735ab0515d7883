"""HTML drafts: the visible prose, with every character mapped to the source.

Tags are dropped; ``<script>``, ``<style>`` and ``<head>`` are skipped
whole; block elements end a paragraph (a blank line in the text), ``<br>``
ends a line and two in a row end a paragraph, as they do on screen; runs of
white space collapse as a browser collapses them; entities are decoded and
mapped to where they start. Comments never reach the text, but prlint
directives in them still suppress, since suppressions are read from source.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from checker.document.model import Document
from checker.inputs.builder import TextBuilder, build_document
from checker.matching import pattern_cache

#: Elements whose boundaries are paragraph breaks.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
#: Elements whose content is never prose.
SKIPPED = frozenset(
    ["script", "style", "head", "title", "template", "noscript", "svg", "math", "object", "iframe"]
)
#: Table cells: kept apart by a space so that cell words never run together.
CELLS = frozenset(("td", "th"))

_ENTITY = pattern_cache.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
_SPACE = pattern_cache.compile(r"[ \t\n\r\f]+")


def extract(data: str, path: str) -> Document:
    """Return the Document of an HTML draft (*data* decoded, ``\\n`` line ends)."""
    parser = _ProseParser(data)
    parser.feed(data)
    parser.close()
    return build_document(path, data, parser.builder, "HTML file")


class _ProseParser(HTMLParser):
    """Collect prose from HTML into a TextBuilder, tracking source offsets."""

    def __init__(self, source: str) -> None:
        # NOTE: convert_charrefs=False so that text and each entity arrive
        # separately, each at a known position, and can be mapped exactly.
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = TextBuilder()
        self._line_starts = [0] + [index + 1 for index, char in enumerate(source) if char == "\n"]
        self._skipping: list[str] = []
        self._breaks = 0  # <br> seen in a row

    def _offset(self) -> int:
        """Return the source offset of the token being handled."""
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        """Open a skipped element, or break the paragraph at a block."""
        if tag == "body":
            self._skipping.clear()  # an unclosed <head> ends where <body> starts
        elif tag in SKIPPED:
            self._skipping.append(tag)
        elif not self._skipping:
            self._boundary(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        """Treat ``<br/>`` and ``<hr/>`` like their start tags."""
        if not self._skipping:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close a skipped element, or break the paragraph after a block."""
        if self._skipping:
            while tag in self._skipping:
                self._skipping.pop()
            return
        if tag != "br":
            self._boundary(tag)

    def _boundary(self, tag: str) -> None:
        """Apply what an element boundary means for the prose around it."""
        if tag == "br":
            self._breaks += 1
            if self._breaks >= 2:
                self.builder.paragraph_break()
            else:
                self.builder.drop_trailing(" \t")
                if not self.builder.is_empty():
                    self.builder.add_break("\n")
        elif tag in BLOCKS:
            self.builder.paragraph_break()
        elif tag in CELLS and not self.builder.is_empty() and self.builder.last() not in " \n":
            self.builder.add_break(" ")

    def handle_data(self, data: str) -> None:
        """Add text, collapsing white space as a browser does."""
        if self._skipping:
            return
        start = self._offset()
        if self.source[start : start + len(data)] != data:  # not verbatim: map to its start
            self._add_decoded(data, start, start + len(data))
            return
        position = 0
        for match in _SPACE.finditer(data):
            self._add_words(data[position : match.start()], start + position)
            self._add_space(start + match.start())
            position = match.end()
        self._add_words(data[position:], start + position)

    def _add_words(self, words: str, offset: int) -> None:
        """Add a run of non-space characters."""
        if words:
            self._breaks = 0
            self.builder.add(words, offset)

    def _add_space(self, offset: int) -> None:
        """Add one space for a run of white space, unless a break already stands."""
        if not self.builder.is_empty() and self.builder.last() not in " \n":
            self.builder.add(" ", offset)

    def handle_entityref(self, name: str) -> None:
        """Decode ``&amp;``-style entities."""
        self._entity()

    def handle_charref(self, name: str) -> None:
        """Decode ``&#8217;``-style character references."""
        self._entity()

    def _entity(self) -> None:
        """Decode the entity at the current position, mapped to its start."""
        if self._skipping:
            return
        start = self._offset()
        match = _ENTITY.match(self.source, start)
        raw = match.group() if match else "&"
        self._add_decoded(html.unescape(raw), start, start + len(raw))

    def _add_decoded(self, chars: str, start: int, end: int) -> None:
        """Add decoded characters (no-break spaces count as text, not layout)."""
        if chars.isspace() and chars != "\u00a0":
            self._add_space(start)
            return
        self._breaks = 0
        self.builder.add(chars, start, verbatim=False)
        self.builder.set_end(end)
