"""``count``: a stated number must agree with what the release enumerates.

Parameters for ``measure: "list"`` (the default): ``numbers`` (number words
and their values, e.g. ``{"ten": 10}``; numerals are always understood),
``nouns`` (a pattern for countable nouns: "institutions", "sites"),
``groups`` (a pattern for nouns after "N-member": "group", "consortium"),
``complete`` (a pattern for words that introduce a full list: "includes",
"are", ":"), ``partial`` (words that introduce a partial one: "including",
"such as"; only more items than stated is then a mismatch),
``max_item_words``, ``names_only`` (default true: every item must start
with a capital or a digit, as names do, or the list is not counted),
``not_after`` (words after which a number is a label, not a count: "Phase 3
trials") and ``not_items`` (a pattern for items that show the commas belong to
addresses, "Rockville, Maryland", so the list cannot be counted), ``marked`` (marks
after which any plural noun opens a list: a colon, a spaced dash, "five software
platforms — iOS, ..."), ``max_described_words`` (after such a mark, items that open with
"a"/"an" may be this long) and ``lead_words`` (words that open a clause, not a name).
Besides a list after the count, the list may be bullets or numbers in the paragraphs
after "the following three improvements:", be set off by commas right after it
("three Phase 3 trials, REACH-1 and REACH-2, in which"), or come before the count in
an appositive ("Alpha, Beta and Gamma, the three founding members"); "two of the following:" needs
at least two items. A count in the headline with no list of its own is
checked against a body list with the same number ("Ten Institutions" in the
headline, "This ten-member group includes" eleven names in the body). A
headline's count of people ("Three New Members") is read against the body's
appointment sentence with ``people``, ``appointed``, ``credentials`` and
``titles`` (see :mod:`checker.kinds.count.appointed`).

``measure: "percent"`` (see :mod:`checker.kinds.shares`) checks that
percentages presented as shares of one whole add up to at most 100%.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.document.model import Document
from checker.document.parts import HEADLINE, SUBHEADLINE
from checker.kinds.base import Context
from checker.kinds.count import shares
from checker.kinds.count.appointed import Appointed, appointees, compile_appointed
from checker.matching import engine, pattern_cache
from checker.matching.patterns import PATTERN_TIMEOUT, compile_pattern
from checker.model import Hit, Scope

if TYPE_CHECKING:
    import regex

_CONJUNCTION = pattern_cache.compile(r"(?:^|\s)(?:and|or|as\s+well\s+as|&)\s+", engine.IGNORECASE)
# Names start with a capital or a digit, or are camel-cased ("iOS", "macOS", "eBay").
_NAME_START = pattern_cache.compile(r"(?:the\s+)?(?:[\p{Lu}\d]|\p{Ll}{1,6}\p{Lu})")
# Inside a name, lower-case words are only these links ("University of Florida").
_NAME_LINKS = frozenset(
    ["of", "the", "and", "for", "de", "du", "la", "von", "van", "&", "at", "in"]
)
# Items told with an article ("a Phase II trial in ..., and a Phase I trial in ...")
# after a colon or dash: each is one thing however long its description.
_ARTICLE_START = pattern_cache.compile(r"(?:a|an)\s+\S")
_ITEM_SEPARATOR = pattern_cache.compile(r"[,;]\s*")
# After a colon, items that are plain lowercase phrases of a few words are things too:
# "two cohorts: previously untreated patients, patients who progressed on chemotherapy and ...".
_LOWERCASE_PHRASE = pattern_cache.compile(r"\p{Ll}[\p{Ll}'’-]*(?:\s+\p{Ll}[\p{Ll}'’-]*){0,5}")
# A spaced dash before a lower-case word closes an aside list ("five platforms —
# iOS, ..., and tvOS — provide"); before a capital it is inside a name
# ("University of Colorado – Denver").
_LIST_CLOSE = pattern_cache.compile(r"\s(?:[—–-]|--)\s+(?=\p{Ll})")
# "2 complete responses and 3 partial responses": a breakdown of the count, not a list.
_QUANTITY = pattern_cache.compile(
    r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten)\s+\p{L}", engine.IGNORECASE
)
# "10 mg", "0.3 mg/kg", "100 µg": an amount of a drug, one item of a list of doses.
_DOSE = pattern_cache.compile(
    r"\d+(?:\.\d+)?\s?(?:mg|mcg|µg|μg|ng|g|mL|IU|units?)(?:/(?:kg|m2|m²|mL|day|dose))?(?![\w/])"
)
# A list marker at a line's start: a bullet, "1." / "(1)" / "1)", "a." / "(a)".
_BULLET = pattern_cache.compile(
    r"[ \t]*(?:(?P<bullet>[*•●▪·‣◦–-])|\(?(?P<number>\d{1,2})[.)]|\(?(?P<letter>[a-z])[.)])[ \t]+\S"
)
# "the following" before a count says the whole list comes next.
_FOLLOWING = pattern_cache.compile(r"(?i)\bfollowing\s+\Z")
_SEMICOLON = pattern_cache.compile(r"\s*;\s*")
_LEADING_CONJUNCTION = pattern_cache.compile(r"(?i)\A(?:and|or|as\s+well\s+as|&)\s+")
#: What closes a list read back from a count: ", the" ("Alpha, Beta and Gamma, the three members").
_APPOSITIVE_TAIL = pattern_cache.compile(r",\s+(?:the|its|our|their|all)\s+\Z")
_DIGIT = pattern_cache.compile(r"\d")
# A name in a list set off by commas after its count: capitalised words or codes, with a
# few lower-case links ("University of Florida", "REACH-1", "the Harmon Clinic").
_LISTED_NAME = (
    r"(?:the\s+)?[\p{Lu}\d][\w.’'&-]*"
    r"(?:\s+(?:(?:of|the|for|de|du|la|von|van|at|in)\s+)?[\p{Lu}\d][\w.’'&-]*){0,4}"
)
# "three Phase 3 trials, REACH-1 and REACH-2, in which": the names between the count's
# comma and the next comma or the sentence's end, closed by "and" or "or".
_COMMA_LIST = pattern_cache.compile(
    rf",\s+(?P<list>{_LISTED_NAME}(?:,\s+{_LISTED_NAME})*,?\s+(?:and|or)\s+{_LISTED_NAME})"
    r"(?=\s*(?:[,;)]|\.(?:\s|\Z))|\s*\Z)"
)
_LETTER = pattern_cache.compile(r"\p{L}")


class Counted(NamedTuple):
    """A stated count, and the list that follows it (if one could be read)."""

    start: int
    end: int
    phrase: str
    stated: int
    items: tuple[str, ...] | None
    partial: bool
    headline: bool
    at_least: bool = False


class ListCount(NamedTuple):
    """A compiled ``count`` check for stated counts and their lists."""

    stated: regex.Pattern
    lead_in: regex.Pattern
    numbers: dict[str, int]
    max_item_words: int
    max_described_words: int
    names_only: bool
    not_items: regex.Pattern | None
    lead_words: regex.Pattern | None
    appointed: Appointed | None


#: A trial's phase between a count and its noun: "three Phase 3 trials", "two Phase 1/2 studies".
_PHASE = r"phase\s+(?:[1-4]|I{1,3}|IV)[a-c]?(?:/(?:[1-4]|I{1,3}|IV)[a-c]?)?"
#: How many words may stand between a count and the word or mark that opens its list:
#: "two new hospital systems to its commercial network during the quarter: ...".
_REACH = 8


def compile(params: dict[str, Any], where: str) -> ListCount | shares.Shares:
    """Compile a ``count`` check's parameters."""
    if params["measure"] == "percent":
        return shares.compile(params, where)
    numbers = {word.casefold(): value for word, value in params["numbers"].items()}
    number = (
        r"(?:\d{1,3}|"
        + "|".join(engine.escape(word) for word in sorted(numbers, key=len, reverse=True))
        + ")"
    )
    not_after = params["not_after"]
    labelled = rf"(?<!\b(?:{not_after})\s+)" if not_after else ""
    marked = params["marked"]
    stated = (
        _number_first(number) + rf"(?<![\w$.,%/-]){labelled}(?:"
        # "two of the following:": a choice from the list, which must be at least as long
        rf"(?P<choose>{number})\s+of\s+the\s+following\b(?:\s+(?!\d)[\w'’-]+){{0,3}}?(?=\s*:)"
        rf"|(?:(?P<part>{number})\s+of\s+(?:the|its|our|these|those|their)\s+)?"
        rf"(?P<number>{number})(?:[- ]member\s+(?:[\w'’-]+\s+)?(?:{params['groups']})"
        rf"|\s+(?:(?!of\b|and\b|or\b)[A-Za-z'’-]+\s+|{_PHASE}\s+){{0,2}}?(?:{params['nouns']})"
        # any plural noun when a colon or a dash opens the list ("five software platforms —"),
        # maybe a few words on ("two new hospital systems to its network this quarter:")
        rf"|\s+(?:(?!of\b|and\b|or\b)[A-Za-z'’-]+\s+){{0,3}}?[A-Za-z'’-]{{2,}}s"
        rf"(?=(?:\s+(?!and\b|or\b|but\b|(?:{number})\b)[a-z'’-]+){{0,{_REACH}}}\s*(?:{marked}))"
        r")\b)"
    )
    lead_in = (
        rf"\A(?:\s+(?!(?:and|or|but)\b)[\w'’.-]+){{0,{_REACH}}}?\s*"
        rf"(?:(?P<complete>{params['complete']})|(?P<partial>{params['partial']}))\s*:?\s*"
        r"(?:the\s+following\s*:?\s*)?"
    )
    return ListCount(
        stated=compile_pattern(stated, f"{where}.nouns", ignore_case=True),
        lead_in=compile_pattern(lead_in, f"{where}.complete", ignore_case=True),
        numbers=numbers,
        max_item_words=params["max_item_words"],
        max_described_words=params["max_described_words"],
        names_only=params["names_only"],
        not_items=compile_pattern(params["not_items"], f"{where}.not_items")
        if "not_items" in params
        else None,
        lead_words=compile_pattern(params["lead_words"], f"{where}.lead_words")
        if "lead_words" in params
        else None,
        appointed=_compile_appointed(params, where),
    )


def _compile_appointed(params: dict[str, Any], where: str) -> Appointed | None:
    """Compile the patterns that read a headline's count of people from the body, if given."""
    if "people" not in params:
        return None
    return compile_appointed(
        params["people"], params["appointed"], params["credentials"], params["titles"], where
    )


def _number_first(number: str) -> str:
    """Return the guard that starts the stated-count pattern: a word that begins with a number.

    The pattern otherwise opens with look-behinds (one of them the long
    ``not_after`` list), which the ``regex`` engine would try at every
    position of every sentence: that scan was most of the rule's cost. Every
    match starts at a word boundary with a number (the first look-behind
    rules out a word character before it), so testing both first changes no
    match and rejects almost every position at once (3.5 to 1.0 ms per
    release on the real-world corpus).
    """
    return rf"\b(?={number})"


def find(
    check: ListCount | shares.Shares, document: Document, scope: Scope, context: Context
) -> Iterator[Hit]:
    """Yield a hit for each stated count its list contradicts."""
    if isinstance(check, shares.Shares):
        yield from shares.find(check, document, scope, context)
        return
    counts = list(_stated_counts(check, document, scope))
    for count in counts:
        if count.items is not None and _disagrees(count):
            yield _hit(count, count, document)
    for count in counts:
        if count.headline and count.items is None:
            listed = _body_list_for(count, counts) or _appointees_beyond(check, document, count)
            if listed is not None:
                yield _hit(count, listed, document)


def _appointees_beyond(check: ListCount, document: Document, headline: Counted) -> Counted | None:
    """Return the body's appointment list when it names more people than the headline counts.

    "Three New Members" over "the appointment of Jane Roe, John Doe, Mary
    Major and Sam Poe": see :mod:`checker.kinds.count.appointed`.
    """
    if check.appointed is None:
        return None
    found = appointees(check.appointed, document, headline.phrase)
    if found is None or len(found[1]) <= headline.stated:
        return None
    at, names = found
    return Counted(at, at, "", headline.stated, names, True, False)


def _body_list_for(headline: Counted, counts: list[Counted]) -> Counted | None:
    """Return the first body list with the headline's number that contradicts it.

    Headlines state a count and leave the list to the body, often under
    another noun ("Ten Institutions", "a ten-member group includes"), so the
    number is what links them.
    """
    for other in counts:
        if not other.headline and other.items is not None and other.stated == headline.stated:
            if _disagrees(other):
                return other
    return None


def _stated_counts(check: ListCount, document: Document, scope: Scope) -> Iterator[Counted]:
    """Yield every stated count in scope with the list that goes with it."""
    text = document.text
    for start, end in document.sentences:
        for match in check.stated.finditer(text, start, end, timeout=PATTERN_TIMEOUT):
            if not document.in_scope(match.start(), scope):
                continue
            said = match.group("choose") or match.group("part") or match.group("number")
            value = _value(said, check.numbers)
            if value is None or value < 2:
                continue
            items, partial = _read_list(check, text[match.end() : end])
            if items is None:
                items = _comma_list(check, text, match.end(), end)
            if items is None and _opens_bullets(text, match.end(), end):
                items = _bullets(document, end)
                partial = partial and not _FOLLOWING.search(text, start, match.start())
            if items is None and match.group("number"):
                items = _appositive(check, text, start, match.start())
                partial = False
            headline = document.part_at(match.start()) in (HEADLINE, SUBHEADLINE)
            yield Counted(
                match.start(),
                match.end(),
                match.group(),
                value,
                items,
                partial,
                headline,
                at_least=match.group("choose") is not None,
            )


def _comma_list(check: ListCount, text: str, after: int, end: int) -> tuple[str, ...] | None:
    """Return the names a comma sets off right after a count, or None.

    "three Phase 3 trials, REACH-1 and REACH-2, in which": the list must
    be names only, closed by "and" or "or", and end where the sentence or
    the aside does, so that a clause after the comma ("two trials, Pfizer
    and Merck lead") is not read as one.
    """
    found = _COMMA_LIST.match(text, after, end, timeout=PATTERN_TIMEOUT)
    if found is None:
        return None
    items: list[str] = []
    for chunk in _ITEM_SEPARATOR.split(found.group("list").rstrip(".")):
        items.extend(part.strip() for part in _CONJUNCTION.split(chunk, maxsplit=1) if part.strip())
    return _checked(check, items, False)


def _opens_bullets(text: str, after: int, end: int) -> bool:
    """Tell whether the sentence ends right after the count with a colon ("the following three:")."""
    rest = text[after:end].rstrip()
    return rest.endswith(":") and len(rest.split()) <= 6


def _bullets(document: Document, sentence_end: int) -> tuple[str, ...] | None:
    """Return the items of the bulleted or numbered list after a sentence, or None.

    Each paragraph after the sentence that opens with the list's marker is
    one item (lines inside it that open with the same marker are items too;
    other lines continue an item); the list ends at the first paragraph
    without a marker. A different marker inside is a sub-list and is not
    counted.
    """
    text = document.text
    items: list[str] = []
    style = None
    for start, end in document.paragraphs:
        if end <= sentence_end:
            continue
        if start < sentence_end:
            if text[sentence_end:end].strip():
                return None  # the list goes on in the same paragraph: not a bulleted one
            continue
        lines = text[start:end].splitlines()
        first = _BULLET.match(lines[0]) if lines else None
        if first is None or (style is not None and first.lastgroup != style):
            break
        style = first.lastgroup
        for line in lines:
            marker = _BULLET.match(line)
            if marker is not None and marker.lastgroup == style:
                items.append(line[marker.end() - 1 :].strip())
    return tuple(items) if len(items) >= 1 else None


def _appositive(
    check: ListCount, text: str, sentence_start: int, at: int
) -> tuple[str, ...] | None:
    """Read the list that a count names after it: "Alpha, Beta and Gamma, the three members".

    Read back from ", the" to the first chunk that is not a name (the noun
    the list explains, "its partners"); the chunk next to the count must
    close the list with "and" or "or".
    """
    before = text[sentence_start:at]
    tail = _APPOSITIVE_TAIL.search(before, timeout=PATTERN_TIMEOUT)
    if tail is None:
        return None
    chunks = _ITEM_SEPARATOR.split(before[: tail.start()])
    last = _CONJUNCTION.split(chunks.pop(), maxsplit=1)
    if len(last) != 2:
        return None
    items = [part.strip() for part in reversed(last) if part.strip()]
    for chunk in reversed(chunks):
        if not _names_a_thing(check, chunk.strip()):
            break
        items.append(chunk.strip())
    for item in items:
        if not _names_a_thing(check, item):
            return None
    return tuple(reversed(items)) if len(items) >= 2 else None


def _names_a_thing(check: ListCount, item: str) -> bool:
    """Tell whether a chunk read back from an appositive count is a name, not a clause."""
    if not item or len(item.split()) > check.max_item_words or _DIGIT.search(item):
        return False
    if check.lead_words is not None and check.lead_words.match(item, timeout=PATTERN_TIMEOUT):
        return False
    words = [word for word in item.split() if _LETTER.search(word)]
    return bool(_NAME_START.match(item)) and all(
        word in _NAME_LINKS or _NAME_START.match(word) for word in words
    )


def _value(said: str, numbers: dict[str, int]) -> int | None:
    """Return the value of a numeral or number word."""
    return int(said) if said.isdigit() else numbers.get(said.casefold())


def _read_list(check: ListCount, rest: str) -> tuple[tuple[str, ...] | None, bool]:
    """Read the enumeration after a stated count, if a list word introduces one.

    Returns None when there is no list or it cannot be counted with
    confidence (an item too long to be a name, commas from addresses, no
    final "and" to close it): an uncertain count would be a false alarm.
    A list whose items hold commas of their own is split at its semicolons
    ("Vycor Medical, which ...; and NovaVision, which ..."), each item
    named by the words before its first comma.
    """
    lead = check.lead_in.match(rest, timeout=PATTERN_TIMEOUT)
    if lead is None:
        return None, False
    partial = lead.group("partial") is not None
    marked = lead.group("complete") is not None and lead.group("complete").strip() in ":—–"
    body = _LIST_CLOSE.split(rest[lead.end() :], maxsplit=1)[0].strip().rstrip(".;:")
    if _SEMICOLON.search(body, timeout=PATTERN_TIMEOUT) and not partial:
        return _semicolon_list(check, body), partial
    items: list[str] = []
    for chunk in _ITEM_SEPARATOR.split(body):
        parts = _CONJUNCTION.split(chunk, maxsplit=1)
        items.extend(part.strip() for part in parts if part.strip())
        if len(parts) > 1:
            return _checked(check, items, marked), partial
    return None, partial


def _semicolon_list(check: ListCount, body: str) -> tuple[str, ...] | None:
    """Return the heads of a semicolon list closed by "and"/"or", or None."""
    chunks = [chunk for chunk in _SEMICOLON.split(body) if chunk.strip()]
    if len(chunks) < 2 or not _LEADING_CONJUNCTION.match(chunks[-1]):
        return None
    heads = [_LEADING_CONJUNCTION.sub("", chunk).split(",")[0].strip() for chunk in chunks]
    return _checked(check, heads, False)


def _checked(check: ListCount, items: list[str], marked: bool) -> tuple[str, ...] | None:
    """Return the items if they look like a list of names, else None.

    After a colon or a dash, items that each open with an article ("a Phase
    II trial in ..., and a Phase I trial in ...") count too, with room for
    a longer description. Amounts with a unit of dose ("two doses: 10 mg,
    20 mg and 40 mg") are items, where amounts of things are a breakdown.
    """
    if len(items) < 2 or all(_QUANTITY.match(item) and not _DOSE.match(item) for item in items):
        return None
    described = marked and (
        all(_ARTICLE_START.match(item) for item in items)
        or all(_LOWERCASE_PHRASE.fullmatch(item) for item in items)
    )
    longest = check.max_described_words if described else check.max_item_words
    for item in items:
        if len(item.split()) > longest:
            return None
        if check.names_only and not described and not _NAME_START.match(item):
            return None
    if _addresses(check, items):
        return None
    return tuple(items)


def _addresses(check: ListCount, items: list[str]) -> bool:
    """Tell whether commas in the list belong to addresses or titles ("Rockville, Maryland").

    A place or suffix right after a name ("Rockville", "Maryland"; "Acme",
    "Inc.") shows it; a list made only of places ("the U.S., Australia,
    Japan") is a list of places.
    """
    if check.not_items is None:
        return False
    placed = [bool(check.not_items.fullmatch(item, timeout=PATTERN_TIMEOUT)) for item in items]
    return any(placed[i] and not placed[i - 1] for i in range(1, len(placed)))


def _disagrees(count: Counted) -> bool:
    """Tell whether the list contradicts the stated number."""
    counted = len(count.items or ())
    if count.at_least:
        return counted < count.stated
    return counted > count.stated if count.partial else counted != count.stated


def _hit(count: Counted, listed: Counted, document: Document) -> Hit:
    """Build the hit for a stated count and the list that contradicts it."""
    items = listed.items or ()
    where = ""
    if listed is not count:
        where = f" at line {document.position(listed.start)[0]}"
    fields = {
        "phrase": count.phrase,
        "stated": str(count.stated),
        "counted": str(len(items)),
        "where": where,
        "items": "; ".join(item.rstrip(";,. ") for item in items),  # bullets keep their own ";"
    }
    return Hit(count.start, count.end, fields)


#: The message fields this kind's hits carry (besides the named groups of its patterns).
FIELDS = frozenset({"counted", "items", "phrase", "stated", "total", "values", "where"})

#: Rules of this kind run with the others, not after them.
RUNS_LAST = False

#: The JSON Schema of this kind's ``check`` object, beside the code that reads it;
#: the pack loader puts it into the rule-pack schema (see :func:`checker.kinds.schema`).
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["kind"],
    "description": "A stated number must agree with the list that follows it (measure list), or shares of a whole must not add up to over 100% (measure percent).",
    "properties": {
        "kind": True,
        "measure": {
            "enum": ["list", "percent"],
            "description": "What is counted; default list.",
            "default": "list",
        },
        "numbers": {
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": 0},
            "description": "Number words and their values.",
            "default": {},
        },
        "nouns": {
            "$ref": "#/$defs/pattern",
            "description": "Countable nouns after a number (list).",
        },
        "groups": {"$ref": "#/$defs/pattern", "description": "Nouns after 'N-member' (list)."},
        "complete": {
            "$ref": "#/$defs/pattern",
            "description": "Words that introduce a full list (list).",
        },
        "partial": {
            "$ref": "#/$defs/pattern",
            "description": "Words that introduce a partial list (list).",
        },
        "max_item_words": {"type": "integer", "minimum": 1, "default": 8},
        "max_described_words": {
            "type": "integer",
            "minimum": 1,
            "description": "Longest item that opens with an article after a colon or dash (list).",
            "default": 16,
        },
        "marked": {
            "$ref": "#/$defs/pattern",
            "description": "Marks that open a list after any plural noun: a colon, a dash (list).",
            "default": ":|\\s[—–]\\s|\\s--\\s",
        },
        "lead_words": {
            "$ref": "#/$defs/pattern",
            "description": "Words that open a clause, not a name, when a list is read back from 'the N members' (list).",
        },
        "names_only": {
            "type": "boolean",
            "description": "Every item must start with a capital or digit (list).",
            "default": True,
        },
        "cues": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Patterns that show a sentence splits a whole into shares (percent).",
            "default": [],
        },
        "unless": {
            "type": "array",
            "items": {"$ref": "#/$defs/pattern"},
            "description": "Patterns that show a sentence's percentages are not shares (percent).",
            "default": [],
        },
        "tolerance": {
            "type": "number",
            "minimum": 0,
            "description": "Points allowed for rounding (percent).",
            "default": 1,
        },
        "not_items": {
            "$ref": "#/$defs/pattern",
            "description": "Items that show the commas belong to addresses, so the list is not counted (list).",
        },
        "people": {
            "$ref": "#/$defs/pattern",
            "description": "Nouns for people a headline counts ('Three New Members'), whose names the body's appointment sentence lists (list).",
        },
        "appointed": {
            "$ref": "#/$defs/pattern",
            "description": "Words after which the body lists the people a headline counts: 'the appointment of', 'elected' (list).",
        },
        "credentials": {
            "$ref": "#/$defs/pattern",
            "description": "Degrees and suffixes after a name that are no items: 'Ph.D.', 'Jr.' (list).",
        },
        "titles": {
            "$ref": "#/$defs/pattern",
            "description": "Words of job titles: a list holding one lists roles, not only people (list).",
        },
        "not_after": {
            "$ref": "#/$defs/pattern",
            "description": "Words after which a number is a label, not a count: 'Phase 3 trials' (list).",
            "default": None,
        },
    },
    "allOf": [
        {
            "if": {"properties": {"measure": {"const": "percent"}}, "required": ["measure"]},
            "then": {"required": ["cues"]},
            "else": {"required": ["numbers", "nouns", "groups", "complete", "partial"]},
        },
        {"dependentRequired": {"people": ["appointed", "credentials", "titles"]}},
    ],
}
