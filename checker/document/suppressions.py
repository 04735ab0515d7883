"""Inline suppression comments in drafts.

``<!-- prlint-disable RULE[, RULE] [: reason] -->`` ... ``<!-- prlint-enable
RULE -->`` turns rules off for a stretch of lines, and
``<!-- prlint-disable-next-line RULE [: reason] -->`` for the next non-blank
line. RULE is a rule id or an id prefix. HTML comments are invisible in
HTML and Markdown and easy to type in plain text. The comments are blanked
out of the text the checks read, so no check ever reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.matching import engine, pattern_cache

if TYPE_CHECKING:  # the document model imports this module
    from checker.document.model import Document

_DIRECTIVE = pattern_cache.compile(
    r"<!--\s*prlint-(?P<action>disable-next-line|disable|enable)\b"
    r"(?P<rules>[^:>]*?)(?:\s*:\s*(?P<reason>.*?))?\s*-->",
    engine.DOTALL,
)
_RULE_SEPARATOR = pattern_cache.compile(r"[\s,]+")


@dataclass
class Directive:
    """One suppression comment and the lines it covers."""

    action: str
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int
    line: int
    first_line: int = 0
    last_line: int = 0
    used: set[str] = field(default_factory=set)

    def covers(self, rule_id: str, line: int) -> str | None:
        """Return the token that suppresses *rule_id* on *line*, or None."""
        if not self.first_line <= line <= self.last_line:
            return None
        for token in self.rules:
            if rule_id == token or rule_id.startswith(token + "."):
                return token
        return None


def blank_directives(text: str) -> str:
    """Return *text* with every directive comment replaced by spaces."""
    return _DIRECTIVE.sub(lambda match: _blank(match.group()), text)


def _blank(comment: str) -> str:
    """Replace every character but line ends with a space."""
    return "".join("\n" if char == "\n" else " " for char in comment)


def parse_directives(document: Document) -> list[Directive]:
    """Find the directives in a document and work out the lines each covers."""
    directives: list[Directive] = []
    for match in _DIRECTIVE.finditer(document.source):
        line, _column = document.source_position(match.start())
        names = tuple(token for token in _RULE_SEPARATOR.split(match.group("rules")) if token)
        reason = (match.group("reason") or "").strip()
        directives.append(
            Directive(match.group("action"), names, reason, match.start(), match.end(), line)
        )
    _assign_lines(directives, document)
    return [directive for directive in directives if directive.action != "enable"]


def _assign_lines(directives: list[Directive], document: Document) -> None:
    """Set each directive's first and last covered line."""
    for index, directive in enumerate(directives):
        if directive.action == "disable-next-line":
            target = _next_non_blank_line(document, directive.line)
            directive.first_line = directive.last_line = target
        elif directive.action == "disable":
            directive.first_line = directive.line
            directive.last_line = _enable_line(
                directives[index + 1 :], directive, document.line_count
            )


def _enable_line(later: list[Directive], directive: Directive, last: int) -> int:
    """Return the line of the enable comment closing *directive* (or the last line)."""
    for other in later:
        if other.action == "enable" and (
            not other.rules or set(directive.rules) & set(other.rules)
        ):
            return other.line
    return last


def _next_non_blank_line(document: Document, line: int) -> int:
    """Return the first line after *line* with text on it (other comments aside)."""
    for candidate in range(line + 1, document.line_count + 1):
        if blank_directives(document.line_text(candidate)).strip():
            return candidate
    return line
