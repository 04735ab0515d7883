"""Recall benchmark: how many realistic, injected defects prlint catches, and its false findings.

Usage: python bench/recall.py [--classes a,b] [--per-release N] [--show-misses N] [--show-diffs N]
                              [--json] [--seed S] [--jobs N] [--prlint CMD] [--shared DIR] [--judged FILE]

Run it with a Python that has prlint installed (it needs prlint's own word-list packages,
english-words and pyspellchecker, to keep every misspelling a non-word).

1. Every real release in ../shared/realworld/releases and ../shared/seeds is linted once.
2. For each defect class, each release that offers a suitable spot gets up to --per-release
   copies, each with exactly ONE defect injected the way an editor's slip would make it
   (a transposed letter in a surname, a deleted legend, "June 31", "(Nasdaq”>ABCD)" ...).
   All copies are linted in one prlint run.
3. A copy is CAUGHT when prlint reports an error or warning of one of the class's
   categories on the defect's line (any line, for the classes that remove text) that the
   original did not have.
4. The clean originals give the false-finding figure: their errors and warnings are matched
   against the judgements in bench/judged-findings.tsv (TRUE / FALSE); findings not judged
   yet are listed, grouped by rule, so that a developer can judge them and add them there.

Many classes are near 0% today: they measure work still to do, not a regression.
Deterministic for a given --seed; the whole run takes about a minute on two cores (--per-release 1).
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import difflib
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_JUDGED = REPO / "bench" / "judged-findings.tsv"
DRUG_LIST = REPO / "checker" / "data" / "unii_drug_names.tsv"
REPORTED = ("error", "warning")
CHUNK = 400  # copies per prlint invocation: keeps the command line short on any system


class Unavailable(Exception):
    """An input or tool the benchmark needs is missing: exit 2 with the message."""


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class Release:
    """One real release, with the facts the injectors need from the manifest."""

    name: str  # file name; seeds are named "../seeds/NAME" as in the judgements
    text: str
    company: str
    date: dt.date | None
    has_legend_section: bool

    @property
    def stem(self) -> str:
        """The file name without folder or suffix, which every copy keeps so it can be traced."""
        return Path(self.name).stem

    @property
    def basename(self) -> str:
        """The file name alone: the key of the judgements."""
        return Path(self.name).name


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] of a release with *new*."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Injection:
    """One defect, as edits of the original text, with what a developer should see of it."""

    edits: tuple[Edit, ...]
    before: str
    after: str
    any_line: bool = False  # the defect has no line of its own (text removed): accept any line
    variant: str = ""


@dataclass
class Copy:
    """A release with one injected defect, written to disk and linted."""

    release: Release
    klass: str
    index: int
    injection: Injection
    text: str
    lines: frozenset[int]  # 1-based lines of the defect in the copy
    path: Path | None = None
    caught: bool = False
    finding: dict | None = None


@dataclass(frozen=True)
class DefectClass:
    """A kind of defect: its injector and the finding categories that count as catching it."""

    name: str
    categories: frozenset[str]
    inject: Callable[[Release, random.Random, int], list[Injection]]
    summary: str
    #: Its copies come in kinds (residue: "[JS2]", "TBD"...) worth counting apart.
    kinds: bool = False


# --------------------------------------------------------------------------- loading


def load_releases(shared: Path) -> list[Release]:
    """Read the 114 real releases (with MANIFEST facts) and the seeds; raise Unavailable if absent."""
    folder = shared / "realworld" / "releases"
    manifest = shared / "realworld" / "MANIFEST.tsv"
    seeds = shared / "seeds"
    if not folder.is_dir() or not manifest.is_file() or not seeds.is_dir():
        raise Unavailable(
            f"recall benchmark: the real releases are not here ({shared}/realworld, {shared}/seeds)"
        )
    releases = []
    with manifest.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path = folder / row["file"]
            if path.is_file():
                releases.append(
                    Release(
                        row["file"],
                        path.read_text("utf-8"),
                        row["company"],
                        parse_iso(row["release_date"]),
                        row["has_forward_looking_section"].strip().lower() == "yes",
                    )
                )
    releases.extend(load_seeds(seeds))
    if not releases:
        raise Unavailable(f"recall benchmark: no releases found under {shared}")
    return releases


def load_seeds(folder: Path) -> list[Release]:
    """Read the seed releases; their year, dates and company come from seeds/README.md.

    The seed datelines carry no year ("NEW YORK, April 11"): the README says which year
    they are and gives each file's dateline, so the date-dependent classes can use them.
    """
    readme = (folder / "README.md").read_text("utf-8") if (folder / "README.md").is_file() else ""
    year_match = re.search(r"the year is (\d{4})", readme)
    company_match = re.search(r"releases of (.+?) \((AMEX|NYSE|Nasdaq|NASDAQ)[^)]*\)", readme)
    dates: dict[str, dt.date | None] = {}
    if year_match:
        for file, dateline in re.findall(r"^\| (\S+\.txt) \| [^|,]+, ([^|]+?) \|", readme, re.M):
            dates[file] = parse_date_words(f"{dateline.strip()}, {year_match.group(1)}")
    seeds = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text("utf-8")
        seeds.append(
            Release(
                f"../seeds/{path.name}",
                text,
                company_match.group(1) if company_match else "",
                dates.get(path.name),
                find_legend(text) is not None,
            )
        )
    return seeds


def parse_iso(value: str) -> dt.date | None:
    """Return the date of YYYY-MM-DD, or None for the manifest's 0000-00-00 (unknown)."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def load_judgements(path: Path) -> dict[tuple[str, int, str], str]:
    """Read (basename, line, rule) -> TRUE/FALSE from the judged-findings file."""
    if not path.is_file():
        raise Unavailable(f"recall benchmark: no judged findings at {path}")
    judged = {}
    rows = (
        line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")
    )
    for row in csv.DictReader(rows, delimiter="\t"):
        judged[(Path(row["file"]).name, int(row["line"]), row["rule"])] = (
            row["verdict"].strip().upper()
        )
    return judged


# --------------------------------------------------------------------------- text helpers

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = list(calendar.day_name)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
DATE = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?!\d|:|\.\d|,\d)(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.I,
)
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?![A-Za-z0-9])")
#: URLs, e-mail addresses, domains, and (the last) the query string of a URL broken over two lines.
_PROTECTED = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|gov|io|ai|co|us|ca|de|uk|info|biz|health|bio|tv|me)\b(?:/\S*)?"
    r"|\S*\w[&=]\w\S*",
    re.I,
)


def month_number(word: str) -> int:
    """Return 1-12 for a month name or abbreviation ("Sept.", "JUNE")."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def parse_date_words(value: str) -> dt.date | None:
    """Return the date of "April 11, 2007"-style text, or None."""
    match = DATE.search(value)
    if not match or not match.group("year"):
        return None
    try:
        return dt.date(
            int(match.group("year")), month_number(match.group("month")), int(match.group("day"))
        )
    except ValueError:
        return None


def line_of(text: str, offset: int) -> int:
    """Return the 1-based line number of *offset*."""
    return text.count("\n", 0, offset) + 1


def blocks(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph: a run of non-blank lines (end excludes its newline)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text)]


@lru_cache(maxsize=256)
def protected(text: str) -> tuple[tuple[int, int], ...]:
    """Return spans no word-level injector may touch: URLs, e-mail addresses, domains (cached per text)."""
    return tuple((m.start(), m.end()) for m in _PROTECTED.finditer(text))


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Tell whether [start, end) overlaps any of *spans*."""
    return any(a < end and start < b for a, b in spans)


_ABBREVIATIONS = {
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "nos",
    "mr",
    "mrs",
    "ms",
    "dr",
    "jr",
    "sr",
    "st",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "l.p",
    "n.v",
    "s.a",
    "p.m",
    "a.m",
    "fig",
    "ph.d",
}


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans (each includes its final punctuation).

    A period ends a sentence unless it closes a known abbreviation ("Inc.", "U.S.") or a
    single initial ("David A. Dodd"); the next sentence must start with a capital, a digit,
    a quote or a bullet.
    """
    spans, begin = [], start
    for match in re.finditer(r"[.!?][”\"’)]*(?=\s+[A-Z0-9“\"(•●·\-])", text[start:end]):
        stop = start + match.end()
        word = re.search(r"(^|[^A-Za-z.\-\d])([A-Za-z.]+)[.!?][”\"’)]*$", text[begin:stop])
        token = word.group(2).lower().rstrip(".") if word else ""
        if match.group().startswith(".") and (
            token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())
        ):
            continue
        spans.append((begin, stop))
        begin = stop + len(text[stop:end]) - len(text[stop:end].lstrip())
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


def removal(text: str, start: int, end: int) -> Edit:
    """Return the edit that removes text[start:end] with the space before it, as an editor would.

    Removing a sentence also takes the space that separated it from the previous one
    (from the next one, when it opens a line); removing whole paragraphs also takes the
    blank lines that followed them.
    """
    if (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n"):
        while end < len(text) and text[end] == "\n":
            end += 1
        return Edit(start, end, "")
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    else:  # the sentence opens its line: the space after it goes instead, and the indent stays
        while end < len(text) and text[end] in " \t":
            end += 1
    return Edit(start, end, "")


def snippet(text: str, start: int, end: int, new: str, width: int = 30) -> tuple[str, str]:
    """Return (before, after) text around one edit, short enough for one line of a report."""
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    old = text[start:end]
    if len(old) > 120:
        lines = old.count("\n") + 1
        old = f"{old[:60]}…{f'[{lines} lines]…' if lines > 1 else ''}{old[-30:]}"
    shown = new if len(new) <= 120 else f"{new[:60]}…{new[-30:]}"
    return (f"{left}{old}{right}".strip(), f"{left}{shown}{right}".strip())


def word_edit(text: str, start: int, end: int, new: str, variant: str = "") -> Injection:
    """Return the injection that replaces one word (or short span) in place."""
    before, after = snippet(text, start, end, new)
    return Injection((Edit(start, end, new),), before, after, variant=variant)


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, frozenset[int]]:
    """Apply non-overlapping edits; return the new text and the 1-based lines the edits wrote.

    A deletion's line is the line where the removed text was.
    """
    pieces, spans, position, shift = [], [], 0, 0
    for edit in sorted(edits, key=lambda item: item.start):
        pieces += [text[position : edit.start], edit.new]
        spans.append((edit.start + shift, edit.start + shift + len(edit.new)))
        shift += len(edit.new) - (edit.end - edit.start)
        position = edit.end
    pieces.append(text[position:])
    new_text = "".join(pieces)
    lines: set[int] = set()
    for start, end in spans:
        while end - start > 1 and new_text[start] == "\n":
            start += 1  # an inserted paragraph's lines are its own, not the blank line before it
        first = line_of(new_text, start)
        last = line_of(new_text, max(start, end - 1))
        lines.update(range(first, last + 1))
    return new_text, frozenset(lines)


Spot = TypeVar("Spot")


def pick(
    rng: random.Random, spots: Iterable[Spot], k: int, build: Callable[[Spot], Injection | None]
) -> list[Injection]:
    """Return up to *k* injections built from distinct spots, chosen at random.

    Spots are tried in a shuffled order because *build* may refuse one (every variant it
    could make is a real word, say); the first *k* that succeed are kept.
    """
    order = list(spots)
    rng.shuffle(order)
    made: list[Injection] = []
    for spot in order:
        if len(made) == k:
            break
        injection = build(spot)
        if injection is not None and all(injection.edits != other.edits for other in made):
            made.append(injection)
    return made


# --------------------------------------------------------------------------- words and misspellings

_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "al", "ation", "ations", "ment")
_VOWELS = "aeiou"


class Lexicon:
    """English words (prlint's two word-list packages) and the UNII drug names.

    Used to keep injected misspellings realistic: a slip that makes another real word
    ("form" -> "from") is a different defect, which no spelling check can be asked to find.
    """

    def __init__(self) -> None:
        try:
            from english_words import get_english_words_set
            from spellchecker import SpellChecker
        except ImportError as error:
            raise Unavailable(
                f"recall benchmark: needs prlint's word-list packages "
                f"(english-words, pyspellchecker): {error}; run it with prlint's Python"
            ) from None
        frequencies = SpellChecker(language="en").word_frequency.dictionary
        self.english: set[str] = set(frequencies) | get_english_words_set(
            ["web2"], lower=True, alpha=True
        )
        #: Words common enough that a reader knows them (the top ~30,000 of the frequency list).
        self.common: set[str] = {
            word for word, count in frequencies.items() if count >= 300 and word.isalpha()
        }
        self.common.update(name.lower() for name in (*MONTHS, *(day.lower() for day in WEEKDAYS)))
        self.drugs: set[str] = set()
        if DRUG_LIST.is_file():
            for line in DRUG_LIST.read_text("utf-8").splitlines():
                if line and not line.startswith("#"):
                    self.drugs.add(line.partition("\t")[0])

    def is_english(self, word: str) -> bool:
        """Tell whether *word* is an English word or a regular inflection of one."""
        lower = word.lower()
        if lower in self.english:
            return True
        return any(
            lower.endswith(suffix) and lower[: -len(suffix)] in self.english for suffix in _SUFFIXES
        )

    def is_word(self, word: str) -> bool:
        """Tell whether *word* is English or a drug name: what a misspelling must never produce."""
        return self.is_english(word) or word.lower() in self.drugs


def variants(word: str, operations: str = "tdx", keep_last: bool = True) -> list[tuple[str, str]]:
    """Return (operation, misspelling) pairs of *word*, made the way a typist slips.

    Operations: t = transpose two adjacent inner letters of the same case, d = delete an
    inner letter, x = double an inner consonant, s = write another vowel for an inner
    vowel (the misspellings of names: "Marburg" -> "Marbarg"). The first letter, and
    unless *keep_last* is false the last one, are kept, so the word still looks like
    itself; a result equal to the word is dropped.
    """
    made: list[tuple[str, str]] = []
    last = len(word) if not keep_last else len(word) - 1
    inner = range(1, last)
    for i in inner:
        char = word[i]
        if "t" in operations and i + 1 < last:
            nxt = word[i + 1]
            if char != nxt and char.isupper() == nxt.isupper() and char.isalpha() and nxt.isalpha():
                made.append(("transposition", word[:i] + nxt + char + word[i + 2 :]))
        if "d" in operations and len(word) > (3 if not keep_last else 4):
            made.append(("deletion", word[:i] + word[i + 1 :]))
        if (
            "x" in operations
            and char.isalpha()
            and char.lower() not in _VOWELS
            and word[i - 1] != char
            and word[i + 1 : i + 2] != char
        ):
            made.append(("doubling", word[:i] + char + word[i:]))
        if "s" in operations and char.isalpha():
            lower = char.lower()
            for option in _VOWELS.replace(lower, "") if lower in _VOWELS else "":
                made.append(
                    (
                        "substitution",
                        word[:i] + (option.upper() if char.isupper() else option) + word[i + 1 :],
                    )
                )
    seen, unique = {word}, []
    for operation, spelled in made:
        if spelled not in seen:
            seen.add(spelled)
            unique.append((operation, spelled))
    return unique


def misspell(
    word: str, rng: random.Random, lexicon: Lexicon, avoid: set[str], operations: str = "tdx"
) -> str | None:
    """Return one realistic misspelling of *word*, or None when every slip is a real word.

    *avoid* holds the lowercased words of the release: a slip that turns one of its
    words into another of them ("Lowry" into "Lowy" where both occur) is not a misspelling.
    """
    by_operation: dict[str, list[str]] = defaultdict(list)
    for operation, spelled in variants(word, operations):
        if not lexicon.is_word(spelled) and spelled.lower() not in avoid:
            by_operation[operation].append(spelled)
    if not by_operation:
        return None
    # Each operation is as likely as the others, however many variants it makes.
    operation = rng.choice(sorted(by_operation))
    return rng.choice(by_operation[operation])


def words(text: str, spans: Sequence[tuple[int, int]]) -> list[re.Match]:
    """Return the letter-only words of *text*, leaving out those inside protected spans."""
    return [match for match in WORD.finditer(text) if not inside(spans, match.start(), match.end())]


def occurrences_of(word: str, text: str) -> list[re.Match]:
    """Return where *word* stands alone in *text*, outside URLs and e-mail addresses."""
    spans = protected(text)
    return [
        match
        for match in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", text)
        if not inside(spans, match.start(), match.end())
    ]


def misspell_one_occurrence(
    release: Release,
    rng: random.Random,
    lexicon: Lexicon,
    word: str,
    operations: str = "tdx",
    real_names: frozenset[str] = frozenset(),
) -> Injection | None:
    """Misspell one random occurrence of *word* in the release (not in URLs or e-mail addresses)."""
    text = release.text
    occurrences = occurrences_of(word, text)
    if not occurrences:
        return None
    avoid = {match.group().lower() for match in WORD.finditer(text)} | real_names
    spelled = misspell(word, rng, lexicon, avoid, operations)
    if spelled is None:
        return None
    match = rng.choice(occurrences)
    return word_edit(text, match.start(), match.end(), spelled)


# --------------------------------------------------------------------------- legends

_LEGEND_HEADING = re.compile(
    r"forward[- ]looking[”\"’]?\s+(?:\w+\s+)?(?:statements?|information)|safe\s+harbou?r", re.I
)
_LEGEND_OPENING = re.compile(
    r"forward[- ]looking[”\"’]?\s+(?:statements?|information)[^.]{0,200}?"
    r"(?:within the meaning|contain|include|identif|involve|are based|constitute|may be deemed|reflect)"
    r"|(?:contains?|includes?|constitute|may be deemed|are)[^.]{0,80}forward[- ]looking|other than statements of historical",
    re.I,
)
_LEGEND_WORDS = re.compile(
    r"forward[- ]looking|risks?\b|uncertaint|factors|actual results|undertake|obligation|"
    r"caution|assumption|expectation|speak only|no assurance|not guarantee",
    re.I,
)
_SECTION_START = re.compile(
    r"^\W*(?:About\b|Contacts?\b|Media\b|Investors?\b|Investor Relations|For more information|"
    r"Source\b|SOURCE\b|###|-30-|View (?:the )?original|The post\b|"
    r"This (?:press|news) release (?:shall|does) not constitute|Non-GAAP|Use of Non-GAAP)",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[•●·▪◦*\-–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")


@dataclass(frozen=True)
class Legend:
    """Where a release's cautionary legend is: its heading (if any) and its paragraphs."""

    start: int
    end: int
    body: tuple[tuple[int, int], ...]  # the legend's paragraphs, heading excluded


def is_heading(text: str) -> bool:
    """Tell whether a paragraph reads as a heading: short and not a sentence."""
    stripped = text.strip()
    return len(stripped.split()) <= 12 and not stripped.endswith((".", ";", ","))


def find_legend(text: str) -> Legend | None:
    """Return the forward-looking-statements legend of a release, or None.

    It starts at a heading naming forward-looking statements or safe harbor (also an
    inline one: "Safe Harbor Statement: This release...") or, without a heading, at a
    paragraph whose first sentence says the release contains forward-looking statements.
    It runs over the following paragraphs that still read as legend text (risks,
    uncertainties, factors, undertakes...), and stops at the next heading or section
    (About, Contacts, an offering disclaimer).
    """
    paragraphs = blocks(text)
    for index, (start, end) in enumerate(paragraphs):
        if index < 2:
            continue  # the headline and the lead are not the legend
        paragraph = text[start:end]
        first = paragraph[:300]
        named = _LEGEND_HEADING.search(paragraph)
        heading = is_heading(paragraph) and named is not None and named.start() <= 45
        inline = _LEGEND_HEADING.match(first.strip(' “"\t')) is not None or (
            bool(_LEGEND_HEADING.search(first[:120])) and bool(_LEGEND_OPENING.search(first))
        )
        opening = bool(_LEGEND_OPENING.search(first)) and not _SECTION_START.match(paragraph)
        if not (heading or inline or opening):
            continue
        body = [] if heading else [(start, end)]
        stop = end
        for next_start, next_end in paragraphs[index + 1 :]:
            chunk = text[next_start:next_end]
            if chunk.strip() == "<PAGE>":
                continue  # a page break of an EDGAR filing: the legend goes on after it
            bullet = bool(_BULLET.match(chunk)) or chunk.rstrip().endswith((";", ","))
            if _SECTION_START.match(chunk) or (is_heading(chunk) and not bullet):
                break
            if not bullet and not _LEGEND_WORDS.search(chunk):
                break
            body.append((next_start, next_end))
            stop = next_end
        if body:
            return Legend(start, stop, tuple(body))
    return None


#: What makes a sentence a material forward-looking statement, for the legend classes: a plan,
#: goal, expectation or projection ...
_MATERIAL_FLS = re.compile(
    r"\b(?:expects?|expected|anticipates?|plans?|intends?|aims?|seeks?|hopes?|poised|on track|positioned) (?:to|for)\b"
    r"|\b(?:is|are|was|were) (?:currently |now )?(?:expected|anticipated|scheduled|planned|projected|slated|targeted)\b"
    r"|\b(?:expects?|anticipates?|forecasts?|projects?) (?:\w+ ){0,3}(?:revenues?|sales|earnings|growth|margins?|results|cash flow)\b"
    r"|\b(?:(?:financial|earnings|revenue|annual|full[- ]year|quarterly|fiscal|\d{4}) guidance|guidance for|(?:provides?|raises?|reaffirms?|updates?|maintains?|lowers?) (?:its |our )?(?:\w+ ){0,3}guidance|outlook for|forecasts?|projections?|initiation targeted)\b"
    r"|\b(?:our|its|the company[’']s) (?:goal|target|objective) (?:is|of)\b"
    # "will" counts only with a verb about the business: "will advance", "will absolutely aid in
    # expanding", "will be: 1) advancing", not "will help us achieve our mission" or "JK Medical
    # will market ... under the agreement" (the terms of a contract).
    r"|\b(?:will|shall)(?: (?:absolutely|also|further|significantly|continue to|then|now|soon|likely))* "
    r"(?:grow|expand|launch|evaluate|advance|complete|submit|file|close|begin|commence|initiate|enroll|"
    r"increase|reduce|develop|deliver|generate|drive|aid|accelerate|enable|improve|achieve|restore|result|"
    r"open|build|strengthen|enhance|pay|use|fund|transition|bring|carry|raise|acquire|regain|pursue|double|"
    r"triple|exceed|reach|support)\b"
    r"|\b(?:will|shall) be:? (?:\(?\d\) )?(?:advancing|completing|initiating|launching|expanding|filing|submitting)\b",
    re.I,
)
#: ... or a time still to come (the year is checked against the release date) ...
_FUTURE_PERIOD = re.compile(
    r"\b(?:later this (?:year|quarter|month)|next (?:year|quarter|month)|by (?:the end of|year[- ]end))\b"
    r"|\b(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th) (?P<unit>quarter|half) of (?:fiscal )?(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<short>[1-4]Q|Q[1-4]|[12]H|H[12]) (?:of )?(?P<year2>(?:19|20)\d\d)\b",
    re.I,
)
#: ... unless the sentence is about the logistics of a call, webcast or presentation.
_LOGISTICS = re.compile(
    r"\b(?:webcast|conference|earnings call|call will|dial[- ]in|replay|fireside chat|investor conference|"
    r"(?:will|to) (?:present|participate|host|hold|attend|speak|ring)|present(?:ation)? at|booth|register|"
    r"one-on-one meetings|will be (?:available|held|hosted|webcast|archived|posted)|presentation will|overview|discuss|"
    r"website as a means)\b",
    re.I,
)


def outside_legend(release: Release, legend: Legend) -> str:
    """Return the release text with its legend and About paragraph blanked out.

    Forward-looking statements there do not count: the About paragraph is boilerplate,
    the legend is the caution itself.
    """
    text = release.text[: legend.start] + release.text[legend.end :]
    return re.sub(r"(?ms)^About [^\n]*\n.*?(?=^\S[^\n]{0,80}\n\n|\Z)", "", text, count=1)


def material_fls_sentences(text: str, released: dt.date | None = None) -> int:
    """Count the sentences that state plans, goals, expected results, timelines or projections.

    The rule the legend classes share: a sentence counts when it has a plan or
    expectation verb ("expects to", "plans for", "is scheduled"), a target,
    goal, guidance or outlook, a "will" about the business (growth, a trial, a
    filing, a launch ...), or a period after the release ("later this year",
    "second half of 2026"); and it is not about the logistics of a call, webcast
    or presentation. A past period ("in the fourth quarter of 2005" in a 2006
    release) does not count, nor does a year when the release date is unknown.
    """
    count = 0
    for start, end in (span for block in blocks(text) for span in sentences(text, *block)):
        sentence = text[start:end]
        if _LOGISTICS.search(sentence):
            continue
        if _MATERIAL_FLS.search(sentence) or any(
            _future_period(match, released) for match in _FUTURE_PERIOD.finditer(sentence)
        ):
            count += 1
    return count


def _future_period(match: re.Match, released: dt.date | None) -> bool:
    """Tell whether a period phrase ends after the release (a bare "next year" always does).

    "The first quarter of 2022" in an April 2022 release is past: the quarter ended
    March 31. An unknown release date makes no dated period future.
    """
    year = match.group("year") or match.group("year2")
    if year is None:
        return True
    if released is None:
        return False
    if match.group("short"):
        short = match.group("short").upper()
        number, unit = int(re.sub(r"\D", "", short)), "half" if "H" in short else "quarter"
    else:
        ordinal = match.group("ordinal").lower()
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(ordinal) or int(ordinal[0])
        unit = match.group("unit").lower()
    end_month = number * (6 if unit == "half" else 3)
    return dt.date(int(year), end_month, 28) > released


# --------------------------------------------------------------------------- running prlint


def prlint_command(given: str | None) -> list[str]:
    """Return the prlint command: --prlint, else the prlint installed beside this Python, else prlint
    on PATH, else python -m checker.

    The prlint beside this Python comes first: it is the one whose word lists the
    injectors use, and a prlint earlier on PATH may belong to another checkout.
    """
    if given:
        return shlex.split(given)
    found = shutil.which("prlint", path=str(Path(sys.executable).parent)) or shutil.which("prlint")
    return [found] if found else [sys.executable, "-m", "checker"]


def lint(command: list[str], paths: Sequence[Path], jobs: int) -> dict[Path, list[dict]]:
    """Lint *paths* with prlint (JSON output, no cache) and return each file's findings.

    The files go in chunks so that the command line stays short; exit 0 and 1 both mean
    the run worked (1: something was found), anything else is an error.
    """
    found: dict[Path, list[dict]] = {path.resolve(): [] for path in paths}
    for first in range(0, len(paths), CHUNK):
        chunk = [str(path) for path in paths[first : first + CHUNK]]
        args = [
            *command,
            "--format",
            "json",
            "--no-cache",
            "--no-color",
            "--jobs",
            str(jobs),
            *chunk,
        ]
        result = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
        if result.returncode not in (0, 1):
            message = (result.stderr.strip() or result.stdout.strip()).splitlines()
            raise Unavailable(
                f"recall benchmark: prlint failed (exit {result.returncode}): "
                f"{message[-1] if message else shlex.join(args[:4])}"
            )
        try:
            findings = json.loads(result.stdout)
        except ValueError:
            findings = None
        if not isinstance(findings, list):  # prlint prints "[]" when it finds nothing
            raise Unavailable(
                f"recall benchmark: {shlex.join(command)} printed no JSON list of findings"
            )
        for finding in findings:
            found.setdefault(Path(finding["path"]).resolve(), []).append(finding)
    return found


# --------------------------------------------------------------------------- scoring


def line_map(original: str, copy: str) -> dict[int, int]:
    """Map each 1-based line of *copy* to the line of *original* it came from.

    Unchanged lines map by their shifted position; a changed line maps to the line it
    replaced when the change kept the number of lines. Inserted lines have no entry.
    """
    old, new = original.split("\n"), copy.split("\n")
    head = 0  # the common first and last lines need no diff: an injection changes a few lines
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    mapping = {line: line for line in range(1, head + 1)}
    mapping.update({len(new) - i: len(old) - i for i in range(tail)})
    matcher = difflib.SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(j2 - j1):
                mapping[head + j1 + offset + 1] = head + i1 + offset + 1
    return mapping


def finding_key(finding: dict, mapping: dict[int, int] | None = None) -> tuple[str, int, str]:
    """Return (rule, line, message) of a finding, its lines translated to the original's.

    Messages can name other lines ("listed at line 5"); those are translated too, so a
    finding the original already had is recognised after text above it moved.
    """

    def original(line: int) -> int:
        return line if mapping is None else mapping.get(line, -line)

    message = re.sub(
        r"\b(lines? )(\d+)",
        lambda match: f"{match.group(1)}{original(int(match.group(2)))}",
        finding["message"],
    )
    return finding["rule"], original(int(finding["line"])), message


def catching_finding(
    copy: Copy,
    findings: list[dict],
    original_keys: set[tuple[str, int, str]],
    categories: frozenset[str],
) -> dict | None:
    """Return the first new error or warning of an accepted category on the defect's lines, or None."""
    mapping = line_map(copy.release.text, copy.text)
    for finding in findings:
        if finding["severity"] not in REPORTED or finding["category"] not in categories:
            continue
        first = int(finding["line"])
        last = int(finding.get("end_line") or first)
        if not copy.injection.any_line and not copy.lines.intersection(range(first, last + 1)):
            continue
        if finding_key(finding, mapping) not in original_keys:
            return finding
    return None


# --------------------------------------------------------------------------- injectors: tickers and exchanges

_EXCHANGE = (
    r"NYSE American|NYSE AMERICAN|NYSE MKT|NYSE Amex|NYSE Arca|NYSE|Nasdaq(?:GS|GM|CM|NM|SC)?|NASDAQ(?:/NMS)?"
    r"|Nasdaq/NMS|AMEX|Amex|OTCQB|OTCQX|OTCID|OTCPINK|OTC Pink|OTCBB|OTC|TSXV|TSX-V|TSX|CSE|TASE|FWB|Frankfurt"
)
TICKER = re.compile(
    rf"\((?P<exchange>{_EXCHANGE})(?P<sep>\s*[:\-]\s*|\s+)(?P<symbol>[A-Z]{{1,6}}(?:\.[A-Z]{{1,2}})?)"
    r"(?=[\s,;:)”\"’])"
)
_TICKER_CONTEXT = re.compile(
    r"(?:symbols?|ticker|Nasdaq|NASDAQ|NYSE|American|MKT|OTC[A-Z]*|AMEX|TSX-?V?|CSE)\W{0,4}$"
)
#: What is left when '<a href="...">' markup is stripped badly; the curly quote of a word processor twice as often.
_MARKUP_RESIDUE = ("”>", "”>", '">')


def tickers(release: Release) -> list[re.Match]:
    """Return the parenthesised tickers of the release: "(Nasdaq: GOVX)", "(OTCQB : BETRF)"."""
    return [
        match
        for match in TICKER.finditer(release.text)
        if not inside(protected(release.text), *match.span())
    ]


def inject_ticker_markup(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """ "(Nasdaq: ABCD)" -> "(Nasdaq”>ABCD)": HTML residue where the ticker's colon was (seed 001's defect)."""

    def build(match: re.Match) -> Injection:
        residue = rng.choice(_MARKUP_RESIDUE)
        return word_edit(release.text, match.start("sep"), match.end("sep"), residue)

    return pick(rng, tickers(release), k, build)


def inject_symbol_mismatch(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Transpose two letters of a second mention of the issuer's symbol; the first ticker stays right.

    Only mentions in a ticker context count ("under the symbol GOVX", "Nasdaq: GOVX",
    another "(Nasdaq: GOVX)"): "ABVC BioPharma" is the company's name, not its ticker.
    """
    found = tickers(release)
    if not found:
        return []
    first, text = found[0], release.text
    symbol = first.group("symbol")
    others = {match.group("symbol") for match in found}
    spots = [
        match
        for match in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(symbol)}(?![A-Za-z0-9])", text)
        if match.start() != first.start("symbol")
        and not inside(protected(text), *match.span())
        and _TICKER_CONTEXT.search(text[max(0, match.start() - 30) : match.start()])
    ]

    def build(match: re.Match) -> Injection | None:
        swaps = [
            symbol[:i] + symbol[i + 1] + symbol[i] + symbol[i + 2 :]
            for i in range(len(symbol) - 1)
            if symbol[i] != symbol[i + 1] and symbol[i].isalpha() and symbol[i + 1].isalpha()
        ]
        swaps = [swap for swap in swaps if swap not in others]
        return word_edit(text, match.start(), match.end(), rng.choice(swaps)) if swaps else None

    return pick(rng, spots, k, build)


@dataclass(frozen=True)
class Venue:
    """An exchange name as written, and the dates between which it existed."""

    name: str
    since: dt.date | None = None
    until: dt.date | None = None

    def absent_on(self, day: dt.date, margin: int = 365) -> bool:
        """Tell whether the name clearly did not exist on *day* (a year's margin around each rename)."""
        if self.since and day < self.since - dt.timedelta(days=margin):
            return True
        return bool(self.until and day > self.until + dt.timedelta(days=margin))


_D = dt.date
_AMEX, _AMEX_LONG = (
    Venue("AMEX", until=_D(2008, 10, 1)),
    Venue("American Stock Exchange", until=_D(2008, 10, 1)),
)
_NYSE_AMEX, _NYSE_MKT = (
    Venue("NYSE Amex", _D(2009, 3, 6), _D(2012, 5, 10)),
    Venue("NYSE MKT", _D(2012, 5, 10), _D(2017, 7, 24)),
)
_NYSE_AMERICAN = Venue("NYSE American", _D(2017, 7, 24))
_OTCBB, _OTCBB_LONG = (
    Venue("OTCBB", until=_D(2021, 11, 8)),
    Venue("OTC Bulletin Board", until=_D(2021, 11, 8)),
)
_NASDAQ_OLD = (Venue("NasdaqNM", until=_D(2006, 7, 1)), Venue("NasdaqSC", until=_D(2006, 7, 1)))
_NASDAQ_NEW = (Venue("NasdaqGS", _D(2006, 7, 1)), Venue("NasdaqCM", _D(2005, 9, 8)))
#: What a name inside a ticker's parentheses can wrongly become: the same market under another era's name.
_RENAMES_IN_TICKER = {
    "NYSE American": (_NYSE_MKT, _NYSE_AMEX, _AMEX),
    "NYSE MKT": (_NYSE_AMERICAN, _AMEX),
    "NYSE Amex": (_NYSE_AMERICAN, _AMEX),
    "AMEX": (_NYSE_AMEX, _NYSE_MKT, _NYSE_AMERICAN),
    "NYSE": (_AMEX,),
    "Nasdaq": (*_NASDAQ_OLD, *_NASDAQ_NEW),
    "NASDAQ/NMS": _NASDAQ_NEW,
    "NasdaqNM": _NASDAQ_NEW,
    "OTCQB": (_OTCBB,),
    "OTCQX": (_OTCBB,),
    "OTC": (_OTCBB,),
    "OTCPINK": (_OTCBB,),
    "OTCBB": (Venue("OTCQB", _D(2010, 4, 5)),),
}
#: The same for market names in the text ("listed on the Nasdaq Capital Market").
_RENAMES_IN_TEXT = {
    "NYSE American": (_NYSE_MKT, _NYSE_AMEX, _AMEX_LONG),
    "NYSE MKT": (_NYSE_AMERICAN, _AMEX_LONG),
    "American Stock Exchange": (_NYSE_AMERICAN, _NYSE_MKT),
    "Nasdaq Capital Market": (Venue("Nasdaq SmallCap Market", until=_D(2006, 7, 1)),),
    "Nasdaq SmallCap Market": (Venue("Nasdaq Capital Market", _D(2005, 9, 8)),),
    "Nasdaq Global Select Market": (Venue("Nasdaq National Market", until=_D(2006, 7, 1)),),
    "Nasdaq Global Market": (Venue("Nasdaq National Market", until=_D(2006, 7, 1)),),
    "Nasdaq National Market": (Venue("Nasdaq Global Market", _D(2006, 7, 1)),),
    "OTCQB Venture Market": (_OTCBB_LONG,),
    "OTCQX Best Market": (_OTCBB_LONG,),
    "OTC Bulletin Board": (Venue("OTCQB", _D(2010, 4, 5)),),
}


_CANONICAL_EXCHANGE = {
    "NASDAQ": "Nasdaq",
    "NYSE AMERICAN": "NYSE American",
    "Amex": "AMEX",
    "Nasdaq/NMS": "NASDAQ/NMS",
}


def exchange_mentions(release: Release) -> list[tuple[int, int, tuple[Venue, ...]]]:
    """Return (start, end, possible wrong names) for each exchange name that a rename could hit."""
    text, spots = release.text, []
    for match in tickers(release):
        name = match.group("exchange")
        canonical = _CANONICAL_EXCHANGE.get(name, name)
        if canonical in _RENAMES_IN_TICKER:
            spots.append(
                (match.start("exchange"), match.end("exchange"), _RENAMES_IN_TICKER[canonical])
            )
    in_tickers = {start for start, _end, _names in spots}
    for name, renames in _RENAMES_IN_TEXT.items():
        for match in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.I):
            if (
                match.start() not in in_tickers
                and not inside(protected(text), *match.span())
                and text[match.end() : match.end() + 1] != ":"
            ):
                spots.append((match.start(), match.end(), renames))
    return spots


def inject_exchange_retired(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Write the exchange under a name it did not have on the release date ("NYSE American" -> "NYSE MKT" in 2025)."""
    if release.date is None:
        return []
    day = release.date

    def build(spot: tuple[int, int, tuple[Venue, ...]]) -> Injection | None:
        start, end, renames = spot
        wrong = [venue for venue in renames if venue.absent_on(day)]
        if not wrong:
            return None
        venue = rng.choice(wrong)
        return word_edit(
            release.text, start, end, venue.name, variant=f"{release.text[start:end]}->{venue.name}"
        )

    return pick(rng, exchange_mentions(release), k, build)


_EXCHANGE_NAMES = {
    name.lower()
    for name in re.findall(r"[A-Za-z/\- ]+", _EXCHANGE.replace("(?:GS|GM|CM|NM|SC)?", ""))
}
_EXCHANGE_NAMES |= {
    "nasdaqgs",
    "nasdaqgm",
    "nasdaqcm",
    "nasdaqnm",
    "nasdaqsc",
    "otcmkts",
    "nyseamerican",
    # other exchanges' abbreviations: a slip that names another exchange is not a misspelling
    "nse",
    "bse",
    "tse",
    "sse",
    "jse",
    "lse",
    "asx",
    "six",
    "sgx",
    "krx",
    "bmv",
    "hkex",
    "ase",
    "ise",
    "xetra",
}


def inject_exchange_malformed(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell the exchange inside a ticker's parentheses: "(Nasdq: X)", "(NYSE Amercan: X)"."""
    lexicon = get_lexicon()

    def build(match: re.Match) -> Injection | None:
        name = match.group("exchange")
        parts = list(re.finditer(r"[A-Za-z]{3,}", name))
        part = max(parts, key=lambda item: len(item.group()))  # "American" in "NYSE American"
        options = [
            spelled
            for _op, spelled in variants(part.group(), "td", keep_last=False)
            if spelled.lower() not in _EXCHANGE_NAMES
            and not lexicon.is_word(spelled)
            and (spelled.isupper() or not part.group().isupper())
        ]
        if not options:
            return None
        start = match.start("exchange") + part.start()
        return word_edit(release.text, start, start + len(part.group()), rng.choice(options))

    return pick(rng, tickers(release), k, build)


# --------------------------------------------------------------------------- injectors: dates

_WEEKDAY_DATE = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+{DATE.pattern}")
_PAST_LEAD = re.compile(
    r"(?:(?:quarters?|years?|months|weeks|periods?)\s+ended|as\s+of|(?:was\s+|were\s+)?(?:completed|announced|closed|"
    r"signed|filed|received|launched|issued|approved|held|entered\s+into)\s+on)\s+$",
    re.I,
)


def date_mentions(release: Release) -> list[re.Match]:
    """Return the month-day(-year) mentions of the release, outside URLs and e-mail addresses."""
    text = release.text
    return [
        match
        for match in DATE.finditer(text)
        if match.group("month")[0].isupper() and not inside(protected(text), *match.span())
    ]


def mention_date(match: re.Match, release: Release) -> dt.date | None:
    """Return the date a mention names; a mention without a year takes the release's year."""
    year = (
        int(match.group("year"))
        if match.group("year")
        else (release.date.year if release.date else None)
    )
    if year is None:
        return None
    try:
        return dt.date(year, month_number(match.group("month")), int(match.group("day")))
    except ValueError:
        return None


def same_style(word: str, like: str) -> str:
    """Write *word* in the case style of *like* ("TUESDAY", "Tuesday")."""
    return word.upper() if like.isupper() else word


def inject_wrong_weekday(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """ "Tuesday, May 5, 2024" -> "Wednesday, May 5, 2024": a weekday that disagrees with its date.

    Only weekdays that agree with their date in the original are changed (a mention
    without a year is read in the release's year), by one or two days as a slip would.
    """
    if release.date is None:
        return []
    text = release.text
    spots = []
    for match in _WEEKDAY_DATE.finditer(text):
        if inside(protected(text), *match.span()):
            continue
        day = mention_date(match, release)
        if (
            day is not None
            and calendar.day_name[day.weekday()].lower() == match.group("weekday").lower()
        ):
            spots.append((match, day))

    def build(spot: tuple[re.Match, dt.date]) -> Injection:
        match, day = spot
        wrong = calendar.day_name[(day.weekday() + rng.choice((-2, -1, 1, 2))) % 7]
        return word_edit(
            text,
            match.start("weekday"),
            match.end("weekday"),
            same_style(wrong, match.group("weekday")),
        )

    return pick(rng, spots, k, build)


def impossible_variants(month: int, day: int, year: int | None) -> list[tuple[int, int]]:
    """Return (month, day) slips of a real date that name no real day.

    "June 30" -> "June 31"; "April 21" -> "April 31" (the tens digit); "March 31" -> "April 31"
    or "June 31" (a 30-day month with the old day, as when last quarter's text is updated);
    "February 2x" -> "February 3x"; "February 28" -> "February 29" in a common year.
    """
    short = {4, 6, 9, 11}
    made = []
    if month in short and day in (21, 30):
        made.append((month, 31))
    if month == 2:
        if 20 <= day <= 21:
            made.append((2, day + 10))
        if day == 28 and year is not None and not calendar.isleap(year):
            made.append((2, 29))
        if day in (28, 29):
            made.append((2, 30))
    if day == 31 and month not in short and month != 2:
        made.extend((other, 31) for other in short if abs(other - month) in (1, 3))
    return made


def inject_impossible_date(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Turn a real date into one that does not exist: "February 30", "April 31", "June 31"."""
    text = release.text
    spots = [match for match in date_mentions(release) if mention_date(match, release) is not None]

    def build(match: re.Match) -> Injection | None:
        year = (
            int(match.group("year"))
            if match.group("year")
            else (release.date.year if release.date else None)
        )
        month, day = month_number(match.group("month")), int(match.group("day"))
        options = impossible_variants(month, day, year)
        if not options:
            return None
        new_month, new_day = rng.choice(options)
        written = match.group("month")
        if new_month != month:
            name = calendar.month_name[new_month]
            written = same_style(name if not written.endswith(".") else name[:3] + ".", written)
        new = f"{written}{text[match.end('month') : match.start('day')]}{new_day}"
        return word_edit(text, match.start("month"), match.end("day"), new)

    return pick(rng, spots, k, build)


def inject_future_period(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Put a past period or event after the release: "quarter ended September 30, 2025" in a 2024 release.

    The year becomes the first one that puts the date after the release date: the slip
    of one digit that an editor reusing last year's text makes.
    """
    released = release.date
    if released is None:
        return []

    def year_after(day: dt.date) -> int:
        later = (day.month, day.day) > (released.month, released.day)
        return released.year if later else released.year + 1

    spots = _dated_spots(release, _PAST_LEAD, 40, before_release=True)
    return pick(rng, spots, k, lambda spot: _with_year(release.text, *spot, year_after(spot[1])))


def _dated_spots(
    release: Release, lead: re.Pattern, reach: int, before_release: bool
) -> list[tuple[re.Match, dt.date]]:
    """Return the dates written with a year that *lead* ends right before (within *reach*).

    Only those on or before the release date, or on or after it, as *before_release* says.
    """
    released, text = release.date, release.text
    spots = []
    for match in date_mentions(release):
        day = mention_date(match, release)
        if match.group("year") and day is not None and released is not None:
            if (day <= released) == before_release or day == released:
                if lead.search(text[max(0, match.start() - reach) : match.start()]):
                    spots.append((match, day))
    return spots


def _with_year(text: str, match: re.Match, day: dt.date, year: int) -> Injection | None:
    """Return the injection that writes *year* in a date, or None where the day does not exist then."""
    try:
        dt.date(year, day.month, day.day)
    except ValueError:
        return None  # February 29 of a common year would be a different defect
    return word_edit(text, match.start("year"), match.end("year"), str(year))


#: A periodic report named with the period it covers: "Annual Report on Form 10-K for the
#: year ended December 31, 2024", "Form 10-Q for the quarter ended June 30, 2025".
_PERIODIC_REPORT = re.compile(
    r"Form\s+10-[KQ](?:/A)?\b[^.;]{0,40}?(?:year|quarter|period|three\s+months)\s+ended\s+"
    r"[A-Z][a-z]+\.?\s+\d{1,2},\s+(?P<year>\d{4})"
)


def inject_filing_stale(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Point the legend at last year's report: "Form 10-K for the year ended December 31, 2023" for 2024.

    The slip of a legend carried over from a year-old release: the report it names was
    followed by a newer one of the same form, filed before this release.
    """
    text = release.text
    spots = list(_PERIODIC_REPORT.finditer(text))

    def build(match: re.Match) -> Injection:
        year = int(match.group("year")) - 1
        return word_edit(text, match.start("year"), match.end("year"), str(year))

    return pick(rng, spots, k, build)


#: A hedge before a claim about a product: "a potential cure", "to potentially cure".
_HEDGED_CLAIM = re.compile(
    r"\b(?P<hedge>potential(?:ly)?\s+|possible\s+)(?=(?:cure|curative|breakthrough|safe|effective)\b)",
    re.I,
)


def inject_claim_unhedged(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Cut the hedge from a claim about an investigational product: "a potential cure" -> "a cure".

    The slip of an edit for length, or of a writer who finds the hedge weak: the sentence
    now claims what only FDA approval establishes.
    """
    text = release.text
    spots = list(_HEDGED_CLAIM.finditer(text))

    def build(match: re.Match) -> Injection:
        return word_edit(text, match.start("hedge"), match.end("hedge"), "")

    return pick(rng, spots, k, build)


#: A plan's verb and its preposition right before a date: "will host a conference call on".
_PLAN_LEAD = re.compile(
    r"\b(?:will|expects?\s+to|plans?\s+to|intends?\s+to|scheduled\s+to)\s+(?:host|hold|report|"
    r"present|release|announce|webcast|close|pay|be\s+held|take\s+place)\b[^.;\n]{0,60}?\b(?:on|at)\s+"
    r"(?:[A-Z][a-z]+day,?\s+)?$"
)


def inject_plan_past(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Date a plan the year before: "will host a call on March 8, 2007" -> "March 8, 2006".

    The slip of a year carried over from last year's announcement: the release now
    promises an event on a day already gone.
    """
    released = release.date
    if released is None:
        return []

    def year_before(day: dt.date) -> int:
        later = (day.month, day.day) >= (released.month, released.day)
        return released.year - 1 if later else released.year

    spots = _dated_spots(release, _PLAN_LEAD, 120, before_release=False)
    return pick(rng, spots, k, lambda spot: _with_year(release.text, *spot, year_before(spot[1])))


# --------------------------------------------------------------------------- injectors: legends

_FILING_REFERENCE = re.compile(
    r"Form\s+(?:10-K|10-Q|8-K|20-F|40-F|6-K|S-1|S-3|S-4|F-1|F-3|F-4|10-KSB|10-QSB)|annual\s+report|quarterly\s+report"
    r"|(?:filings?|reports?|documents?)\s+(?:\w+\s+){0,4}(?:filed|furnished|made)?\s*(?:by\s+\w+\s+)?with\s+the\s+(?:U\.S\.\s+)?"
    r"(?:SEC|Securities\s+and\s+Exchange\s+Commission)|filed\s+(?:\w+\s+){0,3}with\s+the\s+(?:U\.S\.\s+)?(?:SEC|Securities)"
    r"|(?:SEC|periodic|public|securities)\s+(?:filings|reports)|sec\.gov|EDGAR|SEDAR|OTCMarkets\.com"
    r"|[“\"]Risk\s+Factors[”\"]",
    re.I,
)
#: Where a clause that only points to the filings begins: ", in addition to those discussed in our Form 10-K".
_CLAUSE = re.compile(
    r"[,;]\s+(?:and (?:other|those)|as well as|including|in addition to|together with|those)\b"
)
_GENERIC = re.compile(
    r"undertake|obligation|speak(?:s)? only|as of the date|no duty|not (?:be )?guarantee|undue reliance|"
    r"within the meaning|safe harbou?r|are (?:generally )?identified|words such as|such as [“\"]|"
    r"(?:may|could) differ materially",
    re.I,
)
_RISK_FACTOR = re.compile(
    r"\b(?:trials?|clinical|FDA|regulat\w*|approv\w*|clearance|financing|capital|funding|liquidity|going concern|"
    r"competit\w*|customers?|markets?|demand|economic|economy|inflation|interest rates?|tariffs?|pandemic|COVID|"
    r"supply|suppliers?|manufactur\w*|intellectual property|patents?|litigation|personnel|employees|reimbursement|"
    r"commerciali[sz]\w*|partners?|partnerships?|collaborat\w*|acquisitions?|integrat\w*|revenues?|sales|"
    r"profitab\w*|losses|dilution|stock price|delist\w*|cyber\w*|currency|exchange rates?|government\w*|"
    r"political|war|weather|prices?|contracts?|laws?|tax(?:es)?|products?|technolog\w*|vaccines?|patients?)\b",
    re.I,
)


#: Parts of a legend sentence that name no risk although they hold risk words: what the
#: statements are about ("statements regarding the regulatory treatment of the issuance"
#: identifies them, it does not caution) and a stock phrase of small-cap legends.
_NOT_A_CAUTION = re.compile(
    r"\bstatements? (?:about|regarding|concerning|relating to|with respect to)\b[^.;]*?"
    r"(?=\b(?:subject|involve|risks?|uncertaint|factors|actual|could cause|differ)|[.;]|$)"
    r"|\brelating to our operations, results of operations, growth strategy and liquidity\b"
    r"|\bPrivate Securities Litigation Reform Act\b",
    re.I,
)
#: The no-update clause is boilerplate even when it names "the securities laws" or "the
#: rules and regulations of the SEC": taking it out would not hollow the legend.
_NO_UPDATE = re.compile(
    r"\b(?:undertakes?|assumes?) no (?:\w+ ){0,2}(?:obligation|duty|responsibility)|"
    r"\b(?:do|does) not (?:\w+ ){0,2}(?:assume|undertake) (?:any )?(?:\w+ ){0,2}obligation",
    re.I,
)


_INLINE_HEADING = re.compile(
    r"[^:.]{0,40}?(?:forward[- ]looking|safe\s+harbou?r)[^:.]{0,60}:\s*", re.I
)


def legend_of(release: Release) -> Legend | None:
    """Return the release's legend when the manifest (or, for seeds, the text) says it has one."""
    return find_legend(release.text) if release.has_legend_section else None


def legend_sentences(text: str, legend: Legend) -> list[tuple[int, int]]:
    """Return the sentence spans of the legend's paragraphs (heading excluded)."""
    return [span for block in legend.body for span in sentences(text, *block)]


def removal_edits(
    text: str, spans: Iterable[tuple[int, int]], blocks_: Sequence[tuple[int, int]]
) -> tuple[Edit, ...]:
    """Return edits removing *spans*; a paragraph left empty is removed whole, with its blank line."""
    spans = sorted(spans)
    edits = []
    for block in blocks_:
        mine = [span for span in spans if block[0] <= span[0] < block[1]]
        if not mine:
            continue
        kept = "".join(text[a:b] for a, b in _complement(block, mine)).strip()
        if not kept or not re.search(r"[A-Za-z]{3}", kept):
            edits.append(removal(text, *block))
        else:
            edits.extend(removal(text, *span) for span in mine)
    return tuple(edits)


def _complement(block: tuple[int, int], spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the parts of *block* not covered by *spans* (sorted, non-overlapping)."""
    parts, position = [], block[0]
    for start, end in spans:
        parts.append((position, start))
        position = max(position, end)
    parts.append((position, block[1]))
    return parts


def _legend_injection(
    text: str, legend: Legend, edits: Sequence[Edit], any_line: bool
) -> Injection:
    """Describe a legend edit in one line: which sentences went, and what the legend became.

    The hollowed legend is reported as one edit covering the whole legend, so the defect
    lines are the lines of what is left of it.
    """
    new_legend, _lines = apply(
        text[legend.start : legend.end],
        [Edit(e.start - legend.start, min(e.end, legend.end) - legend.start, e.new) for e in edits],
    )
    removed = " | ".join(text[e.start : e.end].strip()[:70] for e in edits[:3])
    more = f" (+{len(edits) - 3} more)" if len(edits) > 3 else ""
    before = f"removed: {removed}{more}"
    if any_line:
        return Injection(
            tuple(edits), before, f"legend now {len(new_legend.split())} words", any_line=True
        )
    return Injection(
        (Edit(legend.start, legend.end, new_legend),),
        before,
        f"legend now: {' '.join(new_legend.split())[:160]}",
    )


def inject_legend_removed(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Delete the whole forward-looking-statements legend (heading and body) of a release that needs one.

    A release needs one when at least one sentence outside the legend and the About
    paragraph is a material forward-looking statement (see material_fls_sentences).
    Until issue 15 any "will", "may" or "could" qualified, so a board appointment or a
    conference notice whose legend went counted as a miss, though staying quiet there
    is right: such copies are no longer made.
    """
    legend = legend_of(release)
    if legend is None or material_fls_sentences(outside_legend(release, legend), release.date) < 1:
        return []  # a board appointment or conference notice needs no legend: quiet is right
    edit = removal(release.text, legend.start, legend.end)
    before, _after = snippet(release.text, edit.start, edit.end, "")
    return [
        Injection(
            (edit,),
            before,
            f"(legend removed: lines {line_of(release.text, legend.start)}-"
            f"{line_of(release.text, legend.end)})",
            any_line=True,
        )
    ]


def inject_fls_no_legend(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Delete the legend, and any pointer to it, from a release whose body makes material forward-looking statements.

    Unlike legend-removed, only releases with at least two sentences of plans, goals,
    expected results or timelines outside the legend and the About paragraph qualify,
    and sentences elsewhere that point to the legend ("see Forward-Looking Statements
    below") go too, so that nothing cautions the reader.
    """
    legend = legend_of(release)
    if legend is None or material_fls_sentences(outside_legend(release, legend), release.date) < 2:
        return []
    text = release.text
    edits = [removal(text, legend.start, legend.end)]
    for block in blocks(text):
        if block[0] >= legend.start and block[1] <= legend.end:
            continue
        for start, end in sentences(text, *block):
            if (
                re.search(r"forward[- ]looking statements?", text[start:end], re.I)
                and len(text[start:end].split()) < 40
            ):
                edits.append(removal(text, start, end))
    before, _after = snippet(text, edits[0].start, edits[0].end, "")
    return [
        Injection(
            tuple(edits),
            before,
            f"(legend and {len(edits) - 1} pointer(s) to it removed)",
            any_line=True,
        )
    ]


def reference_clause(sentence: str) -> tuple[int, int] | None:
    """Return the span of a clause of *sentence* that does nothing but point to the SEC filings.

    "The following factors, in addition to those discussed in our Annual Report on
    Form 10-K and subsequent securities filings, could cause ..." loses the clause
    between the commas; "..., and other risks, including those described in our
    filings with the SEC." loses its tail. None means the sentence has no such clause:
    the reference is the sentence, and it goes whole.
    """
    references = list(_FILING_REFERENCE.finditer(sentence))
    if not references:
        return None
    first = references[0]
    opening = None
    for clause in _CLAUSE.finditer(sentence, 0, first.start()):
        if len(sentence[clause.end() : first.start()].split()) <= 8:
            opening = clause
            break
    if opening is None or _FILING_REFERENCE.search(sentence[: opening.start()]):
        return None
    last = first
    for reference in references[1:]:
        if reference.start() - last.end() < 80:
            last = reference
    after = re.search(r",\s+(?=[a-z])", sentence[last.end() :])
    ending = len(re.sub(r"[.!?]?[”\"’)]*$", "", sentence.rstrip()))  # before the final punctuation
    if after and len(sentence[last.end() + after.end() : ending].split()) >= 4:
        span = (opening.start(), last.end() + after.end() - 1)  # both commas go; one space stays
    else:
        span = (opening.start(), ending)
    kept = sentence[: span[0]] + sentence[span[1] :]
    return span if len(kept.split()) >= 10 else None


def inject_filing_ref_removed(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Take out of the legend every reference to SEC filings ("... in our Annual Report on Form 10-K ...").

    A reference that is a clause of a longer sentence loses only that clause (see
    reference_clause); a sentence that is nothing but the reference goes whole. Only
    releases with a material forward-looking statement qualify (the rule of
    legend-removed): the filing's risk factors cover nothing in a board appointment or a
    conference notice, and issue 15 asks prlint to stay quiet there.
    """
    legend = legend_of(release)
    if legend is None or material_fls_sentences(outside_legend(release, legend), release.date) < 1:
        return []
    text = release.text
    edits: list[Edit] = []
    whole: list[tuple[int, int]] = []
    for start, end in legend_sentences(text, legend):
        if not _FILING_REFERENCE.search(text[start:end]):
            continue
        clause = reference_clause(text[start:end])
        if clause is None:
            whole.append((start, end))
        else:
            edits.append(Edit(start + clause[0], start + clause[1], ""))
    edits.extend(removal_edits(text, whole, legend.body))
    if not edits:
        return []
    new_text, _lines = apply(text, edits)
    rest = find_legend(new_text)
    if rest is None or _FILING_REFERENCE.search(new_text[rest.start : rest.end]):
        return []  # the legend would be gone, or a reference the patterns cannot cut would remain
    return [_legend_injection(text, legend, sorted(edits, key=lambda e: e.start), any_line=True)]


def inject_hollow_legend(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Delete every legend sentence that names a specific risk, keeping the generic ones.

    What is left still says the release contains forward-looking statements, that
    results may differ, and that nothing will be updated, but names no factor: the
    "boilerplate" legend that the PSLRA safe harbor does not protect. Only releases
    with a material forward-looking statement qualify (the rule of legend-removed):
    a hollow legend on a conference notice protects nothing, and prlint rightly says
    nothing about it.
    """
    legend = legend_of(release)
    if legend is None or material_fls_sentences(outside_legend(release, legend), release.date) < 1:
        return []
    text = release.text
    spans = legend_sentences(text, legend)
    specific = []
    for start, end in spans:
        sentence = text[start:end]
        caution = _NOT_A_CAUTION.sub(" ", sentence)
        names_risk = (
            _RISK_FACTOR.search(caution)
            and not (_GENERIC.search(sentence) and len(_RISK_FACTOR.findall(caution)) < 2)
            and not _NO_UPDATE.search(sentence)
        )
        lead_in = sentence.rstrip().endswith(":") or re.search(
            r"include,? but (?:are )?not limited to,?$", sentence.rstrip(" :")
        )
        if names_risk or lead_in or _BULLET.match(sentence):
            # An inline heading ("“Safe Harbor” Statement: ...") stays.
            heading = _INLINE_HEADING.match(sentence)
            specific.append((start + heading.end(), end) if heading else (start, end))
    if not specific or len(specific) == len(spans):
        return []  # nothing specific to take out, or nothing generic would be left
    edits = removal_edits(text, specific, legend.body)
    return [_legend_injection(text, legend, edits, any_line=False)]


# --------------------------------------------------------------------------- injectors: names and words

_CORPORATE = {
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "labs",
    "laboratories",
    "technologies",
    "technology",
    "international",
    "medical",
    "pharmaceuticals",
    "pharmaceutical",
    "pharma",
    "pharmaceutics",
    "therapeutics",
    "health",
    "financial",
    "systems",
    "global",
    "network",
    "networks",
    "solutions",
    "bioscience",
    "biosciences",
    "biotechnologies",
    "satellite",
    "foods",
    "the",
    "and",
    "of",
    "computer",
    "innovations",
    "biopharma",
    "subsidiary",
    "air",
    "companies",
}
_NOT_SURNAMES = {
    "capital",
    "cognition",
    "solutions",
    "board",
    "vice",
    "company",
    "power",
    "president",
    "executive",
    "regional",
    "annual",
    "therapeutics",
    "bank",
    "growing",
    "amid",
    "expanding",
    "guidance",
    "virtual",
    "chief",
    "officer",
    "director",
    "investor",
    "relations",
    "media",
    "group",
    "partners",
    "conference",
    "securities",
    "the",
    "and",
    "inc",
    "corp",
    "holdings",
    "medical",
    "health",
    "global",
    "senior",
}
_NAME = r"(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_PERSON_PATTERNS = (
    re.compile(rf"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+(?:{_NAME}\s+)?({_NAME})\b"),
    re.compile(
        rf"\b(?:said|says|added|noted|stated|commented|explained|concluded|continued)\s*,?\s+(?:Dr\.\s+)?"
        rf"{_NAME}\s+(?:[A-Z]\.\s+)?({_NAME})\b"
    ),
    re.compile(
        rf"\b{_NAME}\s+(?:[A-Z]\.\s+)?({_NAME}),\s+(?:(?:the|our|its)\s+)?(?:Company[’']s\s+)?(?:President|Chief|CEO|"
        rf"CFO|COO|CTO|Chair|Chairman|Chairwoman|Founder|Co-Founder|Director|Vice|Executive|Senior|Head|Partner|"
        rf"Professor|Principal|General|Managing|Lead|Ph\.D|PhD|M\.D|MD)\b"
    ),
    re.compile(
        rf"\b{_NAME}\s+(?:[A-Z]\.\s+)?({_NAME})\s+(?:said|added|noted|stated|commented|explained|concluded)\b"
    ),
)
_PLACES = set(
    """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
Nebraska Nevada Hampshire Jersey Mexico York Carolina Dakota Ohio Oklahoma Oregon Pennsylvania Rhode Island
Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Alberta Columbia Manitoba Brunswick Newfoundland
Labrador Scotia Ontario Quebec Saskatchewan America Canada Argentina Australia Austria Bangladesh Belgium Bermuda Brazil
Bulgaria Chile China Colombia Croatia Denmark Ecuador Egypt Estonia Finland France Germany Greece Hungary Iceland
India Indonesia Ireland Israel Italy Japan Jordan Kenya Korea Latvia Lithuania Luxembourg Malaysia Mexico Morocco
Netherlands Nigeria Norway Pakistan Panama Peru Philippines Poland Portugal Romania Russia Singapore Slovakia
Slovenia Spain Sweden Switzerland Taiwan Thailand Turkey Ukraine Uganda Uruguay Venezuela Vietnam Zealand Africa Europe
Asia Atlanta Boston Chicago Dallas Denver Houston Miami Philadelphia Phoenix Seattle Francisco Diego Angeles Vegas
Cincinnati Cleveland Detroit Minneapolis Pittsburgh Baltimore Nashville Orlando Tampa Sacramento Portland Austin
Albuquerque Charlotte Raleigh Indianapolis Milwaukee Louisville Cupertino Toronto Vancouver Montreal Calgary Ottawa
London Paris Berlin Munich Frankfurt Marburg Zurich Geneva Stockholm Amsterdam Brussels Madrid Barcelona Milan Rome
Vienna Dublin Tokyo Osaka Beijing Shanghai Shenzhen Seoul Taipei Singapore Sydney Melbourne Mumbai Delhi Bangalore
Jerusalem Caracas Bogota Santiago Lima Rockville Hauppauge Kelowna Encinitas Anaheim Broomfield Fremont
""".split()  # noqa: SIM905 (a list of 200 names reads best as text)
)


@dataclass(frozen=True)
class Names:
    """The names and words of one release, sorted into the classes that misspell them."""

    company: str | None
    products: tuple[str, ...]
    persons: tuple[str, ...]
    places: tuple[str, ...]
    drugs: tuple[str, ...]
    terms: tuple[str, ...]
    short: tuple[str, ...]
    codes: tuple[str, ...]
    common: tuple[str, ...]


_NAMES_CACHE: dict[str, Names] = {}


def names_of(release: Release) -> Names:
    """Sort the release's words into company, product, person, place, drug and term names (cached)."""
    if release.name not in _NAMES_CACHE:
        _NAMES_CACHE[release.name] = _find_names(release)
    return _NAMES_CACHE[release.name]


def _find_names(release: Release) -> Names:
    """Find each kind of name in the release; a word belongs to the first kind that claims it."""
    lexicon, text = get_lexicon(), release.text
    spans = protected(text)
    tokens = words(text, spans)
    counts = Counter(match.group() for match in tokens)
    company_words = re.findall(r"[A-Za-z]+", release.company)
    company = next(
        (
            word
            for word in company_words
            if len(word) >= 4 and word.lower() not in _CORPORATE and counts[word] >= 2
        ),
        None,
    )
    claimed = set(company_words)  # no word of the company's name is a product, person or term

    def claim(candidates: Iterable[str], minimum: int = 2) -> tuple[str, ...]:
        chosen = tuple(
            sorted({word for word in candidates if word not in claimed and counts[word] >= minimum})
        )
        claimed.update(chosen)
        return chosen

    persons = claim(
        match.group(1)
        for pattern in _PERSON_PATTERNS
        for match in pattern.finditer(text)
        if match.group(1).lower() not in _NOT_SURNAMES
        and not re.search(rf"(?<![A-Za-z]){re.escape(match.group(1).lower())}(?![A-Za-z])", text)
    )
    dateline = next(
        (
            text[a:b]
            for a, b in blocks(text)[:6]
            if re.match(r"\s*[A-Z][A-Z.'\- ]{2,}[,\s–—-]", text[a:b])
        ),
        "",
    )
    head = re.match(
        r"\s*([A-Z][A-Za-z.'\- ]+?(?:,\s*[A-Z][A-Za-z.'\- ]+?)?)\s*(?:,|\s[-–—]|--|/|\()", dateline
    )
    dateline_words = (
        set(re.findall(r"(?<![A-Za-z])[A-Za-z]{5,}(?![A-Za-z.])", head.group(1))) if head else set()
    )
    places = claim(
        (
            word
            for word in counts
            if len(word) >= 5
            and (
                word in _PLACES
                or word in dateline_words
                or (word.title() in _PLACES and word.isupper())
            )
        ),
        minimum=1,
    )
    # "Opaleye, LP" is a fund, though "opaleye" is in the UNII list.
    organisations = set(
        re.findall(
            r"([A-Z][a-z]+),?\s+(?:LP|L\.P\.|LLC|Inc|Ltd|Capital|Partners|Management|Group)\b", text
        )
    )
    drugs = claim(
        (
            word
            for word in counts
            if len(word) >= 5
            and word.lower() in lexicon.drugs
            and not lexicon.is_english(word)
            and not re.search(r"[a-z][A-Z]", word)
            and word not in organisations
        ),
        minimum=1,
    )
    marked = {
        match.group(1)
        for match in re.finditer(r"(?<![A-Za-z])([A-Za-z]{4,})\s?(?:®|™|\(R\)|\(TM\))", text)
    }
    camel = {
        word
        for word in counts
        if re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z]{2,}", word)
    }
    products = claim(word for word in marked | camel if len(word) >= 4 and not word.endswith("TM"))
    folded = Counter(match.group().lower() for match in tokens)
    terms = claim(
        word
        for word in counts
        if len(word) >= 5
        and not word.isupper()
        and folded[word.lower()] >= 2
        and not lexicon.is_english(word)
        and word.lower() not in _EXCHANGE_NAMES
    )
    short = tuple(
        sorted(
            word
            for word in counts
            if 4 <= len(word) <= 6
            and word[0].isupper()
            and not word.isupper()
            and counts[word] >= 3
            and not lexicon.is_english(word)
            and word.lower() not in _EXCHANGE_NAMES
        )
    )
    name_words = claimed | set(short)
    common = tuple(
        sorted(
            {
                word
                for word in counts
                if len(word) >= 5
                and word not in name_words
                and (word.islower() or word.istitle())
                and word.lower() in lexicon.common
            }
        )
    )
    return Names(
        company, products, persons, places, drugs, terms, short, code_names(release), common
    )


_GENERIC_CODES = re.compile(
    r"COVID-19|SARS-CoV-2|GLP-1|PD-L?1|IL-\d+|CD\d+|HER2|BRCA\d|Q[1-4]|H[12]|FY\d{2,4}|B2[BCi]|"
    r"NCT\d+|[A-Z]-\d|\d{4}",
    re.I,
)


def code_names(release: Release) -> tuple[str, ...]:
    """Return the code names with digits the release uses twice or more: "KIO-301", "SGX301", "GEO-CM04S1".

    Generic designations (COVID-19, GLP-1, PD-1, Q3, FY2024, SEC forms) and the tickers
    are not code names: a company does not name them.
    """
    text = release.text
    symbols = {match.group("symbol") for match in tickers(release)}
    found = Counter(
        match.group()
        for match in re.finditer(r"(?<![\w-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])", text)
        if not inside(protected(text), *match.span())
    )
    codes = []
    for code, count in found.items():
        letters, digits = re.findall(r"[A-Za-z]", code), re.findall(r"\d", code)
        if (
            count >= 2
            and len(letters) >= 2
            and len(digits) >= 2
            and code not in symbols
            and not _GENERIC_CODES.fullmatch(code)
            and re.search(r"\d\d|[A-Za-z]\d|-\d", code)
        ):
            codes.append(code)
    return tuple(sorted(codes))


def _misspell_from(
    release: Release,
    rng: random.Random,
    k: int,
    candidates: Sequence[str],
    operations: str = "tdx",
    variant: str = "",
    real_names: frozenset[str] = frozenset(),
) -> list[Injection]:
    """Misspell one occurrence each of up to *k* of *candidates* (distinct words)."""
    lexicon = get_lexicon()

    def build(word: str) -> Injection | None:
        injection = misspell_one_occurrence(release, rng, lexicon, word, operations, real_names)
        return (
            None
            if injection is None
            else Injection(
                injection.edits, injection.before, injection.after, variant=variant or word
            )
        )

    return pick(rng, candidates, k, build)


def inject_company_name(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell one occurrence of the issuer's distinctive name ("Nephros" -> "Nehpros") used twice or more."""
    company = names_of(release).company
    if company is None:
        return []
    lexicon = get_lexicon()
    # The same word, several slips: the name is one word, so each copy is another occurrence.
    return pick(
        rng,
        range(k * 3),
        k,
        lambda _i: misspell_one_occurrence(release, rng, lexicon, company, "tdx"),
    )


def inject_product_name(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell one occurrence of a product or brand name (marked ® / ™, or CamelCase) used twice or more."""
    return _misspell_from(release, rng, k, names_of(release).products)


def inject_person_name(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell one occurrence of a person's surname used twice or more ("Ratcliffe" -> "Ratclife").

    A slip that makes another real surname or first name ("Burns" -> "Bruns", "Rosa" -> "Rossa")
    is left out: it is another person's name, which no spelling check can be asked to find.
    """
    return _misspell_from(release, rng, k, names_of(release).persons, real_names=census_names())


_TITLED_SURNAME = re.compile(r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Dr)\.?[ \t]+([A-Z][a-z]{4,})(?![A-Za-z])")


def inject_titled_surname(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell a surname after a title into another real surname ("Ms. Gonzales" -> "Ms. Gonzalez").

    Only where the release also names the person in full ("Maria Gonzales"): the title
    refers back to that person, so a slip there misspells a name even when it makes
    another one, the slip the person-name class leaves out.
    """
    text = release.text
    spans = protected(text)
    avoid = {match.group().lower() for match in WORD.finditer(text)}
    real = census_names()
    spots = [
        match
        for match in _TITLED_SURNAME.finditer(text)
        if not inside(spans, match.start(1), match.end(1))
        and re.search(rf"(?<![A-Za-z.])[A-Z][a-z]+[ \t]+{match.group(1)}(?![A-Za-z])", text)
    ]

    def build(match: re.Match) -> Injection | None:
        names = sorted(
            {
                spelled
                for _operation, spelled in variants(match.group(1), "tdxs", keep_last=False)
                if spelled.lower() in real and spelled.lower() not in avoid
            }
        )
        if not names:
            return None
        return word_edit(text, match.start(1), match.end(1), rng.choice(names), match.group(1))

    return pick(rng, spots, k, build)


_NAME_WORDS = re.compile(r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)+")


def inject_name_real_word(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Turn a word of the issuer's repeated name into another English word ("Orlen Medical Systems" -> "Orlen Medial Systems").

    Only a slip that makes a word of the English lists, and not a plural, a
    possessive or another inflection of it: every dictionary knows it, so
    only the name around it shows the slip. The name must be written twice or
    more, so that one occurrence carries the slip and the rest the name.
    """
    text, lexicon = release.text, get_lexicon()
    head = _NAME_WORDS.match(release.company)
    if head is None:
        return []
    name_words = [word for word in head.group().split(" ") if word.lower() not in _CORPORATE]
    if len(name_words) < 2:
        return []
    name = " ".join(name_words)
    spans = protected(text)
    found = [
        match
        for match in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text)
        if not inside(spans, match.start(), match.end())
    ]
    if len(found) < 2:
        return []
    real = census_names()
    spots = [(match, index) for match in found for index in range(len(name_words))]

    def build(spot: tuple[re.Match, int]) -> Injection | None:
        match, index = spot
        word = name_words[index]
        lower = word.lower()
        made = sorted(
            {
                spelled
                for _operation, spelled in variants(word, "tdxs")
                if spelled.lower() in lexicon.english
                and spelled.lower() not in real
                and not spelled.lower().startswith(lower)
                and not lower.startswith(spelled.lower())
                and len(word) >= 4
            }
        )
        if not made:
            return None
        start = match.start() + len(" ".join(name_words[:index])) + (1 if index else 0)
        return word_edit(text, start, start + len(word), rng.choice(made), word)

    return pick(rng, spots, k, build)


PERSON_NAMES = REPO / "checker" / "data" / "person_names.tsv"


@lru_cache(maxsize=1)
def census_names() -> frozenset[str]:
    """Return the US Census surnames and first names prlint ships (lowercase), or none without the file."""
    if not PERSON_NAMES.is_file():
        return frozenset()
    return frozenset(
        line.strip()
        for line in PERSON_NAMES.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    )


def inject_place_name(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell a city, state or country in the dateline or body ("Massachusetts" -> "Massachusets")."""
    return _misspell_from(release, rng, k, names_of(release).places, "tdxs")


def inject_term(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell one occurrence of a non-dictionary term used twice or more ("Bitcoin" -> "Bitoin")."""
    return _misspell_from(release, rng, k, names_of(release).terms)


def inject_short_name(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Transpose or drop a letter of a 4-6-letter name used three times or more ("Ovid" -> "Oivd", "Zenara" -> "Zenra")."""
    return _misspell_from(release, rng, k, names_of(release).short, "td")


def inject_drug_misspelling(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell one occurrence of a drug name from the UNII list ("semaglutide" -> "semaglutdie")."""
    return _misspell_from(release, rng, k, names_of(release).drugs, "tdxs")


_CALENDAR = {*MONTHS, *(day.lower() for day in WEEKDAYS)}


def inject_english_word(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell one ordinary English word of five letters or more ("development" -> "devlopment", "Wednsday").

    A month or weekday name, where the release has one, is the word one time in four:
    drawn like any other word it would almost never come up among a release's hundreds.
    """
    common = names_of(release).common
    calendar_words = [word for word in common if word.lower() in _CALENDAR]
    made = (
        _misspell_from(release, rng, k, calendar_words)
        if calendar_words and rng.random() < 0.25
        else []
    )
    return made + _misspell_from(
        release, rng, k - len(made), [word for word in common if word not in calendar_words]
    )


#: The inflections writers misspell by a spelling rule: a doubled consonant written once
#: ("occurred" -> "occured"), a silent e kept ("argument" -> "arguement"), "-ically" as "-icly".
_DOUBLED = re.compile(r"(?<=[aeiou])([bdfgklmnprtz])\1(?=(?:ed|ing|ers?)$)")
_ICALLY = re.compile(r"(?<=ic)al(?=ly$)")


def inject_inflection(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Misspell an inflection against its spelling rule: "occurred" -> "occured", "argument" -> "arguement".

    One occurrence of an ordinary word of the release, written the way a stem and a suffix
    would join if English had no spelling rules; the stem must be a common word. Words of
    the same shape that are not inflections count too ("better" -> "beter", "bet" + "er"):
    the slip is as real, and a test that strips suffixes accepts it as surely. A slip that
    makes a word of the lists ("planning" -> "planing", "judgment" -> "judgement") is
    left out: that is the word's other spelling, or another word.
    """
    lexicon = get_lexicon()
    text = release.text

    def build(word: str) -> Injection | None:
        lower = word.lower()
        if len(lower) >= 8 and lower.endswith("ment") and lower[:-4] + "e" in lexicon.common:
            slip = (
                lower[: -len("ment")] + "ement"
            )  # "argu" + "e" is "argue", which ends in a silent e
        elif _ICALLY.search(lower):
            slip = _ICALLY.sub("", lower, count=1)
            if lower[: -len("ally")] not in lexicon.common:
                return None  # "basic" + "ally", not "vertic" + "ally"
        else:
            doubled = _DOUBLED.search(lower)
            if doubled is None or len(lower[: doubled.start()]) < 2:
                return None
            slip = lower[: doubled.start()] + lower[doubled.end() - 1 :]
            if slip[: -len(_suffix_of(slip))] not in lexicon.common:
                return None  # "occur" + "ed"; not "ad" + "ed" ("added") or "of" + "ers" ("offers")
        if slip in lexicon.english:
            return None
        occurrences = occurrences_of(word, text)
        if not occurrences:
            return None
        match = rng.choice(occurrences)
        return word_edit(text, match.start(), match.end(), match_case(slip, word), variant=word)

    candidates = [word for word in names_of(release).common if word.islower()]
    return pick(rng, candidates, k, build)


def _suffix_of(word: str) -> str:
    """Return the inflection ending *word*, of those _DOUBLED knows: "ers", "er", "ing" or "ed"."""
    return next(suffix for suffix in ("ers", "er", "ing", "ed") if word.endswith(suffix))


def match_case(slip: str, word: str) -> str:
    """Return *slip* with the capital of *word*, if it has one."""
    return slip[:1].upper() + slip[1:] if word[:1].isupper() else slip


_SHORT_WORD = re.compile(r"(?<=[a-z,] )(?:the|a|an|to|of|and|in|for|on|with|is|that)(?= [a-z])")


def inject_doubled_word(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Write a short word twice in running text: "to the the market", "in in 2026".

    The slip of an edit that retyped a word at a line or phrase boundary; only between
    lowercase words, so that no title, list or table is touched.
    """
    text = release.text
    spans = protected(text)
    spots = [match for match in _SHORT_WORD.finditer(text) if not inside(spans, *match.span())]

    def build(match: re.Match) -> Injection:
        return word_edit(text, match.start(), match.end(), f"{match.group()} {match.group()}")

    return pick(rng, spots, k, build)


def inject_code_name(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Swap two letters or two digits of a code name used twice or more ("KIO-301" -> "KIO-310", "SGX301" -> "SXG301")."""
    text = release.text
    present = {match.group() for match in re.finditer(r"[A-Za-z0-9-]+", text)}

    def build(code: str) -> Injection | None:
        options = []
        for run in re.finditer(r"\d{2,}|(?<![A-Za-z])[A-Za-z]{2,}", code):
            piece = run.group()
            for i in range(len(piece) - 1):
                if piece[i] != piece[i + 1] and piece[i].isupper() == piece[i + 1].isupper():
                    swapped = (
                        code[: run.start() + i]
                        + piece[i + 1]
                        + piece[i]
                        + code[run.start() + i + 2 :]
                    )
                    if swapped not in present:
                        options.append(swapped)
        occurrences = [
            match
            for match in re.finditer(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)
            if not inside(protected(text), *match.span())
        ]
        if not options or not occurrences:
            return None
        match = rng.choice(occurrences)
        return word_edit(text, match.start(), match.end(), rng.choice(options), variant=code)

    return pick(rng, names_of(release).codes, k, build)


# --------------------------------------------------------------------------- injectors: counts and residue

#: The counts a list can have, and one more (a slip can make "twelve" "thirteen").
NUMBER_WORDS = {
    name: number
    for number, name in enumerate(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"), start=2
    )
} | {"twelve": 12, "thirteen": 13}
_COUNT = (
    r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?<![\d,.$])(?:[2-9]|1[0-2])(?![\d,.]))"
)
_COUNTED_LIST = re.compile(
    rf"\b{_COUNT}\s+(?P<noun>(?:[\w®™’'-]+\s+){{0,3}}?[a-z][\w-]*s)"
    r"(?P<sep>\s*:\s*|\s+[—–]\s+|\s+--?\s+|,\s+namely\s+)(?P<list>[^\n]+)",
    re.I,
)
_APPOSITIVE = re.compile(
    rf",\s+the\s+{_COUNT}\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})\b", re.I
)


def list_items(segment: str) -> int:
    """Count the items of "A, B and C" / "A; B; and C" (parenthetical remarks ignored)."""
    segment = re.sub(r"\([^()]*\)", "", segment).strip().rstrip(".,;")
    separator = ";" if ";" in segment else ","
    items = [item.strip() for item in segment.split(separator) if item.strip()]
    if not items:
        return 0
    last = items[-1]
    if not re.match(r"(?:and|or)\s", last) and re.search(r"\s(?:and|or)\s", last):
        items[-1:] = re.split(r"\s(?:and|or)\s(?!.*\s(?:and|or)\s)", last)
    return len(items)


def _list_end(text: str) -> int:
    """Return where an inline list ends: a sentence end, a closing dash, or the line's end."""
    stop = re.search(r"\.(?=\s+[A-Z])|\.$|\s[—–]\s|\s--\s|\n", text)
    return stop.start() if stop else len(text)


def count_spots(release: Release) -> list[tuple[re.Match, int]]:
    """Return the counts that number a list exactly ("five platforms — A, B, C, D, and E"), with the count."""
    text, spots = release.text, []
    for match in _COUNTED_LIST.finditer(text):
        count = NUMBER_WORDS.get(match.group("count").lower()) or int(match.group("count"))
        rest = match.group("list")
        if not rest.strip():
            continue
        items = list_items(rest[: _list_end(rest)])
        if items == count:
            spots.append((match, count))
    for match in re.finditer(
        rf"\b{_COUNT}\s+(?P<noun>(?:[\w-]+\s+){{0,3}}?[a-z][\w-]*s)\s*:\s*$", text, re.I | re.M
    ):
        count = NUMBER_WORDS.get(match.group("count").lower()) or int(match.group("count"))
        following = text[match.end() :].lstrip("\n").split("\n\n")
        bullets = 0
        for paragraph in following:
            if not _BULLET.match(paragraph):
                break
            bullets += 1
        if bullets == count:
            spots.append((match, count))
    for match in _APPOSITIVE.finditer(text):
        count = NUMBER_WORDS.get(match.group("count").lower()) or int(match.group("count"))
        sentence_start = (
            max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        )
        before = text[sentence_start : match.start()]
        name = r"[A-Z][\w&.’'-]*(?:\s+[A-Z&][\w&.’'-]*)*"  # "Johns Hopkins", "AT&T"
        tail = re.search(rf"(?:{name},\s+)+(?:and\s+)?{name}$", before)
        if tail and list_items(tail.group()) == count:
            spots.append((match, count))
    return [(match, count) for match, count in spots if not inside(protected(text), *match.span())]


def inject_count_mismatch(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Make a count disagree with the list it numbers: "three products: A, B and C" -> "four products: ..."."""
    text = release.text

    def build(spot: tuple[re.Match, int]) -> Injection:
        match, count = spot
        written = match.group("count")
        wrong = count + rng.choice((-1, 1)) if count > 2 else count + 1
        if written.isdigit():
            new = str(wrong)
        else:
            word = next(name for name, number in NUMBER_WORDS.items() if number == wrong)
            new = word.capitalize() if written[0].isupper() else word
        return word_edit(text, match.start("count"), match.end("count"), new)

    return pick(rng, count_spots(release), k, build)


_TEAM_NOTES = (
    "Note to {name} team: quote pending CEO approval",
    "Note to {name} team: numbers to be confirmed by Finance",
    "NOTE TO {name} TEAM: legal to review this paragraph before distribution",
)
_LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
    "dolore magna aliqua."
)


def body_paragraphs(release: Release) -> list[tuple[int, int]]:
    """Return the prose paragraphs between the lead and the legend / About section."""
    text = release.text
    legend = find_legend(text)
    stop = legend.start if legend else len(text)
    about = re.search(r"(?m)^About\b", text)
    if about:
        stop = min(stop, about.start())
    return [(a, b) for a, b in blocks(text)[2:] if b <= stop and len(text[a:b].split()) >= 15]


def _residue_builders(
    release: Release, rng: random.Random
) -> dict[str, Callable[[], Injection | None]]:
    """Return, by variant, a function that injects one kind of review residue into the release."""
    text = release.text
    spans = protected(text)
    paragraphs = body_paragraphs(release)
    all_blocks = blocks(text)
    lead = next(((a, b) for a, b in all_blocks[1:4] if len(text[a:b].split()) >= 25), None)
    prose = ([lead] if lead else []) + paragraphs
    quotes = [(a, b, m) for a, b in prose for m in re.finditer(r"“([^”]{25,}?)([,.]?)”", text[a:b])]
    name = names_of(release).company or (release.company.split()[0] if release.company else "Acme")

    def anchor() -> Injection | None:
        candidates = [
            m
            for a, b in prose
            for m in WORD.finditer(text, a, b)
            if len(m.group()) >= 4 and m.group().islower() and not inside(spans, *m.span())
        ]
        if not candidates:
            return None
        match = rng.choice(candidates)
        initials = "".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(rng.choice((1, 2, 2))))
        tag = f"[{initials}{rng.randint(1, 9)}]"
        return word_edit(text, match.end(), match.end(), tag, "comment-anchor")

    def team_note() -> Injection | None:
        after = quotes[0][:2] if quotes else lead
        if after is None:
            return None
        note = rng.choice(_TEAM_NOTES)
        note = note.format(name=name.upper() if note.isupper() else name)
        return word_edit(text, after[1], after[1], f"\n\n{note}", "team-note")

    def quote() -> Injection | None:
        if not quotes:
            return None
        start, _end, match = rng.choice(quotes)
        placeholder = rng.choice(("[QUOTE]", "INSERT QUOTE", "[INSERT QUOTE]"))
        return word_edit(
            text, start + match.start(1), start + match.end(1), placeholder, "quote-placeholder"
        )

    def pattern(regex: str, replacement: str, variant: str) -> Callable[[], Injection | None]:
        def build() -> Injection | None:
            located = [
                (a + m.start(), a + m.end())
                for a, b in prose
                for m in re.finditer(regex, text[a:b])
                if not inside(spans, a + m.start(), a + m.end())
            ]
            if not located:
                return None
            start, end = rng.choice(located)
            return word_edit(text, start, end, replacement, variant)

        return build

    company = names_of(release).company

    def lorem() -> Injection | None:
        if len(paragraphs) < 2:
            return None
        start, end = rng.choice(paragraphs[1:])
        return word_edit(text, start, end, _LOREM, "lorem-ipsum")

    def headline() -> Injection | None:
        start, end = all_blocks[0]
        first = text[start:end]
        if (
            not 4 <= len(first.split()) <= 40
            or first.count("\n") > 2
            or DATE.search(first)
            or re.match(r"\s*[A-Z][A-Z.' ]{2,},", first)
        ):
            return None  # no headline: the release opens with its dateline
        return word_edit(text, start, end, "Headline", "headline")

    return {
        "comment-anchor": anchor,
        "team-note": team_note,
        "quote-placeholder": quote,
        "company-placeholder": pattern(
            rf"(?<![A-Za-z]){re.escape(company)}(?![A-Za-z])", "[Company]", "company-placeholder"
        )
        if company
        else lambda: None,
        "percent-placeholder": pattern(r"(?<![\w.])\d+(?:\.\d+)?%", "XX%", "percent-placeholder"),
        "amount-placeholder": pattern(
            r"\$\d[\d,]*(?:\.\d+)?(?= (?:million|billion)\b)", "$X", "amount-placeholder"
        ),
        "tbd": pattern(rf"{_MONTH} \d{{1,2}}, (?:19|20)\d\d", "TBD", "tbd"),
        "tk": pattern(r"(?<![\w$.,:/-])\d{1,3}(?:,\d{3})+(?![\w.,%])(?= [a-z])", "TK", "tk"),
        "lorem-ipsum": lorem,
        "headline": headline,
    }


def inject_residue(release: Release, rng: random.Random, k: int) -> list[Injection]:
    """Leave review residue in the release: a Word comment anchor "[JS2]", a note to the team,
    a placeholder ("[QUOTE]", "[Company]", "XX%", "$X million", "TBD", "TK", Lorem ipsum) or "Headline".

    The variant is drawn at random for each copy, so the kinds spread over the releases.
    """
    builders = _residue_builders(release, rng)
    return pick(rng, sorted(builders), k, lambda variant: builders[variant]())


# --------------------------------------------------------------------------- the classes

_LEXICON: list[Lexicon] = []


def get_lexicon() -> Lexicon:
    """Return the word lists, loaded on first use (half a second)."""
    if not _LEXICON:
        _LEXICON.append(Lexicon())
    return _LEXICON[0]


def _classes() -> list[DefectClass]:
    """Return every defect class, in the order of the report."""

    def make(
        name: str,
        categories: str,
        inject: Callable[[Release, random.Random, int], list[Injection]],
        kinds: bool = False,
    ) -> DefectClass:
        summary = (inject.__doc__ or "").strip().split("\n")[0]
        return DefectClass(name, frozenset(categories.split(",")), inject, summary, kinds)

    return [
        make("ticker-markup", "ticker,markup", inject_ticker_markup),
        make("legend-removed", "safe-harbor", inject_legend_removed),
        make("filing-ref-removed", "sec-filing,safe-harbor", inject_filing_ref_removed),
        make("filing-stale", "sec-filing", inject_filing_stale),
        make("wrong-weekday", "date", inject_wrong_weekday),
        make("impossible-date", "date", inject_impossible_date),
        make("drug-misspelling", "spelling", inject_drug_misspelling),
        make("company-name", "spelling", inject_company_name),
        make("product-name", "spelling", inject_product_name),
        make("person-name", "spelling", inject_person_name),
        make("titled-surname", "spelling", inject_titled_surname),
        make("name-real-word", "spelling", inject_name_real_word),
        make("place-name", "spelling", inject_place_name),
        make("term", "spelling", inject_term),
        make("short-name", "spelling", inject_short_name),
        make("code-name", "spelling", inject_code_name),
        make("english-word", "spelling", inject_english_word),
        make("inflection", "spelling", inject_inflection),
        make("doubled-word", "style", inject_doubled_word),
        make("ticker-symbol-mismatch", "ticker", inject_symbol_mismatch),
        make("exchange-retired", "ticker", inject_exchange_retired, kinds=True),
        make("exchange-malformed", "ticker", inject_exchange_malformed),
        make("hollow-legend", "safe-harbor", inject_hollow_legend),
        make("fls-no-legend", "safe-harbor", inject_fls_no_legend),
        make("count-mismatch", "count", inject_count_mismatch),
        make("future-period", "date", inject_future_period),
        make("plan-past", "date", inject_plan_past),
        make("claim-unhedged", "claim", inject_claim_unhedged),
        make("residue", "markup,style,residue", inject_residue, kinds=True),
    ]


CLASSES = {klass.name: klass for klass in _classes()}


def make_copies(
    releases: Sequence[Release], classes: Sequence[DefectClass], seed: int, per_release: int
) -> list[Copy]:
    """Inject each class into each release that offers a spot, up to *per_release* copies each.

    Each (class, release) pair has its own random generator, seeded from the seed and
    both names, so a class's copies do not change when other classes are left out.
    """
    copies = []
    for klass in classes:
        for release in releases:
            rng = random.Random(f"{seed}/{klass.name}/{release.name}")
            for index, injection in enumerate(klass.inject(release, rng, per_release), start=1):
                text, lines = apply(release.text, injection.edits)
                if text != release.text:
                    copies.append(Copy(release, klass.name, index, injection, text, lines))
    return copies


def copy_name(copy: Copy) -> str:
    """Return the copy's file name: the release's stem, the class and the copy's number."""
    return f"{copy.release.stem}__{copy.klass}-{copy.index}.txt"


# --------------------------------------------------------------------------- the report


@dataclass
class Result:
    """Per-class figures: releases the class applied to, copies made and caught."""

    name: str
    summary: str
    kinds: bool = False
    releases: int = 0
    copies: list[Copy] = field(default_factory=list)

    @property
    def caught(self) -> int:
        return sum(copy.caught for copy in self.copies)

    @property
    def recall(self) -> float | None:
        return self.caught / len(self.copies) if self.copies else None


def false_findings(
    releases: Sequence[Release],
    findings: dict[str, list[dict]],
    judged: dict[tuple[str, int, str], str],
) -> dict:
    """Match the originals' errors and warnings against the judgements: TRUE, FALSE, or not judged yet."""
    verdicts: Counter = Counter()
    unjudged: dict[str, list[str]] = defaultdict(list)
    for release in releases:
        for finding in findings[release.name]:
            if finding["severity"] not in REPORTED:
                continue
            verdict = judged.get((release.basename, int(finding["line"]), finding["rule"]))
            verdicts[verdict or "unjudged"] += 1
            if verdict is None:
                unjudged[finding["rule"]].append(
                    f"{release.name}:{finding['line']}: {finding['message']}"
                )
    total = sum(verdicts.values())
    return {
        "releases": len(releases),
        "reported": total,
        "false": verdicts["FALSE"],
        "true": verdicts["TRUE"],
        "unjudged": verdicts["unjudged"],
        "false_per_release": verdicts["FALSE"] / len(releases) if releases else 0.0,
        "unjudged_by_rule": dict(sorted(unjudged.items())),
    }


def print_report(
    results: Sequence[Result], falses: dict, args: argparse.Namespace, elapsed: float
) -> None:
    """Print the Markdown table, the false-finding figures and what the developer asked to see."""
    print(
        f"## prlint recall on injected defects (seed {args.seed}, up to {args.per_release} per release per class)\n"
    )
    print("| class | releases | copies | caught | recall |")
    print("|---|---:|---:|---:|---:|")
    for result in results:
        shown = f"{result.recall:.0%}" if result.recall is not None else "n/a"
        print(
            f"| {result.name} | {result.releases} | {len(result.copies)} | {result.caught} | {shown} |"
        )
    copies = sum(len(result.copies) for result in results)
    caught = sum(result.caught for result in results)
    print(
        f"| **all** | | {copies} | {caught} | {caught / copies:.0%} |"
        if copies
        else "| **all** | | 0 | 0 | n/a |"
    )
    _print_kinds(results)
    print(f"\n## False findings on the {falses['releases']} clean originals\n")
    print(
        f"errors and warnings: {falses['reported']}; judged FALSE: {falses['false']}; judged TRUE: {falses['true']}; "
        f"not judged yet: {falses['unjudged']}"
    )
    print(
        f"false per release: {falses['false_per_release']:.2f} ({falses['false']} / {falses['releases']})"
    )
    if falses["unjudged_by_rule"]:
        print("\nNot judged yet (judge them and add them to bench/judged-findings.tsv):")
        for rule, items in falses["unjudged_by_rule"].items():
            print(f"- {rule} ({len(items)})")
            for item in items:
                print(f"    {item}")
    for result in results:
        _print_examples(result, args)
    print(
        f"\n({copies} copies of {len({c.release.name for r in results for c in r.copies})} releases linted; "
        f"{elapsed:.0f} s)",
        file=sys.stderr,
    )


def _print_kinds(results: Sequence[Result]) -> None:
    """Print, for the classes whose copies come in kinds, the copies and catches of each kind."""
    rows = []
    for result in results:
        if result.kinds:
            tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for copy in result.copies:
                tally[copy.injection.variant][0] += 1
                tally[copy.injection.variant][1] += copy.caught
            rows += [(result.name, kind, *tally[kind]) for kind in sorted(tally)]
    if rows:
        print("\n| class | kind | copies | caught |")
        print("|---|---|---:|---:|")
        for name, kind, made, caught in rows:
            print(f"| {name} | {kind} | {made} | {caught} |")


def _print_examples(result: Result, args: argparse.Namespace) -> None:
    """Print up to --show-misses missed copies and up to --show-diffs diffs of the class."""
    misses = [copy for copy in result.copies if not copy.caught][: args.show_misses]
    if misses:
        print(
            f"\n### {result.name}: missed ({len(misses)} of {len(result.copies) - result.caught} shown)"
        )
        for copy in misses:
            where = "any line" if copy.injection.any_line else f"line {_span(copy.lines)}"
            print(
                f"- {copy.release.name} ({where}){' [' + copy.injection.variant + ']' if copy.injection.variant else ''}"
            )
            print(f"    before: {copy.injection.before}")
            print(f"    after:  {copy.injection.after}")
    for copy in result.copies[: args.show_diffs]:
        print(
            f"\n### {result.name}: diff of {copy.path.name if copy.path else copy.release.name}"
            f" ({'caught by ' + copy.finding['rule'] if copy.finding else 'missed'})"
        )
        for line in diff_lines(copy.release.text, copy.text)[:12]:
            print(f"    {line}")


def diff_lines(original: str, copy: str, width: int = 200) -> list[str]:
    """Return a unified diff without context, each changed line cut to the window around the change.

    Release paragraphs are single lines of a thousand characters: the window starts a
    little before the first character that differs, so the change itself is shown.
    """
    out: list[str] = []
    old, new = original.split("\n"), copy.split("\n")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        column = 0
        if removed and added:
            column = len(os.path.commonprefix([removed[0], added[0]]))
        start = max(0, column - 60)
        out.append(f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@")
        out += [f"-{'…' if start else ''}{line[start : start + width]}" for line in removed]
        out += [f"+{'…' if start else ''}{line[start : start + width]}" for line in added]
    return out


def _span(lines: frozenset[int]) -> str:
    """Write a set of lines as "12" or "12-15"."""
    return str(min(lines)) if len(lines) == 1 else f"{min(lines)}-{max(lines)}"


def json_report(results: Sequence[Result], falses: dict, args: argparse.Namespace) -> dict:
    """Return the figures, and every copy's outcome, for machines."""
    return {
        "seed": args.seed,
        "per_release": args.per_release,
        "classes": [
            {
                "class": result.name,
                "summary": result.summary,
                "releases": result.releases,
                "copies": len(result.copies),
                "caught": result.caught,
                "recall": result.recall,
                "outcomes": [
                    {
                        "release": copy.release.name,
                        "copy": copy.path.name if copy.path else None,
                        "lines": None if copy.injection.any_line else sorted(copy.lines),
                        "variant": copy.injection.variant,
                        "before": copy.injection.before,
                        "after": copy.injection.after,
                        "caught": copy.caught,
                        "rule": copy.finding["rule"] if copy.finding else None,
                    }
                    for copy in result.copies
                ],
            }
            for result in results
        ],
        "originals": falses,
    }


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--prlint",
        help="prlint command (default: the prlint beside this Python, else prlint on PATH, "
        "else python -m checker)",
    )
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default ../shared)"
    )
    parser.add_argument(
        "--judged",
        type=Path,
        default=DEFAULT_JUDGED,
        help="judged findings (default bench/judged-findings.tsv)",
    )
    parser.add_argument("--classes", help=f"comma-separated subset of: {', '.join(CLASSES)}")
    parser.add_argument(
        "--per-release",
        type=int,
        default=1,
        help="max copies per release per class (default 1; 2 doubles the copies and the time)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=20240505,
        help="random seed (default fixed: runs are reproducible)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="prlint --jobs (default 2)")
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="print up to N missed copies per class",
    )
    parser.add_argument(
        "--show-diffs",
        type=int,
        default=0,
        metavar="N",
        help="print the diffs of up to N copies per class",
    )
    parser.add_argument("--keep", type=Path, help="write the copies to this folder and keep them")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    if args.classes:
        unknown = sorted(set(args.classes.split(",")) - set(CLASSES))
        if unknown:
            parser.error(f"unknown classes: {', '.join(unknown)}")
    return args


def run(args: argparse.Namespace) -> int:
    """Lint the originals and the copies, score each copy, print the report."""
    started = time.perf_counter()
    releases = load_releases(args.shared)
    judged = load_judgements(args.judged)
    classes = (
        [CLASSES[name] for name in args.classes.split(",")]
        if args.classes
        else list(CLASSES.values())
    )
    command = prlint_command(args.prlint)
    get_lexicon()
    copies = make_copies(releases, classes, args.seed, args.per_release)
    # In memory where the system has it: writing and removing 1,500 copies costs seconds on a disk.
    memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    work = args.keep or Path(tempfile.mkdtemp(prefix="prlint-recall-", dir=memory))
    try:
        originals_dir, copies_dir = work / "originals", work / "copies"
        originals_dir.mkdir(parents=True, exist_ok=True)
        copies_dir.mkdir(parents=True, exist_ok=True)
        # An empty [prlint] section: originals and copies are linted with the same, default settings.
        (work / "prlint.cfg").write_text("[prlint]\n", "utf-8")
        originals = {}
        for release in releases:
            path = originals_dir / release.basename
            path.write_text(release.text, "utf-8")
            originals[release.name] = path
        for copy in copies:
            copy.path = copies_dir / copy_name(copy)
            copy.path.write_text(copy.text, "utf-8")
        linted = lint(
            command,
            [*originals.values(), *(copies_dir / copy_name(copy) for copy in copies)],
            args.jobs,
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    found = {name: linted[path.resolve()] for name, path in originals.items()}
    keys = {name: {finding_key(finding) for finding in found[name]} for name in found}
    results = {klass.name: Result(klass.name, klass.summary, klass.kinds) for klass in classes}
    for copy in copies:
        klass = CLASSES[copy.klass]
        copy.finding = catching_finding(
            copy,
            linted[(copies_dir / copy_name(copy)).resolve()],
            keys[copy.release.name],
            klass.categories,
        )
        copy.caught = copy.finding is not None
        results[copy.klass].copies.append(copy)
    for result in results.values():
        result.releases = len({copy.release.name for copy in result.copies})
    falses = false_findings(releases, found, judged)
    if args.json:
        print(
            json.dumps(
                json_report(list(results.values()), falses, args), indent=2, ensure_ascii=False
            )
        )
    else:
        print_report(list(results.values()), falses, args, time.perf_counter() - started)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 2 with one line when an input or prlint is missing."""
    try:
        return run(parse_args(argv))
    except Unavailable as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
