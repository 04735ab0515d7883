"""No built-in rule's work grows faster than the draft: adversarial drafts up to the size limit.

For each built-in pack, a draft is made of its rules' own triggers (every
``examples.fail``, one paragraph each), repeated to 64 KiB and to the size
limit (512 KiB), and linted with the pack's rules, opt-in ones included.
Each rule's work is measured while it runs, with the analyses it is the
first to ask for, and so is the whole lint (the engine's own work between
the rules: suppression comments, notes an error repeats, sorting):

the number of function calls it makes (Python and built-in, counted by
``cProfile``). The count is deterministic, so the bound is tight: 1.5 times
the growth of the draft, where a quadratic rule grows 8 times more. CPU
time is not asserted: on a shared machine it is noise (a linear pattern
once measured 28 times slower at 8 times the size), and the project runs no
timed tests. Work no call count sees, a pattern backtracking inside the
``regex`` engine, is bounded per draft by the watchdog and measured by
``bench/scaling.py``.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

from checker import engine
from checker.api import load_config
from checker.config.settings import Settings
from checker.document.model import Document
from checker.inputs.reading import MAX_DRAFT_BYTES
from checker.packs.loader import builtin_pack_paths, load_packs

pytestmark = pytest.mark.slow

SMALL = 64 * 1024
LARGE = MAX_DRAFT_BYTES
GROWTH = LARGE / SMALL
CALLS_BOUND = 1.5 * GROWTH
MIN_CALLS = 5_000  # at the limit: fewer is fixed cost, not growth
WHOLE_LINT = "(the whole lint)"


def _config():
    opt_in = tuple(rule.id for rule in load_packs(builtin_pack_paths()).rules if rule.opt_in)
    return load_config(Settings(extend_select=opt_in))


CONFIG = _config()
PACKS = sorted({rule.pack for rule in CONFIG.rules})


def adversarial_draft(rules: list, size: int) -> str:
    """The rules' failing examples, a paragraph each, repeated to *size* bytes of UTF-8."""
    unit = "\n\n".join(text for rule in rules for text in rule.examples_fail) + "\n\n"
    text = unit * (size // len(unit.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def work_per_rule(rules: list, size: int, monkeypatch) -> dict[str, int]:
    """Lint the pack's draft of *size*; return each rule's function calls."""
    work: dict[str, int] = {}
    run_rule = engine.run_rule

    def measured(rule, document, context):
        profile = cProfile.Profile()
        profile.enable()
        try:
            return run_rule(rule, document, context)
        finally:
            profile.disable()
            work[rule.id] = pstats.Stats(profile).total_calls

    text = adversarial_draft(rules, size)
    document = Document.from_text(text)
    # The draft's layout (paragraphs, sentences, quotations, parts, dateline) is the document
    # model's, shared by every rule: built here, it is not charged to whichever rule asks first,
    # which changes with where the draft's last example is cut. The whole lint below counts it.
    _layout = (document.sentences, document.quotations, document.parts)
    monkeypatch.setattr(engine, "run_rule", measured)
    engine.lint(document, rules, CONFIG.context())
    monkeypatch.undo()
    # and the whole lint, the engine's own work between the rules included
    profile = cProfile.Profile()
    profile.enable()
    engine.lint(Document.from_text(text), rules, CONFIG.context())
    profile.disable()
    work[WHOLE_LINT] = pstats.Stats(profile).total_calls
    return work


@pytest.mark.parametrize("pack", PACKS)
def test_each_rule_s_work_grows_no_faster_than_the_draft(pack: str, monkeypatch) -> None:
    rules = [r for r in CONFIG.rules if r.pack == pack]
    assert rules
    # warm: word lists, lazily built patterns. With the large draft, whose cut-off last example
    # may hold a word no smaller draft does: the table that answers it is built once, a fixed
    # cost (900,000 calls for the person names in a fresh cache), not growth with the draft.
    work_per_rule(rules, LARGE, monkeypatch)
    small = work_per_rule(rules, SMALL, monkeypatch)
    large = work_per_rule(rules, LARGE, monkeypatch)
    too_fast = []
    for rule_id, calls in large.items():
        small_calls = small[rule_id]
        if calls >= MIN_CALLS and calls > CALLS_BOUND * max(small_calls, 1):
            too_fast.append(f"{rule_id}: {small_calls} -> {calls} calls")
    assert not too_fast, f"work grew more than {GROWTH:g}x the draft: {too_fast}"
