"""Word lists for the ``lexicon`` kind, each loaded lazily and only once.

* English: the union of pyspellchecker's English frequency dictionary
  (160,000 forms from subtitles, inflections included: "patients") and the
  ``web2`` list of english-words (Webster's Second International, public
  domain: 234,000 headwords and many proper names). Both are MIT-licensed
  pip packages. Together they keep ordinary words and common names quiet.
* Drugs: ``checker/data/unii_drug_names.tsv``, derived from the FDA UNII
  Names list by ``scripts/build_drug_lexicon.py`` (provenance in its header).

Nothing is read until a rule asks, so linting with the spelling pack off
costs nothing; the first draft checked pays about half a second.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Mapping

from checker.cache import built_data

#: Suffixes stripped to find an English stem: "delisting" → "delist".
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "al", "ation", "ations", "ment")
DRUG_FILE = "data/unii_drug_names.tsv"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Return the lowercase English vocabulary (both pip word lists), cached between runs."""
    from importlib.metadata import version

    versions = f"pyspellchecker {version('pyspellchecker')}; english-words {version('english-words')}"
    return built_data("english-words", versions, _build_english_words)


def _build_english_words() -> frozenset[str]:
    """Build the vocabulary from pyspellchecker's English list and english-words' web2."""
    from english_words import get_english_words_set
    from spellchecker import SpellChecker

    words = set(SpellChecker(language="en").word_frequency.keys())
    words.update(get_english_words_set(["web2"], lower=True, alpha=True))
    return frozenset(words)


@lru_cache(maxsize=1)
def drug_names() -> Mapping[str, str]:
    """Return the UNII one-word names, lowercase, mapped to their name types."""
    names: dict[str, str] = {}
    text = resources.files("checker").joinpath(DRUG_FILE).read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _tab, types = line.partition("\t")
            names[name] = types
    return names


@lru_cache(maxsize=4)
def drug_targets(types: str) -> dict[int, tuple[str, ...]]:
    """Return the drug names of the given types (comma-separated) by length.

    Names that are English words are left out: a near miss of "ethanol"
    is a matter for a general spell checker, not for this lexicon.
    """
    wanted = set(types.split(","))
    english = english_words()
    by_length: dict[int, list[str]] = {}
    for name, kinds in drug_names().items():
        if wanted & set(kinds.split(",")) and name not in english:
            by_length.setdefault(len(name), []).append(name)
    return {length: tuple(names) for length, names in by_length.items()}


def is_english(word: str) -> bool:
    """Tell whether *word* (any case, maybe hyphenated) is ordinary English.

    A hyphenated word is English when every part of two or more letters
    is; a part is English when it, or its stem without a common suffix, is
    in the vocabulary.
    """
    parts = [part for part in word.lower().split("-") if len(part) > 1]
    return bool(parts) and all(_english_part(part) for part in parts)


def _english_part(part: str) -> bool:
    """Tell whether one hyphen-free part is an English word or inflection."""
    english = english_words()
    if part in english:
        return True
    for suffix in _SUFFIXES:
        if part.endswith(suffix) and part[: -len(suffix)] in english:
            return True
    return False


def is_drug_name(word: str) -> bool:
    """Tell whether *word* or its last hyphen part is a UNII name of any type."""
    lower = word.lower()
    names = drug_names()
    return lower in names or lower.rsplit("-", 1)[-1] in names
