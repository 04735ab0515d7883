"""Run a pattern only on drafts where it can match: required literals, found with plain ``in``.

Most (pattern, draft) pairs have no match, yet a pattern that does not
begin with a literal is tried at every position of the draft: an
alternation of words (``\\b(?:cure|cures|cured)\\b``) costs as much to
fail as to succeed. Most patterns, though, cannot match unless the draft
holds one of a few strings: "cur" for that one. This module works those
strings out once per pattern, from the ``regex`` module's own parse of it,
and a pattern runs only on a draft whose case-folded text holds one.

The strings are *required*: every match, and every look-around a match
passes, contains one of them, so leaving a pattern out where none occurs
can never change a finding. Case is folded on both sides (``casefold``,
which folds each character on its own), so a case-insensitive pattern
keeps its matches. Whatever this module cannot vouch for (a class, a
property, a fuzzy or recursive part, a named list, a ``regex`` whose
parser has changed) simply has no required strings: that pattern always
runs. A test lints every real release with and without the filter and
compares the findings.

Which strings a draft holds is found in one pass over its folded text by
an Aho-Corasick automaton over every string the process has asked for
(`pyahocorasick <https://pypi.org/project/pyahocorasick/>`_, a maintained C
implementation): a draft is asked about some 110 strings, and a C-level
``in`` search for each cost 0.54 ms a release, most of them failing after
reading the whole text; the automaton's pass costs 0.08 ms. A string no
automaton covers yet (the first draft of a process, before the strings are
known, or a user's pack) is looked up with ``in`` and covered from the next
draft on. Without the wheel every string is looked up with ``in``; the
answers are the same either way, and a test compares the findings.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from checker.cache import store
from checker.cache.digest import hex_digest
from checker.document.model import Document, per_document
from checker.matching import engine, pattern_cache

if TYPE_CHECKING:
    import regex

#: Required strings of a pattern: None when it must always run; empty when it can never match.
Needed = frozenset[str] | None
_NEVER: frozenset[str] = frozenset()


def candidates(patterns: Iterable[regex.Pattern], document: Document) -> Iterator[regex.Pattern]:
    """Yield the patterns that can match somewhere in *document*, in their order."""
    for pattern in patterns:
        if may_match(pattern, document):
            yield pattern


def may_match(pattern: regex.Pattern, document: Document) -> bool:
    """Tell whether *pattern* could match in *document* (False only when it surely cannot)."""
    needed = _needed_by(pattern)
    return needed is None or _lookups(document).holds_any(needed)


def may_match_within(pattern: regex.Pattern, folded: str) -> bool:
    """Tell whether a search for *pattern* bounded to one span could match there.

    *folded* is the span's text, case-folded: a sentence rather than the
    draft, for a pattern run on each of a few sentences (the forward-looking
    signals). A search bounded by ``pos`` and ``endpos`` reads nothing after
    ``endpos``, not even in a look-ahead, so every required string of a
    match lies in the span; a look-behind may read before ``pos``, so a
    pattern with one is always searched.
    """
    try:
        needed = _within_by_pattern[pattern]
    except KeyError:
        behind = _LOOK_BEHINDS.search(pattern.pattern) is not None
        needed = _within_by_pattern[pattern] = None if behind else _needed_by(pattern)
    return needed is None or any(string in folded for string in needed)


#: A look-behind in a pattern's source; an escaped "(" before "?<=" counts too, to be safe.
_LOOK_BEHINDS = pattern_cache.compile(r"\(\?<[=!]")

#: What a search bounded to a span needs of it, by compiled pattern (None: it always runs).
_within_by_pattern: dict[regex.Pattern, Needed] = {}


def holds_any(document: Document, strings: frozenset[str]) -> bool:
    """Tell whether the draft's case-folded text holds one of *strings* (case-folded already).

    For a check that knows its required strings better than a parse can:
    the lexicon's named list of terms, which :func:`required_strings` leaves alone.
    """
    return _lookups(document).holds_any(strings)


def _needed_by(pattern: regex.Pattern) -> Needed:
    """Return the pattern's required strings, remembered per compiled pattern.

    Every rule asks for each of its patterns on every draft: looking the
    pattern itself up (its hash is its source's, computed once) is cheaper
    than building the (source, flags) key of :func:`required_strings` again.
    """
    try:
        return _by_pattern[pattern]
    except KeyError:
        needed = _by_pattern[pattern] = required_strings(pattern.pattern, int(pattern.flags))
        return needed


#: Required strings by compiled pattern (built-in patterns are compiled once per process).
_by_pattern: dict[regex.Pattern, Needed] = {}


class _Lookups:
    """A draft's case-folded text and which strings it holds, filled in as patterns ask."""

    __slots__ = ("folded", "found", "scanned")

    def __init__(self, text: str) -> None:
        self.folded = text.casefold()
        self.found: dict[str, bool] = {}
        self.scanned: _Scan | None = None

    def holds_any(self, needed: frozenset[str]) -> bool:
        """Tell whether the draft holds one of the *needed* strings (each looked up once)."""
        found = self.found
        for string in needed:
            present = found.get(string)
            if present is None:
                present = found[string] = self._holds(string)
            if present:
                return True
        return False

    def _holds(self, string: str) -> bool:
        """Answer for one string: from the draft's one automaton pass, else with ``in``."""
        if not string:
            return True  # every text holds the empty string, which no automaton takes
        if self.scanned is None:
            self.scanned = _scan(self.folded)
        covered, present = self.scanned
        if string in covered:
            return string in present
        _asked.add(string)  # the next draft's automaton covers it
        return string in self.folded


#: What one automaton pass over a draft says: the strings it looked for, and those it found.
_Scan = tuple[frozenset[str], frozenset[str]]

#: Every string this process has been asked about, for the next automaton to cover.
_asked: set[str] = set()
#: The automaton over ``_automaton_strings`` (None: not built, or no pyahocorasick).
_automaton: Any = None
_automaton_strings: frozenset[str] = frozenset()


def _scan(folded: str) -> _Scan:
    """Return the strings the automaton covers and which of them *folded* holds.

    The automaton is built again when the process has been asked about
    strings it does not cover: at the first draft (seeded with every string
    the kept table of required strings names, so that one run's first draft
    is covered), and after a draft that asked about new ones.
    """
    global _automaton, _automaton_strings
    if not _asked and not _automaton_strings:
        _asked.update(string for needed in _known().values() if needed for string in needed)
    if _asked - _automaton_strings:
        _automaton, _automaton_strings = _built(_automaton_strings | _asked)
    if _automaton is None:
        return _NEVER, _NEVER
    return _automaton_strings, frozenset(found for _end, found in _automaton.iter(folded))


def _built(strings: frozenset[str]) -> tuple[Any, frozenset[str]]:
    """Return an Aho-Corasick automaton over *strings*, or (None, none) without pyahocorasick."""
    try:
        import ahocorasick  # a compiled wheel, loaded only for a lint
    except ImportError:  # no wheel for this platform: every string is looked up with ``in``
        return None, strings
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, string)
    automaton.make_automaton()
    return automaton, strings


@per_document
def _lookups(document: Document) -> _Lookups:
    return _Lookups(document.text)


def _core() -> Any:
    """The ``regex`` module's parser (a private module, without type stubs: hence Any)."""
    engine.full()
    return importlib.import_module("regex._regex_core")


def required_strings(source: str, flags: int) -> Needed:
    """Return the case-folded strings one of which any match of the pattern needs (see module).

    Parsing a pattern costs about a millisecond, a second for every pack's
    patterns: the answers are kept in a sealed cache entry from one run to
    the next (:func:`save`), like the compiled patterns.
    """
    known = _known()
    key = (source, int(flags))  # a RegexFlag would not marshal
    if key not in known:
        global _unsaved
        known[key] = _worked_out(source, flags)
        _unsaved = True
    return known[key]


def _worked_out(source: str, flags: int) -> Needed:
    try:
        parsed = _parse(source, flags)
    except Exception:  # anything the parser of this regex version does differently: no filter
        return None
    needed = _needed(parsed)
    if needed and min(len(string) for string in needed) < 2:
        return None  # one character is in nearly every draft: not worth a lookup
    return needed


_Table = dict[tuple[str, int], Needed]
_table: _Table | None = None
_unsaved = False


def _known() -> _Table:
    global _table
    if _table is None:
        name = _entry_name()
        loaded = None if name is None else store.read_value("data", name, _well_formed)
        _table = loaded if isinstance(loaded, dict) else {}
    return _table


def save() -> None:
    """Keep the strings worked out in this process for the next run (the runner calls it)."""
    global _unsaved
    name = _entry_name()
    if _unsaved and _table is not None and name is not None:
        store.write_value("data", name, _table)
        _unsaved = False


def _entry_name() -> str | None:
    """Name the entry by this prlint's and regex's versions: a new parser works it out afresh."""
    if not store.enabled():
        return None
    versions = f"{_FORMAT}\0{engine.stamp()}\0{sys.version}".encode()
    return f"required-strings-{hex_digest(versions)[:24]}.marshal"


#: Bumped whenever what this module works out changes.
_FORMAT = 1


def _well_formed(loaded: object) -> bool:
    """Tell whether *loaded* maps (source, flags) to None or a frozenset of strings."""
    return isinstance(loaded, dict) and all(
        isinstance(key, tuple)
        and len(key) == 2
        and type(key[0]) is str
        and type(key[1]) is int
        and (value is None or (type(value) is frozenset and all(type(s) is str for s in value)))
        for key, value in loaded.items()
    )


def _parse(source: str, flags: int) -> Any:
    """Parse *source* as ``regex.compile`` does, to the tree of nodes it compiles."""
    core = _core()

    global_flags = flags
    while True:  # as regex.compile: a global flag found mid-pattern restarts the parse
        text = core.Source(source)
        info = core.Info(global_flags, text.char_type, {})
        text.ignore_space = bool(info.flags & engine.VERBOSE)
        try:
            parsed = core._parse_pattern(text, info)
        except core._UnscopedFlagSet:
            global_flags = info.global_flags
            continue
        if not text.at_end():
            raise ValueError("unbalanced parenthesis")
        return parsed


def _needed(node: Any) -> Needed:
    """Return what any match of *node* needs the draft to hold (None: nothing known)."""
    core = _core()

    if isinstance(node, core.Sequence):
        return _sequence_needs(node.items)
    if isinstance(node, core.Branch) and type(node) is core.Branch:
        return _branch_needs(node.branches)
    if isinstance(node, (core.Group, core.Atomic)):
        return _needed(node.subpattern)
    if isinstance(node, core.GreedyRepeat):  # lazy and possessive repeats are subclasses
        return _needed(node.subpattern) if node.min_count >= 1 else None
    if isinstance(node, core.LookAround) and type(node) is core.LookAround:
        return _needed(node.subpattern) if node.positive else None
    if isinstance(node, core.Failure):
        return _NEVER
    literal = _literal(node)
    return frozenset({literal}) if literal else None


def _literal(node: Any) -> str | None:
    """Return the text a literal node matches, case-folded, or None for any other node."""
    core = _core()

    if type(node) is core.Character and node.positive and not node.zerowidth:
        return chr(node.value).casefold()
    if type(node) in (core.String, core.Literal):
        return "".join(chr(value) for value in node.characters).casefold()
    return None


def _sequence_needs(items: list) -> Needed:
    """A sequence needs what any one of its parts needs: keep the most selective."""
    options: list[frozenset[str]] = []
    run = ""
    for item in items:
        literal = _literal(item)
        if literal is not None:  # consecutive literals are one longer literal
            run += literal
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        needed = _needed(item)
        if needed is not None:
            options.append(needed)
    if run:
        options.append(frozenset({run}))
    if not options:
        return None
    if _NEVER in options:
        return _NEVER
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _branch_needs(branches: list) -> Needed:
    """An alternation needs one of what each alternative needs (nothing known if one is unknown)."""
    union: set[str] = set()
    for branch in branches:
        needed = _needed(branch)
        if needed is None:
            return None
        union |= needed
    return frozenset(union)
