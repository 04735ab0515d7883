"""Company profiles: build one from past releases (``prlint init``).

A profile is an ordinary rule pack with a ``profile`` section (legal and
short name, tickers, product names, fiscal year end, filer category) and
rules for the approved About paragraph and legend. ``build_profile`` reads
the releases, gathers what they agree on, and returns a pack that validates.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.config.discovery import expand_paths
from checker.document.model import Document
from checker.document.suppressions import blank_directives
from checker.errors import InputError
from checker.inputs.reading import read_draft
from checker.packs.loader import load_packs
from checker.profiles.facts import Facts, gather, issuers
from checker.profiles.pack import build_pack


def build_profile(paths: list[str], pack_id: str | None = None) -> tuple[dict, list[str]]:
    """Read the releases at *paths* and return the profile pack and a summary."""
    documents = []
    for path in expand_paths(paths):
        raw = read_draft(path)
        documents.append(Document(path=raw.path, source=raw.text, text=blank_directives(raw.text)))
    if not documents:
        raise InputError("no releases to build a profile from")
    facts = gather(documents)
    _refuse_mixed_issuers(facts)
    return build_pack(facts, pack_id)


def _refuse_mixed_issuers(facts: Facts) -> None:
    """Refuse releases of several companies: a profile describes one issuer.

    A second company counts when it is the issuer of two releases or more,
    or of a tenth of them: one release whose lead names a partner first is
    a misreading, not a second issuer.
    """
    found = issuers(facts)
    others = [(name, count) for name, count in found[1:] if count >= max(2, facts.releases / 10)]
    if others:
        named = "; ".join(f"{name} ({count})" for name, count in found[: len(others) + 1])
        raise InputError(
            f"these releases are of several issuers: {named}; build a profile from one company's releases"
        )


def write_profile(pack: dict, output: Path, force: bool) -> None:
    """Write the pack to *output* (never over a file without *force*) and check it loads."""
    if output.exists() and not force:
        raise InputError(f"{output}: exists; pass --force to overwrite it")
    text = json.dumps(pack, indent=2, ensure_ascii=False) + "\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    load_packs([output])  # a profile prlint itself cannot load is a bug: fail loudly
