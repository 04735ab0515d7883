"""The ``prlint`` command's start-up: prlint imported with the collector off, drafts checked with it on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import REPO

#: Prints the collector's state when checker.cli is imported (start-up) and when the text
#: formatter is (a draft's findings are being shown), then runs the command.
PROBE = """
import gc, sys
from importlib.abc import MetaPathFinder

class Probe(MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name in ("checker.cli", "checker.formatters.text"):
            sys.stderr.write(f"{name} {gc.isenabled()} {gc.get_freeze_count() > 0}\\n")
        return None

sys.meta_path.insert(0, Probe())
sys.argv = ["prlint", "--no-cache", "--select", "core.doubled-word", sys.argv[1]]
from checker.command import console
console()
"""


def test_the_command_imports_prlint_without_the_collector_and_checks_with_it(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Acme plans to to file.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(draft)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0 and "core.doubled-word" in done.stdout  # a warning
    assert done.stderr.splitlines() == [
        "checker.cli False False",  # importing: the collector is off
        "checker.formatters.text True True",  # checking: on again, the start-up's objects frozen
    ]


def test_importing_the_package_loads_no_prlint_module_until_lint_text_is_asked_for() -> None:
    script = (
        "import sys, checker\n"
        "print(sorted(name for name in sys.modules if name.startswith('checker.')))\n"
        "print('core.doubled-word' in {f.rule for f in checker.lint_text('We plan to to file.')})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=REPO
    )
    assert done.stdout.splitlines() == ["[]", "True"]


def test_the_package_names_an_attribute_it_lacks_and_lists_the_one_it_has() -> None:
    import checker

    assert {"lint_text", "__version__"} <= set(dir(checker))
    with pytest.raises(AttributeError, match="no attribute 'lint_txt'"):
        checker.lint_txt  # noqa: B018
