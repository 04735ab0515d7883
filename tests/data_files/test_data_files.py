"""Every data file of checker/data/ is read through checker.data.load and names its sources."""

from __future__ import annotations

import pytest

from checker.analysis import sec_data
from checker.data import load
from tests.helpers import REPO

NAMES = sorted(path.stem for path in (REPO / "checker" / "data").glob("*.json"))


@pytest.mark.parametrize("name", NAMES)
def test_a_data_file_says_what_it_holds_and_where_it_comes_from(name: str) -> None:
    data = load(name)
    assert isinstance(data["description"], str) and data["description"].strip()
    assert isinstance(data["source"], str) and data["source"].strip()


def test_the_kinds_read_the_same_files_through_sec_data() -> None:
    """sec_data.load is the one loader, not a second reader with its own cache."""
    assert sec_data.load is load
    assert {"calendar", "wires", "exchanges", "sec_forms", "safe_harbor"} <= set(NAMES)
