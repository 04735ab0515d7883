"""The library interface: a loaded configuration pickles, lint_text is pure and parallel-safe."""

from __future__ import annotations

import pickle
from functools import partial
from multiprocessing import get_context

import pytest

from checker.api import default_config, lint_text, load_config
from checker.config.settings import Settings

DRAFTS = [
    "NEW YORK, May 5, 2026 /PRNewswire/ -- Acme Corp. (AMEX: KAL)(Frankfurt”>CA4) announced the the news.\n",
    "NEW YORK, Feb. 22 /PRNewswire/ -- Callisto began a trial of L- Annamycin and L-Annamycin and L-Annamycin.\n",
    "Plain text with Companyâ€™s mojibake.\n",
]


def test_a_loaded_configuration_pickles_and_lints_the_same() -> None:
    config = default_config()
    copy = pickle.loads(pickle.dumps(config))
    for text in DRAFTS:
        assert lint_text(text, copy) == lint_text(text, config)


@pytest.mark.slow
def test_lint_text_in_a_process_pool_matches_the_serial_result() -> None:
    config = default_config()
    serial = [lint_text(text, config) for text in DRAFTS]
    with get_context("spawn").Pool(2) as pool:
        parallel = pool.map(partial(lint_text, config=config), DRAFTS)
    assert parallel == serial
    assert all(serial)  # every draft has findings: the comparison means something


def test_the_check_context_is_built_once_per_configuration() -> None:
    """Every draft of a run shares it, rather than building its rule-id sets again."""
    config = load_config(Settings(date="2026-05-05"))
    context = config.context()
    assert config.context() is context
    assert context.release_date == "2026-05-05" and "core.doubled-word" in context.selected_rules
    copy = pickle.loads(pickle.dumps(config))  # still pickles, and lints the same
    assert copy.context() == context and lint_text(DRAFTS[0], copy) == lint_text(DRAFTS[0], config)
