"""The document model: a draft's text, its positions, paragraphs and parts.

Checks work in character offsets into :attr:`Document.text`. Inline
suppression comments are blanked out of that text (replaced by spaces of the
same length) so that no check sees them and every offset still points at
the same character of the draft.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Concatenate, ParamSpec, TypeVar, cast

from checker.document import parts as part_names
from checker.document import segments
from checker.document.dateline import Dateline
from checker.document.parts import Part, detect_parts
from checker.document.segments import Span
from checker.matching import pattern_cache
from checker.model import Scope

T = TypeVar("T")
P = ParamSpec("P")


def per_document(
    function: Callable[Concatenate[Document, P], T],
) -> Callable[Concatenate[Document, P], T]:
    """Compute ``function(document, *args)`` once per draft and arguments.

    This is the one cache of per-draft analyses. Rules of one kind read the
    same analysis of a draft (its legend, its date mentions, its words);
    computing it once per draft instead of once per rule is most of what
    keeps prlint fast. The results live on the document, so they go when
    the draft does, and the key is the function itself, so two analyses can
    never share an entry. Arguments must be hashable (lists count as tuples).
    """

    @functools.wraps(function)
    def cached(document: Document, *args: P.args, **kwargs: P.kwargs) -> T:
        key: Hashable = function  # most analyses take the draft alone: no tuple to build
        if args or kwargs:
            key = (
                function,
                *(tuple(a) if isinstance(a, list) else a for a in args),
                *sorted(kwargs.items()),
            )
        analyses = document.analyses
        if key not in analyses:
            analyses[key] = function(document, *args, **kwargs)
        return cast(T, analyses[key])

    return cached


_NEWLINE = pattern_cache.compile(r"\n")


@dataclass
class Document:
    """A draft ready for checking.

    ``source`` is the draft as written (``\\n`` line ends); ``text`` is what
    checks read: the same, with suppression comments blanked.
    """

    path: str
    source: str
    text: str = ""
    #: For text extracted from HTML, Markdown or Word: ``offsets[i]`` is the
    #: offset in ``source`` of ``text[i]`` (one more entry for the end).
    #: None when ``text`` and ``source`` line up character for character.
    offsets: Sequence[int] | None = field(default=None, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    #: Results of per-draft analyses, filled by :func:`per_document`.
    analyses: dict[Hashable, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.source
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(self.source))]

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        """Build a document from text (line ends are normalised to ``\\n``)."""
        from checker.document.suppressions import blank_directives

        source = text.replace("\r\n", "\n").replace("\r", "\n")
        return cls(path=path, source=source, text=blank_directives(source))

    # -- positions ---------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) in the source of an offset into ``text``."""
        return self.source_position(self.source_offset(offset))

    def source_offset(self, offset: int) -> int:
        """Map an offset into ``text`` to the offset of the same character in ``source``."""
        if self.offsets is None:
            return offset
        return self.offsets[max(0, min(offset, len(self.offsets) - 1))]

    def source_position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of an offset into ``source``."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """Return the text of a 1-based line, without its line end."""
        start = self._line_starts[line - 1]
        end = self.source.find("\n", start)
        return self.source[start : end if end >= 0 else len(self.source)]

    def offset_of(self, line: int, column: int) -> int:
        """Return the source offset of a 1-based line and column."""
        return self._line_starts[line - 1] + column - 1

    @property
    def line_count(self) -> int:
        """Return the number of lines in the draft."""
        return len(self._line_starts)

    # -- structure ---------------------------------------------------------

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Return paragraph spans (separated by blank lines)."""
        return segments.paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """Return sentence spans across all paragraphs, in order."""
        found: list[Span] = []
        for paragraph in self.paragraphs:
            found.extend(segments.sentences(self.text, paragraph))
        return found

    @cached_property
    def quotations(self) -> list[Span]:
        """Return spans of quoted speech, quote marks included."""
        found: list[Span] = []
        for paragraph in self.paragraphs:
            found.extend(segments.quotations(self.text, paragraph))
        return found

    @cached_property
    def _layout(self):
        return detect_parts(self.text, self.paragraphs)

    @property
    def parts(self) -> tuple[Part, ...]:
        """Return the parts of the release in reading order."""
        return self._layout.parts

    @property
    def dateline(self) -> Dateline | None:
        """Return the dateline, when the release has one."""
        return self._layout.dateline

    @property
    def company(self) -> str | None:
        """Return the issuer's name as the lead paragraph gives it."""
        return self._layout.company

    def lead_offset(self) -> int:
        """Return where the release proper starts: the first part below the headlines.

        Findings about the whole draft ("no dateline", "no About paragraph")
        point here, the most useful place to add what is missing.
        """
        for part in self.parts:
            if part.name not in (part_names.HEADLINE, part_names.SUBHEADLINE):
                return part.start
        return 0

    def part_spans(self, *names: str) -> list[Span]:
        """Return the spans of every part with one of the given names."""
        return [(part.start, part.end) for part in self.parts if part.name in names]

    def part_at(self, offset: int) -> str | None:
        """Return the name of the part holding *offset* (None between parts)."""
        starts = self._part_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0:
            part = self.parts[index]
            if part.start <= offset < part.end:
                return part.name
        return None

    @cached_property
    def _part_starts(self) -> list[int]:
        return [part.start for part in self.parts]

    def in_quotation(self, offset: int) -> bool:
        """Tell whether *offset* lies inside a quotation."""
        starts = self._quote_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < self.quotations[index][1]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _end in self.quotations]

    def in_scope(self, start: int, scope: Scope) -> bool:
        """Tell whether a span starting at *start* lies in a rule's scope."""
        if scope.parts or scope.exclude_parts:
            part = self.part_at(start)
            if scope.parts and part not in scope.parts:
                return False
            if part in scope.exclude_parts:
                return False
        if scope.quotes != "include":
            quoted = self.in_quotation(start)
            return quoted if scope.quotes == "only" else not quoted
        return True

    def scope_spans(self, scope: Scope) -> list[Span]:
        """Return the stretches of text a scope covers by part (quotes aside)."""
        if not scope.parts and not scope.exclude_parts:
            return [(0, len(self.text))]
        wanted = scope.parts or part_names.PART_NAMES
        return [
            (part.start, part.end)
            for part in self.parts
            if part.name in wanted and part.name not in scope.exclude_parts
        ]
